"""What MARKET_SIZING_DB may name, and which leftovers the project removes.

The stable name is the project's own link to one of its builds, or absent (a new warehouse in an
existing directory), or a regular file the project published before builds lived behind a link
(it is replaced by the link at the next publish). Everything else (a README, a device, a directory,
a pipe, somebody's link, somebody's other database) is refused with a message naming the setting,
before any node runs and again right before the link moves.
"""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

import duckdb

from market_sizing.publishing.layout import BUILD_NAME, STAGING_SUFFIX, Layout, has_duckdb_header
from market_sizing.publishing.settings import PUBLISHED_SETTING

MARKER_TABLE = ("meta", "build_info")
RULE = (
    f"rule: {PUBLISHED_SETTING} names the warehouse this project published (its link, or a file it published "
    "before), or a new name in an existing directory; nothing else is ever overwritten or removed"
)


class PublishTargetError(ValueError):
    """MARKET_SIZING_DB (or a temporary beside it) is not something the project may write."""


def _holds_marker_table(path: Path) -> bool | None:
    """Whether the database holds meta.build_info; None when another process holds it open for writing."""
    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            found = connection.execute(
                "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?", list(MARKER_TABLE)
            ).fetchone()
    except duckdb.Error as error:
        text = str(error)
        # A notebook's read-write connection holds the lock, or left a WAL behind: the DuckDB header
        # shows it is the project's file, and the publish replaces it.
        if "lock" in text.lower() or "WAL" in text:
            return None
        return False
    return bool(found and found[0])


def target_problem(path: str, build_database: str) -> str | None:
    """Why `path` may not be published to, or None."""
    if not path.strip():
        return "is empty"
    target = Path(path)
    if not target.parent.is_dir():
        return f"is in a directory that does not exist ({target.parent})"
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot be examined ({error.strerror})"
    if stat.S_ISLNK(mode):
        return None if Layout(target).is_own_link() else "is a symbolic link the project did not make"
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


def refusal(path: str, build_database: str) -> str | None:
    """The whole refusal message for `path`, or None."""
    problem = target_problem(path, build_database)
    if problem is None:
        return None
    return f"{PUBLISHED_SETTING}={path!r} {problem} ({RULE}). Nothing was published and {path!r} was left as it was."


def _locked(path: Path) -> bool:
    """Whether another process holds a DuckDB lock on `path` (a build writing it right now)."""
    try:
        with path.open("rb+") as handle:
            fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _is_own_temporary_link(layout: Layout, path: Path) -> bool:
    """The new link of an interrupted publish, or a staging file written before builds moved behind a link."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return layout.is_own_link(path)
    if not stat.S_ISREG(info.st_mode):
        return False
    return path.suffix == ".wal" or info.st_size == 0 or has_duckdb_header(path)


def remove_leftovers(path: str) -> list[Path]:
    """Remove what an interrupted publish left; refuse anything else in the way of the next one."""
    layout = Layout(Path(path))
    removed = []
    temporary = layout.temporary_link
    for candidate in (temporary, Path(str(temporary) + ".wal")):
        if not os.path.lexists(candidate):
            continue
        if not _is_own_temporary_link(layout, candidate):
            raise PublishTargetError(
                f"{PUBLISHED_SETTING}={path!r}: {candidate} is in the way and is not a temporary the project left "
                f"(remove or rename it yourself) ({RULE}). The published warehouse was left as it was."
            )
        if candidate.is_file() and not candidate.is_symlink() and candidate.suffix != ".wal" and _locked(candidate):
            continue  # another build is publishing to the same name this very moment
        candidate.unlink()
        removed.append(candidate)
    if layout.builds.is_dir():
        for candidate in layout.builds.iterdir():
            written = candidate.name.removesuffix(".wal")
            if not written.endswith(STAGING_SUFFIX) or not BUILD_NAME.fullmatch(written.removesuffix(STAGING_SUFFIX)):
                continue
            if candidate.is_symlink() or not candidate.is_file():
                continue
            if candidate.suffix != ".wal" and _locked(candidate):
                continue
            candidate.unlink()
            removed.append(candidate)
    return removed


def check(path: str, build_database: str) -> str:
    """'' when `path` may be published to (leftovers of an interrupted publish removed), else the refusal."""
    problem = refusal(path, build_database)
    if problem:
        return problem
    try:
        remove_leftovers(path)
    except PublishTargetError as error:
        return str(error)
    return ""
