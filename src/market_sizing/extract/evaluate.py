"""`python -m market_sizing.extract.evaluate`: precision and recall of the extractor on the labelled
corpus (evaluation/extractor/{dev,test}/<text_id>.txt + .yml), per part and per kind.

Each text is extracted with nothing given but the text (no market, no geography): the report's scope
is measured too. A proposal is *certain* when it carries no review flag. Per kind:

- correct: certain proposals equal to a label; wrong: certain proposals equal to none;
- precision = correct / certain proposals (a wrong certain row counts against it);
- recall = correct / labels (a flagged proposal is "listed", not a correct certain row);
- listed: labels not correct but found among the flagged proposals or, for numbers, in a sentence
  of the unclassified list; missing: labels neither correct nor listed;
- exact = (correct + listed labels whose flagged proposal equals them) / labels: what a reviewer
  confirms without editing (a segment new to the seeds is always flagged, however well it was read).

Equality: sizes by (region, segment, year, value, unit, qualifier), CAGRs by (region, segment, start
and end year, value, qualifier), shares by (region, segment, year, value, qualifier), claims by
(claim type, region, segment, year), mentions by (region, segment). A blank region is the report's
geography. Values compare as numbers. Segment names compare normalised
(`segment_key`): lower-case, "&" as "and", hyphens and slashes as spaces, a parenthesised
abbreviation, a trailing "segment"/"sub-segment"/"category"/"type", articles, "and" and "of"
dropped, each word's plural "s" dropped, and word order ignored ("Refrigerated Warehouses" =
"refrigerated warehouse"; "frozen desserts and dairy" = "Dairy and frozen desserts"). Units
compare by currency and scale ("US$ Bn" = "USD billion"), since the labels name them canonically.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from market_sizing import contract
from market_sizing.extract import pipeline, quantities, taxonomy, vocabulary
from market_sizing.extract.pipeline import Extraction
from market_sizing.extract.quantities import CURRENCIES
from market_sizing.extract.taxonomy import Member, name_words, placement

CORPUS = Path("evaluation") / "extractor"
PARTS = ("dev", "test")
NUMERIC = ("market_size", "cagr", "share")
KINDS = (*NUMERIC, "claim", "mention", "geography", "market_name")
MIN_PLURAL_WORD = 4
SCALES = {"bn": "billion", "mn": "million", "tn": "trillion"}

Key = tuple[object, ...]


@dataclass(frozen=True)
class Item:
    """A labelled or proposed item of one text."""

    text_id: str
    kind: str
    key: Key
    value: str = ""  # as a plain number, for finding it in unclassified sentences
    flagged: bool = False
    reasons: tuple[str, ...] = ()


@dataclass
class Score:
    kind: str
    labels: int = 0
    certain: int = 0
    correct: int = 0
    listed: int = 0
    flagged_right: int = 0  # listed labels whose flagged proposal is exactly right: review confirms it
    wrong: list[Item] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)
    listed_items: list[Item] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.certain if self.certain else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labels if self.labels else 1.0

    @property
    def right_after_review(self) -> float:
        """Share of labels proposed exactly, certain or flagged: what review confirms without editing."""
        return (self.correct + self.flagged_right) / self.labels if self.labels else 1.0


def segment_key(name: str | None) -> str:
    if not name:
        return ""
    text = re.sub(r"\([^)]*\)", " ", name.lower())
    text = re.sub(r"[-/]", " ", text)
    text = re.sub(r"\s+(?:segment|sub segment|category|type)\s*$", "", text)
    return " ".join(sorted(name_words(text)))


def unit_key(unit: str | None) -> str:
    """(currency, scale) of a money unit as one string: "US$ Bn" -> "USD billion"."""
    words = (unit or "").lower().split()
    currency = next((CURRENCIES[word] for word in words if word in CURRENCIES), "")
    scale = next((SCALES.get(word, word) for word in words if word not in CURRENCIES), "")
    return f"{currency} {scale}".strip()


def demonym_places() -> dict[str, str]:
    """A place's adjective -> its region id as words ("australian" -> "australia", "american" ->
    "united states"), from the extractor's demonym list."""
    return {row["demonym"].lower(): row["region_id"].replace("_", " ") for row in taxonomy.read_csv(taxonomy.DEMONYMS)}


DEMONYM_PLACES = demonym_places()


def market_name_key(name: str | None) -> str:
    """Market names compare as their words in any order, without a possessive, a leading "the",
    "global"/"worldwide" (or a trailing "worldwide"), a trailing "size" or the words "in" and "for"
    ("India's X market" = "X market in India", "market for X" = "X market"), a place's adjective read
    as its name ("Australian coffee market" = "Australia coffee market")."""
    text = re.sub(r"['’]s\b", "", (name or "").lower())
    text = " ".join(DEMONYM_PLACES.get(word, word) for word in text.split())
    text = re.sub(r"^\s*the\s+", "", text)
    text = re.sub(r"^(?:global|worldwide)\s+|\s+(?:worldwide|globally)$", "", text.strip())
    text = re.sub(r"\s+size$", "", text.strip())
    return " ".join(sorted(word for word in text.split() if word not in ("in", "for")))


def number(value: object) -> float | None:
    try:
        return round(float(str(value).replace(",", "")), 6)
    except ValueError:
        return None


def blank(value: object) -> str:
    return "" if value is None else str(value)


def label_items(text_id: str, meta: dict[str, Any]) -> list[Item]:
    geography = meta["geography_id"]
    items = [
        Item(text_id, "geography", (geography,)),
        Item(text_id, "market_name", (market_name_key(meta.get("market_name")),)),
    ]
    for label in meta.get("labels") or []:
        kind = label["kind"]
        where = (label.get("region_id") or geography, segment_key(label.get("segment")))
        qualifier = blank(label.get("qualifier")).lower()
        value = number(label.get("value"))
        if kind == "market_size":
            key: Key = (*where, label.get("year"), value, unit_key(label.get("unit")), qualifier)
        elif kind == "cagr":
            key = (*where, label.get("period_start_year"), label.get("period_end_year"), value, qualifier)
        elif kind == "share":
            key = (*where, label.get("year"), value, qualifier)
        elif kind == "claim":
            key = (label.get("claim_type"), *where, label.get("year"))
        else:
            key = where
        items.append(Item(text_id, kind, key, blank(label.get("value"))))
    return items


def subject_of(member: Member, geography: str) -> tuple[str, str]:
    region, _ = placement(member, geography)
    return region, segment_key(member.name if member.kind == "segment" else "")


def proposed_items(text_id: str, extraction: Extraction) -> list[Item]:
    scope = extraction.scope
    geography = scope.geography_id
    items = [
        Item(text_id, "geography", (geography,), flagged="geography_id" in scope.flags),
        Item(text_id, "market_name", (market_name_key(scope.market_name),), flagged="market_name" in scope.flags),
    ]
    for figure in extraction.figures:
        where = subject_of(figure.subject, geography)
        value = number(figure.value)
        if figure.measure == "market_size":
            key: Key = (*where, figure.year, value, unit_key(figure.unit), figure.qualifier)
        elif figure.measure == "cagr":
            key = (*where, figure.period_start_year, figure.period_end_year, value, figure.qualifier)
        else:
            key = (*where, figure.year, value, figure.qualifier)
        items.append(Item(text_id, figure.measure, key, figure.value, bool(figure.flags), figure.flags))
    for claim in extraction.claims:
        key = (claim.claim_type, *subject_of(claim.subject, geography), claim.year)
        items.append(Item(text_id, "claim", key, flagged=bool(claim.flags), reasons=claim.flags))
    items += [
        Item(text_id, "mention", subject_of(m.subject, geography), flagged=bool(m.flags), reasons=m.flags)
        for m in extraction.mentions
    ]
    return items


WORDED_DECLINE = re.compile(
    r"\b(?:decreas|declin|shrink|contract|fall|drop)\w*\s+(?:at|by)\s+(?:a\s+rate\s+of\s+)?(?P<number>\d+(?:\.\d+)?)\s?%",
    re.IGNORECASE,
)
SPACED_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.])")


SIGNED_NUMBER = re.compile(r"(?<![\w.])-\d+(?:\.\d+)?")
DECIMAL_COMMA = re.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,])")


def listed_in_unclassified(label: Item, extraction: Extraction) -> bool:
    if label.kind not in NUMERIC or not label.value:
        return False
    wanted = number(label.value)
    for item in extraction.unclassified:
        # Thousands separators aside: commas, and spaces between digit groups ("88 923 million €").
        text = item.sentence.replace(",", "")
        spaced = [re.sub(r"\D", "", group) for group in SPACED_THOUSANDS.findall(text)]
        found = re.findall(r"\d+(?:\.\d+)?", text) + spaced
        # "a -0.7% CAGR", or its minus typeset as an en dash: a number written with a minus sign lists it
        # with its sign too.
        found += SIGNED_NUMBER.findall(quantities.ascii_minus(text))
        if "amounts written in words" in item.reason:
            # "nearly a billion pounds", "two and a half billion Euros": listed as 1 and 2.5 billion
            found += [str(quantities.worded_number(match)) for match in quantities.WORDED_AMOUNT.finditer(text)]
        # "USD 12591,21 Million": a decimal comma (one or two digits after it) lists the number it writes.
        found += [match.replace(",", ".") for match in DECIMAL_COMMA.findall(item.sentence)]
        # "is decreasing at 2.7% each year": a decline worded before the number lists it with its sign.
        found += ["-" + match.group("number") for match in WORDED_DECLINE.finditer(text)]
        if any(number(value) == wanted for value in found):
            return True
    return False


def listed_among_flagged(label: Item, proposed: list[Item]) -> bool:
    """A flagged proposal of the same kind and value (or, without a value, the same key; a claim of
    the same type and subject whatever its year, which the reviewer sees beside it)."""
    for item in proposed:
        if item.kind != label.kind or not item.flagged:
            continue
        if item.key == label.key or (label.value and number(item.value) == number(label.value)):
            return True
        if label.kind == "claim" and item.key[:3] == label.key[:3]:
            return True
    return False


def score_text(labels: list[Item], proposed: list[Item], extraction: Extraction, scores: dict[str, Score]) -> None:
    unmatched = Counter(item.key for item in labels)
    matched: dict[str, Counter[Key]] = {}
    for item in proposed:
        if item.flagged:
            continue
        score = scores[item.kind]
        score.certain += 1
        bucket = matched.setdefault(item.kind, Counter())
        if unmatched[item.key] > 0 and any(label.kind == item.kind and label.key == item.key for label in labels):
            unmatched[item.key] -= 1
            bucket[item.key] += 1
            score.correct += 1
        else:
            score.wrong.append(item)
    for label in labels:
        score = scores[label.kind]
        score.labels += 1
        bucket = matched.setdefault(label.kind, Counter())
        if bucket[label.key] > 0:
            bucket[label.key] -= 1
        elif listed_among_flagged(label, proposed) or listed_in_unclassified(label, extraction):
            score.listed += 1
            score.listed_items.append(label)
            if any(item.flagged and item.kind == label.kind and item.key == label.key for item in proposed):
                score.flagged_right += 1
        else:
            score.missing.append(label)


@dataclass(frozen=True)
class Text:
    text_id: str
    path: Path
    meta: dict[str, Any]

    def extract(self, project: Path) -> Extraction:
        return pipeline.extract(
            self.path.read_text(encoding="utf-8"), contract.seed_directory(project), vocabulary.load(project)
        )


def texts(corpus: Path, part: str) -> list[Text]:
    found = []
    for path in sorted((corpus / part).glob("*.txt")):
        label_file = path.with_suffix(".yml")
        if label_file.exists():
            found.append(Text(path.stem, path, yaml.safe_load(label_file.read_text(encoding="utf-8"))))
    return found


def scores_of(extracted: Iterable[tuple[Text, Extraction]]) -> dict[str, Score]:
    """Per kind, the scores of texts already extracted."""
    scores = {kind: Score(kind) for kind in KINDS}
    for text, extraction in extracted:
        score_text(label_items(text.text_id, text.meta), proposed_items(text.text_id, extraction), extraction, scores)
    return scores


def evaluate(corpus: Path, part: str, project: Path) -> tuple[dict[str, Score], int]:
    found = texts(corpus, part)
    return scores_of((text, text.extract(project)) for text in found), len(found)


def table(scores: dict[str, Score], *, details: bool = True) -> str:
    columns = ("labels", "certain", "correct", "wrong", "listed", "missing", "precision", "recall", "exact")
    lines = [f"{'kind':<12} " + " ".join(f"{column:>{max(len(column), 6)}}" for column in columns)]
    for score in scores.values():
        lines.append(
            f"{score.kind:<12} {score.labels:>6} {score.certain:>7} {score.correct:>7} {len(score.wrong):>6} "
            f"{score.listed:>6} {len(score.missing):>7} {score.precision:>9.1%} {score.recall:>6.1%}"
            f" {score.right_after_review:>6.1%}"
        )
    if details:
        for score in scores.values():
            lines += [f"  wrong    {score.kind}: {item.text_id} {item.key}" for item in score.wrong]
            lines += [f"  missing  {score.kind}: {item.text_id} {item.key}" for item in score.missing]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m market_sizing.extract.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--project", type=Path, help="the dbt project (default: found from here)")
    parser.add_argument("--corpus", type=Path, help=f"the labelled corpus (default: <project>/{CORPUS})")
    parser.add_argument("--part", choices=PARTS, action="append", help="dev, test (default: both)")
    parser.add_argument("--listed", action="store_true", help="also print the labels only listed for review")
    args = parser.parse_args(argv)
    project = args.project or vocabulary.working_project()
    corpus = args.corpus or project / CORPUS
    if not corpus.is_dir():
        print(f"no labelled corpus at {corpus}: nothing to evaluate (the corpus is kept in the main checkout)")
        return 0
    for part in args.part or PARTS:
        scores, count = evaluate(corpus, part, project)
        if not count:
            print(f"== {part}: no labelled texts in {corpus / part} (<text_id>.txt with <text_id>.yml)\n")
            continue
        print(f"== {part}: {count} texts")
        print(table(scores))
        if args.listed:
            for score in scores.values():
                print("\n".join(f"  listed   {score.kind}: {item.text_id} {item.key}" for item in score.listed_items))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
