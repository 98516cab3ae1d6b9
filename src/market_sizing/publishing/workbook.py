"""The Excel workbook of the exports (written by `market_sizing.publishing.exports`): every published
mart as one sheet, after an About sheet (the build, the basis rules, every sheet and column
described), with typed cells.

Numbers, booleans, dates and timestamps are written as such, nulls as empty cells, and every text cell
with `write_string`, which Excel never evaluates as a formula. Marts too large for a workbook
(`max_cells`) get no workbook; a mart over Excel's row limit gets a sheet that says where to read it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

WORKBOOK_NAME = "market_sizing.xlsx"
EXCEL_MAX_ROWS = 1_048_576
EXCEL_SHEET_NAME_LENGTH = 31
ABOUT_SHEET = "About"
# Text a spreadsheet would run as a formula. CSV: prefixed with an apostrophe (exports.csv_select);
# the workbook writes every text cell with write_string, which Excel never evaluates.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NUMBER_TYPES = re.compile(r"^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$")
ABOUT_HEADER = ("section", "table", "name", "type", "text")

CellWriter = Callable[[Worksheet, int, int, object], object]


def neutralise_formula(text: str) -> str:
    """The CSV form of a text value: a leading apostrophe where a spreadsheet would see a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def doc_block(docs_path: Path, name: str) -> str:
    """The text of `{% docs name %} ... {% enddocs %}` in a dbt docs file."""
    pattern = r"{%-?\s*docs\s+" + re.escape(name) + r"\s*-?%}(.*?){%-?\s*enddocs\s*-?%}"
    found = re.search(pattern, docs_path.read_text(encoding="utf-8"), flags=re.DOTALL)
    if found is None:
        raise ValueError(f"no doc block `{name}` in {docs_path}")
    return found.group(1).strip()


def basis_rules(text: str) -> list[tuple[str, str]]:
    """(name, rule) per bullet `- `name`: rule` of the basis doc block; other lines have no name."""
    rules = []
    for line in text.splitlines():
        bullet = re.match(r"^\s*[-*]\s+`([^`]+)`\s*:?\s*(.*)$", line)
        if bullet:
            rules.append((bullet.group(1), bullet.group(2).strip()))
        elif line.strip():
            rules.append(("", line.strip()))
    return rules


def sheet_names(tables: list[str]) -> dict[str, str]:
    """Each table's sheet: its name, cut to Excel's 31 characters and made unique (case-insensitive)."""
    taken = {ABOUT_SHEET.lower()}
    names = {}
    for table in tables:
        base = re.sub(r"[\[\]:*?/\\]", "_", table)[:EXCEL_SHEET_NAME_LENGTH]
        name, number = base, 1
        while name.lower() in taken:
            number += 1
            suffix = f"~{number}"
            name = base[: EXCEL_SHEET_NAME_LENGTH - len(suffix)] + suffix
        taken.add(name.lower())
        names[table] = name
    return names


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def row_count(connection: duckdb.DuckDBPyConnection, table: str) -> int:
    return connection.execute(f"select count(*) from marts.{quote(table)}").fetchone()[0]


class WorkbookWriter:
    """Writes the published marts and the About sheet into one xlsx file with typed cells."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.header = workbook.add_format({"bold": True, "bottom": 1})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.timestamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})

    def cell_writer(self, data_type: str) -> CellWriter:
        """How a column of this DuckDB type is written: numbers, booleans, dates as such; the rest as text."""
        if NUMBER_TYPES.match(data_type):
            return self.write_number
        if data_type == "BOOLEAN":
            return lambda sheet, row, column, value: sheet.write_boolean(row, column, bool(value))
        if data_type == "DATE":
            return lambda sheet, row, column, value: sheet.write_datetime(row, column, value, self.date)
        if data_type.startswith("TIMESTAMP"):
            return self.write_timestamp
        return lambda sheet, row, column, value: sheet.write_string(row, column, str(value))

    @staticmethod
    def write_number(sheet: Worksheet, row: int, column: int, value: object) -> object:
        number = float(value) if isinstance(value, Decimal) else value
        if isinstance(number, float) and not math.isfinite(number):
            return sheet.write_string(row, column, str(number))
        return sheet.write_number(row, column, number)

    def write_timestamp(self, sheet: Worksheet, row: int, column: int, value: object) -> object:
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return sheet.write_datetime(row, column, value, self.timestamp)

    def write_header(self, sheet: Worksheet, names: list[str] | tuple[str, ...], rows: int) -> None:
        for column, name in enumerate(names):
            sheet.write_string(0, column, name, self.header)
            sheet.set_column(column, column, min(max(len(name) + 4, 12), 40))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, rows, len(names) - 1)

    def write_table(self, sheet: Worksheet, connection: duckdb.DuckDBPyConnection, table: str, rows: int) -> None:
        """Every row of marts.`table`, in the stored order (the published tables are written ordered)."""
        columns = connection.execute(
            "select column_name, data_type from duckdb_columns()"
            " where schema_name = 'marts' and table_name = ? order by column_index",
            [table],
        ).fetchall()
        self.write_header(sheet, [name for name, _ in columns], rows)
        writers = [self.cell_writer(data_type) for _, data_type in columns]
        cursor = connection.execute(f"select * from marts.{quote(table)}")
        row_number = 0
        while batch := cursor.fetchmany(10_000):
            for values in batch:
                row_number += 1
                for column, (writer, value) in enumerate(zip(writers, values, strict=True)):
                    if value is not None:
                        writer(sheet, row_number, column, value)

    def write_about(
        self,
        sheet: Worksheet,
        connection: duckdb.DuckDBPyConnection,
        tables: dict[str, tuple[str, int, str]],
        rules: list[tuple[str, str]],
    ) -> None:
        """One filterable table: the build, the basis rules, the sheets and every column's description."""
        build_columns = connection.execute(
            "select column_name, data_type from duckdb_columns()"
            " where schema_name = 'meta' and table_name = 'build_info' order by column_index"
        ).fetchall()
        build_values = connection.execute("select * from meta.build_info").fetchone() or ()
        described = connection.execute(
            "select table_name, column_name, data_type, comment from duckdb_columns()"
            " where schema_name = 'marts' order by table_name, column_index"
        ).fetchall()
        conventions = [
            "Nulls are empty cells, never 0: a not_disclosed share or revenue stays empty.",
            "Numbers are numbers (Excel keeps 15 significant digits), dates are dates, booleans are TRUE/FALSE.",
            "Text is stored as text, never as a formula, even when it starts with = + - @ (the CSV files "
            "prefix such text with an apostrophe; the warehouse and the Parquet files keep it exactly).",
        ]
        entries: list[tuple[str, str, str, str, object]] = [
            ("build", "meta.build_info", name, data_type, value)
            for (name, data_type), value in zip(build_columns, build_values, strict=True)
        ]
        entries += [("basis rule", "", name, "", rule) for name, rule in rules]
        entries += [
            ("sheet", table, sheet_name, f"{rows} rows", comment)
            for table, (sheet_name, rows, comment) in tables.items()
        ]
        entries += [("column", table, name, data_type, comment or "") for table, name, data_type, comment in described]
        entries += [("convention", "", "", "", text) for text in conventions]
        self.write_header(sheet, ABOUT_HEADER, len(entries))
        sheet.set_column(len(ABOUT_HEADER) - 1, len(ABOUT_HEADER) - 1, 100, self.wrapped)
        for row, (section, table, name, data_type, value) in enumerate(entries, start=1):
            for column, text in enumerate((section, table, name, data_type)):
                if text:
                    sheet.write_string(row, column, text)
            if value is not None and value != "":
                self.cell_writer(data_type if section == "build" else "VARCHAR")(sheet, row, 4, value)


def write_workbook(database: str, path: str, docs_path: str, max_cells: str) -> str:
    """Write every table of schema `marts` of the published `database`, after an About sheet, to `path`.

    Writing goes at some 50,000 to 100,000 cells a second: when the marts hold more than `max_cells`
    cells (a large corpus), no workbook is written, and the returned text says so; else it is empty.
    """
    limit = int(max_cells)
    rules = basis_rules(doc_block(Path(docs_path), "basis"))
    with duckdb.connect(database, read_only=True) as connection:
        catalogue = connection.execute(
            "select table_name, coalesce(comment, '') from duckdb_tables()"
            " where schema_name = 'marts' order by table_name"
        ).fetchall()
        names = sheet_names([table for table, _ in catalogue])
        tables = {table: (names[table], row_count(connection, table), comment) for table, comment in catalogue}
        column_counts = dict(
            connection.execute(
                "select table_name, count(*) from duckdb_columns() where schema_name = 'marts' group by table_name"
            ).fetchall()
        )
        cells = sum(rows * column_counts.get(table, 0) for table, (_, rows, _) in tables.items())
        if cells > limit:
            return (
                f"no Excel workbook: the marts hold {cells} cells, more than "
                f"MARKET_SIZING_WORKBOOK_MAX_CELLS={limit}; read the Parquet or CSV files"
            )
        with xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False}) as workbook:
            writer = WorkbookWriter(workbook)
            built_at = connection.execute("select max(built_at_utc) from meta.build_info").fetchone()[0]
            workbook.set_properties({"title": "market_sizing marts", "created": built_at or datetime.now(UTC)})
            writer.write_about(workbook.add_worksheet(ABOUT_SHEET), connection, tables, rules)
            for table, (sheet_name, rows, _) in tables.items():
                sheet = workbook.add_worksheet(sheet_name)
                if rows >= EXCEL_MAX_ROWS:
                    sheet.write_string(
                        0, 0, f"{rows} rows: more than an Excel sheet holds. Read exports/{table}.parquet or .csv."
                    )
                    continue
                writer.write_table(sheet, connection, table, rows)
    return ""
