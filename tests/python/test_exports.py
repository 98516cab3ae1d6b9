"""Exports: every published mart as Parquet and CSV under exports/, equal to the marts row for row
(CSV text that a spreadsheet would run as a formula gets a leading apostrophe), beside the Excel
workbook (tests/python/test_workbook.py), replaced whole on each successful publish and left alone
otherwise."""

from __future__ import annotations

import csv
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from market_sizing.publishing.export_directories import RUN_MARKER, prepare_directory, swap_directory
from market_sizing.publishing.workbook import WORKBOOK_NAME, neutralise_formula
from support import DbtRun, run_dbt


def mart_columns(connection: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    rows = connection.execute(
        "select table_name, column_name, data_type from duckdb_columns()"
        " where schema_name = 'marts' order by table_name, column_index"
    ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        columns.setdefault(table, []).append((column, data_type))
    return columns


@pytest.fixture(scope="module")
def published(warehouse: DbtRun) -> dict[str, tuple[list[tuple[str, str]], list[tuple[object, ...]]]]:
    """Each published mart's columns and rows in the published order (order by all)."""
    with duckdb.connect(str(warehouse.database), read_only=True) as connection:
        return {
            table: (columns, connection.execute(f"select * from marts.{table} order by all").fetchall())
            for table, columns in mart_columns(connection).items()
        }


def test_every_mart_is_exported_in_both_formats_beside_the_workbook(warehouse: DbtRun, published: dict) -> None:
    exports = warehouse.project_dir / "exports"
    assert exports.is_symlink() and exports.is_dir()
    expected = {f"{table}.{suffix}" for table in published for suffix in ("parquet", "csv")}
    expected |= {WORKBOOK_NAME, RUN_MARKER, "changes.csv"}
    assert len(published) >= 10
    assert {path.name for path in exports.iterdir()} == expected


def test_parquet_files_equal_the_marts_row_for_row(warehouse: DbtRun, published: dict) -> None:
    exports = warehouse.project_dir / "exports"
    with duckdb.connect() as connection:
        for table, (columns, rows) in published.items():
            relation = connection.from_parquet(str(exports / f"{table}.parquet"))
            assert list(zip(relation.columns, map(str, relation.types), strict=True)) == columns, table
            assert relation.fetchall() == rows, table


def test_csv_files_equal_the_marts_row_for_row(warehouse: DbtRun, published: dict) -> None:
    exports = warehouse.project_dir / "exports"
    with duckdb.connect() as connection:
        for table, (columns, rows) in published.items():
            path = exports / f"{table}.csv"
            header = path.read_text(encoding="utf-8").splitlines()[0]
            assert header.split(",") == [name for name, _ in columns], table
            types = ", ".join(f"'{name}': '{data_type}'" for name, data_type in columns)
            read_back = connection.execute(
                f"select * from read_csv(?, header = true, columns = {{{types}}})", [str(path)]
            ).fetchall()
            text_columns = [data_type == "VARCHAR" for _, data_type in columns]
            expected = [
                tuple(
                    neutralise_formula(value) if is_text and value is not None else value
                    for value, is_text in zip(row, text_columns, strict=True)
                )
                for row in rows
            ]
            assert read_back == expected, table


def test_not_disclosed_stays_empty_in_the_csv(warehouse: DbtRun) -> None:
    path = warehouse.project_dir / "exports" / "fct_regional_revenue.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        china = [
            row
            for row in csv.DictReader(handle)
            if row["report_id"] == "dmr_healthcare_cmo_2025" and row["region_id"] == "china"
        ]
    assert len(china) == 1
    values = china[0]
    assert values["basis"] == "not_disclosed"
    assert values["share_pct"] == "" and values["revenue_usd_bn"] == ""


def test_exports_are_replaced_on_publish_and_left_alone_otherwise(published_copy: Callable[[str], DbtRun]) -> None:
    first = published_copy("exports")  # what a passing build published and exported
    project_copy = first.project_dir
    exports = project_copy / "exports"
    first_version = exports.resolve()
    assert "EXPORTED" in first.output

    second = run_dbt(project_copy, "build")
    assert second.returncode == 0, second.output
    second_version = exports.resolve()
    assert second_version != first_version
    # The version just replaced stays for readers that resolved it a moment before the swap.
    assert sorted(path.name for path in (project_copy / ".exports").iterdir()) == sorted(
        [first_version.name, second_version.name]
    )
    contents = {path.name: path.read_bytes() for path in exports.iterdir()}

    partial = run_dbt(project_copy, "build", "--select", "dim_regions")
    assert partial.returncode == 0, partial.output
    assert "NOT PUBLISHED" in partial.output and "EXPORTED" not in partial.output
    assert exports.resolve() == second_version
    assert {path.name: path.read_bytes() for path in exports.iterdir()} == contents


def write_version(link: Path, version: str, files: int) -> None:
    directory = Path(prepare_directory(str(link), version))
    for index in range(files):
        (directory / f"part{index}.txt").write_text(f"{version}\n" * 2000, encoding="utf-8")
    (directory / "digest").write_text(
        hashlib.sha256("".join(f"{version}\n" * 2000 for _ in range(files)).encode()).hexdigest(), encoding="utf-8"
    )


def test_a_reader_never_sees_half_a_version(tmp_path: Path) -> None:
    """Readers resolve the link once and read a whole version while versions are swapped under them."""
    link = tmp_path / "exports"
    files = 5
    write_version(link, "v0", files)
    swap_directory(str(link), "v0")
    stop = threading.Event()
    problems: list[str] = []
    reads = 0

    def read_forever() -> None:
        nonlocal reads
        while not stop.is_set():
            try:
                snapshot = Path(os.path.realpath(link))
                text = "".join((snapshot / f"part{index}.txt").read_text(encoding="utf-8") for index in range(files))
                if hashlib.sha256(text.encode()).hexdigest() != (snapshot / "digest").read_text(encoding="utf-8"):
                    problems.append(f"mixed or partial version in {snapshot}")
                reads += 1
            except FileNotFoundError:
                # Two swaps passed while this reader held an old path: it retries, as the README says.
                continue

    reader = threading.Thread(target=read_forever)
    reader.start()
    try:
        for number in range(1, 40):
            write_version(link, f"v{number}", files)
            swap_directory(str(link), f"v{number}")
    finally:
        stop.set()
        reader.join()
    assert not problems, problems[:3]
    assert reads > 0
    assert link.resolve().name == "v39"
    assert sorted(path.name for path in (tmp_path / ".exports").iterdir()) == ["v38", "v39"]
