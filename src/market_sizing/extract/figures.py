"""Stated figures of one sentence: market sizes, CAGRs and shares, by general wording rules.

A money amount is a market size (unless the words before it in its clause speak of investments, deals
or a company's results); a percentage is a CAGR when a growth-rate word stands right beside it, a
share when a share word or verb does; a percentage after a growth verb ("expected to grow 6% from
2025 to 2033") is proposed as a CAGR flagged for review; anything else is left unclassified.
Subjects come from `subjects`, years and periods from `dating`.

A figure is certain unless one of its flags says otherwise: a money amount in a currency other than
USD (kept as stated), a unit or qualifier outside the contract's vocabulary, a subject carried from
another sentence or unknown to the seeds, a period inferred rather than stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from market_sizing.extract import dating, quantities
from market_sizing.extract.context import (
    Context,
    clause_end,
    clause_start,
    next_value_start,
    previous_value_end,
    word_count,
)
from market_sizing.extract.quantities import Value
from market_sizing.extract.subjects import RESPECTIVELY, Scope, Subject, subjects
from market_sizing.extract.taxonomy import EXTENT_WORDS, Member

MAX_EXCERPT = 200
PART_OF_YEAR = re.compile(
    r"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?:quarter|half)|Q[1-4]|H[12])\s+(?:of\s+)?$",
    re.IGNORECASE,
)
YEAR_ELSEWHERE = "the sentence states a year the rules could not tie to this share"
PERIOD_INFERRED = "period inferred from the sentence's dated sizes, not stated"
CAGR_CUE = re.compile(
    r"\bCAGRs?\b|\bcompound(?:ed)?\s+annual\s+growth(?:\s+rate)?\b|\bannual(?:ized)?\s+growth\s+rate\b"
    r"|\bannually\b|\bper\s+annum\b|\bper\s+year\b|\ba\s+year\b(?![-‐‑–]\w)|\by-o-y\b",
    re.IGNORECASE,
)
GROWTH_VERB = re.compile(
    r"\b(?:grow|grows|growing|grew|expand|expands|expanding|rise|rises|rising|increase|increases|increasing"
    r"|advance|advancing|climb|climbing|growth\s+rate)\b(?:\s+(?:at|by))?(?:\s+(?:a|an)\s+(?:\w+\s+)?rate\s+of)?\s*$",
    re.IGNORECASE,
)
SHARE_VERB = re.compile(
    r"\b(?:accounting|accounted|accounts|account)\s+for\b|\bshare\b(?:\s+of\b)?|\bmade\s+up\b"
    r"|\b(?:captured|captures|capturing|capture|held|holds|hold|holding|represented|represents|representing"
    r"|comprised|comprises|constituted|constitutes|contributed|contributes|contributing|commanded|commands)\b",
    re.IGNORECASE,
)
SHARE_AFTER = re.compile(
    r"^\s*(?:(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,8}?(?:market\s+|revenue\s+|sales\s+|volume\s+)?share\b"
    r"|of\s+(?:the\s+)?(?:total\s+|global\s+|overall\s+|worldwide\s+|regional\s+)*(?:market\s+)?"
    r"(?:revenue|sales|market|demand|consumption|volume)\b)",
    re.IGNORECASE,
)
OF_WHAT = re.compile(r"^\s*of\s+(?:[\w’'-]+\s*){1,8}")
MARKET_WHOLE = re.compile(
    r"\b(?:market|revenues?|sales|share|industry|total|global|overall|spending|value|demand|consumption|volume)\b",
    re.IGNORECASE,
)
MARKET_NOUN = re.compile(
    r"\b(?:market|revenues?|sales|share|industry|spending|value|demand|consumption|volume)\b", re.IGNORECASE
)
# "31% of the total increase in world demand": a share of the growth, not of the market.
INCREMENT = re.compile(r"\b(?:increase|increment|growth|gains?|rise|additions?)\b", re.IGNORECASE)
# "generate colocation revenue of USD 418.5 million": revenue of a kind the words name, perhaps one
# segment's; "total revenue of", "annual revenues of" name the whole.
KIND_OF_REVENUE = re.compile(r"\b(?P<kind>[a-z][\w-]*)\s+revenues?\s+(?:of|at|worth)\s+(?:about\s+|around\s+)?$")
# "25% of hospital revenue": the whole a share is of, when words name it before "revenue".
OTHER_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<whole>(?P<words>(?:[a-z][\w-]*\s+){1,3})(?:revenues?|sales|spending|income|budgets?|consumption))\b"
)
WHOLE_WORDS = EXTENT_WORDS | {"global", "market", "industry", "annual", "worldwide", "world", "net"}
VOLUME_WORDS = r"(?P<measure>volumes?|units?|tonnes|tons|tonnage|shipments|players|users|subscribers|consumption)"
VOLUME_AFTER = re.compile(
    rf"\s*(?:of\s+(?:the\s+)?(?:total\s+|global\s+|world\s+|all\s+)?)?{VOLUME_WORDS}(?:\s+share)?\b",
    re.IGNORECASE,
)
VOLUME_BEFORE = re.compile(rf"\b{VOLUME_WORDS}\s+share\s+(?:of\s+)?(?:about\s+|around\s+)?$", re.IGNORECASE)
# "4 percent of the market this year": a year stated relative to the text's own date.
RELATIVE_YEAR = re.compile(r"\b(?:this|last|next|the\s+current|the\s+coming)\s+(?:fiscal\s+)?year\b", re.IGNORECASE)
REVENUE_FLAG = " may be one segment's, not the whole market's"
NOT_A_KIND = frozenset(
    """total annual overall market its their the global combined aggregate industry gross net yearly
    in a an to from generate generates generated generating bring brings brought earn earns earned
    record records recorded post posts posted""".split()  # noqa: SIM905 - a word list reads better as text
)
# "more than $11 billion in net income": what the words right after an amount say it measures.
PROFIT_AFTER = re.compile(
    r"\s*(?:in|of)\s+(?:net\s+|operating\s+|gross\s+)?(?:income|profits?|earnings|EBITDA)\b", re.IGNORECASE
)
WHOLE_ONLY = re.compile(r"^\s*of\s+(?:the\s+)?(?:total|whole|overall)\s*(?:in\s+)?$", re.IGNORECASE)
NOT_BETWEEN_SHARE = re.compile(r"\b(?:to|and|but|while|as|gain\w*|increase\w*|grow\w*)\b|[,;]", re.IGNORECASE)
NOT_A_MARKET_SIZE = re.compile(
    r"\b(?:invest\w*|funding|funded|raised?|IPO|acqui\w+|deal|spent|capex|capital\s+expenditure|loan|grant"
    r"|merger|valuation|compan(?:y|ies)|reported|posted|earned|profits?|income)\b",
    re.IGNORECASE,
)
# "the global diaper market earned revenue of": the market itself earned it, not a company.
MARKET_EARNED = re.compile(r"\b(?:market|industry|sector)\s+(?:has\s+|had\s+)?$", re.IGNORECASE)
EARNING_WORDS = frozenset({"reported", "posted", "earned"})


def not_a_market_size(before: str) -> bool:
    """Investment, deal or company words before an amount in its clause, unless the only such word is
    a verb of earning whose subject is the market ("the widget industry earned revenues of")."""
    for match in NOT_A_MARKET_SIZE.finditer(before):
        if match.group().lower() not in EARNING_WORDS or not MARKET_EARNED.search(before, 0, match.start()):
            return True
    return False


# Words outside the vocabulary that bound a value as qualifiers do ("exceeded USD 23.4 billion",
# "revenues in excess of $37 billion", "could approach $50 billion"): kept as written, flagged.
OTHER_QUALIFIER = re.compile(
    r"\b(?P<word>exceeded|surpassed|crossed|topped|in\s+excess\s+of|in\s+the\s+(?:range|region)\s+of|north\s+of"
    r"|approach(?:es|ing)?)\s*$",
    re.IGNORECASE,
)
GROWS_TO = re.compile(
    r"^\s*,?\s*(?:(?:per\s+year|a\s+year|annually|per\s+annum|CAGR),?\s+)?(?:to|reaching)\s+"
    r"(?:(?:around|about|nearly|approximately|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# Two values joined only by a dash ("60% - 70%", "60-70%", "USD 5-6 billion"): a range. "from X to Y"
# is a change, not a range, so "to" is not a join.
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—)\s*$")
RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|—)\s*$")
# Rounding a CAGR to one decimal moves a ten-year compounding by about 0.5%, and sizes rounded to
# three figures by as much again: 2% leaves room for both and still tells one year from the next
# for any CAGR above about 2%.
COMPOUNDING_TOLERANCE = 0.02
MAX_CUE_GAP_BEFORE = 5
MAX_CUE_GAP_AFTER = 3
MAX_SHARE_VERB_GAP = 3
TAKE_VERB = re.compile(r"\b(?:took|takes|take|taking)\b", re.IGNORECASE)
LEADING_YEAR = re.compile(rf"^(?P<of>\s*of\s+(?:the\s+)?){dating.YEAR}\b")
MIN_DATED_SIZES = 2


@dataclass(frozen=True)
class Figure:
    """One stated figure, in the terms of `seeds/report_figures.csv`, with why it needs review."""

    measure: str
    subject: Member
    value: str
    unit: str
    currency: str
    qualifier: str
    excerpt: str
    section: str
    line: int
    year: int | None = None
    period_start_year: int | None = None
    period_end_year: int | None = None
    period_as_stated: str = ""
    flags: tuple[str, ...] = ()
    # Left for the document to settle: the report's own period ("over the forecast period").
    needs_report_period: bool = False
    year_is_report_period_end: bool = False
    implied_period: tuple[int, int] | None = None  # the span of the sentence's own dated sizes
    # The CAGR compounds the first of those sizes into the last over exactly that span (`compounds_over`).
    implied_confirmed: bool = False
    grows_to: bool = False  # a CAGR ending in the year of the amount it grows to
    sentence: str = ""

    @property
    def key(self) -> tuple[str, str, str, int | None, int | None, int | None]:
        return (
            self.measure,
            self.subject.kind,
            self.subject.member_id,
            self.year,
            self.period_start_year,
            self.period_end_year,
        )

    def flagged(self, reason: str) -> Figure:
        return self if not reason or reason in self.flags else replace(self, flags=(*self.flags, reason))


@dataclass
class SentenceReading:
    """What one sentence yields: figures, the number spans they used, and what stays unclassified."""

    figures: list[Figure] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def value_groups(context: Context) -> list[list[Value]]:
    """Values one by one, except lists stated with "respectively" ("7.8% and 9.3% respectively")."""
    groups: list[list[Value]] = []
    for value in context.values:
        if groups and same_list(context.sentence, groups[-1][-1], value):
            groups[-1].append(value)
        else:
            groups.append([value])
    result: list[list[Value]] = []
    for group in groups:
        if len(group) > 1 and not RESPECTIVELY.match(context.sentence[group[-1].end :]):
            result.extend([value] for value in group)
        else:
            result.append(group)
    return result


def same_list(sentence: str, first: Value, second: Value) -> bool:
    return first.kind == second.kind and bool(
        re.match(r"^\s*(?:,\s*and|,|and)\s*$", sentence[first.end : second.start])
    )


def group_end(context: Context, group: list[Value]) -> int:
    end = group[-1].end
    respectively = RESPECTIVELY.match(context.sentence[end:])
    return end + respectively.end() if respectively else end


def gap_words(text: str, periods: list[dating.Period], offset: int) -> int:
    """Words in `text` (starting at `offset` in the sentence), periods not counted."""
    for period in sorted(periods, key=lambda item: item.start, reverse=True):
        start, end = period.start - offset, period.end - offset
        if start >= 0 and end <= len(text):
            text = text[:start] + " " + text[end:]
    return word_count(text)


def cagr_cue(context: Context, group: list[Value]) -> tuple[int, int] | None:
    """The growth-rate words right beside the value(s): "CAGR of 9.9%", "9.0% CAGR", "CAGR (2025-2034): 11.5%"."""
    sentence, first = context.sentence, group[0]
    window_start = previous_value_end(context, first.start)
    before = list(CAGR_CUE.finditer(sentence, window_start, first.start))
    if before:
        cue = before[-1]
        if gap_words(sentence[cue.end() : first.start], context.periods, cue.end()) <= MAX_CUE_GAP_BEFORE:
            return cue.start(), cue.end()
    end = group_end(context, group)
    after = CAGR_CUE.search(sentence, end, next_value_start(context, end))
    if after and gap_words(sentence[end : after.start()], context.periods, end) <= MAX_CUE_GAP_AFTER:
        return after.start(), after.end()
    return None


def growth_cue(context: Context, group: list[Value]) -> tuple[int, int] | None:
    """A growth verb right before the value ("grow 6%", "expand at a rate of 6%") and a stated
    multi-year period after it: a growth rate the text does not call a CAGR."""
    sentence, first = context.sentence, group[0]
    before = sentence[previous_value_end(context, first.start) : first.start]
    qualifier = quantities.qualifier_before(sentence, first.start, context.qualifiers)
    verb = GROWTH_VERB.search(before[: len(before.rstrip()) - len(qualifier)].rstrip() if qualifier else before)
    end = group_end(context, group)
    period = dating.period_of(context, group, end, min(next_value_start(context, end), clause_end(sentence, end)))
    if verb is None or period is None or (period.first_year is None and not period.named):
        return None
    offset = previous_value_end(context, first.start)
    return offset + verb.start(), offset + verb.end()


def share_cue(context: Context, group: list[Value]) -> tuple[int, int] | None:
    """A share word or verb right beside the value(s): "accounting for 47.4 percent", "66% share",
    "41.6% of the ... market share"; a share of something else ("35% of new drug approvals") is none."""
    sentence, first = context.sentence, group[0]
    window_start = max(previous_value_end(context, first.start), clause_start(sentence, first.start))
    end = group_end(context, group)
    limit = min(next_value_start(context, end), clause_end(sentence, end))
    of_what = OF_WHAT.match(sentence[end:limit])
    if of_what and not of_the_market(of_what.group()):
        return None
    before = list(SHARE_VERB.finditer(sentence, window_start, first.start))
    if of_what and not before:
        # "took 56.47% of 2024 revenue": taking a part of the market's whole, named after the value.
        before = list(TAKE_VERB.finditer(sentence, window_start, first.start))
    if before:
        gap = word_count(sentence[before[-1].end() : first.start]) - qualifier_words(context, first)
        if gap <= MAX_SHARE_VERB_GAP:
            return before[-1].start(), before[-1].end()
    after = SHARE_AFTER.match(sentence[end:limit])
    if after and not NOT_BETWEEN_SHARE.search(after.group()):
        return end, end + after.end()
    return None


def of_the_market(phrase: str) -> bool:
    """ "of the global market", "of total 3PL revenues", "of the total" name the whole; "of total
    global logistics costs" does not: a market noun, not only "total" or "global", must stand in the
    phrase (up to its first number)."""
    # "of 2024 revenue": a year before the noun dates the whole, it does not end the phrase.
    noun_phrase = re.split(r"\d", LEADING_YEAR.sub(r"\g<of>", phrase))[0]
    if INCREMENT.search(noun_phrase):
        return False
    return MARKET_NOUN.search(noun_phrase) is not None or WHOLE_ONLY.match(noun_phrase) is not None


def qualifier_words(context: Context, value: Value) -> int:
    return word_count(quantities.qualifier_before(context.sentence, value.start, context.qualifiers))


def classify(context: Context, group: list[Value]) -> tuple[str, tuple[int, int] | None, str]:
    """(measure, the cue's span, a flag) of a group of values; measure blank when none applies."""
    first = group[0]
    if first.kind == "money":
        before = context.sentence[clause_start(context.sentence, first.start) : first.start]
        if not_a_market_size(before) or PROFIT_AFTER.match(context.sentence, group[-1].end):
            return "", None, ""
        kind = KIND_OF_REVENUE.search(before)
        if kind and kind.group("kind").lower() not in NOT_A_KIND:
            return "market_size", None, f"'{kind.group('kind')} revenue'{REVENUE_FLAG}"
        return "market_size", None, ""
    for measure, finder in (("cagr", cagr_cue), ("share", share_cue)):
        cue = finder(context, group)
        if cue is not None:
            return measure, cue, share_of_another_whole(context, group) if measure == "share" else ""
    cue = growth_cue(context, group)
    if cue is not None:
        return "cagr", cue, "a growth rate the text does not call a CAGR (annual rate assumed)"
    return "", None, ""


def share_of_another_whole(context: Context, group: list[Value]) -> str:
    """Why a share may be of another whole than the market's value: of volume ("58% of volume", "a
    40% volume share") or of another revenue ("25% of hospital revenue"); or ""."""
    sentence, end = context.sentence, group_end(context, group)
    after = VOLUME_AFTER.match(sentence, end)
    before = VOLUME_BEFORE.search(sentence[max(0, group[0].start - 30) : group[0].start])
    found = after or before
    if found:
        return f"a share of {found.group('measure')}, not of the market's value"
    whole = OTHER_WHOLE_AFTER.match(sentence, end)
    if whole and set(whole.group("words").lower().split()) - WHOLE_WORDS:
        # "Medical tourism accounted for 25% of hospital revenue in India": a share of another whole.
        return f"a share of another whole ('{whole.group('whole').strip()}'), not of the market"
    return ""


def cue_reason(group: list[Value]) -> str:
    if group[0].kind == "money":
        return "an amount that is not a market size (investment, deal or company words)"
    return "a percentage that is neither a CAGR nor a share"


def describe(group: list[Value]) -> str:
    return " and ".join(f"{value.number} {value.unit}" for value in group)


def excerpt(sentence: str, start: int, end: int) -> str:
    """A few words around [start, end): up to three words more on the left, not across punctuation
    or another number. A typeset minus is quoted as "-", so that the excerpt quotes the value."""
    left = start
    for _ in range(3):
        match = re.search(r"[^\s,;:()|]+\s+$", sentence[:left])
        if match is None or re.search(r"\d", match.group()):
            break
        left = match.start()
    if sentence[left:end].count("(") > sentence[left:end].count(")") and sentence[end : end + 1] == ")":
        end += 1  # "$46.0B (2023)": the bracket closes
    text = sentence[left:end].strip(" ,;:|")
    if len(text) > MAX_EXCERPT:
        text = sentence[start:end].strip(" ,;:|")[:MAX_EXCERPT]
    return quantities.ascii_minus(text)


def span_of(*spans: tuple[int, int] | None) -> tuple[int, int]:
    present = [span for span in spans if span is not None]
    return min(span[0] for span in present), max(span[1] for span in present)


def in_range(context: Context, value: Value) -> bool:
    """The value is one end of a range: no single figure is stated."""
    sentence = context.sentence
    if RANGE_BEFORE.search(sentence[: value.start]):
        return True
    return any(
        other is not value
        and other.kind == value.kind
        and (
            RANGE_JOIN.match(sentence[value.end : other.start]) is not None
            or RANGE_JOIN.match(sentence[other.end : value.start]) is not None
        )
        for other in context.values
    )


def compounds_over(rate: str, sizes: list[Figure], period: tuple[int, int]) -> bool:
    """The arithmetic confirms the span: the first size grown at `rate` percent a year for the span's
    years lands within `COMPOUNDING_TOLERANCE` of the last, and one year fewer or more does not (so
    the check tells the spans apart). Sizes must share one unit and state one value per year."""
    first = [size for size in sizes if size.year == period[0]]
    last = [size for size in sizes if size.year == period[1]]
    if len(first) != 1 or len(last) != 1 or first[0].unit != last[0].unit or first[0].qualifier or last[0].qualifier:
        return False
    start, end, growth = float(first[0].value), float(last[0].value), 1 + float(rate) / 100
    if start <= 0 or end <= 0:
        return False

    def error(years: int) -> float:
        return abs(start * growth**years / end - 1)

    years = period[1] - period[0]
    return error(years) <= COMPOUNDING_TOLERANCE < min(error(years - 1), error(years + 1))


# An amount the quantity rules do not read, right before a bracket: "Rs 5,24,175 crore (".
UNREAD_AMOUNT_BEFORE = re.compile(
    r"(?:\bRs\.?|₹|\b[A-Z]{3}|[€£¥])\s?\d[\d,.]*"
    r"(?:\s*(?:lakh\s+crore|crores?|lakhs?|cr|million|billion|trillion|mn|bn|tn)\b)?\s*\(\s*$"
)


def is_conversion(context: Context, value: Value) -> bool:
    """ "GBP 20 billion (USD 25.6 billion)", "Rs 5,24,175 crore (US$ 75 billion)": an amount in brackets
    right after another amount, read or not."""
    if value.kind != "money":
        return False
    earlier = [other for other in context.values if other.kind == "money" and other.end <= value.start]
    if earlier and re.fullmatch(r"\s*\(\s*", context.sentence[earlier[-1].end : value.start]):
        return True
    return UNREAD_AMOUNT_BEFORE.search(context.sentence, 0, value.start) is not None


def read(context: Context, scope: Scope, vocabulary_units: frozenset[str]) -> SentenceReading:
    reading = SentenceReading()
    for group in value_groups(context):
        if any(in_range(context, value) for value in group):
            reading.problems.append(f"{describe(group)}: one end of a range, not a single stated figure")
            continue
        if is_conversion(context, group[0]):
            reading.problems.append(f"{describe(group)}: a conversion of the amount before it, not a figure")
            continue
        read_group(context, group, scope, vocabulary_units, reading)
    reading.figures = kind_of_revenue_carried(reading.figures)
    for index, figure in enumerate(reading.figures):
        # A CAGR without stated years may span the sentence's own dated sizes of its subject; the
        # document decides (a stated forecast period comes first).
        if figure.measure == "cagr" and figure.needs_report_period:
            dated = sorted(
                {
                    other.year
                    for other in reading.figures
                    if other.measure == "market_size" and other.subject == figure.subject and other.year
                }
            )
            if len(dated) >= MIN_DATED_SIZES:
                sizes = [
                    other
                    for other in reading.figures
                    if other.measure == "market_size" and other.subject == figure.subject and other.year
                ]
                # Every earlier size could start the span; it is confirmed only when exactly one of
                # them compounds into the last ("USD 95.62 billion" in 2023, then "from USD 102.84
                # billion in 2024 to USD 152.46 billion by 2032, a CAGR of 5.1%": both 2023 and 2024 fit).
                spans = [(start, dated[-1]) for start in dated[:-1]]
                fitting = [span for span in spans if compounds_over(figure.value, sizes, span)]
                period = fitting[0] if len(fitting) == 1 else (dated[0], dated[-1])
                confirmed = len(fitting) == 1
                reading.figures[index] = replace(figure, implied_period=period, implied_confirmed=confirmed)
        elif figure.measure == "cagr" and figure.period_end_year and figure.period_start_year is None:
            reading.figures[index] = start_from_sizes(figure, reading.figures)
    return reading


def start_from_sizes(cagr: Figure, found: list[Figure]) -> Figure:
    """A CAGR whose period names only its end year, in a sentence that dates sizes of its subject
    before that year: the period starts at the earliest of them. "rise 6.0% per year to USD 112 billion
    in 2021" (`growth_to_amount`) is always flagged as inferred; "from US$ 230.6 billion in 2025 to US$
    438.1 billion by 2032, a CAGR of 9.6% by 2032" is certain when the rate compounds the first size
    into the one of the end year (`compounds_over`), else flagged. No earlier size: left as stated."""
    end = cagr.period_end_year or 0
    sizes = [size for size in found if size.measure == "market_size" and size.subject == cagr.subject and size.year]
    earlier = [size.year for size in sizes if size.year and size.year < end]
    if not earlier:
        return cagr
    span = (min(earlier), end)
    if not cagr.grows_to and compounds_over(cagr.value, sizes, span):
        return replace(cagr, period_start_year=span[0])
    return replace(cagr, period_start_year=span[0], period_as_stated="").flagged(PERIOD_INFERRED)


def kind_of_revenue_carried(found: list[Figure]) -> list[Figure]:
    """ "colocation revenue of USD 418.5 million in 2025, projected to reach USD 1,429 million by 2030,
    growing at a CAGR of 27.84%": the later figures of the same subject in the sentence measure the
    same revenue, so they carry its flag."""
    result: list[Figure] = []
    carried = ""
    for figure in found:
        revenue = next((flag for flag in figure.flags if REVENUE_FLAG in flag), "")
        if revenue and figure.measure == "market_size":
            carried = revenue
        elif carried and result and figure.subject == result[-1].subject and figure.measure != "share":
            figure = figure.flagged(carried)
        result.append(figure)
    return result


def read_group(
    context: Context, group: list[Value], scope: Scope, units: frozenset[str], reading: SentenceReading
) -> None:
    sentence = context.sentence
    measure, cue, cue_flag = classify(context, group)
    if not measure:
        reading.problems.append(f"{describe(group)}: {cue_reason(group)}")
        return
    found = subjects(context, group, scope)
    if isinstance(found, str):
        reading.problems.append(f"{describe(group)}: {found}")
        return
    if measure == "share" and [subject.member for subject in found] == [scope.geography]:
        reading.problems.append(f"{describe(group)}: a share of no named region or segment")
        return
    for value, subject in zip(group, found, strict=True):
        figure, spans = dated(context, group, base_figure(context, measure, value, subject))
        if figure is None:
            reading.problems.append(f"{describe([value])}: a market size without a year")
            continue
        start, end = span_of((value.start, value.end), cue, *spans)
        if figure.qualifier:
            written = sentence.lower().rfind(figure.qualifier.lower(), 0, value.start)
            start = min(start, written if written >= 0 else max(sentence.rfind("~", 0, value.start), 0))
        figure = replace(figure, excerpt=excerpt(sentence, start, end)).flagged(cue_flag)
        figure = measure_flags(figure, sentence, value)
        reading.figures.append(unit_flags(figure, units, scope))
        reading.used.append((value.start, value.end))
        reading.used.extend(span for span in spans if span is not None)


def base_figure(context: Context, measure: str, value: Value, subject: Subject) -> Figure:
    sentence = context.sentence
    qualifier = quantities.qualifier_before(sentence, value.start, context.qualifiers)
    other = OTHER_QUALIFIER.search(sentence[: value.start])
    flags: tuple[str, ...] = (subject.flag,) if subject.flag else ()
    if not qualifier and other:
        qualifier = re.sub(r"\s+", " ", other.group("word").lower())
        flags += (f"qualifier '{qualifier}' is not in the contract's qualifier vocabulary",)
    return Figure(
        measure,
        subject.member,
        value.plain,
        value.unit,
        value.currency,
        qualifier,
        "",
        context.section,
        context.line,
        flags=flags,
        sentence=sentence,
    )


# "averaged $1.2 million", "an average of $40,000": an average, right before the amount.
AVERAGE_BEFORE = re.compile(
    r"\b(?:averag(?:e|ed|es|ing)|on\s+average)\s+(?:of\s+)?(?:(?:about|around|nearly|roughly|some)\s+)?$",
    re.IGNORECASE,
)
# "... $6 billion to the Australian economy": what an amount adds to, right after it.
ECONOMY_AFTER = re.compile(
    r"\s+(?:to|into)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?econom(?:y|ies)\b", re.IGNORECASE
)
# "from 2.8 million players to 3.5 million": the start of a change counted in things, not money.
COUNTED_CHANGE = re.compile(
    r"[^.;]{0,40}?\bfrom\s+(?:about\s+|around\s+|some\s+)?\d[\d,.]*\s+(?:(?:thousand|million|billion)\s+)?"
    r"(?P<what>players|users|participants|subscribers|customers|members|visitors|people|households|units)\b",
    re.IGNORECASE,
)


def measure_flags(figure: Figure, sentence: str, value: Value) -> Figure:
    """Flag a figure whose words say it measures something else than a market: an average, an amount
    added to an economy, a rate between counts of things."""
    if figure.measure == "market_size":
        average = AVERAGE_BEFORE.search(sentence, 0, value.start)
        if average:
            # "US venues averaged $1.2 million in annual revenue": one business's average, not a market.
            figure = figure.flagged(f"an average ('{average.group().strip()}'), not a market's size")
        economy = ECONOMY_AFTER.match(sentence, value.end)
        if economy:
            # "added about $6 billion to the Australian economy": a contribution to an economy.
            figure = figure.flagged(f"an amount added to an economy ('{economy.group().strip()}'), not a market's size")
    counted = COUNTED_CHANGE.match(sentence, value.end) if figure.measure == "cagr" else None
    if counted:
        # "grew by an average of 7.2% a year, from 2.8 million players to 3.5 million": a count's growth.
        figure = figure.flagged(f"the rate runs between counts of {counted.group('what')}, not amounts of money")
    return figure


def unit_flags(figure: Figure, units: frozenset[str], scope: Scope) -> Figure:
    if figure.measure != "market_size":
        return figure
    if figure.currency != "USD":
        reason = f"currency {figure.currency} kept as stated: the warehouse converts only USD units"
        return figure.flagged(reason)
    if figure.unit.lower() not in units:
        return figure.flagged(f"unit ambiguous: '{figure.unit}' is not in the contract's unit vocabulary")
    if figure.unit.startswith("$") and scope.geography.member_id in DOLLAR_COUNTRIES:
        return figure.flagged(f"unit ambiguous: '$' in a report on {scope.geography.name} may be the local dollar")
    return figure


DOLLAR_COUNTRIES = frozenset({"canada", "australia", "new_zealand", "singapore", "taiwan", "mexico"})

Spans = list[tuple[int, int] | None]


def dated(context: Context, group: list[Value], figure: Figure) -> tuple[Figure | None, Spans]:
    """The figure with its year (sizes, shares) or period (CAGRs), and the spans of the words used."""
    sentence, end = context.sentence, after_conversion(context, group_end(context, group))
    limit = min(next_value_start(context, end), clause_end(sentence, end))
    if figure.measure == "cagr":
        period = dating.period_of(context, group, end, limit)
        if period is None:
            return growth_to_amount(context, group, figure)
        if period.named:
            return replace(figure, period_as_stated=period.text, needs_report_period=True), [(period.start, period.end)]
        stated = replace(
            figure, period_start_year=period.first_year, period_end_year=period.last_year, period_as_stated=period.text
        )
        return stated, [(period.start, period.end)]
    stop = min(limit, comma_after(sentence, end + 1 if set_off_by_commas(context, group) else end))
    year, at_period_end = dating.year_of(context, group, end, stop)
    if year is not None:
        dated_figure = replace(figure, year=year.year)
        relative = RELATIVE_YEAR.search(sentence, end, stop)
        if relative and year.start < group[0].start:
            # "$40.8 billion in 2024, nearly three times the $14.9 billion expected this year": the
            # value's own year is relative; a size without a year is listed, a share flagged.
            if figure.measure == "market_size":
                return None, []
            dated_figure = dated_figure.flagged(f"the value's own year is '{relative.group()}', not {year.year}")
        if PART_OF_YEAR.search(sentence, 0, year.start):
            dated_figure = dated_figure.flagged("stated for part of the year (a quarter or a half), not the year")
        return dated_figure, [(dating.year_phrase_start(sentence, year), year.end)]
    if at_period_end:
        match = dating.PERIOD_END_NAMED.search(sentence, group[-1].end)
        span = (match.start(), match.end()) if match else None
        return replace(figure, year_is_report_period_end=True), [span]
    if figure.measure == "market_size":
        return None, []
    if dating.YEAR_TOKEN.search(sentence):
        return figure.flagged(YEAR_ELSEWHERE), []
    relative = RELATIVE_YEAR.search(sentence)
    if relative:
        return figure.flagged(f"the year is stated relative to the text's date ('{relative.group()}')"), []
    return figure, []


def after_conversion(context: Context, end: int) -> int:
    """The end of a bracketed conversion right after the value ("700 billion won (US$590 million) in
    2016"), so the year after it is the value's; else `end`."""
    following = [value for value in context.values if value.start >= end]
    if following and is_conversion(context, following[0]):
        closing = context.sentence.find(")", following[0].end)
        if closing >= 0 and not context.sentence[following[0].end : closing].strip():
            return closing + 1
    return end


def set_off_by_commas(context: Context, group: list[Value]) -> bool:
    """A value in apposition ("the largest share, about 14.3%, in 2025"): its year may follow the comma."""
    sentence, start = context.sentence, group[0].start
    qualifier = quantities.qualifier_before(sentence, start, context.qualifiers)
    before = sentence[:start].rstrip().rstrip("~").rstrip()
    if qualifier and before.lower().endswith(qualifier):
        before = before[: len(before) - len(qualifier)].rstrip()
    return before.endswith(",") and sentence[group[-1].end :].startswith(",")


def growth_to_amount(context: Context, group: list[Value], figure: Figure) -> tuple[Figure, Spans]:
    """ "rise 6.0% per year to USD 112 billion in 2021": the period ends in the year of the amount grown
    to (its start, when the sentence dates an earlier size, is inferred: `read`)."""
    sentence, end = context.sentence, group_end(context, group)
    following = [value for value in context.values if value.start >= end]
    if not following or following[0].kind != "money" or not GROWS_TO.match(sentence[end : following[0].start]):
        return replace(figure, needs_report_period=True), []
    target = following[0]
    stop = min(next_value_start(context, target.end), clause_end(sentence, target.end))
    year, _ = dating.year_of(context, [target], target.end, min(stop, comma_after(sentence, target.end)))
    if year is None:
        return replace(figure, needs_report_period=True), []
    stated = replace(figure, period_end_year=year.year, period_as_stated=sentence[end : year.end].strip(" ,"))
    return replace(stated, grows_to=True), [(end, year.end)]


def comma_after(sentence: str, position: int) -> int:
    comma = sentence.find(",", position)
    return comma if comma >= 0 else len(sentence)
