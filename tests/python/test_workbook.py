"""The Excel workbook exports/market_sizing.xlsx: one sheet per published mart after an About sheet,
every cell equal to the marts with its type (nulls empty), and text that looks like a formula kept as
text (an apostrophe in the CSV files, the exact text in the warehouse and the Parquet files)."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from market_sizing.publishing import workbook as workbook_module
from market_sizing.publishing.workbook import basis_rules, doc_block, sheet_names, write_workbook
from support import REPO_ROOT, DbtRun, copy_project, run_build

# The module builds its project once (a module-scoped fixture): one worker runs all its tests.
pytestmark = pytest.mark.xdist_group("workbook")

# Report titles a spreadsheet would run as formulas, put into the seeds of the built copy.
FORMULA_TITLES = {
    "dmr_healthcare_cmo_2023": '=HYPERLINK("https://example.invalid/","Healthcare CMO Market")',
    "mordor_healthcare_cmo_2025": "@SUM(1+1) Healthcare Contract Manufacturing Organization Market",
}
NUMBER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE"}


def set_titles(seed: Path, titles: dict[str, str]) -> None:
    with seed.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["report_id"] for row in rows} >= titles.keys()
    for row in rows:
        row["title"] = titles.get(row["report_id"], row["title"])
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> DbtRun:
    """The project built in a copy whose seeds hold report titles that look like formulas."""
    project = copy_project(tmp_path_factory.mktemp("workbook"))
    set_titles(project / "seeds" / "reports.csv", FORMULA_TITLES)
    run = run_build(project)
    assert run.returncode == 0, run.output
    assert "EXPORTED" in run.output, run.output
    return run


@pytest.fixture(scope="module")
def workbook(built: DbtRun) -> Iterator[Workbook]:
    book = openpyxl.load_workbook(built.project_dir / "exports" / "market_sizing.xlsx")
    yield book
    book.close()


def published_tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name"
        ).fetchall()
    ]


def assert_cell(cell: Cell, value: object, data_type: str, where: str) -> None:
    """A workbook cell holds the mart value with the type a spreadsheet needs for it."""
    if value is None:
        assert cell.value is None, where
    elif data_type == "BOOLEAN":
        assert cell.data_type == "b" and cell.value is value, where
    elif data_type == "DATE":
        assert cell.is_date and cell.number_format == "yyyy-mm-dd", where
        assert cell.value == datetime.datetime.combine(value, datetime.time()), where
    elif data_type in NUMBER_TYPES or data_type.startswith("DECIMAL"):
        assert cell.data_type == "n" and not cell.is_date, where
        assert isinstance(cell.value, int | float) and not isinstance(cell.value, bool), where
        # The file keeps 16 significant digits (xlsxwriter's %.16G; Excel itself shows 15).
        assert cell.value == float(f"{float(value):.16G}"), (where, cell.value, value)
    else:
        assert cell.data_type == "s", where
        assert cell.value == str(value), where


def test_one_sheet_per_published_mart_after_about(built: DbtRun, workbook: Workbook) -> None:
    with built.connect() as connection:
        tables = published_tables(connection)
    assert len(tables) >= 10
    assert workbook.sheetnames == ["About", *tables]


def test_every_cell_equals_the_marts(built: DbtRun, workbook: Workbook) -> None:
    checked = 0
    with built.connect() as connection:
        for table in published_tables(connection):
            columns = connection.execute(
                "select column_name, data_type from duckdb_columns()"
                " where schema_name = 'marts' and table_name = ? order by column_index",
                [table],
            ).fetchall()
            rows = connection.execute(f"select * from marts.{table} order by all").fetchall()
            sheet = workbook[table]
            cells = list(sheet.iter_rows())
            assert [cell.value for cell in cells[0]] == [name for name, _ in columns], table
            assert len(cells) == len(rows) + 1, table
            for row_number, (row, values) in enumerate(zip(cells[1:], rows, strict=True), start=2):
                assert len(row) == len(columns), table
                for cell, value, (name, data_type) in zip(row, values, columns, strict=True):
                    assert_cell(cell, value, data_type, f"{table}!{cell.coordinate} ({name}, row {row_number})")
                    checked += 1
    assert checked > 1000


def test_not_disclosed_stays_empty(workbook: Workbook) -> None:
    sheet = workbook["fct_regional_revenue"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    not_disclosed = [row for row in rows if row["basis"] == "not_disclosed"]
    assert not_disclosed
    assert all(row["share_pct"] is None and row["revenue_usd_bn"] is None for row in not_disclosed)


def test_header_row_is_frozen_and_filtered_on_every_sheet(workbook: Workbook) -> None:
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}", sheet.title


def about_entries(workbook: Workbook) -> list[tuple[object, ...]]:
    rows = list(workbook["About"].iter_rows(values_only=True))
    assert rows[0] == ("section", "table", "name", "type", "text")
    return rows[1:]


def test_about_sheet_holds_the_build(built: DbtRun, workbook: Workbook) -> None:
    with built.connect() as connection:
        relation = connection.sql("select * from meta.build_info")
        expected = dict(zip(relation.columns, relation.fetchone(), strict=True))
    shown = {name: value for section, _, name, _, value in about_entries(workbook) if section == "build"}
    assert shown.keys() == expected.keys()
    for name, value in expected.items():
        if isinstance(value, datetime.datetime):
            # Excel keeps milliseconds.
            assert abs(shown[name] - value) < datetime.timedelta(milliseconds=1), name
        else:
            assert shown[name] == value, name
    assert re.fullmatch(r"[0-9a-f]{64}", shown["inputs_sha256"])


def test_about_sheet_holds_the_basis_rules_of_the_docs(workbook: Workbook) -> None:
    text = (REPO_ROOT / "models" / "_docs.md").read_text(encoding="utf-8")
    block = text.split("{% docs basis %}", 1)[1].split("{% enddocs %}", 1)[0]
    expected = dict(re.findall(r"^- `([a-z_]+)`: (.+)$", block, flags=re.MULTILINE))
    assert {"reported", "derived", "not_disclosed"} <= expected.keys()
    shown = {name: value for section, _, name, _, value in about_entries(workbook) if section == "basis rule" and name}
    assert shown == expected


def test_about_sheet_describes_every_column(built: DbtRun, workbook: Workbook) -> None:
    with built.connect() as connection:
        expected = {
            (table, column): (data_type, comment)
            for table, column, data_type, comment in connection.execute(
                "select table_name, column_name, data_type, comment from duckdb_columns() where schema_name = 'marts'"
            ).fetchall()
        }
    assert all(comment for _, comment in expected.values())
    shown = {
        (table, name): (data_type, value)
        for section, table, name, data_type, value in about_entries(workbook)
        if section == "column"
    }
    assert shown == expected


def test_formula_text_is_neutralised_in_csv_and_kept_as_text_elsewhere(built: DbtRun, workbook: Workbook) -> None:
    exports = built.project_dir / "exports"
    with built.connect() as connection:
        warehouse = dict(connection.execute("select report_id, title from marts.dim_reports").fetchall())
    parquet = dict(
        duckdb.sql(f"select report_id, title from read_parquet('{exports / 'dim_reports.parquet'}')").fetchall()
    )
    with (exports / "dim_reports.csv").open(encoding="utf-8", newline="") as handle:
        csv_titles = {row["report_id"]: row["title"] for row in csv.DictReader(handle)}
    sheet = workbook["dim_reports"]
    header = [cell.value for cell in sheet[1]]
    cells = {row[header.index("report_id")].value: row[header.index("title")] for row in sheet.iter_rows(min_row=2)}
    for report_id, title in FORMULA_TITLES.items():
        assert warehouse[report_id] == title
        assert parquet[report_id] == title
        assert csv_titles[report_id] == "'" + title
        assert cells[report_id].data_type == "s" and cells[report_id].value == title
    ordinary = next(report_id for report_id in warehouse if report_id not in FORMULA_TITLES)
    assert csv_titles[ordinary] == warehouse[ordinary]


def test_negative_numbers_are_not_text_in_the_csv(built: DbtRun) -> None:
    with (built.project_dir / "exports" / "fct_market_comparison.csv").open(encoding="utf-8", newline="") as handle:
        values = [row["difference_from_median_pct"] for row in csv.DictReader(handle)]
    negative = [value for value in values if value.startswith("-")]
    assert negative, "the shipped seeds hold reports below the median"
    assert not [value for value in values if value.startswith("'")]
    assert all(float(value) < 0 for value in negative)


# The writer on its own, with types and sizes the shipped marts do not have ----------------------------


@pytest.fixture()
def small_database(tmp_path: Path) -> Path:
    path = tmp_path / "small.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts; create schema meta")
        connection.execute(
            "create table meta.build_info as select timestamp '2026-01-02 03:04:05' as built_at_utc, 'abc' as git_commit"
        )
        connection.execute(
            "create table marts.odd_types as select * from (values"
            " (1::hugeint, 1.25::decimal(9,2), 'nan'::double, timestamp '2026-01-02 03:04:05', [1, 2], '-x'),"
            " (null, null, -2.5, null, null, '=1+1')) as t(big, money, ratio, stamp, list, note)"
        )
        connection.execute("comment on column marts.odd_types.note is 'A note.'")
        connection.execute("create table marts.too_long as select range as n from range(5)")
    return path


def test_writer_types_and_the_row_limit(small_database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "_docs.md"
    docs.write_text("{% docs basis %}\nIntro.\n\n- `reported`: as stated.\n{% enddocs %}\n", encoding="utf-8")
    monkeypatch.setattr(workbook_module, "EXCEL_MAX_ROWS", 5)
    path = tmp_path / "small.xlsx"
    assert write_workbook(str(small_database), str(path), str(docs), "1000") == ""
    book = openpyxl.load_workbook(path)
    try:
        rows = list(book["odd_types"].iter_rows(min_row=2))
        assert [cell.value for cell in rows[0][:3]] == [1, 1.25, "nan"]
        assert rows[0][3].is_date and rows[0][3].value == datetime.datetime(2026, 1, 2, 3, 4, 5)
        assert rows[0][4].value == "[1, 2]" and rows[0][5].value == "-x" and rows[0][5].data_type == "s"
        assert [cell.value for cell in rows[1]] == [None, None, -2.5, None, None, "=1+1"]
        assert rows[1][5].data_type == "s"
        assert "more than an Excel sheet holds" in book["too_long"]["A1"].value
        about = list(book["About"].iter_rows(values_only=True))
        assert ("basis rule", None, "reported", None, "as stated.") in about
        assert ("column", "odd_types", "note", "VARCHAR", "A note.") in about
    finally:
        book.close()


def test_sheet_names_fit_excel() -> None:
    long = "fct_" + "x" * 40
    names = sheet_names(["about", long, long + "_2", "a/b"])
    assert names["about"] == "about~2"
    assert names[long] == long[:31]
    assert names[long + "_2"] == long[:29] + "~2"
    assert names["a/b"] == "a_b"
    assert all(len(name) <= 31 for name in names.values())


def test_basis_rules_come_from_the_doc_block() -> None:
    rules = basis_rules(doc_block(REPO_ROOT / "models" / "_docs.md", "basis"))
    assert [name for name, _ in rules if name][:2] == ["reported", "interpolated"]
    with pytest.raises(ValueError, match="no doc block"):
        doc_block(REPO_ROOT / "models" / "_docs.md", "no_such_block")


def test_no_workbook_above_the_cell_limit(small_database: Path, tmp_path: Path) -> None:
    docs = tmp_path / "_docs.md"
    docs.write_text("{% docs basis %}\n- `reported`: as stated.\n{% enddocs %}\n", encoding="utf-8")
    path = tmp_path / "small.xlsx"
    # odd_types: 2 rows x 6 columns, too_long: 5 rows x 1 column.
    message = write_workbook(str(small_database), str(path), str(docs), "16")
    assert "17 cells" in message and "MARKET_SIZING_WORKBOOK_MAX_CELLS=16" in message
    assert not path.exists()
    assert write_workbook(str(small_database), str(path), str(docs), "17") == ""
    assert path.is_file()
