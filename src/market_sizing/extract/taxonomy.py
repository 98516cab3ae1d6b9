"""Region and segment names in text, mapped onto the warehouse's members.

Names come from the seeds: every region's `region_name` (seeds/regions.csv), the `segment_name` of
every segment of the report's market and of its ancestor markets (seeds/segments.csv, markets.csv),
and the alias table `data/aliases.csv` (an alias, the member it names, `head` when it names a segment
only before a head word: "pharmaceutical segment", not "pharmaceutical companies"). An alias all in
capitals ("US", "APAC") matches case-sensitively; others ignore case. A name is only a name when it
is not the modifier of a longer noun phrase: the next word must be punctuation, an adverb, or one of
the function words and verbs that follow a subject.

`placement` is the one mapping from a member to the (region_id, segment_id) of a row.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ALIASES = Path(__file__).resolve().parent / "data" / "aliases.csv"
DEMONYMS = Path(__file__).resolve().parent / "data" / "demonyms.csv"
WORLD = "world"
# Words that say how much of a market a phrase covers and name no product or service ("the total
# market", "a gross market size"); each rule that asks "does this phrase name a product?" adds the
# words of its own setting (articles, place words, head words) to these.
EXTENT_WORDS = frozenset({"total", "overall", "entire", "whole", "gross", "addressable", "serviceable"})
MIN_PLURAL_WORD = 3
HEADS = r"segments?|sub-segments?|subsectors?|sectors?|categor(?:y|ies)|CMOs?|CDMOs?|manufacturing"
# "North India", "Southern Europe": a part of a place is not the place (unless an alias names it).
PART_OF_A_PLACE = re.compile(
    r"\b(?:north|south|east|west|northern|southern|eastern|western|central"
    r"|south-?east(?:ern)?|north-?east(?:ern)?|south-?west(?:ern)?|north-?west(?:ern)?)\s+$",
    re.IGNORECASE,
)
# "$14.9 billion U.S.": a place right after an amount's scale word is the currency's, not a place.
CURRENCY_BEFORE = re.compile(r"\d\s*(?:trillion|billion|million|bn|mn|tn)\s+$", re.IGNORECASE)
FOLLOWERS = frozenset(
    """
    is are was were be been being has have had will would could can may might should shall also alone
    and or but as at by for from in into of on to with within across over during while whereas which
    that together combined only respectively each followed remains remain remained continues continue
    accounted accounts accounting account captured captures capture capturing held holds hold holding
    led leads lead leading dominated dominates dominate dominating represented represents represent
    generated generates registered registers recorded records grew grows grow growing expanded expands
    takes take took maintains maintain market markets region regions segment segments sector subsector
    contributed contributes contributing commanded commands emerged emerges is made makes make making
    overtook overtakes overtaken surpassed surpasses outstripped outstrips replaced displaced edged beat beats
    rose rises climbed climbs increased increases fell falls declined declines reached reaches
    """.split()  # noqa: SIM905 - a word list reads better as text
)

Row = dict[str, str]


@dataclass(frozen=True)
class Member:
    """A region or segment; `known` when the seeds hold it (else proposed for review)."""

    kind: str  # "region" or "segment"
    member_id: str
    name: str = ""
    dimension: str = ""
    known: bool = True


@dataclass(frozen=True)
class Alias:
    text: str
    member: Member
    needs_head: bool

    @functools.cached_property
    def lowered(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str
    member: Member


@dataclass(frozen=True)
class Taxonomy:
    aliases: tuple[Alias, ...]
    regions: dict[str, Row]  # region_id -> its seed row
    markets: dict[str, Row]  # market_id -> its seed row
    market_id: str = ""  # the report's market whose segments (and its ancestors') are known
    demonyms: tuple[Alias, ...] = ()  # "German" -> germany: for the report's geography only

    def find(self, sentence: str) -> list[NameMatch]:
        """Names in `sentence`, longest alias first, without overlaps, in text order."""
        found: list[NameMatch] = []
        for alias in possible(self.aliases, sentence):
            for match in alias_pattern(alias.text).finditer(sentence):
                if alias.needs_head and not match.group("head"):
                    continue
                if not ends_a_name(sentence, match.end()) or PART_OF_A_PLACE.search(sentence, 0, match.start()):
                    continue
                if CURRENCY_BEFORE.search(sentence, 0, match.start()):
                    continue
                if any(match.start() < other.end and other.start < match.end() for other in found):
                    continue
                found.append(NameMatch(match.start(), match.end(), match.group(), alias.member))
        return sorted(found, key=lambda name: name.start)

    def regions_in(self, text: str, *, demonyms: bool = False) -> list[NameMatch]:
        """Region names anywhere in `text`, modifiers included ("the Japan widget market"), and with
        `demonyms` the adjectives of places ("the German plant-based market")."""
        found: list[NameMatch] = []
        for alias in possible([*self.aliases, *(self.demonyms if demonyms else ())], text):
            if alias.member.kind != "region":
                continue
            for match in alias_pattern(alias.text).finditer(text):
                if PART_OF_A_PLACE.search(text, 0, match.start()) or re.match(r"\s?\$", text[match.end() :]):
                    continue
                if CURRENCY_BEFORE.search(text, 0, match.start()):
                    continue
                if not any(match.start() < other.end and other.start < match.end() for other in found):
                    found.append(NameMatch(match.start(), match.end(), match.group(), alias.member))
        return sorted(found, key=lambda name: name.start)

    def for_document(self, text: str) -> Taxonomy:
        """These names for one document: a place's adjective that the document also writes in lower
        case ("nail polish", beside "Nail Polish Market" in a title) is a common word there, not the
        place's, since English capitalises the adjectives of places."""
        kept = tuple(alias for alias in self.demonyms if not written_in_lower_case(alias.text, text))
        return self if kept == self.demonyms else replace(self, demonyms=kept)

    def segment_named(self, name: str) -> Member | None:
        """The known segment whose name has the same words as `name`, order and plurals aside
        ("frozen desserts and dairy" = "Dairy and frozen desserts")."""
        wanted = name_words(name)
        for alias in self.aliases:
            if alias.member.kind == "segment" and not alias.needs_head and name_words(alias.text) == wanted:
                return alias.member
        return None

    def lineage(self, market_id: str) -> list[str]:
        """The market and its ancestors, nearest first."""
        return chain_up(market_id, self.markets, "parent_market_id")

    def region_lineage(self, region_id: str) -> list[str]:
        """The region and the regions that hold it, nearest first (the world last)."""
        return chain_up(region_id, self.regions, "parent_region_id")


def possible(aliases: Sequence[Alias], text: str) -> list[Alias]:
    """The aliases that may occur in `text`: in ASCII text only those whose lower-case form does (a
    quick test before the patterns); outside ASCII, case-insensitive matching is wider than `lower`."""
    if not text.isascii():
        return list(aliases)
    lowered = text.lower()
    return [alias for alias in aliases if alias.lowered in lowered]


def written_in_lower_case(word: str, text: str) -> bool:
    lowered = word.lower()
    return lowered != word and re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", text) is not None


def chain_up(member_id: str, rows: dict[str, dict[str, str]], parent: str) -> list[str]:
    """`member_id` and its parents in `rows`, nearest first, stopping at an unknown id or a cycle."""
    chain: list[str] = []
    while member_id and member_id in rows and member_id not in chain:
        chain.append(member_id)
        member_id = rows[member_id].get(parent) or ""
    return chain


def name_words(name: str) -> frozenset[str]:
    """The words of a name, lower-case, singular, without "and", "of", "the" and punctuation."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))
    return frozenset(singular(word) for word in words if word not in ("and", "of", "the", "a", "an"))


def singular(word: str) -> str:
    plural = len(word) > MIN_PLURAL_WORD and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return word[:-1] if plural else word


def placement(member: Member, geography_id: str) -> tuple[str, str]:
    """(region_id, segment_id) of a row about `member` in a report on `geography_id`."""
    if member.kind == "region":
        return member.member_id, ""
    return geography_id, member.member_id


@functools.cache
def alias_pattern(text: str) -> re.Pattern[str]:
    flags = 0 if text.replace(".", "").isupper() else re.IGNORECASE
    head = rf"(?:\s+(?P<head>{HEADS}))?"
    return re.compile(rf"(?<![\w$-]){re.escape(text)}{head}(?![\w$-])", flags)


# A place's lower-case modifiers up to a market head word: "US| musical instrument market".
MARKET_AFTER_PLACE = re.compile(r"(?:\s+[a-z][\w-]*){1,4}\s+(?:market|industry|sector)\b")


def ends_a_name(sentence: str, end: int) -> bool:
    if re.match(r"\s?\$|\s+dollars?\b", sentence[end:], re.IGNORECASE):
        return False  # "US $ 303 billion", "US dollars": a currency, not a place
    word = re.match(r"\s+([A-Za-z][A-Za-z-]*)", sentence[end:])  # a dash after a space is punctuation
    if word is None:
        return True  # punctuation or the end of the sentence
    following = word.group(1).lower()
    if MARKET_AFTER_PLACE.match(sentence, end):
        return True  # "the US musical instrument market": the place modifies a market phrase
    return following in FOLLOWERS or following.endswith("ly")  # an adverb: "Asia Pacific currently leads"


def read_csv(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(seeds_dir: Path, market_id: str = "", alias_file: Path = ALIASES) -> Taxonomy:
    """The names of the seeds in `seeds_dir` for a report on `market_id` (no segments when blank)."""
    regions = {row["region_id"]: row for row in read_csv(seeds_dir / "regions.csv")}
    markets = {row["market_id"]: row for row in read_csv(seeds_dir / "markets.csv")}
    family = set(Taxonomy((), regions, markets).lineage(market_id))
    segments = {row["segment_id"]: row for row in read_csv(seeds_dir / "segments.csv") if row["market_id"] in family}
    aliases = [
        Alias(row["region_name"], region_member(row), needs_head=False)
        for row in regions.values()
        if row["region_level"] != "world"
    ]
    # A one-word segment name that is no plural noun ("Pharmaceutical") names a segment only before a
    # head word ("pharmaceutical segment"), as an adjective in passing is no name.
    aliases += [
        Alias(
            row["segment_name"],
            segment_member(row),
            needs_head=" " not in row["segment_name"].strip() and not row["segment_name"].endswith("s"),
        )
        for row in segments.values()
    ]
    for row in read_csv(alias_file):
        if row["kind"] == "region" and row["member_id"] in regions:
            aliases.append(Alias(row["alias"], region_member(regions[row["member_id"]]), row["needs_head"] == "head"))
        elif row["kind"] == "segment" and row["member_id"] in segments:
            member = segment_member(segments[row["member_id"]])
            aliases.append(Alias(row["alias"], member, needs_head=row["needs_head"] == "head"))
    aliases.sort(key=lambda alias: len(alias.text), reverse=True)
    demonyms = [
        Alias(row["demonym"], region_member(regions[row["region_id"]]), needs_head=False)
        for row in read_csv(DEMONYMS)
        if row["region_id"] in regions
    ]
    demonyms.sort(key=lambda alias: len(alias.text), reverse=True)
    return Taxonomy(tuple(aliases), regions, markets, market_id, tuple(demonyms))


def region_member(row: Row) -> Member:
    return Member("region", row["region_id"], row["region_name"])


def segment_member(row: Row) -> Member:
    return Member("segment", row["segment_id"], row["segment_name"], row["segment_dimension"])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def proposed_segment(name: str, dimension: str) -> Member:
    """A segment the seeds do not hold for this market, proposed for review."""
    dimension_id = slug(dimension) or "segment"
    return Member("segment", f"{dimension_id}__{slug(name)}", name, dimension_id, known=False)
