"""Round trip: the primary report's rows proposed by the extractor are the hand-kept seed rows, and
they build the same marts.

The primary report's text (../shared/sources) is extracted with the scope the analyst gives (its
market and geography); its figures, claims and mentions are compared with the seeds' rows of report
dmr_healthcare_cmo_2025 (excerpts aside: the extractor's are its own few words). Then the proposal
replaces the hand-kept rows in a private copy of the project, dbt builds it, and the primary report's
rows of the marts must equal those of the shipped seeds (the session's `warehouse`).
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from market_sizing.extract import pipeline, rows, vocabulary
from support import DbtRun, copy_project, report_document, run_dbt

# The module builds its project once (a module-scoped fixture): one worker runs all its tests.
pytestmark = pytest.mark.xdist_group("round_trip")

PRIMARY = "dmr_healthcare_cmo_2025"
MARTS = {
    "fct_market_size_yearly": "year",
    "fct_regional_revenue": "region_id, year",
    "fct_segment_shares": "segment_id, year",
    "fct_cagr_reconciliation": "figure_id",
}
COMPARED = {
    "report_figures": ("measure", "region_id", "segment_id", "year", "period_start_year", "period_end_year", "value", "unit", "qualifier", "section"),
    "report_claims": ("claim_type", "region_id", "segment_id", "year", "section"),
    "report_mentions": ("region_id", "segment_id"),
}  # fmt: skip


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], table: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def primary_proposal(project: Path) -> rows.Proposal:
    _, reports = read_rows(project / "seeds" / "reports.csv")
    report = next(row for row in reports if row["report_id"] == PRIMARY)
    extraction = pipeline.extract(
        report_document(PRIMARY),
        project / "seeds",
        vocabulary.load(project),
        market_id=report["market_id"],
        geography_id=report["geography_id"],
    )
    return rows.proposal(extraction, report, "dmr25")


def test_the_proposal_is_the_hand_kept_rows(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    proposal = primary_proposal(project)
    for table, columns in COMPARED.items():
        _, kept = read_rows(project / "seeds" / f"{table}.csv")
        expected = sorted(tuple(row[c] for c in columns) for row in kept if row["report_id"] == PRIMARY)
        assert sorted(tuple(row[c] for c in columns) for row in proposal.rows(table)) == expected, table
    assert proposal.rows("segments") == []  # every subject is a known member


def replace_primary(project: Path, proposal: rows.Proposal) -> None:
    for table in COMPARED:
        path = project / "seeds" / f"{table}.csv"
        header, kept = read_rows(path)
        write_rows(path, header, [row for row in kept if row["report_id"] != PRIMARY] + proposal.rows(table))


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
