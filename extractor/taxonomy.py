"""Region and segment names in text, mapped onto the warehouse's taxonomy.

The alias table (`data/aliases.csv`) is data: an alias, the member it names, and, for members the
seeds do not hold yet, what the new member row would be. Region names from `seeds/regions.csv` are
aliases too. An alias all in capitals ("US", "APAC") matches case-sensitively; others ignore case.
An alias marked `needs_head` names a segment only when a head word follows ("pharmaceutical
segment", "pharmaceutical CMO"), so an adjective in passing ("pharmaceutical companies") is no name.
A name is only a name when it is not the modifier of a longer noun phrase: the next word must be
punctuation, an adverb, or one of the function words and verbs that follow a subject.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
HEADS = r"segments?|sub-segments?|subsectors?|sectors?|categor(?:y|ies)|CMOs?|CDMOs?|manufacturing"
FOLLOWERS = frozenset(
    """
    is are was were be been being has have had will would could can may might should shall also alone
    and or but as at by for from in into of on to with within across over during while whereas which
    that together combined only respectively each followed remains remain remained continues continue
    accounted accounts accounting account captured captures capture capturing held holds hold holding
    led leads lead leading dominated dominates dominate dominating represented represents represent
    generated generates registered registers recorded records grew grows grow growing expanded expands
    takes take took maintains maintain market markets region regions segment segments sector subsector
    """.split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass(frozen=True)
class Member:
    """A region or segment, existing or proposed."""

    kind: str  # "region" or "segment"
    member_id: str
    name: str = ""
    parent_or_dimension: str = ""
    level: str = ""
    iso_country_code: str = ""


@dataclass(frozen=True)
class Alias:
    text: str
    member: Member
    needs_head: bool


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str
    member: Member


@dataclass(frozen=True)
class Taxonomy:
    aliases: tuple[Alias, ...]
    known: frozenset[tuple[str, str]]  # (kind, member_id) already in the seeds

    def is_new(self, member: Member) -> bool:
        return (member.kind, member.member_id) not in self.known

    def find(self, sentence: str) -> list[NameMatch]:
        """Names in `sentence`, longest alias first, without overlaps, in text order."""
        found: list[NameMatch] = []
        for alias in self.aliases:
            for match in alias_pattern(alias).finditer(sentence):
                if alias.needs_head and not match.group("head"):
                    continue
                if not ends_a_name(sentence, match.end()):
                    continue
                if any(match.start() < other.end and other.start < match.end() for other in found):
                    continue
                found.append(NameMatch(match.start(), match.end(), match.group(), alias.member))
        return sorted(found, key=lambda name: name.start)


def alias_pattern(alias: Alias) -> re.Pattern[str]:
    flags = 0 if alias.text.replace(".", "").isupper() else re.IGNORECASE
    head = rf"(?:\s+(?P<head>{HEADS}))?"
    return re.compile(rf"(?<![\w$-]){re.escape(alias.text)}{head}(?![\w$-])", flags)


def ends_a_name(sentence: str, end: int) -> bool:
    rest = sentence[end:]
    word = re.match(r"\s+([A-Za-z-]+)", rest)
    if word is None:
        return True  # punctuation or the end of the sentence
    following = word.group(1).lower()
    return following in FOLLOWERS or following.endswith("ly")  # an adverb: "Asia Pacific currently leads"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(seeds_dir: Path, alias_file: Path = DATA_DIR / "aliases.csv") -> Taxonomy:
    known: set[tuple[str, str]] = set()
    aliases: list[Alias] = []
    for row in read_csv(seeds_dir / "regions.csv"):
        known.add(("region", row["region_id"]))
        if row["region_level"] != "world":
            aliases.append(Alias(row["region_name"], Member("region", row["region_id"]), needs_head=False))
    for row in read_csv(seeds_dir / "segments.csv"):
        known.add(("segment", row["segment_id"]))
    for row in read_csv(alias_file):
        member = Member(
            row["kind"],
            row["member_id"],
            row["member_name"],
            row["parent_or_dimension"],
            row["level"],
            row["iso_country_code"],
        )
        aliases.append(Alias(row["alias"], member, needs_head=row["needs_head"] == "head"))
    aliases.sort(key=lambda alias: len(alias.text), reverse=True)
    return Taxonomy(tuple(aliases), frozenset(known))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def proposed_segment(name: str, dimension: str) -> Member:
    """A segment the taxonomy does not know, proposed as a new member for review."""
    dimension_id = slug(dimension) or "segment"
    return Member("segment", f"{dimension_id}__{slug(name)}", name, dimension_id)
