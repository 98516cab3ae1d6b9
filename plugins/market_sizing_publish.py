"""File safety of the publish step: what MARKET_SIZING_DB may name, and which files the project removes.

The publish step replaces only a file this project published (a DuckDB database holding
``meta.build_info``) or creates a new one; it removes only its own temporaries. Everything else
named by MARKET_SIZING_DB (a README, a device, a directory, a pipe, a link, somebody's other
database) is refused with a message naming the setting, before any node runs and again before the
swap. These functions are registered as SQL functions by ``market_sizing_plugin``.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
from pathlib import Path

import duckdb

SETTING = "MARKET_SIZING_DB"
MARKER_TABLE = ("meta", "build_info")
TEMPORARY_SUFFIX = ".publishing"
PUBLISHED_MODE = 0o444  # read-only on disk: a reader that forgets read_only cannot write a WAL beside it
RULE = (
    f"rule: {SETTING} names the warehouse file this project published, or a new file in an existing "
    "directory; nothing else is ever overwritten or removed"
)


class PublishTargetError(ValueError):
    """MARKET_SIZING_DB (or a temporary beside it) is not a file the project may write."""


def has_duckdb_header(path: Path) -> bool:
    """A regular file (not a link) whose header carries DuckDB's magic bytes."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def _holds_marker_table(path: Path) -> bool | None:
    """Whether the database holds meta.build_info; None when another process holds it open for writing."""
    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            found = connection.execute(
                "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?", list(MARKER_TABLE)
            ).fetchone()
    except duckdb.Error as error:
        text = str(error)
        # A notebook's read-write connection holds the lock, or left a WAL behind (it is the
        # project's file, which the DuckDB header shows; the publish replaces it and drops the WAL).
        if "lock" in text.lower() or "WAL" in text:
            return None
        return False
    return bool(found and found[0])


def target_problem(path: str, build_database: str) -> str | None:
    """Why `path` may not be published to, or None (absent in an existing directory, or the project's file)."""
    if not path.strip():
        return "is empty"
    target = Path(path)
    parent = target.parent
    if not parent.is_dir():
        return f"is in a directory that does not exist ({parent})"
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot be examined ({error.strerror})"
    if stat.S_ISLNK(mode):
        return "is a symbolic link (name the file itself)"
    if stat.S_ISDIR(mode):
        return "is a directory"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a device, a pipe or a socket)"
    if build_database and Path(build_database).exists() and os.path.samefile(target, build_database):
        return "is the build database"
    if not has_duckdb_header(target):
        return "is an existing file that is not a DuckDB database, so the project did not publish it"
    if _holds_marker_table(target) is False:
        return "is a DuckDB database without meta.build_info, so the project did not publish it"
    return None


def _is_own_temporary(path: Path) -> bool:
    """A leftover of an interrupted publish: empty, or a DuckDB file (its WAL: any regular file)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return path.suffix == ".wal" or info.st_size == 0 or has_duckdb_header(path)


def _in_use(path: Path) -> bool:
    """Whether another process holds a DuckDB lock on `path` (another build publishing right now)."""
    try:
        with path.open("rb+") as handle:
            fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def remove_own_temporaries(path: str) -> list[str]:
    """Remove `<path>.publishing` and its WAL when they are the project's leftovers; refuse anything else."""
    removed = []
    temporary = Path(path + TEMPORARY_SUFFIX)
    for candidate in (temporary, Path(str(temporary) + ".wal")):
        if not os.path.lexists(candidate):
            continue
        if not _is_own_temporary(candidate):
            raise PublishTargetError(
                f"{SETTING}={path!r}: {candidate} is in the way and is not a temporary the project left "
                f"(remove or rename it yourself) ({RULE}). The published warehouse was left as it was."
            )
        if candidate.suffix != ".wal" and _in_use(candidate):
            continue  # another build is publishing to the same file this very moment
        candidate.unlink()
        removed.append(str(candidate))
    return removed


def check_publish_target(path: str, build_database: str) -> str:
    """'' when `path` may be published to (leftovers of an interrupted publish removed), else the refusal."""
    problem = target_problem(path, build_database)
    if problem:
        return f"{SETTING}={path!r} {problem} ({RULE}). Nothing was published and {path!r} was left as it was."
    try:
        remove_own_temporaries(path)
    except PublishTargetError as error:
        return str(error)
    return ""


def replace_file(source: str, destination: str) -> str:
    """Make `source` the published file in one atomic rename: read-only on disk, flushed, no stale WAL."""
    problem = target_problem(destination, "")
    if problem:
        raise PublishTargetError(f"{SETTING}={destination!r} {problem} ({RULE}). Nothing was published.")
    staged = Path(source)
    os.chmod(staged, PUBLISHED_MODE)
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())
    stale_wal = Path(destination + ".wal")
    stale_wal.unlink(missing_ok=True)
    os.replace(staged, destination)
    # A WAL beside the published file was written by a read-write connection to the file just
    # replaced; left there, it would be replayed against the new file and fail every new reader.
    stale_wal.unlink(missing_ok=True)
    directory = os.open(Path(destination).resolve().parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return destination


def project_unit_tests(manifest_path: str, invocation: str, project: str) -> str:
    """The project's enabled unit tests, from this invocation's manifest (dbt's Jinja graph has none).

    Returns a JSON list of unique ids, or a JSON object {"problem": ...} when the manifest on disk
    is not this invocation's (written with --no-write-json, or by another run), so nothing can be verified.
    """
    try:
        manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return json.dumps({"problem": f"{manifest_path} could not be read"})
    if manifest.get("metadata", {}).get("invocation_id") != invocation:
        return json.dumps({"problem": f"{manifest_path} was not written by this run"})
    return json.dumps(
        sorted(
            unique_id
            for unique_id, test in manifest.get("unit_tests", {}).items()
            if test.get("package_name") == project and test.get("config", {}).get("enabled", True)
        )
    )
