"""The exports: every published mart, and the changes of this publish, as files for tools that read files.

A new version is written whole into its own directory and then swapped in by the exports'
directory functions (plugins/market_sizing_exports.py, handed in by the plugin), so a reader sees
the previous version or the new one, never half of one. Rows keep the published file's order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from market_sizing.publishing.request import literal, quote

CHANGES_FILE = "changes.csv"


@dataclass(frozen=True)
class ExportDirectories:
    """The exports' version directory functions: `prepare(link, version)` and `swap(link, version)`."""

    prepare: Callable[[str, str], str]
    swap: Callable[[str, str], str]


def export_build(build: Path, marts: Sequence[str], link: str, version: str, directories: ExportDirectories) -> None:
    """Write `marts` of the build file as Parquet and CSV, and meta.changes as changes.csv; swap them in."""
    directory = Path(directories.prepare(link, version))
    with duckdb.connect(str(build), read_only=True) as connection:
        for mart in marts:
            rows = f"marts.{quote(mart)}"
            connection.execute(f"copy {rows} to {literal(str(directory / f'{mart}.parquet'))} (format parquet)")
            connection.execute(f"copy {rows} to {literal(str(directory / f'{mart}.csv'))} (format csv, header true)")
        changes = literal(str(directory / CHANGES_FILE))
        connection.execute(f"copy meta.changes to {changes} (format csv, header true)")
    directories.swap(link, version)
