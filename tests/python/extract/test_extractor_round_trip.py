"""Round trip: the primary report's rows proposed by the extractor build the same marts as the
hand-kept seeds.

The extractor's rows replace the primary report's hand-kept rows in a private copy of the project,
dbt builds it, and the primary report's rows of the marts are compared with those of the shipped
seeds (the session's `warehouse`). Claim excerpts are the extractor's own few words, so a claim
summary is compared by its claim types; every other column must be equal.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from extractor import rows, taxonomy, vocabulary
from extractor.extract import extract
from support import DbtRun, copy_project, run_dbt, source_text

PRIMARY = "dmr_healthcare_cmo_2025"
PRIMARY_SOURCE = "healthcare-cmo-market-overview.txt"
MARTS = {
    "fct_market_size_yearly": "year",
    "fct_regional_revenue": "region_id, year",
    "fct_segment_shares": "segment_id, year",
    "fct_cagr_reconciliation": "figure_id",
}
SEED_FILES = ("reports", "report_figures", "report_claims", "report_mentions")


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], table: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def replace_primary(project: Path, proposal: rows.Proposal) -> None:
    """The primary report's rows become the proposal's; proposed new members are appended."""
    seeds = project / "seeds"
    for name in SEED_FILES:
        header, kept = read_rows(seeds / f"{name}.csv")
        kept = [row for row in kept if row["report_id"] != PRIMARY]
        write_rows(seeds / f"{name}.csv", header, kept + getattr(proposal, name))
    for name in ("regions", "segments"):
        header, kept = read_rows(seeds / f"{name}.csv")
        write_rows(seeds / f"{name}.csv", header, kept + getattr(proposal, name))


def primary_proposal(project: Path) -> rows.Proposal:
    _, reports = read_rows(project / "seeds" / "reports.csv")
    report = next(row for row in reports if row["report_id"] == PRIMARY)
    # What the text cannot say (publisher, address, dates) comes from the analyst, as on the command line.
    metadata = {
        column: report[column]
        for column in (
            "report_id",
            "publisher",
            "edition",
            "source_url",
            "published_via",
            "accessed_on",
            "is_primary",
            "source_document",
        )
    }
    known = taxonomy.load(project / "seeds")
    extraction = extract(source_text(PRIMARY_SOURCE), known, vocabulary.load())
    return rows.proposal(extraction, known, metadata | {"currency": "USD"}, "dmr25")


def mart_rows(db: duckdb.DuckDBPyConnection, mart: str, order: str) -> list[dict[str, object]]:
    result = db.execute(f"select * from marts.{mart} where report_id = ? order by {order}", [PRIMARY])
    columns = [column[0] for column in result.description]
    table = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
    for row in table:
        if "claim_summary" in row and row["claim_summary"] is not None:
            row["claim_summary"] = [part.split(": ", 1)[0] for part in str(row["claim_summary"]).split(" | ")]
    return table


@pytest.fixture(scope="module")
def extracted_build(tmp_path_factory: pytest.TempPathFactory) -> DbtRun:
    project = copy_project(tmp_path_factory.mktemp("round_trip"))
    replace_primary(project, primary_proposal(project))
    run = run_dbt(project, "build")
    assert run.returncode == 0, run.output
    return run


@pytest.mark.parametrize("mart", MARTS)
def test_extracted_rows_build_the_same_marts(mart: str, extracted_build: DbtRun, db: duckdb.DuckDBPyConnection) -> None:
    expected = mart_rows(db, mart, MARTS[mart])
    assert expected, f"the hand-kept seeds give {mart} no rows for {PRIMARY}"
    with extracted_build.connect() as extracted:
        assert mart_rows(extracted, mart, MARTS[mart]) == expected
