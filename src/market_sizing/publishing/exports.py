"""The exports: every published mart, and the changes of this publish, as files for tools that read files.

Every mart as Parquet and CSV, all of them in one Excel workbook (with an About sheet), and
meta.changes as changes.csv. A new version is written whole into its own marked directory and then
swapped in by the exports' directory functions (`export_directories`, handed in by the dbt plugin),
so a reader sees the previous version or the new one, never half of one; whatever sits at the
exports path that the project did not create is left alone. Rows keep the published file's
order. CSV text a spreadsheet would run as a formula gets a leading apostrophe; Parquet, the
workbook (plain string cells) and the warehouse keep the exact text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from market_sizing.publishing.request import literal, quote

CHANGES_FILE = "changes.csv"
WORKBOOK_FILE = "market_sizing.xlsx"
DOCS_FILE = "models/_docs.md"
# A text cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
APOSTROPHE = literal("'")


@dataclass(frozen=True)
class ExportDirectories:
    """The exports' file-system functions (`export_directories`) and the workbook writer (`workbook`).

    `prepare(link, version)` makes a new marked run directory; `swap(link, version)` points the link at
    it; `refusal(link)` says why the link may not be written (empty when it may);
    `workbook(database, path, docs_path, max_cells)` writes the workbook (returns why not, else empty).
    """

    prepare: Callable[[str, str], str]
    swap: Callable[[str, str], str]
    refusal: Callable[[str], str]
    workbook: Callable[[str, str, str, str], str]


def csv_select(connection: duckdb.DuckDBPyConnection, mart: str) -> str:
    """The select list of a mart's CSV export: formula-like text gets a leading apostrophe."""
    starts = ", ".join(literal(character) for character in FORMULA_STARTS)
    expressions = []
    for name, data_type in connection.execute(
        "select column_name, data_type from duckdb_columns() where schema_name = 'marts' and table_name = ? "
        "order by column_index",
        [mart],
    ).fetchall():
        column = quote(name)
        if data_type == "VARCHAR":
            expressions.append(
                f"case when left({column}, 1) in ({starts}) then {APOSTROPHE} || {column} else {column} end as {column}"
            )
        else:
            expressions.append(column)
    return ", ".join(expressions)


def export_build(
    build: Path, marts: Sequence[str], link: str, version: str, directories: ExportDirectories, max_cells: str
) -> str:
    """Write the exports of the build file and swap them in; return what to say (EXPORTED or NOT EXPORTED)."""
    refused = directories.refusal(link)
    if refused:
        return f"NOT EXPORTED: {refused}"
    directory = Path(directories.prepare(link, version))
    with duckdb.connect(str(build), read_only=True) as connection:
        for mart in marts:
            rows = f"marts.{quote(mart)}"
            connection.execute(f"copy {rows} to {literal(str(directory / f'{mart}.parquet'))} (format parquet)")
            csv_rows = f"(select {csv_select(connection, mart)} from {rows})"
            connection.execute(
                f"copy {csv_rows} to {literal(str(directory / f'{mart}.csv'))} (format csv, header true)"
            )
        changes = literal(str(directory / CHANGES_FILE))
        connection.execute(f"copy meta.changes to {changes} (format csv, header true)")
    skipped = directories.workbook(str(build), str(directory / WORKBOOK_FILE), DOCS_FILE, max_cells)
    directories.swap(link, version)
    if skipped:
        return f"EXPORTED {len(marts)} marts as Parquet and CSV to {link}/ ({skipped})"
    return f"EXPORTED {len(marts)} marts as Parquet, CSV and one Excel workbook ({WORKBOOK_FILE}) to {link}/"
