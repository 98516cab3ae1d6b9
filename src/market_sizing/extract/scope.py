"""The report's own scope: its market name as worded, its market_id, its geography and currency.

- Market name: the noun phrase ending in "market" (or "industry", "sector"), with its "for ..."
  complement, nearest before the first value of the first sentence stating one ("the global cold
  chain logistics market"), as worded, without its article; else the title's words up to "Market"
  (or a short title). Certain when taken from such a sentence with the head word "market" and a word
  naming the product; flagged otherwise.
- market_id: the market of seeds/markets.csv whose name has the same words (geography, "global",
  "market" aside); else the one market whose name's words hold the phrase's or are held by them,
  flagged (and so is every row about one of its segments); else none, flagged. A market given on the
  command line is certain.
- Geography: a region named in that phrase or its sentence's lead-in ("Europe's ... market",
  "the U.S. ... market"), "global"/"worldwide" there for `world`; else a region or "Global" in the
  title; else `world`, certain when the text names two or more world regions, flagged otherwise. A
  geography given on the command line is certain.
- Currency: that of the first whole-market size (USD when none), flagged when not USD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from market_sizing.extract import quantities
from market_sizing.extract.document import Document, Sentence
from market_sizing.extract.taxonomy import WORLD, Taxonomy

HEAD_WORDS = ("market", "industry", "sector")
PHRASE_STOP = frozenset(
    """
    the a an in on at by for to from with that this its their as is are was were be will of into about
    expects expected puts put estimates estimated values valued says said sees forecasts projects reports
    """.split()  # noqa: SIM905 - a word list reads better as text
)
GLOBAL = re.compile(r"\b(?:global(?:ly)?|worldwide|world)\b", re.IGNORECASE)
TRAILING = re.compile(r"\s+(?:size|share|value|revenue)$", re.IGNORECASE)
MARKET_HEAD = re.compile(r"\bmarket\b", re.IGNORECASE)
HEAD_PATTERN = re.compile(rf"\b(?:{'|'.join(HEAD_WORDS)})\b", re.IGNORECASE)
SCALE_WORD = re.compile(r"trillion|billion|million|bn|mn|tn|usd|us\$|\$", re.IGNORECASE)
COMPLEMENT = re.compile(
    r"\s+for\s+(?:[\w()-]+\s+){0,8}?[\w()-]+(?=\s+(?:is|was|were|are|will|stood|reached|had|has)\b)", re.IGNORECASE
)
INDUSTRY = re.compile(r"\b(?:industry|sector)$", re.IGNORECASE)
# "the global cold chain market", "Worldwide, ...", "clinical trials worldwide were ...": world, said in
# the opening sentences ("Global" capitalised alone may be a publisher's name: "Global Market Insights").
WORLDWIDE = re.compile(
    r"\bthe\s+(?:global|worldwide)\s+(?:[\w-]+\s+){0,6}?(?:market|industry|sector)\b|^(?:globally|worldwide),"
    r"|\b[a-z]+\s+worldwide\s+(?:is|was|were|are)\b",
    re.IGNORECASE,
)
LATIN_PHRASES = frozenset({"in vitro", "in vivo", "in situ", "in silico", "ex vivo"})
NAME_WITH_DIGITS = re.compile(r"\d+[A-Za-z][\w-]*")  # "3PL", "5G", "3D": a word of a name, not a number
PLACE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")
MAX_SHORT_TITLE = 6
MIN_REGIONS_FOR_WORLD = 2  # a text naming two world regions sizes a world market
MAX_OPENING_SENTENCES = 8
MAX_PHRASE_WORDS = 12


@dataclass(frozen=True)
class ReportScope:
    market_id: str
    geography_id: str
    market_name: str
    currency: str = "USD"
    flags: dict[str, str] = field(default_factory=dict)  # column -> why it needs review


def words(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """The words of a market name without geography, "global", "market" and possessives."""
    text = re.sub(r"['’]s\b", "", text.lower())
    for region in taxonomy.regions_in(text):
        text = text.replace(region.text.lower(), " ")
    text = GLOBAL.sub(" ", text)
    return frozenset(word for word in re.findall(r"[a-z0-9&-]+", text) if word not in (*HEAD_WORDS, "the"))


def market_phrase(sentence: str, before: int, heads: re.Pattern[str] | None = None) -> tuple[int, int] | None:
    """The span of the noun phrase ending in the last head word before `before`, walking back to an
    article, a preposition, a verb of the list, a comma, a number or a scale word, with its "for ..."
    complement ("market for pharmaceutical CDMOs")."""
    found = list((heads or HEAD_PATTERN).finditer(sentence, 0, before))
    if not found:
        return None
    head = found[0] if heads else found[-1]
    tokens = list(re.finditer(r"\S+", sentence[: head.start()]))
    start = head.start()
    kept = tokens[-MAX_PHRASE_WORDS:]
    for index in range(len(kept) - 1, -1, -1):
        token = kept[index]
        word = token.group()
        following = kept[index + 1].group().lower() if index + 1 < len(kept) else ""
        if f"{word.lower()} {following}" in LATIN_PHRASES:  # "in vitro diagnostics": "in" is a word of the name
            start = token.start()
            continue
        if word.lower() in PHRASE_STOP or (word.endswith((",", ";", ":", ".")) and word not in ("U.S.", "U.K.")):
            break
        if (any(character.isdigit() for character in word) and not NAME_WITH_DIGITS.fullmatch(word)) or (
            SCALE_WORD.fullmatch(word)
        ):
            break
        start = token.start()
    complement = COMPLEMENT.match(sentence, head.end())
    end = complement.end() if complement else head.end()
    return (start, end) if start < head.start() or complement else None


def propose(
    document: Document,
    taxonomy: Taxonomy,
    *,
    market_id: str = "",
    geography_id: str = "",
) -> ReportScope:
    flags: dict[str, str] = {}
    name, sentence_lead, currency, sized = opening_market(document, taxonomy)
    from_sentence = bool(name)
    name = name or title_market(document.title)
    if not name:
        flags["market_name"] = "no market name found in the title or the opening sentences"
    elif not from_sentence or not re.search(r"\bmarket\b", name, re.IGNORECASE) or INDUSTRY.search(name):
        flags["market_name"] = "market name from the title, or worded as an industry or sector: check the wording"
    elif not words(name, taxonomy):
        flags["market_name"] = "the market phrase names no product or service: check the wording"
    elif not sized:
        flags["market_name"] = "market name from a sentence that states no amount: check the wording"
    geography = (
        geography_id or geography_of(f"{sentence_lead} {name}", taxonomy) or geography_of(document.title, taxonomy)
    )
    opening = prose(document)[:MAX_OPENING_SENTENCES]
    if not geography and any(WORLDWIDE.search(sentence.text) for sentence in opening):
        geography = WORLD
    if not geography and len(world_regions(document, taxonomy)) >= MIN_REGIONS_FOR_WORLD:
        geography = WORLD
    if not geography:
        geography = WORLD
        flags["geography_id"] = "no geography stated in the title or the opening sentence: world assumed"
    market, exact = (market_id, True) if market_id else market_of(name, taxonomy)
    if not market:
        flags["market_id"] = f"no market in seeds/markets.csv is named like '{name}': choose or add one"
    elif not exact:
        flags["market_id"] = f"'{name}' is only close to the name of market {market} in seeds/markets.csv"
    if currency != "USD":
        flags["currency"] = f"figures stated in {currency}: the warehouse converts only USD units"
    return ReportScope(market, geography, name, currency, flags)


def opening_market(document: Document, taxonomy: Taxonomy) -> tuple[str, str, str, bool]:
    """(market phrase, the words before it, currency, whether the sentence states an amount) of the
    first sentence with a money amount and a market phrase before it, or with a market phrase and no
    amount; a place right after the phrase belongs to it ("the ... market in India")."""
    for sentence in prose(document)[:MAX_OPENING_SENTENCES]:
        if sentence.label_end is not None:
            continue
        amounts = quantities.values(sentence.text)
        span = market_phrase(sentence.text, amounts[0].start) if amounts else None
        if span is None and not amounts:
            span = market_phrase(sentence.text, len(sentence.text), heads=MARKET_HEAD)
        if span is not None:
            end = span[1]
            place = PLACE_AFTER.match(sentence.text, end)
            if place and any(name.start == 0 for name in taxonomy.regions_in(place.group("place"))):
                end = place.end()
            phrase = TRAILING.sub("", sentence.text[span[0] : end])
            money = [value.currency for value in amounts if value.kind == "money"]
            currency = money[0] if money else first_currency(document)
            return phrase, sentence.text[: span[0]], currency, bool(amounts)
    return "", "", "USD", False


def prose(document: Document) -> list[Sentence]:
    """The document's sentences and table rows, its headings aside."""
    return [sentence for sentence in document.sentences if not sentence.heading]


def first_currency(document: Document) -> str:
    for sentence in document.sentences:
        money = [value.currency for value in quantities.values(sentence.text) if value.kind == "money"]
        if money:
            return money[0]
    return "USD"


def title_market(title: str) -> str:
    """The title's words up to "Market", or a short title itself ("Cold Chain Logistics")."""
    match = re.search(r"^(.*?\bmarket)\b", title, re.IGNORECASE)
    if match:
        return match.group(1).strip()
    return title if len(title.split()) <= MAX_SHORT_TITLE and ":" not in title else ""


def market_words(document: Document, found: ReportScope, taxonomy: Taxonomy) -> frozenset[str]:
    """Words that name the report's whole market: those of its name and of the title's market name."""
    return words(found.market_name, taxonomy) | words(title_market(document.title), taxonomy)


def world_regions(document: Document, taxonomy: Taxonomy) -> set[str]:
    """The world regions (North America, Europe, ...) the text names anywhere."""
    found = set()
    for sentence in document.sentences:
        for name in taxonomy.regions_in(sentence.text):
            if taxonomy.regions[name.member.member_id]["region_level"] == "region":
                found.add(name.member.member_id)
    return found


def geography_of(text: str, taxonomy: Taxonomy) -> str:
    regions = taxonomy.regions_in(text, demonyms=True)
    if regions:
        return regions[0].member.member_id
    return WORLD if GLOBAL.search(text) else ""


def market_of(name: str, taxonomy: Taxonomy) -> tuple[str, bool]:
    """The market named with the same words (exact), else the one market whose name's words hold the
    phrase's or are held by them ("Cold Chain Market" ~ "Cold chain logistics"), else none."""
    wanted = words(name, taxonomy)
    if not wanted:
        return "", False
    close = []
    for market_id, row in taxonomy.markets.items():
        named = words(row["market_name"], taxonomy)
        if named == wanted:
            return market_id, True
        if named < wanted or wanted < named:
            close.append(market_id)
    return (close[0], False) if len(close) == 1 else ("", False)
