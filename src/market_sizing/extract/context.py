"""One sentence as the rules see it: its quantities, years, periods and names, and its clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from market_sizing.extract.dating import Period, Year
    from market_sizing.extract.quantities import Value
    from market_sizing.extract.taxonomy import NameMatch

WORD = re.compile(r"[\w$%.,’'()-]+")
# Clauses: at a semicolon, a table cell border, "while", "whereas", "but", and ", and" before a new
# subject ("..., and the U.S. ...").
CLAUSE_BREAK = re.compile(
    r";|\s\|\s|\s•\s|\s--\s|,?\s+(?:while|whereas|but)\s+|,\s+and\s+(?=(?:a|an|the|its|their)\s)", re.IGNORECASE
)


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
    # A table row ("Market Size (2024) | USD 4.1 Billion"): its first cell labels the others.
    label_end: int | None = None
    header: tuple[str, ...] = ()  # the cells of the table's first row
    caption: str = ""  # the line above the table


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def clause_start(sentence: str, position: int) -> int:
    starts = [match.end() for match in CLAUSE_BREAK.finditer(sentence) if match.end() <= position]
    return max(starts, default=0)


def clause_end(sentence: str, position: int) -> int:
    ends = [match.start() for match in CLAUSE_BREAK.finditer(sentence) if match.start() >= position]
    return min(ends, default=len(sentence))


def clauses(sentence: str) -> list[tuple[int, int]]:
    bounds = [0]
    for match in CLAUSE_BREAK.finditer(sentence):
        bounds.extend([match.start(), match.end()])
    bounds.append(len(sentence))
    return [(bounds[index], bounds[index + 1]) for index in range(0, len(bounds), 2)]


def previous_value_end(context: Context, position: int) -> int:
    return max((value.end for value in context.values if value.end <= position), default=0)


def next_value_start(context: Context, position: int) -> int:
    return min((value.start for value in context.values if value.start >= position), default=len(context.sentence))
