"""`python -m extractor.evaluate`: precision and recall of the extractor on the labelled set.

Each labelled report's text is extracted on its own (a notes file one `## R<n>.` part at a time) and
its proposed rows are compared with the hand-written expected rows, per kind of figure.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extractor import document, rows, taxonomy, vocabulary
from extractor.extract import extract
from extractor.vocabulary import REPO_ROOT

EXPECTED_DIR = REPO_ROOT / "tests" / "python" / "extract" / "expected"
SOURCES_DIR = REPO_ROOT.parent / "shared" / "sources"
FIGURE_KEY = (
    "report_id",
    "measure",
    "region_id",
    "segment_id",
    "year",
    "period_start_year",
    "period_end_year",
    "value",
    "unit",
    "qualifier",
)
CLAIM_KEY = ("report_id", "claim_type", "region_id", "segment_id", "year")
MENTION_KEY = ("report_id", "region_id", "segment_id")
NUMERIC_KINDS = ("market_size", "cagr", "share")

Key = tuple[str, ...]


@dataclass(frozen=True)
class Score:
    kind: str
    expected: frozenset[Key]
    found: frozenset[Key]

    @property
    def true_positives(self) -> int:
        return len(self.expected & self.found)

    @property
    def precision(self) -> float:
        return self.true_positives / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / len(self.expected) if self.expected else 1.0

    @property
    def missed(self) -> frozenset[Key]:
        return self.expected - self.found

    @property
    def spurious(self) -> frozenset[Key]:
        return self.found - self.expected


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def keys(found: Iterable[dict[str, str]], columns: tuple[str, ...]) -> frozenset[Key]:
    return frozenset(tuple(row[column] for column in columns) for row in found)


def report_text(sources: Path, entry: dict[str, str]) -> str:
    text = (sources / entry["document"]).read_text(encoding="utf-8")
    return document.markdown_reports(text)[entry["part"]] if entry["part"] else text


def proposals(sources: Path, expected: Path, seeds: Path) -> list[rows.Proposal]:
    """The extractor's proposal for every labelled report."""
    known = taxonomy.load(seeds)
    words = vocabulary.load()
    result = []
    for entry in read_csv(expected / "reports.csv"):
        extraction = extract(report_text(sources, entry), known, words, has_title=not entry["part"])
        result.append(rows.proposal(extraction, known, {"report_id": entry["report_id"]}, entry["prefix"]))
    return result


def scores(
    sources: Path = SOURCES_DIR, expected: Path = EXPECTED_DIR, seeds: Path = REPO_ROOT / "seeds"
) -> list[Score]:
    """Per figure kind, then all numeric figures, then claims and mentions."""
    found = proposals(sources, expected, seeds)
    figures = [row for proposal in found for row in proposal.report_figures]
    labelled = read_csv(expected / "figures.csv")
    result = [
        Score(
            kind,
            keys((row for row in labelled if row["measure"] == kind), FIGURE_KEY),
            keys((row for row in figures if row["measure"] == kind), FIGURE_KEY),
        )
        for kind in NUMERIC_KINDS
    ]
    result.append(Score("numeric (all)", keys(labelled, FIGURE_KEY), keys(figures, FIGURE_KEY)))
    result.append(
        Score(
            "claims",
            keys(read_csv(expected / "claims.csv"), CLAIM_KEY),
            keys((row for proposal in found for row in proposal.report_claims), CLAIM_KEY),
        )
    )
    result.append(
        Score(
            "mentions",
            keys(read_csv(expected / "mentions.csv"), MENTION_KEY),
            keys((row for proposal in found for row in proposal.report_mentions), MENTION_KEY),
        )
    )
    return result


def table(results: list[Score]) -> str:
    lines = [f"{'kind':<15} {'expected':>8} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>7}"]
    for score in results:
        lines.append(
            f"{score.kind:<15} {len(score.expected):>8} {len(score.found):>6} {score.true_positives:>7} "
            f"{score.precision:>9.1%} {score.recall:>7.1%}"
        )
        lines.extend(f"    missed:   {' | '.join(key)}" for key in sorted(score.missed))
        lines.extend(f"    spurious: {' | '.join(key)}" for key in sorted(score.spurious))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
    parser.add_argument("--expected", type=Path, default=EXPECTED_DIR)
    args = parser.parse_args(argv)
    print(table(scores(args.sources, args.expected)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
