"""File operations of the exports (macro `export_marts`): every mart as Parquet and CSV.

The macro writes a complete new version into its own directory, then `swap_directory` points the
`exports` link at it with one atomic rename, so that a reader of `exports/` sees the previous
version whole or the new one whole, never a mix or a half-written file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

VERSIONS_DIRECTORY = ".exports"


def versions_directory(link: str) -> Path:
    """Where the export versions live: `.exports/` beside the `exports` link."""
    return Path(link).parent / VERSIONS_DIRECTORY


def prepare_directory(link: str, version: str) -> str:
    """An empty directory for a new export version; its path is returned."""
    directory = versions_directory(link) / version
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    return str(directory)


def swap_directory(link: str, version: str) -> str:
    """Point `link` at the version's directory in one atomic rename; drop versions older than the last."""
    versions = versions_directory(link)
    new_target = versions / version
    if not new_target.is_dir():
        raise FileNotFoundError(f"export version {new_target} does not exist")
    link_path = Path(link)
    previous = link_path.resolve() if link_path.is_symlink() else None
    if link_path.exists() and not link_path.is_symlink():
        # An `exports` directory made by hand or by an older layout: keep it as a version.
        link_path.rename(versions / f"{version}.replaced")
    staging_link = link_path.with_name(link_path.name + ".swapping")
    staging_link.unlink(missing_ok=True)
    staging_link.symlink_to(os.path.relpath(new_target, link_path.parent), target_is_directory=True)
    os.replace(staging_link, link_path)
    directory = os.open(link_path.parent.resolve(), os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    # Keep the version just replaced (a reader may still be opening its files); remove older ones.
    keep = {new_target.resolve(), previous}
    for old in versions.iterdir():
        if old.resolve() not in keep:
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            else:
                old.unlink()
    return str(link_path)
