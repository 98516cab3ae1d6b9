"""The numbers of a sentence: money, percentages, years, periods, and other numbers.

Every pattern is a general wording rule; positions are character offsets in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"trillion|billion|million|tn|bn|mn"
CURRENCY = r"US\$|USD|\$"
YEAR = r"(?:19[5-9]\d|20\d\d|2100)"
DASH = r"\s*(?:-|\u2013|\u2014|to|through|till|until)\s*"  # hyphen, en dash, em dash, words

MONEY_BEFORE = re.compile(
    rf"(?P<currency>{CURRENCY})\s?(?P<number>{NUMBER})\s?(?P<scale>{SCALE})(?![\w])", re.IGNORECASE
)
MONEY_AFTER = re.compile(
    rf"(?<![\w.,])(?P<number>{NUMBER})\s?(?P<scale>{SCALE})\s+(?P<currency>USD|US\$)(?![\w])", re.IGNORECASE
)
PERCENT = re.compile(rf"(?<![\w.,])(?P<number>{NUMBER})\s?(?:%|percent(?![\w])|per cent(?![\w]))", re.IGNORECASE)
YEAR_TOKEN = re.compile(rf"(?<![\w.,$]){YEAR}(?![\w%]|[.,]\d)")
ANY_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![\w])")
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
    rf"\b(?:over|during|throughout|in|for|through|by\s+the\s+end\s+of|till\s+the\s+end\s+of)\s+the\s+(?:entire\s+)?(?:{PERIOD_NAMES})\s+period\b",
    re.IGNORECASE,
)
PERIOD_END_NAMED = re.compile(
    rf"\b(?:by|at|till|until)\s+the\s+end\s+of\s+the\s+(?:{PERIOD_NAMES})\s+period\b", re.IGNORECASE
)


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Value:
    """A stated money amount or percentage."""

    kind: str  # "money" or "percent"
    start: int
    end: int
    number: str  # as written, thousands separators included
    unit: str  # as worded ("USD billion", "US$ Bn"); "percent" for percentages

    @property
    def plain(self) -> str:
        return self.number.replace(",", "")


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


def values(sentence: str) -> list[Value]:
    found: list[Value] = []
    for pattern in (MONEY_BEFORE, MONEY_AFTER):
        for match in pattern.finditer(sentence):
            currency, scale = match.group("currency"), match.group("scale")
            unit = f"{currency} {scale}" if pattern is MONEY_BEFORE else f"{scale} {currency}"
            found.append(Value("money", match.start(), match.end(), match.group("number"), unit))
    for match in PERCENT.finditer(sentence):
        if not overlaps(match.start(), match.end(), found):
            found.append(Value("percent", match.start(), match.end(), match.group("number"), "percent"))
    return sorted(found, key=lambda value: value.start)


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(start < span.end and span.start < end for span in spans)


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
    for pattern in (NAMED_PERIOD, END_ONLY_PERIOD):
        for match in pattern.finditer(sentence):
            if overlaps(match.start(), match.end(), found) or overlaps(match.start(), match.end(), taken):
                continue
            last = int(match.group("end")) if "end" in pattern.groupindex else None
            found.append(Period(match.start(), match.end(), match.group(), None, last, named=last is None))
    return sorted(found, key=lambda period: period.start)


def other_numbers(sentence: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Digit runs that no recognised token covers."""
    return [
        (match.start(), match.end())
        for match in ANY_NUMBER.finditer(sentence)
        if not any(match.start() < end and start < match.end() for start, end in taken)
    ]


def qualifier_before(sentence: str, position: int, qualifiers: list[str]) -> str:
    """The vocabulary qualifier written right before `position` ("around USD 5 billion"), lower-cased."""
    before = sentence[:position].rstrip().lower()
    for qualifier in sorted(qualifiers, key=len, reverse=True):
        if re.search(rf"(?<![\w]){re.escape(qualifier)}$", before):
            return qualifier
    return ""
