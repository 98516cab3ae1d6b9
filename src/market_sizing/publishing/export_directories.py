"""The directories of the exports: one marked directory per export run, swapped in behind one link.

The publish step (`market_sizing.publishing.exports`, handed these functions by the dbt plugin) writes
a complete new export run into its own directory (`prepare_directory`), then `swap_directory` points the
`exports` link at it with one atomic rename, so that a reader of `exports/` sees the previous run
whole or the new one whole, never a mix or a half-written file.

The project only ever replaces or removes what it created: each run directory holds a marker file
(`RUN_MARKER`) written first; the `exports` link is replaced only while it is a symbolic link to such
a marked directory, and only marked directories are removed. Anything else at the exports path (a
directory or file of the user's, a link elsewhere) makes `exports_refusal` say why, and the build
reports NOT EXPORTED without touching it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

VERSIONS_DIRECTORY = ".exports"
RUN_MARKER = ".market_sizing_export_run"
MARKER_TEXT = "An export run directory of the market_sizing project, which replaces and removes it.\n"
SETTING = "MARKET_SIZING_EXPORTS"


class ExportsRefused(RuntimeError):
    """The exports path holds something this project did not create: it is left as it is."""


def versions_directory(link: str) -> Path:
    """Where the export runs live: `.exports/` beside the `exports` link."""
    return Path(link).parent / VERSIONS_DIRECTORY


def is_marked_run(path: Path) -> bool:
    """Whether `path` is a real directory holding this project's run marker."""
    marker = path / RUN_MARKER
    try:
        return (
            path.is_dir()
            and not path.is_symlink()
            and marker.is_file()
            and not marker.is_symlink()
            and marker.read_text(encoding="utf-8") == MARKER_TEXT
        )
    except (OSError, UnicodeDecodeError):
        return False


def exports_refusal(link: str) -> str:
    """Why the exports must not be written to `link`, or an empty string when they may."""
    link_path = Path(link)
    advice = f"move it away, or set {SETTING} to a path that does not exist yet"
    if link_path.is_symlink():
        target = link_path.resolve()
        if not is_marked_run(target):
            return (
                f"{link} ({SETTING}) is a symbolic link to {os.readlink(link_path)}, not to an export run "
                f"directory this project created; it was left as it was: {advice}"
            )
    elif link_path.exists():
        kind = "directory" if link_path.is_dir() else "file"
        return f"{link} ({SETTING}) is a {kind} this project did not create; it was left as it was: {advice}"
    versions = versions_directory(link)
    if (versions.exists() or versions.is_symlink()) and not versions.is_dir():
        return f"{versions} (beside {SETTING}={link}) is not a directory; it was left as it was: move it away"
    return ""


def prepare_directory(link: str, version: str) -> str:
    """A new, marked, otherwise empty directory for an export run; its path is returned."""
    refusal = exports_refusal(link)
    if refusal:
        raise ExportsRefused(refusal)
    directory = versions_directory(link) / version
    if directory.exists() or directory.is_symlink():
        if not is_marked_run(directory):
            raise ExportsRefused(f"{directory} exists and is not an export run directory; it was left as it was")
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    (directory / RUN_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return str(directory)


def staging_link_path(link_path: Path, version: str) -> Path:
    return link_path.with_name(f".{link_path.name}.{version}.swapping")


def stale_staging_links(link_path: Path) -> Iterator[Path]:
    """Links an interrupted swap left beside `link_path` (symbolic links only, never files)."""
    for candidate in link_path.parent.glob(f".{link_path.name}.*.swapping"):
        if candidate.is_symlink():
            yield candidate


def fsync_directory(path: Path) -> None:
    directory = os.open(path, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def swap_directory(link: str, version: str) -> str:
    """Point `link` at the run's directory in one atomic rename; remove marked runs older than the last."""
    refusal = exports_refusal(link)
    if refusal:
        raise ExportsRefused(refusal)
    versions = versions_directory(link)
    new_target = versions / version
    if not is_marked_run(new_target):
        raise FileNotFoundError(f"export run directory {new_target} does not exist or is not marked")
    link_path = Path(link)
    previous = link_path.resolve() if link_path.is_symlink() else None
    staging_link = staging_link_path(link_path, version)
    if staging_link.is_symlink():
        staging_link.unlink()
    staging_link.symlink_to(os.path.relpath(new_target, link_path.parent), target_is_directory=True)
    os.replace(staging_link, link_path)
    fsync_directory(link_path.parent.resolve())
    # Keep the run just replaced (a reader may still be opening its files). Remove older marked
    # runs, among them those of interrupted exports, and links an interrupted swap left behind.
    keep = {new_target.resolve(), previous}
    for old in versions.iterdir():
        if old.resolve() not in keep and is_marked_run(old):
            shutil.rmtree(old)
    for stale in stale_staging_links(link_path):
        stale.unlink()
    return str(link_path)
