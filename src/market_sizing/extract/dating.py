"""Dating quantities: the years and periods of a sentence, the year a size or share is for, and the
period a CAGR spans.

A size or share takes the first year after it in its clause ("in 2023", "by the year 2030"), else the
nearest before it ("in 2025, accounting for"; "2024 Market Size: USD ..."), else, in a table row, the
year its label names ("Market Size (2024) | USD ..."). A CAGR takes the period stated beside it: the
first after it ("from 2024 to 2033", "to 2030", "over the forecast period 2025-2033"), else the nearest
full one before it ("CAGR (2025-2034): 11.5%"), else its table row label's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from market_sizing.extract.context import Context, clause_start, previous_value_end
from market_sizing.extract.quantities import Value, overlaps

YEAR = r"(?:19[5-9]\d|20\d\d|2100)"
DASH = r"\s*(?:-|\u2013|\u2014|to|through|till|until)\s*"  # hyphen, en dash, em dash, words
YEAR_TOKEN = re.compile(rf"(?<![\w.,$]){YEAR}(?![\w%]|[.,]\d)")
TWO_DIGIT_YEAR = 2
PERIOD_NAMES = r"forecast|analysis|projection|projected|review|assessment|study|outlook"
PERIOD_LEAD = rf"(?:(?:from|during|over|for|in|throughout)\s+(?:the\s+)?(?:(?:{PERIOD_NAMES})\s+period\s+)?(?:of\s+)?)?"
EXPLICIT_PERIODS = (
    re.compile(rf"\bbetween\s+(?P<start>{YEAR})\s+and\s+(?P<end>{YEAR})(?![\w])", re.IGNORECASE),
    re.compile(rf"{PERIOD_LEAD}\(?(?P<start>{YEAR}){DASH}(?P<end>{YEAR}|\d\d)(?![\w])\)?", re.IGNORECASE),
)
END_ONLY_PERIOD = re.compile(
    rf"\b(?:to|through|till|until|by)\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?(?P<end>{YEAR})(?![\w])", re.IGNORECASE
)
NAMED_PERIOD = re.compile(
    rf"\b(?:(?:over|during|throughout|in|for|through|by\s+the\s+end\s+of|till\s+the\s+end\s+of)\s+the\s+)?"
    rf"(?:entire\s+)?(?:{PERIOD_NAMES})\s+period\b",
    re.IGNORECASE,
)
# "the forecast period (2025-2033)", "forecast period, 2025-2033", "forecast period from 2025 to 2033",
# "forecast period, i.e., 2026-2035": a named period whose years follow at once is one stated period.
NAMED_THEN_YEARS = re.compile(r"^\s*[,:(]?\s*(?:of\s+|from\s+|i\.e\.,?\s+)?$", re.IGNORECASE)
PERIOD_END_NAMED = re.compile(
    rf"\b(?:by|at|till|until)\s+the\s+end\s+of\s+the\s+(?:{PERIOD_NAMES})\s+period\b", re.IGNORECASE
)
YEAR_LEAD = re.compile(
    r"(?:\b(?:in|by|for|of|at|during|through|until|till|to|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?"
    r"(?:(?:fiscal\s+)?year\s+|FY\s?)?)$|^\s*\(\s*$",  # or in brackets right after: "$46.0B (2023)"
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Year:
    start: int
    end: int
    year: int


@dataclass(frozen=True)
class Period:
    """A period: both years, the end year only, or a named one ("over the forecast period")."""

    start: int
    end: int
    text: str
    first_year: int | None
    last_year: int | None
    named: bool = False


def years(sentence: str, taken: list[Value]) -> list[Year]:
    return [
        Year(match.start(), match.end(), int(match.group()))
        for match in YEAR_TOKEN.finditer(sentence)
        if not overlaps(match.start(), match.end(), taken)
    ]


def full_year(first: int, written: str) -> int:
    """The end year of a period; two digits ("2024-30") take the century of the start year."""
    if len(written) == TWO_DIGIT_YEAR:
        return first // 100 * 100 + int(written)
    return int(written)


def periods(sentence: str, taken: list[Value]) -> list[Period]:
    found: list[Period] = []
    for pattern in EXPLICIT_PERIODS:
        for match in pattern.finditer(sentence):
            first = int(match.group("start"))
            last = full_year(first, match.group("end"))
            if last > first and not overlaps(match.start(), match.end(), [*taken, *found]):
                found.append(Period(match.start(), match.end(), match.group().strip(), first, last))
    for match in NAMED_PERIOD.finditer(sentence):
        explicit = next((period for period in found if period.start >= match.end()), None)
        if explicit and NAMED_THEN_YEARS.match(sentence[match.end() : explicit.start]):
            found.remove(explicit)
            text = sentence[match.start() : explicit.end].strip()
            found.append(Period(match.start(), explicit.end, text, explicit.first_year, explicit.last_year))
        elif not overlaps(match.start(), match.end(), [*taken, *found]) and " the " in f" {match.group().lower()}":
            found.append(Period(match.start(), match.end(), match.group(), None, None, named=True))
    for match in END_ONLY_PERIOD.finditer(sentence):
        if not overlaps(match.start(), match.end(), [*taken, *found]):
            found.append(Period(match.start(), match.end(), match.group(), None, int(match.group("end"))))
    return sorted(found, key=lambda period: period.start)


def in_a_period(context: Context, year: Year) -> bool:
    stated = [period for period in context.periods if period.first_year is not None]
    return overlaps(year.start, year.end, stated)


def year_of(context: Context, group: list[Value], end: int, stop: int) -> tuple[Year | None, bool]:
    """The year a size or share is for, searched after `end` up to `stop`, then before the value.
    True when the words say "by the end of the forecast period" instead."""
    sentence = context.sentence
    for year in context.years:
        if end <= year.start < stop and not in_a_period(context, year) and YEAR_LEAD.search(sentence[end : year.start]):
            return year, False
    if PERIOD_END_NAMED.search(sentence, end, stop):
        return None, True
    start = context_start(context, group[0])
    for year in reversed(context.years):
        if start <= year.start and year.end <= group[0].start and not in_a_period(context, year):
            gap = sentence[start : year.start]
            if YEAR_LEAD.search(gap) or not gap.strip() or is_label(context, year.start):
                return year, False
    return None, False


def is_label(context: Context, position: int) -> bool:
    return context.label_end is not None and position < context.label_end


def context_start(context: Context, first: Value) -> int:
    if context.label_end is not None and first.start > context.label_end:
        return max(previous_value_end(context, first.start), 0)
    return max(previous_value_end(context, first.start), clause_start(context.sentence, first.start))


def period_of(context: Context, group: list[Value], end: int, limit: int) -> Period | None:
    """The CAGR's period as stated beside it (see the module's rules)."""
    forward = [period for period in context.periods if end <= period.start < limit]
    if forward:
        return forward[0]
    back_start = context_start(context, group[0])
    backward = [
        period
        for period in context.periods
        if back_start <= period.start and period.end <= group[0].start and period.first_year is not None
    ]
    return backward[-1] if backward else None


def year_phrase_start(sentence: str, year: Year) -> int:
    lead = YEAR_LEAD.search(sentence[: year.start])
    return lead.start() if lead and lead.group().strip() else year.start
