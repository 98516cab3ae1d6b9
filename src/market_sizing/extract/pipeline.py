"""One report's text to its scope, figures, claims, mentions and the sentences left unclassified.

A CAGR without years beside it takes, for words naming the forecast period ("over the forecast
period"; also sizes "by the end of the forecast period"), in order: a period the text states as the
forecast period ("forecast period 2025-2033", a "Forecast Period | 2025-2033" row, a title "...
Forecast, 2025-2032") — certain; the span of the sentence's own dated sizes — flagged as inferred;
the period of the report's first whole-market CAGR — flagged as carried from another sentence. A bare
CAGR ("..., a CAGR of 5.2%.") takes its sentence's own dated sizes first (flagged), then the stated
forecast period (flagged as assumed), then the carried one (flagged). Without any, the figure is
listed as unclassified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from market_sizing.extract import claims as claim_rules
from market_sizing.extract import columns, dating, document, figures, quantities, scope, taxonomy
from market_sizing.extract.claims import Claim, Mention
from market_sizing.extract.context import Context
from market_sizing.extract.figures import PERIOD_INFERRED, Figure
from market_sizing.extract.subjects import Scope, carried_regions
from market_sizing.extract.vocabulary import Vocabulary

PERIOD_ASSUMED = "no period stated beside the CAGR: the report's stated forecast period assumed"
PERIOD_CARRIED = "period carried from another sentence (the report's first whole-market CAGR)"
CAGR_LABEL = re.compile(r"\bCAGR\b", re.IGNORECASE)
START_CARRIED = "period start carried from the period the text states elsewhere (only its end is stated here)"
FORECAST_WORDS = re.compile(r"\b(?:forecasts?|projections?|outlook)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Unclassified:
    """A sentence holding numbers that became no row, and why."""

    section: str
    line: int
    sentence: str
    reason: str


@dataclass
class Extraction:
    title: str
    scope: scope.ReportScope
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unclassified: list[Unclassified] = field(default_factory=list)


def extract(
    text: str,
    seeds_dir: Path,
    vocabulary: Vocabulary,
    *,
    has_title: bool = True,
    market_id: str = "",
    geography_id: str = "",
) -> Extraction:
    parsed = document.parse(text, has_title=has_title)
    regions_only = taxonomy.load(seeds_dir, market_id).for_document(text)
    proposed = scope.propose(parsed, regions_only, market_id=market_id, geography_id=geography_id)
    names = (
        regions_only
        if proposed.market_id == market_id
        else taxonomy.load(seeds_dir, proposed.market_id).for_document(text)
    )
    geography = names.regions.get(proposed.geography_id)
    member = taxonomy.region_member(geography) if geography else taxonomy.Member("region", proposed.geography_id)
    rules = Scope(member, scope.market_words(parsed, proposed, names), names)
    result = Extraction(parsed.title, proposed)
    mentions: list[Mention] = []
    for sentence in parsed.sentences:
        context = sentence_context(sentence, names, vocabulary)
        if sentence.heading:
            result.claims.extend(claim_rules.claims_of(context, rules))
            continue
        mentions.extend(read_sentence(context, rules, vocabulary, result))
        regions = carried_regions(context.names)
        if regions:
            rules = replace(rules, previous_regions=regions)
    settle_report_period(result, *stated_period(parsed))
    result.figures = deduplicated(result)
    result.claims = claim_rules.checked(claim_rules.first_of_each(result.claims, vocabulary.compared_as), member)
    result.mentions = plain_mentions(mentions, result)
    if proposed.market_id and "market_id" in proposed.flags:
        flag_segments(result, f"a segment of market {proposed.market_id}, itself to review")
    if not scope.words(proposed.market_name, names):
        flag_whole_market(
            result, "the text names no product or service as its market: what this figure measures is unsure"
        )
    if "geography_id" in proposed.flags:
        flag_whole_market(result, f"the report's geography is unsure ({proposed.flags['geography_id']})")
    result.figures = same_amount_elsewhere(result.figures)
    result.figures = restated_sizes(result.figures)
    result.figures = undated_share_after_dated(result.figures, parsed)
    result.figures = qualified_only_in_prose(result.figures, parsed)
    result.figures = one_rate_two_periods(result.figures)
    result.figures, result.claims = undated_in_dated_list(result.figures, result.claims, text.splitlines())
    result.claims = undated_beside_undated(result)
    result.claims = undated_in_snapshot(result, parsed)
    return result


def flag_whole_market(result: Extraction, reason: str) -> None:
    geography = result.scope.geography_id
    result.figures = [
        figure.flagged(reason) if figure.subject.member_id == geography else figure for figure in result.figures
    ]


def same_amount_elsewhere(found: list[Figure]) -> list[Figure]:
    """An amount stated for one subject and, in the same year, for another ("on course for $1.1
    trillion by 2022" in a headline, "push 3PL revenues to over US$1.1 Trillion by 2022" read as a
    segment's): which subject it belongs to is unsure, so each is flagged."""
    result = []
    for figure in found:
        others = [
            other
            for other in found
            if other.measure == figure.measure == "market_size"
            and other.subject != figure.subject
            and (other.year, float(other.value), other.currency) == (figure.year, float(figure.value), figure.currency)
        ]
        if others:
            names = ", ".join(sorted({other.subject.name or other.subject.member_id for other in others}))
            figure = figure.flagged(f"the same amount is stated for {names} in the same year")
        result.append(figure)
    return result


def undated_in_snapshot(result: Extraction, parsed: document.Document) -> list[Claim]:
    """An undated claim in a table row of a snapshot page (one with a "Study Period" or "Base Year" row):
    the page dates its tiles elsewhere ("Largest Share by Region | Europe", then "value share, Europe,
    2023"), so which year the claim is for is unsure and it is flagged."""
    rows = {(sentence.section, sentence.line) for sentence in parsed.sentences if sentence.label_end is not None}
    snapshot = any(SNAPSHOT_ROW.match(sentence.text) for sentence in parsed.sentences if sentence.label_end is not None)
    if not snapshot:
        return result.claims
    return [
        claim.flagged("an undated claim of a snapshot table: the page dates its figures elsewhere")
        if claim.year is None and (claim.section, claim.line) in rows
        else claim
        for claim in result.claims
    ]


SNAPSHOT_ROW = re.compile(r"^\s*(?:study\s+period|base\s+year)\b", re.IGNORECASE)


def undated_share_after_dated(found: list[Figure], parsed: document.Document) -> list[Figure]:
    """A share with no year, after an earlier sentence of its own paragraph or bullet that dates
    something ("... tightened their grip on the global art market in 2016 ... Even after a steep drop,
    the United States stayed the largest market, with an estimated market share of 40%"): the share
    may be for that year, so it is flagged rather than recorded as undated."""
    result = []
    for figure in found:
        if figure.measure == "share" and figure.year is None:
            earlier = []
            for sentence in parsed.sentences:
                if (sentence.section, sentence.line) != (figure.section, figure.line):
                    continue
                if figure.excerpt in sentence.text:
                    break
                earlier += [year.year for year in dating.years(sentence.text, quantities.values(sentence.text))]
            if earlier:
                figure = figure.flagged(f"no year in its sentence, but the one before it dates {earlier[-1]}")
        result.append(figure)
    return result


BULLET = re.compile(r"^\s*(?:[•*▪◦·–-]|\d{1,2}[.)])\s")
LEAD_IN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def dated_lead_in(lines: list[str], line: int) -> str:
    """The year stated by the lead-in line of the bulleted list that holds `line` (1-based), or ""."""
    if not 0 < line <= len(lines) or not BULLET.match(lines[line - 1]):
        return ""
    number = line - 1
    while number > 0 and (BULLET.match(lines[number]) or not lines[number].strip()):
        number -= 1
    year = LEAD_IN_YEAR.search(lines[number]) if number < line - 1 else None
    return year.group() if year else ""


def undated_in_dated_list(
    found: list[Figure], claims: list[Claim], lines: list[str]
) -> tuple[list[Figure], list[Claim]]:
    """A share or a claim with no year, in a bulleted list whose lead-in line states a year ("Yoga
    Market 2024 Overview", then "• Asia Pacific - ranks as the biggest regional yoga market, taking
    37.2% of revenue"): it may be for that year, so it is flagged rather than recorded as undated."""
    reason = "no year in its sentence, but the list's lead-in dates {}"
    figures = [
        figure.flagged(reason.format(year))
        if figure.measure == "share" and figure.year is None and (year := dated_lead_in(lines, figure.line))
        else figure
        for figure in found
    ]
    checked = [
        claim.flagged(reason.format(year))
        if claim.year is None and (year := dated_lead_in(lines, claim.line))
        else claim
        for claim in claims
    ]
    return figures, checked


def qualified_only_in_prose(found: list[Figure], parsed: document.Document) -> list[Figure]:
    """A figure read with a qualifier ("around USD 1,949 million") whose number a table row of the text
    prints without it ("USD 1,949 Million | ..."): which of the two the report means is unsure."""
    rows = [sentence.text for sentence in parsed.sentences if sentence.label_end is not None or "|" in sentence.text]
    result = []
    for figure in found:
        if figure.qualifier and not figure.flags:
            number = re.compile(rf"(?<![\d.]){re.escape(figure.value)}(?![\d])")
            row = next((row for row in rows if number.search(row.replace(",", ""))), None)
            if row is not None and figure.qualifier.lower() not in row.lower():
                figure = figure.flagged(f"a table row states {figure.value} without '{figure.qualifier}'")
        result.append(figure)
    return result


def one_rate_two_periods(found: list[Figure]) -> list[Figure]:
    """One rate of one subject read for two periods ("a 7.79% CAGR from 2023 to 2028" in a headline, "up
    from USD 23.23 billion in 2022, with a CAGR of 7.79%" in the text): at most one period is right."""
    periods: dict[tuple[object, ...], set[tuple[int | None, int | None]]] = {}
    for figure in found:
        if figure.measure == "cagr":
            key = (figure.subject, figure.value)
            periods.setdefault(key, set()).add((figure.period_start_year, figure.period_end_year))
    read_for = {key: len(found_periods) for key, found_periods in periods.items()}
    return [
        figure.flagged(f"the same rate is read for {read_for[(figure.subject, figure.value)]} periods")
        if figure.measure == "cagr" and read_for[(figure.subject, figure.value)] > 1
        else figure
        for figure in found
    ]


def restated_sizes(found: list[Figure]) -> list[Figure]:
    """Two sizes of one year that differ: "more than $23 billion by 2022", later "$23.4 billion in
    2022", under different subjects (two values of one subject and year are one figure to
    `deduplicated`). Within 5% of each other, the one with a bound or fewer decimals restates the
    other and is flagged."""
    result = []
    for figure in found:
        for other in found:
            if not (
                other.measure == figure.measure == "market_size"
                and other.year is not None
                and (other.year, other.currency, other.unit) == (figure.year, figure.currency, figure.unit)
                and float(other.value) != float(figure.value)
            ):
                continue
            close = abs(float(other.value) - float(figure.value)) <= ROUNDING * max(float(other.value), 1e-9)
            if close and precision_of(figure) < precision_of(other):
                figure = figure.flagged(f"the same year's size is stated more precisely elsewhere ({other.value})")
        result.append(figure)
    return result


ROUNDING = 0.05  # a restated size rounds the exact one by at most 5%


def precision_of(figure: Figure) -> tuple[int, int]:
    """(no bound qualifier, decimals): how exactly a figure is stated."""
    decimals = len(figure.value.split(".", 1)[1]) if "." in figure.value else 0
    return (0 if figure.qualifier else 1, decimals)


def undated_beside_undated(result: Extraction) -> list[Claim]:
    """An undated claim in a sentence whose amounts have no year either ("Asia Pacific holds the
    largest share, with an expected value of 111.7 billion euros"): its year is probably another
    sentence's, so it is flagged."""
    undated = {
        (item.section, item.line, item.sentence) for item in result.unclassified if "without a year" in item.reason
    }
    lines = {(section, line) for section, line, _ in undated}
    return [
        claim.flagged("no year stated, and the amounts beside it have none either: dated elsewhere?")
        if claim.year is None and (claim.section, claim.line) in lines
        else claim
        for claim in result.claims
    ]


def sentence_context(sentence: document.Sentence, names: taxonomy.Taxonomy, vocabulary: Vocabulary) -> Context:
    text = sentence.text
    values = quantities.values(text)
    return Context(
        text,
        sentence.section,
        sentence.line,
        values,
        dating.years(text, values),
        dating.periods(text, values),
        names.find(text),
        vocabulary.qualifiers,
        sentence.label_end,
        sentence.header,
        sentence.caption,
    )


def read_sentence(context: Context, rules: Scope, vocabulary: Vocabulary, result: Extraction) -> list[Mention]:
    reading = figures.read(context, rules, vocabulary.units)
    columns.read(context, rules, vocabulary.units, reading)
    result.figures.extend(reading.figures)
    found_claims = claim_rules.claims_of(context, rules)
    result.claims.extend(found_claims)
    # Values that became no figure are reported with their reason; other left-over digits below.
    used = reading.used + [(value.start, value.end) for value in context.values]
    used += [claim.year_span for claim in found_claims if claim.year_span]
    label = context.sentence[: context.label_end] if context.label_end is not None else ""
    used += [
        (period.start, period.end)
        for period in context.periods
        if is_forecast_period(period) or (FORECAST_WORDS.search(label) and period.first_year is not None)
    ]
    left_over = quantities.other_numbers(context.sentence, used)
    reasons = list(reading.problems)
    if left_over:
        numbers = ", ".join(context.sentence[start:end] for start, end in left_over)
        reasons.append(f"numbers not read as any figure: {numbers}")
    worded = [match.group() for match in quantities.WORDED_AMOUNT.finditer(context.sentence)]
    if worded:
        reasons.append(f"amounts written in words, not read: {', '.join(worded)}")
    if reasons:
        item = Unclassified(context.section, context.line, context.sentence, "; ".join(reasons))
        result.unclassified.append(item)
    named = claim_rules.mention_names(context.sentence, context.names, rules.taxonomy.regions_in(context.sentence))
    return [claim_rules.mention_of(context.sentence, name, context.section, context.line) for name in named]


def is_forecast_period(period: dating.Period) -> bool:
    return period.first_year is not None and bool(FORECAST_WORDS.search(period.text))


def stated_periods(parsed: document.Document) -> list[tuple[int, int]]:
    """The forecast periods the text states as such (see the module's rules), first stated first,
    each once."""
    found: list[tuple[int, int]] = []
    if FORECAST_WORDS.search(parsed.title):
        found += [
            (period.first_year, period.last_year)
            for period in dating.periods(parsed.title, [])
            if period.first_year is not None and period.last_year is not None
        ][:1]
    for sentence in parsed.sentences:
        label = sentence.text[: sentence.label_end] if sentence.label_end is not None else ""
        for period in dating.periods(sentence.text, quantities.values(sentence.text)):
            if period.first_year is None or period.last_year is None:
                continue
            if is_forecast_period(period) or FORECAST_WORDS.search(label) or CAGR_LABEL.search(label):
                found.append((period.first_year, period.last_year))
    return list(dict.fromkeys(found))


def stated_period(parsed: document.Document) -> tuple[tuple[int, int] | None, str]:
    """The first stated forecast period, and a flag when the text states another that disagrees
    ("Forecast Period | 2026-2030" beside "CAGR (2025-2030)"): which one a CAGR "over the forecast
    period" spans is then unsure."""
    periods = stated_periods(parsed)
    if not periods:
        return None, ""
    if len(periods) > 1:
        listed = ", ".join(f"{start}-{end}" for start, end in periods)
        return periods[0], f"the text states more than one forecast period ({listed}): the first assumed"
    return periods[0], ""


def first_whole_market_period(result: Extraction) -> tuple[int, int] | None:
    for figure in result.figures:
        if (
            figure.measure == "cagr"
            and figure.subject.member_id == result.scope.geography_id
            and figure.period_start_year
            and figure.period_end_year
            and PERIOD_INFERRED not in figure.flags
        ):
            return figure.period_start_year, figure.period_end_year
    return None


def settle_report_period(result: Extraction, stated: tuple[int, int] | None, conflict: str = "") -> None:
    carried = first_whole_market_period(result)
    settled: list[Figure] = []
    for figure in result.figures:
        if (
            figure.measure == "cagr"
            and figure.subject.member_id == result.scope.geography_id
            and figure.period_start_year is None
            and stated
            and stated[1] == figure.period_end_year
        ):
            settled.append(replace(figure, period_start_year=stated[0]).flagged(START_CARRIED))
            continue
        if not (figure.needs_report_period or figure.year_is_report_period_end):
            settled.append(figure)
            continue
        period, flag = report_period_of(figure, stated, carried)
        if period == stated and not flag:
            flag = conflict
        if period == stated and figure.implied_confirmed and figure.implied_period != stated and not flag:
            start, end = figure.implied_period or stated
            flag = f"the sentence's sizes compound at this rate over {start}-{end}, not the forecast period stated"
        if period is None:
            reason = "its period is the report's forecast period, which the text never states"
            result.unclassified.append(Unclassified(figure.section, figure.line, figure.sentence, reason))
        elif figure.needs_report_period:
            dated = replace(figure, period_start_year=period[0], period_end_year=period[1], needs_report_period=False)
            settled.append(dated.flagged(flag))
        else:
            settled.append(replace(figure, year=period[1], year_is_report_period_end=False).flagged(flag))
    result.figures = settled


def report_period_of(
    figure: Figure, stated: tuple[int, int] | None, carried: tuple[int, int] | None
) -> tuple[tuple[int, int] | None, str]:
    """The period of a figure left to the document, and its flag (blank: certain). Words naming the
    forecast period ("over the forecast period") take the stated forecast period; a bare CAGR takes its
    sentence's own dated sizes first."""
    candidates = [
        (figure.implied_period, "" if figure.implied_confirmed else PERIOD_INFERRED),
        (stated, "" if figure.period_as_stated else PERIOD_ASSUMED),
        (carried, PERIOD_CARRIED),
    ]
    if figure.period_as_stated or figure.year_is_report_period_end:
        candidates.insert(0, candidates.pop(1))
    return next(((period, flag) for period, flag in candidates if period is not None), (None, ""))


def flag_segments(result: Extraction, reason: str) -> None:
    """Rows about a known segment of a market that is itself only proposed carry its doubt."""
    result.figures = [
        figure.flagged(reason) if figure.subject.kind == "segment" and figure.subject.known else figure
        for figure in result.figures
    ]
    result.claims = [
        claim.flagged(reason) if claim.subject.kind == "segment" and claim.subject.known else claim
        for claim in result.claims
    ]
    result.mentions = [
        mention.flagged(reason) if mention.subject.kind == "segment" else mention for mention in result.mentions
    ]


def deduplicated(result: Extraction) -> list[Figure]:
    """Repeated statements of a figure become one (the first); a different value for the same figure
    is left for review."""
    kept: dict[tuple[object, ...], Figure] = {}
    for figure in result.figures:
        fuller = next((other for other in result.figures if completes(other, figure)), None)
        if fuller is not None:  # "a CAGR of 8.05% through 2028" beside "CAGR (2023-2028) | 8.05%"
            continue
        earlier = kept.get(figure.key)
        if earlier is None:
            kept[figure.key] = figure
        elif earlier.value == figure.value and earlier.qualifier != figure.qualifier:
            # "worth $500 billion by 2025" in a headline, "cross over $500 billion" in the text.
            words = " and ".join(repr(word or "no qualifier") for word in (earlier.qualifier, figure.qualifier))
            kept[figure.key] = earlier.flagged(f"stated twice with different qualifiers ({words})")
        elif earlier.value != figure.value:
            # Two values for one figure: the more exactly stated one is proposed, flagged; the other is
            # listed ("more than $23 billion by 2022", then "$23.4 billion in 2022").
            exact, other = (figure, earlier) if precision_of(figure) > precision_of(earlier) else (earlier, figure)
            reason = f"states {other.value} for a figure also stated as {exact.value} ({exact.excerpt})"
            result.unclassified.append(Unclassified(other.section, other.line, other.sentence, reason))
            kept[figure.key] = exact.flagged(f"another value, {other.value}, is stated for the same figure")
    return list(kept.values())


def completes(other: Figure, figure: Figure) -> bool:
    """`other` states the same CAGR as `figure` with the start year `figure` lacks."""
    return (
        figure.measure == other.measure == "cagr"
        and figure.period_start_year is None
        and other.period_start_year is not None
        and (other.subject, other.value, other.period_end_year)
        == (figure.subject, figure.value, figure.period_end_year)
    )


def plain_mentions(mentions: list[Mention], result: Extraction) -> list[Mention]:
    """Names with no figure and no claim, once each."""
    covered = {figure.subject for figure in result.figures} | {claim.subject for claim in result.claims}
    kept: dict[object, Mention] = {}
    for mention in mentions:
        if mention.subject not in covered and mention.subject not in kept:
            kept[mention.subject] = mention
    return list(kept.values())
