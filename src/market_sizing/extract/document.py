"""Plain text to sections, sentences and table rows.

A heading is a short line standing alone (blank line or text edge before and after), starting with a
capital letter, without sentence-ending punctuation or a stated amount or percentage, and, if it
holds a digit, title-cased ("Influence of COVID-19 and Pandemic Preparedness", but not
"Pharmaceutical segment led in 2024"). The document's first heading is its title; text before the
next heading belongs to the section "Introduction".

A table row is a line of cells split by `|` or tabs ("Market Size (2024) | USD 4.1 Billion"), or a
short "Label: value" line; its first cell labels the rest (`Sentence.label_end`). Every row carries the
line above the table (`caption`); rows below a table's first row carry its cells (`header`) too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from market_sizing.extract import quantities

INTRODUCTION = "Introduction"
MAX_HEADING_WORDS = 12
MAX_TITLE_WORDS = 60
MAX_LABEL_WORDS = 8
MAX_LABEL_LINE = 120
TITLE_WORD_LENGTH = 4  # shorter words ("of", "and", "the") may stay lower-case in a title
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = (
    "U.S.", "U.K.", "e.g.", "i.e.", "etc.", "Inc.", "Ltd.", "Co.", "vs.", "approx.", "No.", "St.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9$€£])")
CELL_BORDER = re.compile(r"\s*\|\s*|\t+")
SEPARATOR_ROW = re.compile(r"^[\s|:+-]*$")
LIST_MARKER = re.compile(r"^\s*(?:[-*•·▪►]|\d{1,2}[.)])\s+")
LABEL_LINE = re.compile(r"^(?P<label>[A-Z][^:.!?]{1,80}?):\s+(?P<value>\S.*)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or table row) of the text, with the section it stands in."""

    text: str
    section: str
    line: int
    label_end: int | None = None  # a table row: where its label cell ends
    header: tuple[str, ...] = ()  # a table row below a first row: that row's cells
    caption: str = ""  # the line above the table
    heading: bool = False  # a section heading, read for claims only


@dataclass(frozen=True)
class Document:
    title: str
    sentences: tuple[Sentence, ...]


def is_title_cased(line: str) -> bool:
    return all(word[0].isupper() or not word[0].isalpha() for word in line.split() if len(word) >= TITLE_WORD_LENGTH)


def is_heading(line: str, max_words: int = MAX_HEADING_WORDS) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and stripped[0].isupper()
        and (is_title_cased(stripped) or not any(character.isdigit() for character in stripped))
        and not quantities.values(stripped)
        and stripped[-1] not in ".!?;:,"
        and "http" not in stripped
        and "|" not in stripped
        and len(stripped.split()) <= max_words
    )


def stands_alone(lines: list[str], index: int) -> bool:
    before = index == 0 or not lines[index - 1].strip()
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    return before and after


def split_sentences(paragraph: str) -> list[str]:
    """Split at . ! ? followed by a capital, except after a known abbreviation."""
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : match.start()]
        if candidate.endswith(ABBREVIATIONS):
            continue
        sentences.append(candidate)
        start = match.end()
    sentences.append(paragraph[start:])
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def table_row(line: str, section: str, number: int) -> Sentence | None:
    """A line of cells as one row: "label | value | ..." (outer borders dropped), or "Label: value"."""
    stripped = line.strip()
    if "|" in stripped or "\t" in stripped:
        if SEPARATOR_ROW.match(stripped):
            return None
        cells = [cell for cell in CELL_BORDER.split(stripped.strip("|")) if cell.strip()]
        if not cells:  # a label with an empty value cell ("CAGR (2024-2029) |") still labels its row
            return None
        text = " | ".join(cell.strip() for cell in cells)
        return Sentence(text, section, number, len(cells[0].strip()))
    label = LABEL_LINE.match(stripped)
    if label and len(stripped) <= MAX_LABEL_LINE and len(label.group("label").split()) <= MAX_LABEL_WORDS:
        return Sentence(stripped, section, number, label.end("label"))
    return None


def line_above(lines: list[str], index: int) -> str:
    """The nearest non-blank line above `index` (a table's caption or heading)."""
    return next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")


def parse(text: str, *, has_title: bool = True) -> Document:
    """Sentences of `text`, each with the heading of its section.

    With `has_title`, a heading on the first line is the document's title, not a section.
    """
    lines = text.splitlines()
    title = ""
    section = INTRODUCTION
    sentences: list[Sentence] = []
    seen_text = False
    table: Sentence | None = None  # the first row of the table being read
    for index, line in enumerate(lines):
        first = has_title and not title and not seen_text
        seen_text = seen_text or bool(line.strip())
        if is_heading(line, MAX_TITLE_WORDS if first else MAX_HEADING_WORDS) and (first or stands_alone(lines, index)):
            if first:
                title = line.strip()
            else:
                section = line.strip()
                # A heading may state a claim ("Pea is expected to be the fastest-growing source segment").
                sentences.append(Sentence(section, section, index + 1, heading=True))
            continue
        line = LIST_MARKER.sub("", line)
        row = table_row(line, section, index + 1)
        if row is not None:
            if table is not None and sentences and sentences[-1].label_end is not None and sentences[-1].line == index:
                row = replace(row, header=tuple(table.text.split(" | ")), caption=table.caption)
            else:
                row = table = replace(row, caption=line_above(lines, index))
            sentences.append(row)
            continue
        table = None
        sentences.extend(Sentence(sentence, section, index + 1) for sentence in split_sentences(line))
    return Document(title, tuple(sentences))
