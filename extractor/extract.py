"""One report's text to figures, claims, mentions and the sentences left unclassified."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractor import claims as claim_rules
from extractor import document, figures, tokens
from extractor.claims import Claim, Mention
from extractor.figures import Context, Figure
from extractor.taxonomy import Taxonomy
from extractor.vocabulary import Vocabulary


@dataclass(frozen=True)
class Unclassified:
    """A sentence holding numbers that became no figure, and why."""

    section: str
    line: int
    sentence: str
    reason: str


@dataclass
class Extraction:
    title: str
    market_name: str
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unclassified: list[Unclassified] = field(default_factory=list)


def extract(text: str, taxonomy: Taxonomy, vocabulary: Vocabulary, *, has_title: bool = True) -> Extraction:
    parsed = document.parse(text, has_title=has_title)
    result = Extraction(parsed.title, market_name(text))
    mentions: list[Mention] = []
    for sentence in parsed.sentences:
        mentions.extend(read_sentence(sentence, taxonomy, vocabulary, result))
    settle_report_period(result)
    result.figures = deduplicated(result)
    result.claims = first_of_each(result.claims)
    result.mentions = plain_mentions(mentions, result)
    return result


def read_sentence(
    sentence: document.Sentence, taxonomy: Taxonomy, vocabulary: Vocabulary, result: Extraction
) -> list[Mention]:
    text = sentence.text
    values = tokens.values(text)
    context = Context(
        text,
        sentence.section,
        sentence.line,
        values,
        tokens.years(text, values),
        tokens.periods(text, values),
        taxonomy.find(text),
        vocabulary.qualifiers,
    )
    reading = figures.read(context)
    result.figures.extend(reading.figures)
    found_claims = claim_rules.claims_of(text, context.names, sentence.section, sentence.line)
    result.claims.extend(found_claims)
    # Values that became no figure are reported with their reason; other left-over digits below.
    used = reading.used + [(value.start, value.end) for value in values]
    used += [claim.year_span for claim in found_claims if claim.year_span]
    left_over = tokens.other_numbers(text, used)
    reasons = list(reading.problems)
    if left_over:
        numbers = ", ".join(text[start:end] for start, end in left_over)
        reasons.append(f"numbers not read as any figure: {numbers}")
    if reasons:
        result.unclassified.append(Unclassified(sentence.section, sentence.line, text, "; ".join(reasons)))
    return [claim_rules.mention_of(text, name, sentence.section, sentence.line) for name in context.names]


def report_period(found: list[Figure]) -> tuple[int, int] | None:
    """The report's forecast period: that of its first whole-market CAGR with both years."""
    for figure in found:
        if (
            figure.measure == "cagr"
            and figure.region_id == "world"
            and not figure.segment_id
            and figure.period_start_year
            and figure.period_end_year
        ):
            return figure.period_start_year, figure.period_end_year
    return None


def settle_report_period(result: Extraction) -> None:
    period = report_period(result.figures)
    settled: list[Figure] = []
    for figure in result.figures:
        if not (figure.needs_report_period or figure.year_is_report_period_end):
            settled.append(figure)
        elif period is None:
            reason = "its period is the report's forecast period, which the text never states"
            result.unclassified.append(Unclassified(figure.section, figure.line, figure.sentence, reason))
        elif figure.needs_report_period:
            settled.append(
                replace(figure, period_start_year=period[0], period_end_year=period[1], needs_report_period=False)
            )
        else:
            settled.append(replace(figure, year=period[1], year_is_report_period_end=False))
    result.figures = settled


def deduplicated(result: Extraction) -> list[Figure]:
    """Repeated statements of a figure become one (the first); a different value for the same figure
    is left for review."""
    kept: dict[tuple[object, ...], Figure] = {}
    for figure in result.figures:
        earlier = kept.get(figure.key)
        if earlier is None:
            kept[figure.key] = figure
        elif earlier.value != figure.value:
            reason = f"states {figure.value} for a figure stated as {earlier.value} before ({earlier.excerpt})"
            result.unclassified.append(Unclassified(figure.section, figure.line, figure.sentence, reason))
    return list(kept.values())


def first_of_each(found: list[Claim]) -> list[Claim]:
    """A claim repeated (a summary restating the lead) is kept once, as first stated."""
    kept: dict[tuple[str, str, str], Claim] = {}
    for claim in found:
        kept.setdefault(claim.key, claim)
    return list(kept.values())


def plain_mentions(mentions: list[Mention], result: Extraction) -> list[Mention]:
    """Names with no figure and no claim, once each."""
    covered = {figure.subject for figure in result.figures} | {claim.subject for claim in result.claims}
    kept: dict[object, Mention] = {}
    for mention in mentions:
        if mention.subject not in covered and mention.subject not in kept:
            kept[mention.subject] = mention
    return list(kept.values())


def market_name(text: str) -> str:
    """The market as the text first names it ("the global healthcare CDMO market")."""
    match = re.search(r"\b[Tt]he\s+((?:global\s+|Global\s+)?(?:[\w-]+\s+){1,8}?[Mm]arket)\b", text)
    return match.group(1) if match else ""
