"""Sizes in tables of years.

- Year by column: a first row "Type | 2023 | 2024 | 2025", rows "Refrigerated Warehouse | 211.26 |
  238.29 | 270.41", and the unit in the line above ("... Revenue, by Type (USD Billion)", or the
  heading above the table). Each number is the size of its row's subject in its column's year, in the
  caption's unit. The row's label names the subject as a sentence's subject does (`subjects`), the
  first row's first cell its dimension.
- Year by row: a first row "Year | Market Value (USD Billion) | Growth Rate", rows "2019 | 14.5 |
  6.6%". A bare number under a column whose title states a unit and names the market ("Market Value",
  "Size of the market") is the whole market's size in the row's year; other columns are left unread.
"""

from __future__ import annotations

import re

from market_sizing.extract import quantities
from market_sizing.extract.context import Context
from market_sizing.extract.dating import YEAR
from market_sizing.extract.figures import MAX_EXCERPT, Figure, SentenceReading, unit_flags
from market_sizing.extract.subjects import ROW_YEAR, YEAR_HEAD, Scope, Subject, phrase_subject, whole_market_title

CAPTION_UNIT = re.compile(
    rf"\(\s*(?P<currency>{quantities.CURRENCY})\s*(?P<scale>{quantities.SCALE})\s*\)", re.IGNORECASE
)
CELL_NUMBER = re.compile(rf"(?<=\| )(?P<number>{quantities.NUMBER})(?= \||$)")


def read(context: Context, scope: Scope, units: frozenset[str], reading: SentenceReading) -> None:
    """Add the row's sizes to `reading` when the row stands in a year-by-column table (and mark the
    years of such a table's first row as read)."""
    header, label_end = context.header, context.label_end
    if label_end is not None and not header:
        cells = context.sentence.split(" | ")[1:]
        if cells and all(re.fullmatch(YEAR, cell.strip()) for cell in cells):
            reading.used.extend((year.start, year.end) for year in context.years)
        return
    if header and YEAR_HEAD.fullmatch(header[0].strip()):
        read_year_row(context, scope, units, reading)
        return
    years = [int(cell) for cell in header[1:] if re.fullmatch(YEAR, cell.strip())]
    unit = CAPTION_UNIT.search(context.caption)
    if label_end is None or not header or len(years) != len(header) - 1 or unit is None or context.values:
        return
    cells = list(CELL_NUMBER.finditer(context.sentence, label_end))
    if len(cells) != len(years):
        return
    subject = row_subject(context.sentence[:label_end], header[0], scope)
    if isinstance(subject, str):
        reading.problems.append(f"a table row whose label names nothing: {subject}")
        return
    for year, cell in zip(years, cells, strict=True):
        reading.figures.append(unit_flags(cell_size(context, subject, cell.group("number"), unit, year), units, scope))
        reading.used.append(cell.span())


def read_year_row(context: Context, scope: Scope, units: frozenset[str], reading: SentenceReading) -> None:
    """The sizes of one row of a year-by-row table ("2019 | 14.5 | 6.6%" under "Year | Market Value
    (USD Billion) | Growth Rate"): a star after the year ("2021*", an estimate) is kept out of it."""
    header, sentence = context.header, context.sentence
    cells = sentence.split(" | ")
    year = ROW_YEAR.fullmatch(cells[0].strip())
    if year is None or len(cells) != len(header) or any(value.kind == "money" for value in context.values):
        return
    offset = len(cells[0]) + len(" | ")
    for title, cell in zip(header[1:], cells[1:], strict=True):
        unit = CAPTION_UNIT.search(title)
        number = re.fullmatch(quantities.NUMBER, cell.strip())
        if unit is not None and number is not None and whole_market_title(title[: unit.start()], scope):
            value = cell.strip()
            size = cell_size(context, Subject(scope.geography), value, unit, int(year.group("year")))
            reading.figures.append(unit_flags(size, units, scope))
            start = offset + cell.index(value)
            reading.used.append((start, start + len(value)))
        offset += len(cell) + len(" | ")
    reading.used.append(year.span("year"))


def cell_size(context: Context, subject: Subject, number: str, unit: re.Match[str], year: int) -> Figure:
    """The size a table cell states: `number` in the `unit` a caption or column title gives
    ("(USD Billion)"), of `subject` in `year`, the row as its excerpt."""
    return Figure(
        "market_size",
        subject.member,
        number.replace(",", ""),
        f"{unit.group('currency')} {unit.group('scale')}",
        quantities.CURRENCIES[unit.group("currency").lower()],
        "",
        context.sentence[:MAX_EXCERPT],
        context.section,
        context.line,
        year=year,
        flags=(subject.flag,) if subject.flag else (),
        sentence=context.sentence,
    )


def row_subject(label: str, dimension: str, scope: Scope) -> Subject | str:
    names = scope.taxonomy.find(label)
    if names:
        return Subject.of(names[0].member)
    return phrase_subject(f"By {dimension}, {label}", scope, verbless=True)
