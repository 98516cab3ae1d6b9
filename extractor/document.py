"""Plain text to sections and sentences.

A heading is a short line standing alone (blank line or text edge before and after), starting with a
capital letter, without sentence-ending punctuation or a stated amount or percentage, and, if it
holds a digit, title-cased ("Influence of COVID-19 and Pandemic Preparedness", but not
"Pharmaceutical segment led in 2024"). The document's first heading is its title; text before the
next heading belongs to the section "Introduction".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor import tokens

INTRODUCTION = "Introduction"
MAX_HEADING_WORDS = 12
TITLE_WORD_LENGTH = 4  # shorter words ("of", "and", "the") may stay lower-case in a title
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = ("U.S.", "U.K.", "e.g.", "i.e.", "etc.", "Inc.", "Ltd.", "Co.", "vs.", "approx.", "No.", "St.")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9$])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the text, with the section it stands in."""

    text: str
    section: str
    line: int


@dataclass(frozen=True)
class Document:
    title: str
    sentences: tuple[Sentence, ...]


def is_title_cased(line: str) -> bool:
    return all(word[0].isupper() or not word[0].isalpha() for word in line.split() if len(word) >= TITLE_WORD_LENGTH)


def is_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and stripped[0].isupper()
        and (is_title_cased(stripped) or not any(character.isdigit() for character in stripped))
        and not tokens.values(stripped)
        and stripped[-1] not in ".!?;:,"
        and "http" not in stripped
        and len(stripped.split()) <= MAX_HEADING_WORDS
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


def parse(text: str, *, has_title: bool = True) -> Document:
    """Sentences of `text`, each with the heading of its section.

    With `has_title`, a heading on the first line is the document's title, not a section.
    """
    lines = text.splitlines()
    title = ""
    section = INTRODUCTION
    sentences: list[Sentence] = []
    for index, line in enumerate(lines):
        if is_heading(line) and stands_alone(lines, index):
            if has_title and not any(earlier.strip() for earlier in lines[:index]):
                title = line.strip()
            else:
                section = line.strip()
            continue
        for sentence in split_sentences(line):
            sentences.append(Sentence(sentence, section, index + 1))
    return Document(title, tuple(sentences))


MARKDOWN_REPORT = re.compile(r"^## (R\d+)\.", re.MULTILINE)
QUOTE = re.compile(r"\"([^\"]+)\"")
LABEL = re.compile(r"^\s*[-*]\s+([A-Z][^\":]{0,60}):\s*\"")


def markdown_reports(text: str) -> dict[str, str]:
    """Split a notes file into its `## R<n>.` reports; only the quoted passages are report text.

    Each quotation becomes a paragraph of its own; a label before a bullet's first quotation
    ("- Summary box: ...") becomes a heading, so that its quotations keep their section.
    """
    reports: dict[str, str] = {}
    matches = list(MARKDOWN_REPORT.finditer(text))
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        body = text[match.end() : end].split("\n## ", 1)[0]
        reports[match.group(1)] = quoted_text(body)
    return reports


def quoted_text(body: str) -> str:
    paragraphs: list[str] = []
    for line in body.splitlines():
        quotes = QUOTE.findall(line)
        if not quotes:
            continue
        label = LABEL.match(line)
        if label:
            paragraphs.append(label.group(1).strip())
        paragraphs.extend(quote.strip() for quote in quotes)
    return "\n\n".join(paragraphs) + "\n"
