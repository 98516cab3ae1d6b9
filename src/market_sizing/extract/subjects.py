"""Subject and scope: which region or segment a figure or claim is about.

In order: names stated "respectively" pair with the values in order; else the nearest known name
before the value in its clause; else a known name right after it ("45% came from North America");
else the clause's own subject phrase: a phrase naming the market ("the market", "it", "the global
<market name>", "revenue", a phrase led by "global" or by the report's geography) is the report's
whole market; a phrase naming another region's market ("the U.S. widget market") is that region; a
pronoun for a place ("the region", "the country") takes the region named in the sentences before,
flagged as carried from another sentence; any other short phrase is proposed as a new segment of the
report's market, flagged as unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from market_sizing.extract.context import Context, clause_end, clause_start, word_count
from market_sizing.extract.dating import YEAR
from market_sizing.extract.quantities import Value
from market_sizing.extract.taxonomy import EXTENT_WORDS, Member, NameMatch, Taxonomy, proposed_segment
from market_sizing.extract.taxonomy import WORLD as WORLD_ID

CARRIED = "scope carried from another sentence"
MAX_SUBJECT_WORDS = 5
MARKET_AS_SUBJECT = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,8}?market(?:\s+size)?\s+(?:is|was|were|are|will|stood|valued|estimated|expected|projected|reached)\b",
    re.IGNORECASE,
)
SUBJECT_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|may|might|can|accounted|accounts|accounting|captured"
    r"|captures|held|holds|hold|led|leads|dominated|dominates|represented|represents|registered|recorded|stood"
    r"|generated|reached|grew|grows|expanded|estimated|valued|contributed|contributes|contributing|made|makes"
    r"|remains?|remained|continues?|continued|becomes?|became)\b",
    re.IGNORECASE,
)
# A lead-in before the subject: "By end user, ..." names the segment dimension; "In 2024, ..." names none.
DIMENSION_LEAD_IN = re.compile(
    r"^\s*(?:by|in\s+terms\s+of|based\s+on|on\s+the\s+basis\s+of|among)\s+(?P<dimension>[A-Za-z][\w\s-]*?),\s*",
    re.IGNORECASE,
)
# A bullet's label naming the dimension it breaks down: "• Sales channel: embedded distribution captured".
DIMENSION_LABEL = re.compile(r"^[\s•*-]*(?P<dimension>[A-Z][a-z]+(?:[ -][a-z]+){0,2}):\s+(?=\S)")
DIMENSION_ASIDE = re.compile(r",\s*(?:by|in\s+terms\s+of)\s+(?P<dimension>[A-Za-z][\w\s-]*?),", re.IGNORECASE)
OTHER_LEAD_IN = re.compile(
    r"^\s*(?:in|by|for|as\s+of|during|within|globally|overall|worldwide|meanwhile|moreover|however|additionally"
    r"|furthermore|currently|today)\b[^,]*,\s*",
    re.IGNORECASE,
)
WHOLE_MARKET_WORDS = re.compile(
    r"\b(?:markets?|industry|sector|revenues?|sales|it|this|demand|spending|value|size|valuation|CAGR|growth\s+rate)\b|^$",
    re.IGNORECASE,
)
GLOBAL_LEAD_IN = re.compile(r"^\s*(?:globally|worldwide|overall|in\s+total|altogether),", re.IGNORECASE)
WHOLE_MARKET_LEAD = re.compile(r"^(?:the\s+)?(?:global|worldwide|world|overall|total|entire)\b", re.IGNORECASE)
WORLDWIDE = re.compile(r"\b(?:worldwide|globally)\b", re.IGNORECASE)
PLACE_PRONOUN = re.compile(r"^(?:the|this|that)\s+(?:region|country|nation)\b|^(?:the\s+)?region's\b", re.IGNORECASE)
ARTICLE = re.compile(r"^(?:the|a|an|its|their)\s+", re.IGNORECASE)
SEGMENT_HEAD = re.compile(r"\s+(?:segment|sub-segment|subsector|sector|category|type)$", re.IGNORECASE)
NOT_A_NAME = frozenset({"a", "an", "the", "it", "this", "that", "they", "these", "those", "which", "one", "some"})
TRADE_LEAD = re.compile(r"\b(?:to|from|into|with)\s+(?:the\s+)?$", re.IGNORECASE)
OWNER = re.compile(
    r"['’]s\s+(?!(?:[\w-]+\s+){0,3}?(?:market|industry|sector|revenues?|sales|demand|spending)\b)", re.IGNORECASE
)
RESPECTIVELY = re.compile(r"^\s*,?\s*respectively\b", re.IGNORECASE)
# "In 2020, Vita Coco held the largest coconut water market share in the U.S., over 45%": a capitalised
# name that is no place, holding the value before the place, may be a company.
NAMED_HOLDER = re.compile(
    r"(?P<name>\b(?!(?:It|This|That|They|These|Those|Which|The|He|She|We)\b)[A-Z][\w&.'’-]+"
    r"(?:\s+[A-Z][\w&.'’-]+)*)\s+(?:held|holds|took|takes|commanded|commands|captured|captures|had|has)\b"
)


def named_holder(sentence: str, start: int, end: int, names: list[NameMatch]) -> str:
    """A capitalised name that is no place and holds what follows ("Vita Coco held"), between `start`
    and `end`, or ""."""
    for holder in NAMED_HOLDER.finditer(sentence, start, end):
        if not any(name.start < holder.end("name") and holder.start("name") < name.end for name in names):
            return holder.group("name")
    return ""


# "Vfoods (Thailand) is Southeast Asia's top brand": a place in brackets right after a capitalised
# name that is not itself a place is where a company is based.
BRACKETED_AFTER_NAME = re.compile(r"(?P<name>\b[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s*\($")


def company_home(sentence: str, name: NameMatch, names: list[NameMatch]) -> str:
    """The words "<Name> (<place>)" when the place is in brackets after a name that is no place, or ""."""
    if not sentence[name.end :].startswith(")"):
        return ""
    owner = BRACKETED_AFTER_NAME.search(sentence, 0, name.start)
    if owner is None or any(other.end > owner.start() and other.start < name.start for other in names):
        return ""
    return sentence[owner.start() : name.end + 1]


# "the fitness product segment": one to four words naming a segment, for subjects and claims alike.
SEGMENT_NAMED = r"the\s+(?P<name>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:segment|sub-segment|category)\b"
SEGMENT_PHRASE = re.compile(rf"\b{SEGMENT_NAMED}", re.IGNORECASE)  # inside a subject phrase
# The words for companies: a value after them and a place may be theirs, not the place's market's.
COMPANIES = re.compile(r"\b(?:compan(?:y|ies)|players|brands|manufacturers|firms|vendors|producers)\b", re.IGNORECASE)
# A year-by-row table: a first cell "Year" above rows labelled by a year ("2021*": an estimate).
YEAR_HEAD = re.compile(r"years?", re.IGNORECASE)
ROW_YEAR = re.compile(rf"(?P<year>{YEAR})\*?")
MARKET_WORD = re.compile(r"\bmarket\b", re.IGNORECASE)
LIST_SEGMENT = re.compile(r"\b(?:segments?|sub-segments?|categor(?:y|ies))\b", re.IGNORECASE)
SEGMENT_IN = re.compile(
    r"\b(?:segments?|categor(?:y|ies)|sub-?segments?)\s+(?:in|of|for)\s+(?:the\s+)?$", re.IGNORECASE
)
# Words that open a period, not a subject, after "for": "5.1% CAGR for sugar-free gum through 2030".
PERIOD_WORD = r"(?:through|until|till|to|by|in|over|from|during|between)\b"
# "6.4% for field crops and 4.0% for fruits", "5.1% CAGR for sugar-free gum": a subject after the value,
# maybe after the rate's words (not a year, a period or the market itself).
FOR_AFTER = re.compile(
    r"(?:\s+(?:CAGR|compound\s+annual\s+growth(?:\s+rate)?|annual\s+growth(?:\s+rate)?|growth(?:\s+rate)?))?"
    r"\s+for\s+(?!the\s+(?:forecast|period|year|market|industry|sector|whole|total|global|overall)\b)"
    r"(?!(?:the\s+)?(?:19|20)\d\d\b)(?!(?:the\s+)?(?:next|coming|past|last|first|second)\b)"
    rf"(?P<what>(?:(?!{PERIOD_WORD})[a-z][\w&-]*\s+){{0,3}}(?!{PERIOD_WORD})[a-z][\w&-]*)",
)
PART_OF_THE_MARKET = re.compile(
    r"\b(?:component|part|portion|slice|segment|piece)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:market|industry|sector|sales)\b",
    re.IGNORECASE,
)
INDUSTRY_PHRASE = re.compile(
    r"\b(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?P<words>(?:[a-z][\w-]*\s+){1,3})(?:industry|market|sector)\b"
)
# The same phrase right after a place already named ("the global | restaurant and food service industry at",
# "In the United States | the landscaping industry reached"); an article only before its words, where it
# opens the clause's subject: among them it would make the phrase a verb's object ("North America |
# dominated the market").
INDUSTRY_AFTER_PLACE = re.compile(
    r"(?:\s+the)?\s*(?P<words>(?:(?!(?:the|a|an)\s)[a-z][\w-]*\s+){1,5}?)(?:industry|market|sector)\b"
)
# ... or as what a revenue is earned in ("the US's revenue in the food delivery services business").
REVENUE_IN = re.compile(
    r"\brevenues?\s+(?:in|from|of)\s+(?:the\s+)?(?P<words>(?:[a-z][\w-]*\s+){1,5}?)"
    r"(?:business|industry|market|sector)\b",
    re.IGNORECASE,
)
# ... or after a world word ("put the global restaurant and food service industry at").
WORLD_INDUSTRY_PHRASE = re.compile(
    r"\b(?:global|worldwide|world's|international)\s+"
    r"(?P<words>(?:(?!(?:the|a|an)\s)[a-z][\w-]*\s+){1,5}?)(?:industry|market|sector)\b"
)
GENERIC_PHRASE_WORDS = EXTENT_WORDS | {
    "the", "a", "an", "of", "its", "their", "this", "that", "global", "world", "domestic", "local", "national",
}  # fmt: skip
CONJUNCTIONS = frozenset({"and", "or", "&"})
# ", which passed France in 2009 to become the third largest market,": an aside about the name before it.
ASIDE = re.compile(r",\s*(?:which|who|that)\b[^,]*,", re.IGNORECASE)
# An amount fronted before the main clause: "At around 9,814 million USD in 2021, the United States ...".
FRONTED = re.compile(
    r"^\s*(?:at|with)\s+(?:(?:around|about|nearly|over|some|roughly|approximately)\s+)?$", re.IGNORECASE
)
MAIN_CLAUSE_AFTER = re.compile(r"[^,.;]{0,30},\s*(?:the\s+)?")
# "... 44% share of the flooring market": the market a share is of, right after the value.
SHARE_OF_MARKET = re.compile(
    r"\s*(?:(?:revenue|market|volume)\s+)?share\s+of\s+(?:the\s+)?(?P<words>(?:[\w-]+\s+){1,4}?)(?:market|industry|sector)\b",
    re.IGNORECASE,
)
# Between two places of a list: "Germany, France", "Germany and France", "Germany, and the UK".
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or|&)\s+(?:the\s+)?", re.IGNORECASE)
TOGETHER = re.compile(r"\s*(?:,\s*)?(?:and|&|plus)\s+(?:the\s+)?", re.IGNORECASE)
# "accounts for 29% of the market in China" names China; "..., led by China" or "followed by Europe" do
# not name the value's subject.
NAME_AFTER_LEAD = re.compile(
    r"\b(?:in|across|within|(?<!followed )(?<!led )(?<!driven )(?<!headed )(?<!dominated )by|from|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Scope:
    """What a sentence's subject resolves against."""

    geography: Member  # the report's own geography: its whole market
    market_words: frozenset[str]  # the words of the report's market name (lower-case)
    taxonomy: Taxonomy
    previous_regions: tuple[Member, ...] = ()  # regions named in the sentences before

    @property
    def world(self) -> Member:
        """The world market, which a "global ..." phrase names even in a country's report."""
        row = self.taxonomy.regions.get(WORLD_ID)
        return Member("region", WORLD_ID, row["region_name"]) if row else Member("region", WORLD_ID)


@dataclass(frozen=True)
class Subject:
    member: Member
    flag: str = ""  # why the subject needs review, blank when certain

    @classmethod
    def of(cls, member: Member, flag: str = "") -> Subject:
        if not flag and not member.known:
            flag = f"member unknown: segment '{member.name}' is not in seeds/segments.csv for this market"
        return cls(member, flag)


def subjects(context: Context, group: list[Value], scope: Scope) -> list[Subject] | str:
    """The subject of each value of `group`, or the reason none can be named."""
    sentence, first = context.sentence, group[0]
    start = clause_start(sentence, first.start)
    if context.label_end is not None and first.start > context.label_end:
        start = 0  # a table row's label names the subject of its cells
    before = [name for name in context.names if name.start >= start and name.end <= first.start]
    column = year_row_column(context, first.start)
    if column is not None and whole_market_title(column, scope):
        # "2023 | $52.45 billion" under "Year | Market Valuation": the label is the year, not a subject.
        return [Subject(scope.geography)]
    if len(group) > 1:
        distinct = list(dict.fromkeys(name.member for name in before))
        if len(distinct) < len(group):
            return f"{len(group)} values stated 'respectively' but {len(distinct)} names before them"
        return [Subject.of(member) for member in distinct[-len(group) :]]
    if before and not MARKET_AS_SUBJECT.search(sentence[before[-1].end : first.start]):
        name = before[-1]
        aside = ASIDE.search(sentence, start, first.start)
        if aside and aside.start() <= name.start and name.end <= aside.end() and before[0].end <= aside.start():
            # "China, which passed France in 2009 ..., has now moved into second place with a 23%
            # share": the place named in the aside is not the subject; the one before it may be.
            owner = [other for other in before if other.end <= aside.start()][-1]
            role = sentence[aside.start() : aside.end()].strip(" ,")
            return [Subject(owner.member, f"another place is named in an aside before the value ('{role}')")]
        other = other_industry(sentence[name.end : first.start], scope)
        if other:
            # "Countries such as India ..., as the rise of the Indian retail industry from USD 795 billion"
            return [Subject(name.member, f"the words before the value name another market ('{other}')")]
        wider = SHARE_OF_MARKET.match(sentence, group[-1].end)
        if wider and unrelated_phrase([wider], scope):
            # "accounts for a 44% share of the flooring market" on a carpets page: another market's share.
            return [Subject(name.member, f"the value is a share of another market ('{wider.group().strip()}')")]
        held = SEGMENT_PHRASE.search(sentence, name.end, first.start)
        if held:
            # "China leads the luxury watch segment, with over 45% revenue share": the segment's share?
            return [Subject(name.member, f"a segment is named between the place and the value ('{held.group()}')")]
        if SEGMENT_IN.search(sentence, 0, name.start):
            # "The turf fertilizer segment in India ... was valued at": the place holds the subject.
            role = sentence[max(0, name.start - 20) : name.end].strip()
            return [Subject(name.member, f"the place holds a segment named before it ('{role}')")]
        if TRADE_LEAD.search(sentence, 0, name.start) or OWNER.match(sentence, name.end):
            # "exports to India grew at a CAGR of 25.2%", "Korea's shipments of parts grew 12.5%"
            role = sentence[max(0, name.start - 6) : name.end + 20].strip()
            return [Subject(name.member, f"the place may be a trade partner or an owner, not the market ('{role}')")]
        home = company_home(sentence, name, context.names)
        if home:
            return [Subject(name.member, f"the place in brackets may be a company's home ('{home}')")]
        holder = named_holder(sentence, start, name.start, context.names)
        if holder:
            return [Subject(name.member, f"'{holder}' holds the value before the place: a company's?")]
        holders = COMPANIES.search(sentence, start, name.start)
        if holders:
            # "Three listed companies dominate China's yogurt market (together holding 63% ...)": the
            # value may be the companies', not the place's.
            return [Subject(name.member, f"companies are named before the place ('{holders.group()}')")]
        if len(before) > 1 and TOGETHER.fullmatch(sentence[before[-2].end : name.start]):
            # "the U.S. and China will account for 49%": one value for two places together.
            both = sentence[before[-2].start : name.end]
            return [Subject(name.member, f"one value stated for several places together ('{both}')")]
        return [Subject.of(name.member)]
    after = name_after(context, first)
    if after is not None:
        return [after]
    fronted = fronted_subject(context, first, scope)
    if fronted is not None:
        return [Subject.of(fronted)]
    found = phrase_subject(sentence[start : first.start], scope)
    if isinstance(found, str):
        return found
    clause = sentence[start : first.start]
    if (
        found.member == scope.geography
        and not subject_phrase(clause)[0]
        and word_count(clause) > MAX_SUBJECT_WORDS
        and not WHOLE_MARKET_WORDS.search(clause)
    ):
        # "The forecasts show colour cosmetics rising by 8.9% in 2024 ..., from $73.4 billion": many
        # words before the value, none naming the market, and no subject the rules can find.
        return [Subject(found.member, "no subject found in the words before the value: whole market assumed")]
    other = (world_industry(clause, scope) or place_industry(clause, scope)) if not found.flag else ""
    if other:
        # "put the global restaurant and food service industry at USD 1,469 Bn" on a bottled-water page
        return [Subject(found.member, f"the words before the value name another market ('{other}')")]
    part = PART_OF_THE_MARKET.search(clause)
    if found.member == scope.geography and not found.flag and part:
        # "Emerging markets were the biggest component of the market at $5.1 billion": a part's size.
        return [Subject(found.member, f"the value is a part's ('{part.group()}'): whole market assumed")]
    named_after = FOR_AFTER.match(sentence, group[-1].end)
    if found.member == scope.geography and not found.flag and named_after:
        # "The projected CAGR is 6.4% for field crops": the words after the value name its subject.
        return [Subject(found.member, f"the value is stated 'for {named_after.group('what')}': whole market assumed")]
    introduced = list_introduction(context, scope)
    if found.member == scope.geography and not found.flag and introduced:
        # "Robotic models form the fastest-growing segment:" above "- CAGR: 15.2% (2024-2032)": a row
        # that names only its measure, in a list whose opening line names another subject.
        return [Subject(found.member, f"the list is introduced by '{introduced}': whole market assumed")]
    lead_in = DIMENSION_LEAD_IN.match(sentence)
    if found.member == scope.geography and lead_in and start >= lead_in.end():
        # "By component, services made up 68.1%; products ... log a 22.4% CAGR": a later clause of a
        # breakdown sentence is likely about one of its segments.
        dimension = lead_in.group("dimension")
        return [Subject(found.member, f"whole market assumed in a sentence that breaks the market down by {dimension}")]
    return [found]


def year_row_column(context: Context, position: int) -> str | None:
    """The title of the column holding `position` in a row of a year-by-row table, else None."""
    label_end, header = context.label_end, context.header
    if label_end is None or position <= label_end or not header or not YEAR_HEAD.fullmatch(header[0].strip()):
        return None
    if not ROW_YEAR.fullmatch(context.sentence[:label_end].strip()):
        return None
    column = context.sentence.count(" | ", 0, position)
    return header[column] if column < len(header) else None


def whole_market_title(title: str, scope: Scope) -> bool:
    """A column title that names the market and nothing narrower: "Market Value (USD Billion)", "Size
    of the market"."""
    return MARKET_WORD.search(title) is not None and not scope.taxonomy.find(title) and not narrower_words(title, scope)


def list_introduction(context: Context, scope: Scope) -> str:
    """The line above a list of "label: value" rows when it ends in a colon and names a segment or a
    place other than the report's ("Robotic models form the fastest-growing segment:"); else ""."""
    line = context.caption.strip()
    if context.label_end is None or not line.endswith(":"):
        return ""
    places = [name for name in scope.taxonomy.regions_in(line) if name.member != scope.geography]
    return line if places or LIST_SEGMENT.search(line) else ""


def other_industry(text: str, scope: Scope) -> str:
    """A "<place> <words> industry|market|sector" phrase in `text` ("the Indian retail industry"), the
    "<words> industry" that `text` opens with after a place named just before it ("global | restaurant
    and food service industry"), whose words share none with the report's market name; or ""."""
    candidates = [
        match
        for match in INDUSTRY_PHRASE.finditer(text)
        if scope.taxonomy.regions_in(match.group("place"), demonyms=True)
    ]
    adjacent = INDUSTRY_AFTER_PLACE.match(text)
    if adjacent:
        candidates.append(adjacent)
    for match in REVENUE_IN.finditer(text):
        # A business the revenue is earned in: another market unless it shares a word with the
        # report's market name (also when that name is unknown).
        words = set(match.group("words").lower().split()) - GENERIC_PHRASE_WORDS - CONJUNCTIONS
        if words and not words & scope.market_words:
            return match.group().strip()
    return unrelated_phrase(candidates, scope)


def world_industry(text: str, scope: Scope) -> str:
    """A "global <words> industry|market|sector" phrase in `text` ("the global restaurant and food
    service industry") whose words share none with the report's market name, or ""."""
    return unrelated_phrase(list(WORLD_INDUSTRY_PHRASE.finditer(text)), scope)


def place_industry(text: str, scope: Scope) -> str:
    """A "<place> <words> industry|sector" phrase in `text` ("the United States hotel industry") whose
    words share none with the report's market name, or ""."""
    return unrelated_phrase(
        [
            match
            for match in INDUSTRY_PHRASE.finditer(text)
            if not match.group().endswith("market") and scope.taxonomy.regions_in(match.group("place"), demonyms=True)
        ],
        scope,
    )


def unrelated_phrase(candidates: list[re.Match[str]], scope: Scope) -> str:
    for match in candidates:
        words = set(match.group("words").lower().split()) - GENERIC_PHRASE_WORDS - CONJUNCTIONS
        if words and scope.market_words and not words & scope.market_words:
            return match.group().strip()
    return ""


def fronted_subject(context: Context, value: Value, scope: Scope) -> Member | None:
    """The place that opens the main clause after a fronted amount ("At around 9,814 million USD in 2021,
    the United States tops the list"), or None."""
    if not FRONTED.match(context.sentence[: value.start]):
        return None
    comma = MAIN_CLAUSE_AFTER.match(context.sentence, value.end)
    if comma is None:
        return None
    places = scope.taxonomy.regions_in(context.sentence[comma.end() :])
    return places[0].member if places and places[0].start == 0 else None


def name_after(context: Context, value: Value) -> Subject | None:
    """The place named after the value in its clause ("29% of the market in China"); flagged when it
    opens a list of places ("especially in Germany, France and the UK"), which names no one subject."""
    limit = clause_end(context.sentence, value.end)
    for index, name in enumerate(context.names):
        if value.end <= name.start < limit and NAME_AFTER_LEAD.search(context.sentence[: name.start]):
            following = context.names[index + 1 : index + 2]
            if following and LIST_SEPARATOR.fullmatch(context.sentence[name.end : following[0].start]):
                places = context.sentence[name.start : following[0].end]
                return Subject(name.member, f"the value is followed by a list of places ('{places}')")
            return Subject.of(name.member)
    return None


def subject_phrase(clause: str, *, verbless: bool = False) -> tuple[str, str]:
    """The clause's subject phrase (before its verb, without lead-ins and articles) and the dimension
    a lead-in names ("By end user, ..."). With `verbless`, a clause without a verb is all subject
    (the words before a claim's wording: "frozen desserts and dairy" of "... dominated")."""
    lead_in = DIMENSION_LEAD_IN.match(clause) or DIMENSION_LABEL.match(clause)
    dimension = lead_in.group("dimension").lower() if lead_in else ""
    clause = clause[lead_in.end() :] if lead_in else clause
    other = OTHER_LEAD_IN.match(clause)
    clause = clause[other.end() :] if other else clause
    verb = SUBJECT_VERB.search(clause)
    phrase = clause[: verb.start()] if verb else (clause if verbless else "")
    aside = DIMENSION_ASIDE.search(phrase)
    if aside:
        dimension = dimension or aside.group("dimension")
        phrase = phrase[: aside.start()] + phrase[aside.end() :]
    if not verb and "|" in clause:
        phrase = clause.split("|", 1)[0]
    return phrase.strip(" ,:|"), dimension


def phrase_subject(clause: str, scope: Scope, *, verbless: bool = False) -> Subject | str:
    """No known name: the whole market, another region's market, a carried place, or a new segment."""
    lead = GLOBAL_LEAD_IN.match(clause)
    if lead:
        # "Worldwide, disposable e-cigarettes are forecast to ...": the world's, but maybe a part of it.
        rest = subject_phrase(clause[lead.end() :])[0]
        if rest and not names_the_market(rest, scope):
            return Subject(scope.world, f"'{rest}' does not name the report's market: its world market assumed")
        return Subject(scope.world)
    phrase, dimension = subject_phrase(clause, verbless=verbless)
    lead = re.match(r"^(?:the\s+)?(?:global|worldwide|world)\b", phrase, re.IGNORECASE)
    if lead:
        rest = phrase[lead.end() :].strip()
        if not rest or names_the_market(rest, scope):
            extra = narrower_words(rest, scope)
            if extra:
                # "The global organic olive oil market" on an olive oil page: maybe a narrower market.
                return narrower_subject(scope.world, phrase, extra)
            return Subject(scope.world)
        # "global logistics costs came to $8.2 trillion" in a report on the 3PL market: another measure?
        return Subject(scope.world, f"'{phrase}' does not name the report's market: its world market assumed")
    if PLACE_PRONOUN.match(phrase):
        if scope.previous_regions:
            return Subject(scope.previous_regions[-1], CARRIED)
        return f"its subject '{phrase}' names no region"
    regions = scope.taxonomy.regions_in(phrase)
    if regions and re.search(r"\b(?:market|industry|sector)\b", phrase[regions[-1].end :], re.IGNORECASE):
        return Subject.of(regions[-1].member)
    segment = SEGMENT_PHRASE.search(phrase)
    if segment and not regions:
        # "Revenue from the fitness product segment was more than USD 10.0 billion": the segment's.
        name = segment.group("name")
        return Subject.of(scope.taxonomy.segment_named(name) or proposed_segment(name, dimension))
    if names_the_market(phrase, scope):
        extra = narrower_words(phrase, scope)
        if extra:
            # "the organic hair care products market" on a hair care page: maybe a narrower market.
            return narrower_subject(scope.geography, phrase, extra)
        return Subject(scope.geography)
    if word_count(phrase) > MAX_SUBJECT_WORDS:
        return Subject(
            scope.geography, f"a long subject ('{phrase}') that does not name the market: whole market assumed"
        )
    name = SEGMENT_HEAD.sub("", ARTICLE.sub("", phrase)).strip()
    if not re.search(r"\w{2}", name) or name.lower() in NOT_A_NAME:
        return f"its subject '{phrase}' names nothing"
    return Subject.of(scope.taxonomy.segment_named(name) or proposed_segment(name, dimension))


# Words that end a market phrase's modifiers, read backwards from its head word.
MODIFIER_STOP = frozenset({"the", "a", "an", "by", "in", "of", "for", "to", "on", "at", "its", "their", "this", "that"})
# "market for <words>" or "market of <words>" closing a phrase: the words name what the market sells.
MARKET_COMPLEMENT = re.compile(r"\s+(?:for|of)\s+(?P<words>[\w.'’ -]+?)\s*$", re.IGNORECASE)
# Head-like words a market's name may take or drop ("hair care products market" is "hair care").
PRODUCT_WORDS = frozenset({"product", "products", "service", "services", "goods", "items"})


def narrower_subject(member: Member, phrase: str, extra: list[str]) -> Subject:
    return Subject(member, f"'{phrase}' adds {', '.join(extra)} to the report's market: a narrower market?")


def narrower_words(phrase: str, scope: Scope) -> list[str]:
    """The modifiers of `phrase`'s head word ("organic" in "By 2027 the organic hair care products
    market") that the report's market name does not have; none when the report's name is unknown."""
    heads = list(re.finditer(r"\b(?:market|industry|sector)\b", phrase, re.IGNORECASE))
    if not heads or not scope.market_words:
        return []
    head = heads[-1]  # the phrase's own head word, at its end
    modifiers: list[str] = []
    before = re.sub(r"['’]s\b", " ", phrase[: head.start()])  # "the world's ..." holds no modifier "'s"
    for word in reversed(re.findall(r"[\w.'’-]+", before)):
        lowered = word.lower()
        if lowered in MODIFIER_STOP or any(character.isdigit() for character in word):
            break
        modifiers.append(lowered)
    modifiers.reverse()
    complement = MARKET_COMPLEMENT.match(phrase, head.end())
    if complement:
        # "the global market for fishing reels": what the market is for modifies it too.
        modifiers += [word.lower() for word in re.findall(r"[\w.'’-]+", complement.group("words"))]
    ignored = scope.market_words | PRODUCT_WORDS | GENERIC_PHRASE_WORDS | MODIFIER_STOP
    extra = [word for word in modifiers if word not in ignored and not scope.taxonomy.regions_in(word)]
    return extra


def names_the_market(phrase: str, scope: Scope) -> bool:
    bare = ARTICLE.sub("", phrase.strip())
    if WHOLE_MARKET_WORDS.search(bare) or WHOLE_MARKET_LEAD.match(bare) or WORLDWIDE.search(bare):
        return True
    if scope.geography.name and bare.lower().startswith(scope.geography.name.lower()):
        return True
    words = set(re.findall(r"[\w-]+", bare.lower()))
    return bool(words) and words <= scope.market_words


def unnamed_claim_subject(clause: str, scope: Scope) -> Subject | None:
    """A claim's subject when no known name stands before its wording: a new segment, a carried place,
    or none (the whole market claims nothing)."""
    found = phrase_subject(clause, scope, verbless=True)
    if isinstance(found, str) or found.member == scope.geography:
        return None
    return found


def carried_regions(names: list[NameMatch]) -> tuple[Member, ...]:
    return tuple(name.member for name in names if name.member.kind == "region")
