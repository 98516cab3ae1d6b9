"""Where a build came from: the commit it ran from and a digest of its input files."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterable
from pathlib import Path


def inputs_digest(paths: Iterable[str]) -> str:
    """SHA-256 over each input file's path and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.encode("utf-8") + b"\0")
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def git_commit(directory: str = ".") -> str:
    """The commit checked out in `directory` (`+uncommitted` when tracked files changed), or `unknown`."""
    try:
        completed = subprocess.run(
            ["git", "-C", directory, "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=False
        )
        if completed.returncode != 0:
            return "unknown"
        dirty = subprocess.run(
            ["git", "-C", directory, "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return completed.stdout.strip() + ("+uncommitted" if dirty else "")
