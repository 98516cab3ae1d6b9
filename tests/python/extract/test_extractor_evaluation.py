"""The labelled corpus (evaluation/extractor/{dev,test}): nothing vanishes, and what is
proposed as certain is right.

The corpus is kept in the main checkout; these tests skip where it is absent. `make eval-extract`
prints the same scores per part and kind.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from market_sizing.extract import evaluate, pipeline, rows, vocabulary
from market_sizing.extract.evaluate import Score, Text
from market_sizing.extract.pipeline import Extraction
from support import REPO_ROOT

CORPUS = REPO_ROOT / evaluate.CORPUS
SEEDS = REPO_ROOT / "seeds"


def corpus_texts(part: str) -> list[Text]:
    found = evaluate.texts(CORPUS, part) if CORPUS.is_dir() else []
    if not found:
        pytest.skip(f"no labelled texts in {CORPUS / part}")
    return found


@functools.cache
def extracted(part: str) -> tuple[tuple[Text, Extraction], ...]:
    """Every text of the part with its extraction, made once per test process: the tests below read
    the same extractions (the rules are deterministic, and nothing here changes an extraction)."""
    return tuple((text, text.extract(REPO_ROOT)) for text in corpus_texts(part))


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, Score]:
    return evaluate.scores_of(extracted("dev"))


# The test part (evaluation/extractor/README_AA.md) was run once, on the rules tuned on dev only
# (docs/adding-reports.md has the numbers): two labelled figures are neither proposed right nor listed,
# as each was proposed certain with one field wrong: aa15's U.S. size for 2032, "an estimated" USD 8.15
# billion, without its qualifier, and aa22's North American share of 35.0%, without the year its list
# gives. Strict: the mark must go when they are fixed, which needs a fresh test part, since these texts
# may not be used to pick a rule.
TEST_PART_MISSES = pytest.mark.xfail(strict=True, reason="2 test-part figures vanish (measured once)")


@pytest.mark.parametrize("part", ["dev", pytest.param("test", marks=TEST_PART_MISSES)])
def test_nothing_vanishes(part: str) -> None:
    """Every labelled figure is proposed correctly, or listed: flagged for review or unclassified."""
    vanished = []
    for text, extraction in extracted(part):
        scores = {kind: Score(kind) for kind in evaluate.KINDS}
        labels = evaluate.label_items(text.text_id, text.meta)
        evaluate.score_text(labels, evaluate.proposed_items(text.text_id, extraction), extraction, scores)
        vanished += [item for kind in evaluate.NUMERIC for item in scores[kind].missing]
    assert not vanished, "\n".join(f"{item.text_id}: {item.kind} {item.key}" for item in vanished)


@pytest.mark.parametrize("kind", [*evaluate.NUMERIC, "claim", "geography", "market_name"])
def test_no_wrong_certain_row_on_the_dev_part(dev_scores: dict[str, Score], kind: str) -> None:
    """Precision 100% on dev: a proposal the rules are unsure of carries a review flag."""
    score = dev_scores[kind]
    assert score.labels, f"the dev part labels no {kind}"
    assert not score.wrong, "\n".join(f"{item.text_id}: {item.key}" for item in score.wrong)


def test_every_proposed_row_passes_the_seed_rules() -> None:
    """Excerpts verbatim and short, holding the value; units, qualifiers and claim types from the
    contract's vocabularies unless the row is flagged; ids unique."""
    words = vocabulary.load()
    for text, extraction in extracted("dev"):
        body = text.path.read_text(encoding="utf-8")
        proposal = rows.proposal(extraction, {"report_id": text.text_id}, "t")
        for row in proposal.rows("report_figures"):
            flagged = proposal.flags_of("report_figures.csv", row["figure_id"])
            assert row["excerpt"] in body and 0 < len(row["excerpt"]) <= 200, row
            assert row["value"] in row["excerpt"].replace(",", ""), row
            # A plain number; only a CAGR may be negative (a decline), as the seeds' number rule allows.
            unsigned = row["value"][1:] if row["measure"] == "cagr" and row["value"].startswith("-") else row["value"]
            assert unsigned.replace(".", "", 1).isdigit(), row
            assert flagged or (words.knows_unit(row["unit"]) and row["qualifier"] in ("", *words.qualifiers)), row
        for row in proposal.rows("report_claims") + proposal.rows("report_mentions"):
            assert row["excerpt"] in body and len(row["excerpt"]) <= 200, row
        assert {row["claim_type"] for row in proposal.rows("report_claims")} <= set(words.claim_types)
        for table, key in (
            ("report_figures", "figure_id"),
            ("report_claims", "claim_id"),
            ("report_mentions", "mention_id"),
        ):
            ids = [row[key] for row in proposal.rows(table)]
            assert len(ids) == len(set(ids)), ids


def run_evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "market_sizing.extract.evaluate", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_eval_command_prints_every_kind_per_part() -> None:
    # The smaller part: the command's output is the same for either, and the dev part's scores are
    # checked above without a subprocess.
    corpus_texts("test")
    completed = run_evaluate("--part", "test")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("== test:")
    for kind in evaluate.KINDS:
        assert f"\n{kind} " in completed.stdout


def test_the_eval_command_says_what_is_missing(tmp_path: Path) -> None:
    completed = run_evaluate("--corpus", str(tmp_path / "absent"))
    assert completed.returncode == 0, completed.stderr
    assert "no labelled corpus at" in completed.stdout
    (tmp_path / "dev").mkdir()
    completed = run_evaluate("--corpus", str(tmp_path))
    assert "dev: no labelled texts" in completed.stdout and "test: no labelled texts" in completed.stdout


def test_segment_names_compare_normalised() -> None:
    assert evaluate.segment_key("Refrigerated Warehouses") == evaluate.segment_key("refrigerated warehouse")
    assert evaluate.segment_key("active pharmaceutical ingredients (API)") == evaluate.segment_key(
        "Active pharmaceutical ingredient"
    )
    assert evaluate.segment_key("frozen desserts and dairy") == evaluate.segment_key("Dairy & frozen desserts")
    assert evaluate.segment_key("The chilled segment") == "chilled"
    assert evaluate.segment_key("infectious disease") == "disease infectious"
    assert evaluate.segment_key("phase III") != evaluate.segment_key("phase II")
    assert evaluate.unit_key("US$ Bn") == evaluate.unit_key("USD billion") != evaluate.unit_key("EUR billion")


def test_market_names_compare_with_a_places_adjective_read_as_the_place() -> None:
    assert evaluate.market_name_key("the Australian coffee market") == evaluate.market_name_key(
        "Australia coffee market"
    )
    assert evaluate.market_name_key("American widget market") == evaluate.market_name_key("United States widget market")
    assert evaluate.market_name_key("Australian coffee market") != evaluate.market_name_key("Austrian coffee market")
    assert evaluate.market_name_key("global market for Generic Drugs") == evaluate.market_name_key(
        "Global Generic Drugs Market"
    )


def test_a_number_with_a_decimal_comma_in_an_unclassified_sentence_is_listed() -> None:
    extraction = pipeline.extract(
        "The widget market is expected to reach USD 12591,21 Million by 2031.", SEEDS, vocabulary.load()
    )
    label = evaluate.Item("t", "market_size", ("world", "", 2031, 12591.21, "USD million", ""), "12591.21")
    assert evaluate.listed_in_unclassified(label, extraction)
    other = evaluate.Item("t", "market_size", ("world", "", 2031, 12591.2, "USD million", ""), "12591.2")
    assert not evaluate.listed_in_unclassified(other, extraction)
