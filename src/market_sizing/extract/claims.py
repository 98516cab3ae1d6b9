"""Qualitative claims (who leads, gains share, grows fastest, is a key market) and plain mentions.

A clause's claim wording (the first type whose wording it holds) names the nearest known name before
it, else the clause's own subject phrase (see `subjects`). In a table row ("Fastest Growing Market |
Asia Pacific", "Key Markets: China, India") the label holds the wording and the cells name the
subjects. Questions claim nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from market_sizing.extract.context import Context, clauses
from market_sizing.extract.dating import YEAR
from market_sizing.extract.figures import MAX_EXCERPT
from market_sizing.extract.subjects import SEGMENT_NAMED, Scope, Subject, company_home, unnamed_claim_subject
from market_sizing.extract.taxonomy import Member, NameMatch, proposed_segment

ORDINAL_BEFORE = r"(?<!second[ -])(?<!third[ -])(?<!fourth[ -])(?<!fifth[ -])(?<!next[ -])"
# Claim type -> wording; the first type whose wording a clause holds wins.
CLAIM_WORDING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "fastest_growing",
        re.compile(
            r"\bfastest[- ]growing\b|\b(?:grow\w*|grew)\s+(?:at\s+)?(?:the\s+)?(?:fastest|quickest)\b"
            r"|\b(?:highest|fastest|strongest)\s+(?:(?:projected|expected|forecast|estimated|anticipated)\s+)?"
            r"(?:CAGR|growth|compound\s+annual\s+growth)\b"
            r"|\boutpac\w*\s+(?:its|their|the)\s+(?:peers|rivals|neighbou?rs)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "gaining_share",
        re.compile(
            r"\b(?:gain\w*|captur\w*|increas\w*|grow\w*)\s+(?:(?:its|their|increasing|growing|more|greater)\s+)?"
            r"(?:market\s+|revenue\s+)?share\b",
            re.IGNORECASE,
        ),
    ),
    (
        "key_market",
        re.compile(
            r"\b(?:key|critical|important|significant|major|prominent|notable|lucrative|paramount|vital|crucial|strategic)"
            r"\s+(?:markets?|regions?|position)\b"
            r"(?!\s+(?:drivers?|trends?|players?|participants?|factors?|dynamics|share|insights?|segments?|research))"
            r"|\b(?:largest|biggest|(?<!\bis\s)leading)\s+(?!(?:all\s+)?other\b)(?:[\w-]+\s+){0,2}?(?:markets|regions|countries)\b"
            # "Asia-Pacific led market growth": a place that drives growth, not the revenue leader.
            r"|\b(?:led|leads)\s+(?:the\s+)?(?:overall\s+)?(?:market\s+)?growth\b",
            re.IGNORECASE,
        ),
    ),
    (
        "leads",
        re.compile(
            r"\bdominat(?:e|es|ed|ing)\b|\b(?:lead|leads|led)\b(?!\s+(?:to|times)\b)|\btak(?:e|es|ing)\s+the\s+lead\b"
            r"|\btook\s+the\s+lead\b|\bleading\s+(?:all\s+)?other\s+(?:regions|markets|countries)\b"
            r"|\b(?:keep|keeps|maintain|maintains|retain|retains|hold|holds)\s+(?:its|their)\s+"
            r"(?:leading|dominant|top)\s+position\b|\b(?:is|are|was|were|remains?|remained)\s+(?:the\s+)?leading\b"
            rf"|{ORDINAL_BEFORE}\b(?:largest|highest|biggest|top|dominant)\s+(?:revenue\s+|market\s+|volume\s+)?share\b"
            rf"|{ORDINAL_BEFORE}\b(?:largest|leading|dominant|biggest)\s+(?:single\s+|[\w-]+\s+){{0,3}}?"
            r"(?:region|segment|market|sector|category|country|application)\b"
            r"|\b(?:generat\w*|earn\w*|brought\s+in|account\w*\s+for)\s+the\s+(?:highest|largest|most|biggest)\s+revenues?\b",
            re.IGNORECASE,
        ),
    ),
)
CLAIM_YEAR = re.compile(rf"\b(?:in|for|during|by)\s+(?:the\s+year\s+)?(?P<year>{YEAR})(?![\w–—-])", re.IGNORECASE)
DATELINE = re.compile(r"^[^.!?]{0,80}?(?:\s•\s|\s--\s)")
POSSESSIVE = re.compile(r"['’]s\b")
CONTAINER_BEFORE = re.compile(r"\b(?:of|in|across|within)\s+the\s+$", re.IGNORECASE)
CONTAINER_AFTER = re.compile(r"\s+markets?\b", re.IGNORECASE)
# ", with over 80 million users in 2023" and "... and is expected to post sales of USD 19.4 billion in
# 2023": a year after such a turn is not the claim's.
CLAIM_ASIDE = re.compile(
    r",\s+(?:with|as|which|where|thanks|due|driven|owing|because)\b"
    r"|\s+and\s+(?:is|are|was|were|will|should|has|have|had)\s+(?:\w+\s+){0,2}?(?:expected|set|forecast|projected|to)\b",
    re.IGNORECASE,
)
EXAMPLES = re.compile(r"^[\w\s-]{0,30}?\bsuch\s+as\s+(?P<list>[^.;()]+?)\s*$", re.IGNORECASE)
MAX_LABEL_WORDS = 6
GENERIC_MARKET_WORDS = frozenset(
    {"single", "national", "regional", "global", "revenue", "volume", "end-use", "end-user", "application"}
    | {"product", "geographical"}
)
PLURAL = re.compile(r"(?:markets|regions|countries)$", re.IGNORECASE)
# After a plural wording: "are:", "include", ":" or a dash, then the list ("the US, UK and China").
LIST_LEAD = re.compile(r"\s*(?:(?:are|were|include|included)\s*:?|:|\s[-–—])\s*(?:the\s+)?", re.IGNORECASE)
LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", re.IGNORECASE)
YEAR_LEAD_IN = re.compile(rf"\s*in\s+(?P<year>{YEAR}),", re.IGNORECASE)
LIST_COMMA = re.compile(r",\s+(?:and\s+)?")
PLACE_LEAD_IN = re.compile(r"^\s*(?:in|across|within|for)\s+(?:the\s+)?[^,]{1,40},\s*", re.IGNORECASE)
# Revenue as what a lead is measured by ("the largest revenue share", "by revenue", "38% of revenue"),
# not a size stated beside it ("dominated the market, generating revenue of USD 18.6 billion").
LEAD_BY_REVENUE = re.compile(
    r"\brevenues?\b(?!\s+of\s+(?:USD|US\$|\$|€|£|EUR|GBP|INR|Rs|¥|around|about|nearly|over|\d))", re.IGNORECASE
)
# "North America led the world in 5G adoption", "leads the world for creativity": what a lead is in.
LEAD_IN_WHAT = re.compile(
    r"\s+(?:the\s+(?:world|globe|way|pack|field)\s+)?(?:in|for)\s+(?P<what>(?:[\w-]+\s+){0,3}?[\w-]+?)"
    r"(?=\s+(?:with|at|by|in|on|for|and|as)\b|[,.;)]|$)",
    re.IGNORECASE,
)
WORLD_LEAD = re.compile(r"\s+the\s+(?:world|globe)\s+(?:in|for)\b", re.IGNORECASE)
SEGMENT_AFTER = re.compile(rf"\s+(?:in\s+)?{SEGMENT_NAMED}", re.IGNORECASE)  # right after a claim's wording
LEAD_MEASURE_WORDS = frozenset(
    """
    terms of the revenue revenues sales share shares market markets value size world globe demand
    consumption spending
    """.split()  # noqa: SIM905 - a word list reads better as text
)
LABEL_AFTER = re.compile(r"\s*:")
MIN_LINKS = 4  # a "Key regions:" line naming this many places or more may be a page's links
# "With more than 80 million square feet of flexible workspace, the US is the industry's largest market",
# "With 40% of global consumption, the US is the largest market": a rank that may rest on a quantity
# or on how much is consumed, not on the market's value.
OTHER_MEASURE = re.compile(
    r"\b\d[\d,.]*\s+(?:million\s+|billion\s+|thousand\s+)?(?:square\s+(?:feet|foot|metres|meters)|sq\.?\s?ft"
    r"|tonnes|tons|litres|liters|bottles|servings|cases|gallons|subscribers|users|households|visitors|patients)\b"
    r"|\bconsumption\b",
    re.IGNORECASE,
)
# "the global nutraceutical market at $149.5 billion in 2011, with the US, Europe and Japan as the leading
# markets" on a page about India: the sentence is about the world's market.
WORLD_MARKET_PHRASE = re.compile(r"\b(?:global|worldwide|world)\s+(?:[\w-]+\s+){0,3}?markets?\b", re.IGNORECASE)
OWN_GEOGRAPHY = "a claim about the report's own geography: it compares with places outside the report"
DATED_GROWTH = "a growth claim with a year: the year may be another figure's, growth spans a period"
# "China overtook the U.S. as the largest market": the words between two names before the wording.
OVERTAKES = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:overt(?:ook|akes?|aken)|surpass(?:ed|es)?|displac(?:ed|es)|replac(?:ed|es)"
    r"|outstripp?(?:ed|s)?|edged\s+out|beat|beats)\s+(?:the\s+)?",
    re.IGNORECASE,
)
CONTINUES = re.compile(
    r"\s*(?:holding|accounting|capturing|commanding|representing|generating|contributing|making|with)\b",
    re.IGNORECASE,
)
LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?", re.IGNORECASE)
# "the fastest growing region by players": a claim about another measure than the market's value.
MEASURED_BY = re.compile(
    r"\s*(?:(?:region|market|country|segment|category)\s+)?(?:by|in\s+terms\s+of)\s+(?:the\s+number\s+of\s+)?"
    r"(?P<measure>players|users|subscribers|volumes?|units|shipments|installations|capacity|consumption|tonnage)\b",
    re.IGNORECASE,
)
# "..., with Luxottica taking the largest share": a name the rules do not know, right before the claim.
OTHER_HOLDER = re.compile(
    r"(?P<name>\b[A-Z][\w&.'’-]+)\s+(?:taking|holding|having|capturing|commanding|claiming)"
    r"(?:\s+(?:the|a|an))?\s*$"
)
CHANGE_START = re.compile(r"\bfrom\b[^,;]{0,40}$", re.IGNORECASE)
FORECAST_END = re.compile(
    r"\b(?:by|at|till|until)\s+the\s+end\s+of\s+the\s+(?:forecast|projection|review)\s+(?:year|period)\b",
    re.IGNORECASE,
)
LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


@dataclass(frozen=True)
class Claim:
    claim_type: str
    subject: Member
    year: int | None
    excerpt: str
    section: str
    line: int
    year_span: tuple[int, int] | None = None
    flags: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.claim_type, self.subject.kind, self.subject.member_id)

    def flagged(self, reason: str) -> Claim:
        return self if not reason or reason in self.flags else replace(self, flags=(*self.flags, reason))


@dataclass(frozen=True)
class Mention:
    subject: Member
    excerpt: str
    section: str
    line: int
    flags: tuple[str, ...] = ()

    def flagged(self, reason: str) -> Mention:
        return self if reason in self.flags else replace(self, flags=(*self.flags, reason))


def claims_of(context: Context, scope: Scope) -> list[Claim]:
    """Claims of a statement or table row."""
    sentence = context.sentence
    if sentence.rstrip().endswith("?"):
        return []
    if context.label_end is not None:
        row = table_claims(context, scope)
        if row is not None:
            return row
    found: list[Claim] = []
    for clause_start, clause_end in clauses(sentence):
        parts = claim_parts(sentence, clause_start, clause_end)
        # "In 2024, A led by type, B led by product": the lead-in's year dates every part.
        lead_year = YEAR_LEAD_IN.match(sentence, clause_start) if len(parts) > 1 else None
        for start, end in parts:
            found.extend(part_claims(context, scope, start, end, lead_year))
    return found


def part_claims(context: Context, scope: Scope, start: int, end: int, lead_year: re.Match[str] | None) -> list[Claim]:
    """Claims of one part of a clause."""
    sentence = context.sentence
    triggers = wordings(sentence[start:end])
    found: list[Claim] = []
    if not triggers:
        return found
    # A claim's year is stated after its wording, before the next claim's ("led in 2024 and should
    # grow the fastest": 2024 is the lead's); the first claim's may also stand before it.
    ends = [*(start + trigger.start() for _, trigger in triggers[1:]), end]
    for index, ((claim_type, trigger), high) in enumerate(zip(triggers, ends, strict=True)):
        aside = CLAIM_ASIDE.search(sentence, start + trigger.end(), high)
        year = CLAIM_YEAR.search(sentence, start + trigger.end(), aside.start() if aside else high)
        if year is None and index == 0:
            year = CLAIM_YEAR.search(sentence, start, start + trigger.start()) or lead_year
        aside_year = CLAIM_YEAR.search(sentence, aside.start(), high) if aside and year is None else None
        claims = clause_claims(context, start, claim_type, trigger, scope, year)
        if year is not None and CHANGE_START.search(sentence, start + trigger.end(), year.start()):
            after = sentence[year.end() : year.end() + 40]
            if re.match(r"\s*to\b", after):
                # "will stay the largest market ..., rising from $11.5 bln in 2006 to $14.0 bln in 2011":
                # 2006 starts a change; it is not the year of the claim.
                reason = f"its year ({year.group('year')}) starts a change ('from ... to'), not the claim"
                claims = [claim.flagged(reason) for claim in claims]
        period_end = FORECAST_END.search(sentence, start + trigger.end(), high) if year is None else None
        if period_end:
            # "expected to hold the largest share by the end of the forecast year": a year the text
            # names only as the forecast's end.
            reason = f"dated '{period_end.group()}', a year the rules do not resolve"
            claims = [claim.flagged(reason) for claim in claims]
        elsewhere = lead_elsewhere(sentence, start + trigger.end(), claim_type, scope)
        if elsewhere:
            claims = [claim.flagged(elsewhere) for claim in claims]
        if aside_year:
            # "North America should keep its lead, with 43.0% of revenue in 2018": 2018 may be the claim's.
            reason = f"undated, while the words after it state {aside_year.group('year')}: the claim may be that year's"
            claims = [claim.flagged(reason) for claim in claims]
        found.extend(claims)
    return found


def lead_elsewhere(sentence: str, end: int, claim_type: str, scope: Scope) -> str:
    """Why a claim may be about something other than the report's market, or ""."""
    if LABEL_AFTER.match(sentence, end):
        return "a label followed by a list ('Key regions: ...'): a page's links, or a claim?"
    measure = OTHER_MEASURE.search(sentence)
    if claim_type in ("leads", "key_market") and measure:
        return f"the sentence measures something else ('{measure.group()}'): the lead may rest on it"
    segment = SEGMENT_AFTER.match(sentence, end)
    if segment:
        # "post the highest CAGR in the food processor segment", "leads the luxury watch segment": a
        # claim inside one segment.
        return f"the claim is within the '{segment.group('name')}' segment, not the whole market"
    what = LEAD_IN_WHAT.match(sentence, end) if claim_type == "leads" else None
    if what:
        words = set(what.group("what").lower().split()) - LEAD_MEASURE_WORDS
        if (
            words
            and not any(word.isdigit() for word in words)
            and not CONTAINER_AFTER.search(what.group("what"))
            and (
                (scope.market_words and not words & scope.market_words)
                # "still leads the world for creativity": with no market name to compare, a lead over the
                # world in something is standing, not a market lead.
                or (not scope.market_words and WORLD_LEAD.match(sentence, end))
            )
        ):
            return f"the lead is in '{what.group('what')}', which the report's market name does not hold"
    world = WORLD_MARKET_PHRASE.search(sentence)
    if world and scope.geography.member_id != scope.world.member_id:
        return f"the sentence is about '{world.group()}', not the report's geography: the claim may be the world's"
    return ""


def claim_parts(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause listing claims between commas ("small molecules held the largest share, pharmaceuticals
    led by product, and services led by workflow") as one part per claim; else the whole clause."""
    cuts = [start, *(match.end() for match in LIST_COMMA.finditer(sentence, start, end)), end]
    parts: list[tuple[int, int]] = []
    low = start
    for high in cuts[1:]:
        if parts and CONTINUES.match(sentence, low) and parts[-1][1] == low:
            parts[-1] = (parts[-1][0], high)  # ", holding the largest share of 38% in 2024": the same claim
            low = high
            continue
        if wordings(sentence[low:high]):  # a part without claim wording ("In 2024,") joins the next
            parts.append((low, high))
            low = high
    if low < end and parts:
        parts[-1] = (parts[-1][0], end)
    return parts if len(parts) > 1 else [(start, end)]


def wordings(text: str) -> list[tuple[str, re.Match[str]]]:
    """Each claim type whose wording `text` holds, with its first trigger, in text order ("leads" and
    "gaining share" exclude each other: the first listed wins)."""
    found: list[tuple[str, re.Match[str]]] = []
    for claim_type, wording in CLAIM_WORDING:
        trigger = wording.search(text)
        if trigger is None or any(
            trigger.start() < other.end() and other.start() < trigger.end() for _, other in found
        ):
            continue
        found.append(((leads_by(text) if claim_type == "leads" else claim_type), trigger))
    return sorted(found, key=lambda item: item[1].start())


def wording_of(text: str) -> tuple[str, re.Match[str]] | None:
    found = wordings(text)
    return found[0] if found else None


def clause_claims(
    context: Context, start: int, claim_type: str, trigger: re.Match[str], scope: Scope, year: re.Match[str] | None
) -> list[Claim]:
    """The claim of a wording, or one per example ("Cities such as Bengaluru, Delhi and Mumbai dominate")."""
    sentence = context.sentence
    examples = EXAMPLES.search(sentence, start, start + trigger.start())
    named = [name for name in context.names if examples and examples.start("list") <= name.start < examples.end()]
    if examples and not named:
        claims = []
        for item in re.finditer(r"[^,]+?(?=\s*(?:,|\band\b|$))", examples.group("list")):
            name = re.sub(r"^\s*(?:and\s+)?", "", item.group()).strip()
            if name:
                subject = Subject.of(proposed_segment(name, ""))
                claims.append(make_claim(context, claim_type, subject, examples.start("list"), trigger, start, year))
        return claims
    if claim_type == "key_market" and PLURAL.search(trigger.group()):
        # "Germany, the UK and France are the largest national markets": each name before the wording.
        listed = [
            name
            for name in context.names
            if start <= name.start and name.end <= start + trigger.start() and not holds_the_subject(sentence, name)
        ]
        # "... came from the largest markets (Western Europe, the US and China)": the names in brackets.
        bracket = re.match(r"\s*\((?P<inside>[^)]*)\)", sentence[start + trigger.end() :])
        if bracket and not listed:
            low, high = start + trigger.end() + bracket.start("inside"), start + trigger.end() + bracket.end("inside")
            listed = [name for name in context.names if low <= name.start and name.end <= high]
        if not listed:
            # "The top five markets are: the U.S., Japan and Canada", "The three largest markets - the
            # US, UK and China - still take most sales": a list of places right after the wording.
            listed = list_after(context, start + trigger.end())
        if len(listed) > 1:
            return [
                make_claim(context, claim_type, Subject.of(name.member), name.start, trigger, start, year, name.end)
                for name in listed
            ]
    claim = clause_claim(context, start, claim_type, trigger, scope, year)
    if claim is None:
        return []
    other = other_market(trigger.group(), scope)
    if other:
        claim = claim.flagged(f"'{trigger.group()}' may name another market than the report's ({other})")
    measure = MEASURED_BY.match(sentence, start + trigger.end())
    if measure:
        claim = claim.flagged(f"measured by {measure.group('measure')}, not by the market's value")
    return [claim]


def list_after(context: Context, end: int) -> list[NameMatch]:
    """The places listed right after `end` behind "are", "include", a colon or a dash, with nothing
    but commas and "and" between them; none unless there are two or more."""
    lead = LIST_LEAD.match(context.sentence, end)
    if lead is None:
        return []
    listed: list[NameMatch] = []
    position = lead.end()
    for name in context.names:
        if name.start < position:
            continue
        if name.start != position:
            break
        listed.append(name)
        gap = LIST_GAP.match(context.sentence, name.end)
        if gap is None:
            break
        position = gap.end()
    return listed if len(listed) > 1 else []


def other_market(wording: str, scope: Scope) -> str:
    """Words of a "largest <...> market" wording that the report's market name does not hold."""
    inner = re.match(r"^\S+\s+(?P<words>.*?)\s*markets?$", wording, re.IGNORECASE)
    if inner is None:
        return ""
    extra = [
        word
        for word in re.findall(r"[\w-]+", inner.group("words").lower())
        if word not in scope.market_words and word not in GENERIC_MARKET_WORDS
    ]
    return " ".join(extra)


def make_claim(
    context: Context,
    claim_type: str,
    subject: Subject,
    subject_start: int,
    trigger: re.Match[str],
    start: int,
    year: re.Match[str] | None,
    subject_end: int = 0,
) -> Claim:
    """A claim whose excerpt runs from its subject to its wording, or from the wording to a subject
    named after it (`subject_end`: "The largest markets are: Germany")."""
    low, high = min(subject_start, start + trigger.start()), max(start + trigger.end(), subject_end)
    text = context.sentence[low:high]
    if len(text) > MAX_EXCERPT:
        text = context.sentence[start + trigger.start() : start + trigger.end()]
    return Claim(
        claim_type,
        subject.member,
        int(year.group("year")) if year else None,
        text,
        context.section,
        context.line,
        (year.start("year"), year.end("year")) if year else None,
        (subject.flag,) if subject.flag else (),
    )


def clause_claim(
    context: Context, start: int, claim_type: str, trigger: re.Match[str], scope: Scope, year: re.Match[str] | None
) -> Claim | None:
    sentence = context.sentence
    # A place holding the subject is not the subject: "Germany is Europe's largest market", "the
    # highest share of the U.S. market".
    before = [
        name
        for name in context.names
        if start <= name.start and name.end <= start + trigger.start() and not holds_the_subject(sentence, name)
    ]
    if len(before) > 1 and OVERTAKES.fullmatch(sentence[before[-2].end : before[-1].start]):
        before = before[:-1]  # "China overtook the U.S. as the largest market": the first name leads
    listed = ""
    if (
        len(before) > 1
        and claim_type.startswith("leads")
        and LISTED.fullmatch(sentence[before[-2].end : before[-1].start])
    ):
        # "Switzerland, Belgium, France and Germany lead ...": several lead together, none alone.
        listed = f"several names lead together ('{sentence[before[0].start : before[-1].end]}')"
    if before:
        subject, subject_start = Subject.of(before[-1].member), before[-1].start
        lead_in = PLACE_LEAD_IN.match(sentence[start : start + trigger.start()])
        rest = sentence[start + lead_in.end() : start + trigger.start()] if lead_in else ""
        if lead_in and start + lead_in.end() > before[-1].start and re.search(r"[A-Za-z]{3}", rest):
            # "In the U.K., vegan meat leads ...": the place only sets the scene.
            own = rest.strip(" ,")
            subject = Subject(subject.member, subject.flag or f"the place is a lead-in; '{own}' may be the subject")
    else:
        unnamed = unnamed_claim_subject(sentence[start : start + trigger.start()], scope)
        if unnamed is None:
            return None
        subject = unnamed
        found = sentence.lower().find(unnamed.member.name.lower(), start, start + trigger.start())
        subject_start = found if found >= 0 else start
    home = company_home(sentence, before[-1], context.names) if before else ""
    if home and not subject.flag:
        subject = Subject(subject.member, f"the place in brackets may be a company's home ('{home}')")
    holder = OTHER_HOLDER.search(sentence, subject_start, start + trigger.start())
    if holder and not subject.flag:
        subject = Subject(subject.member, f"'{holder.group('name')}' stands between the place and the claim")
    return make_claim(context, claim_type, subject, subject_start, trigger, start, year).flagged(listed)


def holds_the_subject(sentence: str, name: NameMatch) -> bool:
    possessive = POSSESSIVE.match(sentence, name.end) is not None
    container = CONTAINER_BEFORE.search(sentence, 0, name.start) and CONTAINER_AFTER.match(sentence, name.end)
    return possessive or bool(container)


def table_claims(context: Context, scope: Scope) -> list[Claim] | None:
    """A row whose label is a claim wording: one claim per name in its cells; None when the label
    holds no claim wording."""
    assert context.label_end is not None
    sentence, label = context.sentence, context.sentence[: context.label_end]
    wording = wording_of(label)
    if wording is None or is_cell_text(label):
        return None
    claim_type = wording[0]
    named = [name for name in context.names if name.start >= context.label_end]
    if named:
        cells = [cell for cell in LIST_SPLIT.split(sentence[context.label_end :].strip(" |:")) if cell]
        unknown = [cell for cell in cells if not any(name.text.lower() in cell.lower() for name in named)]
        flag = (
            f"the row also names {', '.join(repr(cell) for cell in unknown)}, which no rule places" if unknown else ""
        )
        colon = ":" in sentence[max(0, context.label_end - 1) : context.label_end + 1]
        if not flag and claim_type == "key_market" and colon and len(named) >= MIN_LINKS:
            # "Key regions: United States, United Kingdom, Germany, Europe, Norway": a page's links?
            flag = f"a '{label.strip(' |:')}' row listing {len(named)} places: a page's links, or a claim?"
        return [row_claim(context, claim_type, Subject.of(name.member), name).flagged(flag) for name in named]
    cells = [cell for cell in LIST_SPLIT.split(sentence[context.label_end :].strip(" |:")) if cell]
    claims = []
    for cell in cells:
        subject = unnamed_claim_subject(cell, scope)
        if subject is not None:
            offset = sentence.find(cell, context.label_end)
            claims.append(
                row_claim(context, claim_type, subject, NameMatch(offset, offset + len(cell), cell, subject.member))
            )
    return claims


def is_cell_text(label: str) -> bool:
    return len(label.split()) > MAX_LABEL_WORDS  # a sentence-long first cell is text, not a label


def row_claim(context: Context, claim_type: str, subject: Subject, name: NameMatch) -> Claim:
    label = context.sentence[: context.label_end]
    year = CLAIM_YEAR.search(label) or re.search(rf"\((?P<year>{YEAR})\)", label)
    flags = (subject.flag,) if subject.flag else ()
    return Claim(
        claim_type,
        subject.member,
        int(year.group("year")) if year else None,
        context.sentence[: name.end][:MAX_EXCERPT],
        context.section,
        context.line,
        (year.start("year"), year.end("year")) if year else None,
        flags,
    )


def leads_by(clause: str) -> str:
    revenue = LEAD_BY_REVENUE.search(clause)
    volume = re.search(r"\bvolumes?\b", clause, re.IGNORECASE)
    if revenue and not volume:
        return "leads_revenue"
    if volume and not revenue:
        return "leads_volume"
    return "leads"


def mention_names(sentence: str, names: list[NameMatch], regions: list[NameMatch]) -> list[NameMatch]:
    """Names a sentence mentions: its names, and region names used as modifiers ("the U.S. FDA"),
    except a dateline's place ("USA • ...", "Chicago, March 21 (GLOBE NEWSWIRE) --") and a place in
    parentheses after a company ("Lineage, Inc. (USA)")."""
    dateline = DATELINE.match(sentence)
    found = []
    for name in [*names, *(region for region in regions if not overlaps(region, names))]:
        if dateline and name.end <= dateline.end():
            continue
        if sentence[: name.start].endswith("(") and sentence[name.end :].startswith(")"):
            continue
        found.append(name)
    return sorted(found, key=lambda name: name.start)


def overlaps(name: NameMatch, others: list[NameMatch]) -> bool:
    return any(name.start < other.end and other.start < name.end for other in others)


def mention_of(sentence: str, name: NameMatch, section: str, line: int) -> Mention:
    """A name and up to three words either side, within the sentence."""
    left = re.search(r"(?:\S+\s+){0,3}$", sentence[: name.start])
    right = re.match(r"(?:\s*\S+){0,3}", sentence[name.end :])
    start = left.start() if left else name.start
    end = name.end + (right.end() if right else 0)
    return Mention(name.member, sentence[start:end].strip(" ,;:.|"), section, line)


ALSO_LEADS = "the text also says this subject leads: a key market beside its lead claim"


def checked(found: list[Claim], geography: Member) -> list[Claim]:
    """Claims the rules are unsure of, flagged: one about the report's whole geography, a growth
    claim dated by a single year, and a key market the text also says leads ("the three largest markets
    - the US, UK and China", where the US leads: one claim, the lead, says it)."""
    leaders = {claim.subject for claim in found if claim.claim_type.startswith("leads")}
    result = []
    for claim in found:
        if claim.subject == geography:
            claim = claim.flagged(OWN_GEOGRAPHY)
        if claim.claim_type == "key_market" and claim.subject in leaders:
            claim = claim.flagged(ALSO_LEADS)
        if claim.claim_type in ("fastest_growing", "gaining_share") and claim.year is not None:
            claim = claim.flagged(DATED_GROWTH)
        result.append(claim)
    return result


def first_of_each(found: list[Claim], compared_as: dict[str, str]) -> list[Claim]:
    """A claim repeated (a heading or summary restating the lead) is kept once, as first stated with
    a year if any statement gives one; kinds the contract compares as one (`compared_as`: "leads" and
    "leads_revenue") are one claim, of the more specific kind."""
    kept: dict[tuple[str, str, str], Claim] = {}
    for claim in found:
        key = (compared_as.get(claim.claim_type, claim.claim_type), *claim.key[1:])
        earlier = kept.get(key)
        if earlier is None:
            kept[key] = claim
            continue
        # "took the largest revenue share" then "held the largest share": one lead, by revenue (the
        # contract compares the two kinds as one).
        specific = claim if earlier.claim_type == key[0] and claim.claim_type != key[0] else earlier
        year = earlier.year if earlier.year is not None else claim.year
        span = earlier.year_span if earlier.year is not None else claim.year_span
        kept[key] = replace(specific, year=year, year_span=span) if specific.year is None else specific
    return list(kept.values())
