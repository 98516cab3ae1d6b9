"""The published warehouse on disk: a stable name that is a symbolic link to one immutable file per build.

    market_sizing.duckdb -> .market_sizing/builds/market_sizing.duckdb/<build id>.duckdb   (0444)

A publish writes a new build file, then re-points the link with one atomic rename. DuckDB shares one
database instance per file inside a process and finds it by the link's resolved path, so a new
connection, in any process, opens the new build even while connections to the previous one are open.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

BUILDS_DIRECTORY = Path(".market_sizing") / "builds"
BUILD_SUFFIX = ".duckdb"
STAGING_SUFFIX = ".publishing"
BUILD_NAME = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.duckdb")
KEPT_PREVIOUS_BUILDS = 2  # for readers that resolved the link a moment before it moved
PUBLISHED_MODE = 0o444  # read-only on disk: a reader that forgets read_only cannot write to a build


def new_build_id(invocation_id: str, now: datetime | None = None) -> str:
    """`<UTC time>-<dbt invocation id>`: unique per run, and in the order the builds were made."""
    moment = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{moment}-{invocation_id}"


def has_duckdb_header(path: Path) -> bool:
    """A regular file (not a link) whose header carries DuckDB's magic bytes."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class Layout:
    """The files of one published warehouse, named by its stable path (MARKET_SIZING_DB)."""

    stable: Path

    @property
    def builds(self) -> Path:
        """Where the build files of this stable name live."""
        return self.stable.parent / BUILDS_DIRECTORY / self.stable.name

    @property
    def temporary_link(self) -> Path:
        """The new link, made beside the stable name and renamed over it."""
        return self.stable.with_name(self.stable.name + STAGING_SUFFIX)

    def build_file(self, build_id: str) -> Path:
        return self.builds / f"{build_id}{BUILD_SUFFIX}"

    def staging_file(self, build_id: str) -> Path:
        return self.builds / f"{build_id}{BUILD_SUFFIX}{STAGING_SUFFIX}"

    def link_text(self, build: Path) -> str:
        """What the link holds: a path relative to its directory, so the project can move as a whole."""
        return (BUILDS_DIRECTORY / self.stable.name / build.name).as_posix()

    def is_own_link_text(self, text: str) -> bool:
        prefix = (BUILDS_DIRECTORY / self.stable.name).as_posix() + "/"
        return text.startswith(prefix) and BUILD_NAME.fullmatch(text[len(prefix) :]) is not None

    def is_own_link(self, path: Path | None = None) -> bool:
        """Whether `path` (the stable name by default) is a link this project made to one of its builds."""
        candidate = path or self.stable
        return candidate.is_symlink() and self.is_own_link_text(os.readlink(candidate))

    def current_file(self) -> Path | None:
        """The file a reader opening the stable name gets now: a build, a legacy regular file, or none."""
        if self.is_own_link():
            target = self.stable.parent / os.readlink(self.stable)
            return target if target.is_file() else None
        return self.stable if has_duckdb_header(self.stable) else None

    def own_builds(self) -> list[Path]:
        """This project's build files, oldest first (the names start with the time they were made)."""
        if not self.builds.is_dir():
            return []
        return sorted(
            path for path in self.builds.iterdir() if BUILD_NAME.fullmatch(path.name) and has_duckdb_header(path)
        )

    def seal(self, staging: Path, build: Path) -> None:
        """Make a written staging file the immutable build file: read-only, flushed, renamed."""
        os.chmod(staging, PUBLISHED_MODE)
        with staging.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(staging, build)
        fsync_directory(self.builds)

    def point_at(self, build: Path) -> None:
        """Re-point the stable name at `build` in one atomic rename (replacing a legacy regular file too)."""
        temporary = self.temporary_link
        if os.path.lexists(temporary):
            temporary.unlink()
        temporary.symlink_to(self.link_text(build))
        # A WAL beside a legacy regular file was written by a read-write connection to that file;
        # left there, DuckDB would replay it against the build behind the link.
        legacy_wal = Path(str(self.stable) + ".wal")
        legacy_wal.unlink(missing_ok=True)
        os.replace(temporary, self.stable)
        legacy_wal.unlink(missing_ok=True)
        fsync_directory(self.stable.parent)

    def prune(self, current: Path) -> list[Path]:
        """Remove this project's build files but `current` and the last few before it; return what went.

        Only files named like a build, with DuckDB's header, in this name's builds directory (and
        their WAL) are removed; a reader that still holds one open keeps reading it (Linux keeps an
        unlinked open file until it is closed).
        """
        others = [path for path in self.own_builds() if path != current]
        removed = others[: max(len(others) - KEPT_PREVIOUS_BUILDS, 0)]
        for path in removed:
            path.unlink()
            Path(str(path) + ".wal").unlink(missing_ok=True)
        return removed
