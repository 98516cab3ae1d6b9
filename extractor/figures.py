"""Stated figures of one sentence: market sizes, CAGRs and shares, by general wording rules.

A money amount is a market size (unless the words before it in its clause speak of investments,
deals or a company's results); a
percentage is a CAGR when a growth-rate word stands right beside it, a share when a share word or
verb does; anything else is left unclassified. Subjects, years and periods come from the same clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractor import tokens
from extractor.taxonomy import Member, NameMatch, proposed_segment
from extractor.tokens import Period, Value, Year

WORLD = Member("region", "world")
MAX_EXCERPT = 200
WORD = re.compile(r"[\w$%.,’'()-]+")
# Clauses: at a semicolon, "while", "whereas", "but", and ", and" before a new subject ("..., and the U.S. ...").
CLAUSE_BREAK = re.compile(r";|,?\s+(?:while|whereas|but)\s+|,\s+and\s+(?=(?:a|an|the|its|their)\s)", re.IGNORECASE)
CAGR_CUE = re.compile(
    r"\bCAGRs?\b|\bcompound(?:ed)?\s+annual\s+growth(?:\s+rate)?\b|\bannual(?:ized)?\s+growth\s+rate\b"
    r"|\bannually\b|\bper\s+annum\b|\bper\s+year\b|\ba\s+year\b",
    re.IGNORECASE,
)
SHARE_VERB = re.compile(
    r"\b(?:accounting|accounted|accounts|account)\s+for\b|\bshare\s+of\b|\bmade\s+up\b"
    r"|\b(?:captured|captures|capturing|capture|held|holds|hold|holding|represented|represents|representing"
    r"|comprised|comprises|constituted|constitutes|contributed|contributes|commanded|commands)\b",
    re.IGNORECASE,
)
SHARE_AFTER = re.compile(
    r"^\s*(?:(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,8}?(?:market\s+|revenue\s+|sales\s+)?share\b"
    r"|of\s+(?:the\s+)?(?:total\s+|global\s+|overall\s+|worldwide\s+)*(?:market\s+)?(?:revenue|sales|market)\b)",
    re.IGNORECASE,
)
OF_WHAT = re.compile(r"^\s*of\s+(?:[\w’'-]+\s*){1,8}")
MARKET_WHOLE = re.compile(
    r"\b(?:market|revenues?|sales|share|industry|total|global|overall|spending|value)\b", re.IGNORECASE
)
NOT_BETWEEN_SHARE = re.compile(r"\b(?:to|and|but|while|as|gain\w*|increase\w*|grow\w*)\b|[,;]", re.IGNORECASE)
NOT_A_MARKET_SIZE = re.compile(
    r"\b(?:invest\w*|funding|funded|raised?|acqui\w+|deal|spent|spend\w*|capex|capital\s+expenditure|loan|grant"
    r"|merger|valuation|compan(?:y|ies)|reported|posted|earned|profits?|income)\b",
    re.IGNORECASE,
)
YEAR_LEAD = re.compile(
    r"(?:\b(?:in|by|for|of|at|during|through|until|till|to|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?"
    r"(?:(?:fiscal\s+)?year\s+|FY\s?)?)$",
    re.IGNORECASE,
)
MARKET_AS_SUBJECT = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,8}?market(?:\s+size)?\s+(?:is|was|were|are|will|stood|valued|estimated|expected|projected|reached)\b",
    re.IGNORECASE,
)
SUBJECT_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|accounted|accounts|accounting|captured|captures|held|holds|hold"
    r"|led|leads|dominated|dominates|represented|represents|registered|recorded|stood|generated|reached|grew|grows"
    r"|expanded|estimated|valued)\b",
    re.IGNORECASE,
)
# A lead-in before the subject: "By end user, ..." names the segment dimension; "In 2024, ..." names none.
DIMENSION_LEAD_IN = re.compile(
    r"^\s*(?:by|in\s+terms\s+of|based\s+on|on\s+the\s+basis\s+of)\s+(?P<dimension>[A-Za-z][\w\s-]*?),\s*", re.IGNORECASE
)
OTHER_LEAD_IN = re.compile(r"^\s*(?:in|by|for|as\s+of|during|among|within|globally|overall)\b[^,]*,\s*", re.IGNORECASE)
WHOLE_MARKET_WORDS = re.compile(r"\b(?:markets?|industry|revenues?|sales|it|this|demand|spending)\b|^$", re.IGNORECASE)
SEGMENT_HEAD = re.compile(r"\s+(?:segment|sub-segment|subsector|sector|category)$", re.IGNORECASE)
RESPECTIVELY = re.compile(r"^\s*,?\s*respectively\b", re.IGNORECASE)
LIST_JOINER = re.compile(r"^\s*(?:,\s*and|,|and)\s*$", re.IGNORECASE)
MAX_SUBJECT_WORDS = 5
MIN_DATED_SIZES = 2
MAX_CUE_GAP_BEFORE = 5
MAX_CUE_GAP_AFTER = 3
MAX_SHARE_VERB_GAP = 3


@dataclass(frozen=True)
class Figure:
    """One stated figure, in the terms of `seeds/report_figures.csv`."""

    measure: str
    subject: Member
    value: str
    unit: str
    qualifier: str
    excerpt: str
    section: str
    line: int
    year: int | None = None
    period_start_year: int | None = None
    period_end_year: int | None = None
    period_as_stated: str = ""
    # Left for the document to settle: the report's own period ("over the forecast period").
    needs_report_period: bool = False
    year_is_report_period_end: bool = False
    sentence: str = ""  # the whole sentence, for the list of unclassified ones

    @property
    def region_id(self) -> str:
        return self.subject.member_id if self.subject.kind == "region" else "world"

    @property
    def segment_id(self) -> str:
        return self.subject.member_id if self.subject.kind == "segment" else ""

    @property
    def key(self) -> tuple[str, str, str, int | None, int | None, int | None]:
        return (self.measure, self.region_id, self.segment_id, self.year, self.period_start_year, self.period_end_year)


@dataclass
class SentenceReading:
    """What one sentence yields: figures, the number spans they used, and what stays unclassified."""

    figures: list[Figure] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    sentence: str
    section: str
    line: int
    values: list[Value]
    years: list[Year]
    periods: list[Period]
    names: list[NameMatch]
    qualifiers: tuple[str, ...]


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def clause_start(sentence: str, position: int) -> int:
    starts = [match.end() for match in CLAUSE_BREAK.finditer(sentence) if match.end() <= position]
    return max(starts, default=0)


def clause_end(sentence: str, position: int) -> int:
    ends = [match.start() for match in CLAUSE_BREAK.finditer(sentence) if match.start() >= position]
    return min(ends, default=len(sentence))


def previous_value_end(context: Context, position: int) -> int:
    return max((value.end for value in context.values if value.end <= position), default=0)


def next_value_start(context: Context, position: int) -> int:
    return min((value.start for value in context.values if value.start >= position), default=len(context.sentence))


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
    return first.kind == second.kind and bool(LIST_JOINER.match(sentence[first.end : second.start]))


def group_end(context: Context, group: list[Value]) -> int:
    end = group[-1].end
    respectively = RESPECTIVELY.match(context.sentence[end:])
    return end + respectively.end() if respectively else end


def gap_words(text: str, periods: list[Period], offset: int) -> int:
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


def share_cue(context: Context, group: list[Value]) -> tuple[int, int] | None:
    """A share word or verb right beside the value(s): "accounting for 47.4 percent", "66% share",
    "41.6% of the ... market share"; a share of something else ("35% of new drug approvals") is none."""
    sentence, first = context.sentence, group[0]
    window_start = max(previous_value_end(context, first.start), clause_start(sentence, first.start))
    end = group_end(context, group)
    limit = min(next_value_start(context, end), clause_end(sentence, end))
    of_what = OF_WHAT.match(sentence[end:limit])
    if of_what and not MARKET_WHOLE.search(of_what.group()):
        return None
    before = list(SHARE_VERB.finditer(sentence, window_start, first.start))
    if (
        before
        and word_count(sentence[before[-1].end() : first.start]) - qualifier_words(context, first) <= MAX_SHARE_VERB_GAP
    ):
        return before[-1].start(), before[-1].end()
    after = SHARE_AFTER.match(sentence[end:limit])
    if after and not NOT_BETWEEN_SHARE.search(after.group()):
        return end, end + after.end()
    return None


def qualifier_words(context: Context, value: Value) -> int:
    return word_count(tokens.qualifier_before(context.sentence, value.start, list(context.qualifiers)))


def subjects(context: Context, group: list[Value]) -> list[Member] | str:
    """The region or segment each value is about, or the reason none can be named."""
    sentence, first = context.sentence, group[0]
    scope = clause_start(sentence, first.start)
    before = [name for name in context.names if name.start >= scope and name.end <= first.start]
    if len(group) > 1:
        distinct = list(dict.fromkeys(name.member for name in before))
        if len(distinct) < len(group):
            return f"{len(group)} values stated 'respectively' but {len(distinct)} names before them"
        return distinct[-len(group) :]
    if before and not MARKET_AS_SUBJECT.search(sentence[before[-1].end : first.start]):
        return [before[-1].member]
    after = name_after(context, first)
    if after is not None:
        return [after]
    return [subject_without_name(sentence[scope : first.start])]


def name_after(context: Context, value: Value) -> Member | None:
    limit = clause_end(context.sentence, value.end)
    for name in context.names:
        if value.end <= name.start < limit and re.search(
            r"\b(?:in|across|within|by|from|for)\s+(?:the\s+)?$", context.sentence[: name.start]
        ):
            return name.member
    return None


def subject_without_name(clause: str) -> Member:
    """No known name: the whole market, or the clause's own subject proposed as a new segment."""
    lead_in = DIMENSION_LEAD_IN.match(clause)
    dimension = lead_in.group("dimension") if lead_in else ""
    clause = clause[lead_in.end() :] if lead_in else clause
    other = OTHER_LEAD_IN.match(clause)
    clause = clause[other.end() :] if other else clause
    verb = SUBJECT_VERB.search(clause)
    phrase = clause[: verb.start()] if verb else ""
    phrase = re.sub(r"^(?:the|a|an|its|their)\s+", "", phrase.strip(" ,:"), flags=re.IGNORECASE)
    if WHOLE_MARKET_WORDS.search(phrase) or word_count(phrase) > MAX_SUBJECT_WORDS:
        return WORLD
    return proposed_segment(SEGMENT_HEAD.sub("", phrase), dimension)


def year_of(context: Context, group: list[Value]) -> tuple[Year | None, bool]:
    """The year a size or share is for: the first year after it in the clause ("in 2023", "by the year
    2030"), else the nearest before it ("in 2025, accounting for"; "2024 Market Size: USD ...").
    True when the words say "by the end of the forecast period" instead."""
    sentence, end = context.sentence, group_end(context, group)
    stop = min(next_value_start(context, end), clause_end(sentence, end), comma_after(sentence, end))
    in_periods = [period for period in context.periods if period.first_year is not None]
    for year in context.years:
        in_window = end <= year.start < stop and not tokens.overlaps(year.start, year.end, in_periods)
        if in_window and YEAR_LEAD.search(sentence[end : year.start]):
            return year, False
    if tokens.PERIOD_END_NAMED.search(sentence, end, stop):
        return None, True
    start = max(previous_value_end(context, group[0].start), clause_start(sentence, group[0].start))
    for year in reversed(context.years):
        if start <= year.start and year.end <= group[0].start and not tokens.overlaps(year.start, year.end, in_periods):
            lead = YEAR_LEAD.search(sentence[start : year.start])
            if lead or not sentence[start : year.start].strip():
                return year, False
    return None, False


def comma_after(sentence: str, position: int) -> int:
    comma = sentence.find(",", position)
    return comma if comma >= 0 else len(sentence)


def period_of(context: Context, group: list[Value]) -> Period | None:
    """The CAGR's period as stated beside it: the first after it in its clause ("from 2024 to 2033",
    "to 2030", "over the forecast period"), else the nearest full one before it ("CAGR (2025-2034): ")."""
    sentence, end = context.sentence, group_end(context, group)
    limit = min(next_value_start(context, end), clause_end(sentence, end))
    forward = [period for period in context.periods if end <= period.start < limit]
    if forward:
        return forward[0]
    back_start = max(previous_value_end(context, group[0].start), clause_start(sentence, group[0].start))
    backward = [
        period
        for period in context.periods
        if back_start <= period.start and period.end <= group[0].start and period.first_year is not None
    ]
    return backward[-1] if backward else None


def implied_period(figures: list[Figure], subject: Member) -> Period | None:
    """The period the sentence's own dated sizes of `subject` span, when it states two or more."""
    dated = sorted(
        {
            figure.year
            for figure in figures
            if figure.measure == "market_size" and figure.subject == subject and figure.year
        }
    )
    if len(dated) >= MIN_DATED_SIZES:
        return Period(0, 0, "", dated[0], dated[-1])
    return None


def excerpt(sentence: str, start: int, end: int) -> str:
    """A few words around [start, end): up to three words more on the left, not across punctuation
    or another number."""
    left = start
    for _ in range(3):
        match = re.search(r"[^\s,;:()]+\s+$", sentence[:left])
        if match is None or re.search(r"\d", match.group()):
            break
        left = match.start()
    text = sentence[left:end].strip(" ,;:")
    if len(text) > MAX_EXCERPT:
        text = sentence[start:end].strip(" ,;:")[:MAX_EXCERPT]
    return text


def span_of(*spans: tuple[int, int] | None) -> tuple[int, int]:
    present = [span for span in spans if span is not None]
    return min(span[0] for span in present), max(span[1] for span in present)


def read(context: Context) -> SentenceReading:
    reading = SentenceReading()
    for group in value_groups(context):
        read_group(context, group, reading)
    for index, figure in enumerate(reading.figures):
        # A CAGR without stated years ("over the forecast period", or nothing) spans the sentence's own
        # dated sizes of its subject when it has two; otherwise the report's period applies.
        if figure.measure == "cagr" and figure.needs_report_period:
            implied = implied_period(reading.figures, figure.subject)
            if implied is not None:
                reading.figures[index] = replace(
                    figure,
                    period_start_year=implied.first_year,
                    period_end_year=implied.last_year,
                    needs_report_period=False,
                )
    return reading


def read_group(context: Context, group: list[Value], reading: SentenceReading) -> None:
    sentence = context.sentence
    measure, cue = classify(context, group)
    if not measure:
        reading.problems.append(f"{describe(group)}: {cue_reason(group)}")
        return
    found = subjects(context, group)
    if isinstance(found, str):
        reading.problems.append(f"{describe(group)}: {found}")
        return
    if measure == "share" and found == [WORLD]:
        reading.problems.append(f"{describe(group)}: a share of no named region or segment")
        return
    for value, subject in zip(group, found, strict=True):
        qualifier = tokens.qualifier_before(sentence, value.start, list(context.qualifiers))
        figure = Figure(
            measure, subject, value.plain, value.unit, qualifier, "", context.section, context.line, sentence=sentence
        )
        figure, spans = dated(context, group, figure)
        if figure is None:
            reading.problems.append(f"{describe([value])}: a market size without a year")
            continue
        start, end = span_of((value.start, value.end), cue, *spans)
        if qualifier:
            start = min(start, len(sentence[: value.start].rstrip()) - len(qualifier))
        reading.figures.append(replace(figure, excerpt=excerpt(sentence, start, end)))
        reading.used.append((value.start, value.end))
        reading.used.extend(span for span in spans if span is not None)


def classify(context: Context, group: list[Value]) -> tuple[str, tuple[int, int] | None]:
    first = group[0]
    if first.kind == "money":
        before = context.sentence[clause_start(context.sentence, first.start) : first.start]
        if NOT_A_MARKET_SIZE.search(before):
            return "", None
        return "market_size", None
    cue = cagr_cue(context, group)
    if cue is not None:
        return "cagr", cue
    cue = share_cue(context, group)
    if cue is not None:
        return "share", cue
    return "", None


def cue_reason(group: list[Value]) -> str:
    if group[0].kind == "money":
        return "an amount that is not a market size (investment, deal or funding words)"
    return "a percentage that is neither a CAGR nor a share"


def describe(group: list[Value]) -> str:
    return " and ".join(f"{value.number} {value.unit}" for value in group)


Spans = list[tuple[int, int] | None]


def dated(context: Context, group: list[Value], figure: Figure) -> tuple[Figure | None, Spans]:
    """The figure with its year (sizes, shares) or period (CAGRs), and the spans of the words used."""
    if figure.measure == "cagr":
        return with_period(context, group, figure)
    return with_year(context, group, figure)


def with_period(context: Context, group: list[Value], figure: Figure) -> tuple[Figure, Spans]:
    period = period_of(context, group)
    if period is None:
        return replace(figure, needs_report_period=True), []
    if period.named:
        return replace(figure, period_as_stated=period.text, needs_report_period=True), [(period.start, period.end)]
    stated = replace(
        figure, period_start_year=period.first_year, period_end_year=period.last_year, period_as_stated=period.text
    )
    return stated, [(period.start, period.end)]


def with_year(context: Context, group: list[Value], figure: Figure) -> tuple[Figure | None, Spans]:
    year, at_period_end = year_of(context, group)
    if year is not None:
        return replace(figure, year=year.year), [(year_phrase_start(context.sentence, year), year.end)]
    if at_period_end:
        match = tokens.PERIOD_END_NAMED.search(context.sentence, group[-1].end)
        span = (match.start(), match.end()) if match else None
        return replace(figure, year_is_report_period_end=True), [span]
    if figure.measure == "market_size":
        return None, []
    return figure, []


def year_phrase_start(sentence: str, year: Year) -> int:
    lead = YEAR_LEAD.search(sentence[: year.start])
    return lead.start() if lead and lead.group().strip() else year.start
