"""The labelled evaluation set: every numeric figure of the six source texts found, nothing else.

The expected rows in `expected/` are written by hand from the texts; `make eval-extract` prints the
same scores.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import document, evaluate, rows, vocabulary
from support import SOURCES_DIR, source_text

EXPECTED = Path(__file__).resolve().parent / "expected"


@pytest.fixture(scope="module")
def scores() -> dict[str, evaluate.Score]:
    source_text("peer-reports.md")  # skips when the source texts are not beside the repository
    return {score.kind: score for score in evaluate.scores(SOURCES_DIR, EXPECTED)}


@pytest.mark.parametrize("kind", [*evaluate.NUMERIC_KINDS, "numeric (all)"])
def test_numeric_figures_have_full_precision_and_recall(scores: dict[str, evaluate.Score], kind: str) -> None:
    score = scores[kind]
    assert score.expected, f"the labelled set holds no {kind} figure"
    assert not score.missed, f"missed: {sorted(score.missed)}"
    assert not score.spurious, f"not stated by the text: {sorted(score.spurious)}"


@pytest.mark.parametrize("kind", ["claims", "mentions"])
def test_claims_and_mentions_match_the_labelled_set(scores: dict[str, evaluate.Score], kind: str) -> None:
    score = scores[kind]
    assert (score.missed, score.spurious) == (frozenset(), frozenset())


def test_the_eval_table_reports_every_kind(scores: dict[str, evaluate.Score]) -> None:
    printed = evaluate.table(list(scores.values()))
    for kind in scores:
        assert kind in printed
    assert "missed" not in printed and "spurious" not in printed


def all_proposals() -> list[tuple[str, rows.Proposal]]:
    entries = evaluate.read_csv(EXPECTED / "reports.csv")
    proposals = evaluate.proposals(SOURCES_DIR, EXPECTED, evaluate.REPO_ROOT / "seeds")
    return [
        (evaluate.report_text(SOURCES_DIR, entry), proposal) for entry, proposal in zip(entries, proposals, strict=True)
    ]


def test_every_proposed_row_passes_the_seed_rules() -> None:
    source_text("peer-reports.md")
    words = vocabulary.load()
    for text, proposal in all_proposals():
        for row in proposal.report_figures:
            assert row["excerpt"] in text, row  # verbatim, so it can be found again
            assert row["value"] in row["excerpt"].replace(",", ""), row
            assert 0 < len(row["excerpt"]) <= 200, row
            assert row["value"].replace(".", "", 1).isdigit(), row
            assert row["unit"].lower() in words.units, row
            assert row["qualifier"] in ("", *words.qualifiers), row
            assert row["section"], row
        for row in proposal.report_claims + proposal.report_mentions:
            assert row["excerpt"] in text and len(row["excerpt"]) <= 200, row
        for row in proposal.report_claims:
            assert row["claim_type"] in words.claim_types, row
        ids = [row["figure_id"] for row in proposal.report_figures]
        assert len(ids) == len(set(ids))


def test_a_notes_file_is_read_one_report_at_a_time() -> None:
    reports = document.markdown_reports(source_text("peer-reports.md"))
    assert list(reports) == ["R1", "R2", "R3", "R4", "R5"]
    assert "Address:" not in "".join(reports.values())  # only quoted passages are report text
    assert "USD 197.8 billion" in reports["R1"] and "USD 197.8 billion" not in reports["R2"]
    assert "Base Year" not in reports["R4"]  # unquoted note on the page


def test_the_command_writes_every_seed_layout(tmp_path: Path) -> None:
    source_text("peer-reports.md")
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "extractor",
            str(SOURCES_DIR / "peer-reports.md"),
            "--part",
            "R5",
            "--out",
            str(tmp_path),
            "--report-id",
            "gia_test",
            "--prefix",
            "gia",
        ],
        cwd=evaluate.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    for name, (_, columns) in rows.FILES.items():
        with (tmp_path / name).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == columns, name
    with (tmp_path / "report_figures.csv").open(encoding="utf-8", newline="") as handle:
        figures = list(csv.DictReader(handle))
    assert {row["report_id"] for row in figures} == {"gia_test"}
    assert "gia_cagr_japan" in {row["figure_id"] for row in figures}
