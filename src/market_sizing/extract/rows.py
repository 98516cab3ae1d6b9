"""Writing rows: an extraction as rows of the seeds (in the input contract's column order), the
review list of every proposed row or value that needs a person's decision, and the unclassified list.

A review directory holds one CSV per seed file (`reports.csv`, `report_sources.csv`,
`report_figures.csv`, `report_claims.csv`, `report_mentions.csv`, `segments.csv` for proposed new
segments), `review.csv` (file, id, column, reason) and `unclassified.csv` (section, line, sentence,
reason). Flags never enter the seed files: the seeds have no such column.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from market_sizing import contract
from market_sizing.extract.claims import Claim, Mention
from market_sizing.extract.figures import Figure
from market_sizing.extract.pipeline import Extraction
from market_sizing.extract.taxonomy import Member, placement, slug

SEED_TABLES = ("reports", "report_sources", "report_figures", "report_claims", "report_mentions", "segments")
REVIEW_COLUMNS = ("file", "id", "column", "reason")
UNCLASSIFIED_COLUMNS = ("section", "line", "sentence", "reason")
MEASURE_ID = {"market_size": "size", "cagr": "cagr", "share": "share"}
REVIEW_FILE = "review.csv"
UNCLASSIFIED_FILE = "unclassified.csv"

Row = dict[str, str]


@dataclass(frozen=True)
class Proposal:
    """Rows for each seed file, the review list and the unclassified sentences."""

    tables: dict[str, list[Row]]
    review: list[Row]
    unclassified: list[Row]

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    def flags_of(self, file: str, identifier: str) -> list[str]:
        return [item["reason"] for item in self.review if item["file"] == file and item["id"] == identifier]


def text(value: int | None) -> str:
    return "" if value is None else str(value)


def subject_slug(member: Member) -> str:
    return member.member_id.split("__")[-1]


def figure_ids(prefix: str, found: list[Figure], geography: str) -> list[str]:
    """`<prefix>_size_2025`, `<prefix>_share_asia_pacific_2025`, `<prefix>_cagr_china`; figures whose
    id would repeat also carry their period (or an index)."""
    bases = []
    for figure in found:
        parts = [prefix, MEASURE_ID[figure.measure]]
        if figure.subject.member_id != geography:
            parts.append(subject_slug(figure.subject))
        if figure.measure != "cagr" and figure.year is not None:
            parts.append(str(figure.year))
        bases.append("_".join(parts))
    counts = Counter(bases)
    ids = []
    for base, figure in zip(bases, found, strict=True):
        if counts[base] > 1 and figure.measure == "cagr":
            period = (text(figure.period_start_year), text(figure.period_end_year))
            ids.append("_".join(part for part in (base, *period) if part))
        else:
            ids.append(base)
    return unique(ids)


def unique(ids: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    result = []
    for identifier in ids:
        seen[identifier] += 1
        result.append(identifier if seen[identifier] == 1 else f"{identifier}_{seen[identifier]}")
    return result


def figure_row(figure_id: str, report_id: str, geography: str, figure: Figure) -> Row:
    region_id, segment_id = placement(figure.subject, geography)
    return {
        "figure_id": figure_id,
        "report_id": report_id,
        "measure": figure.measure,
        "region_id": region_id,
        "segment_id": segment_id,
        "year": text(figure.year),
        "period_start_year": text(figure.period_start_year),
        "period_end_year": text(figure.period_end_year),
        "period_as_stated": figure.period_as_stated,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "excerpt": figure.excerpt,
        "section": figure.section,
    }


def claim_row(claim_id: str, report_id: str, geography: str, claim: Claim) -> Row:
    region_id, segment_id = placement(claim.subject, geography)
    return {
        "claim_id": claim_id,
        "report_id": report_id,
        "claim_type": claim.claim_type,
        "region_id": region_id,
        "segment_id": segment_id,
        "year": text(claim.year),
        "excerpt": claim.excerpt,
        "section": claim.section,
    }


def mention_row(mention_id: str, report_id: str, geography: str, mention: Mention) -> Row:
    region_id, segment_id = placement(mention.subject, geography)
    return {
        "mention_id": mention_id,
        "report_id": report_id,
        "region_id": region_id,
        "segment_id": segment_id,
        "excerpt": mention.excerpt,
        "section": mention.section,
    }


def new_segments(extraction: Extraction) -> list[Row]:
    subjects = [figure.subject for figure in extraction.figures] + [claim.subject for claim in extraction.claims]
    rows: dict[str, Row] = {}
    for member in subjects:
        if member.kind == "segment" and not member.known:
            rows[member.member_id] = {
                "segment_id": member.member_id,
                "market_id": extraction.scope.market_id,
                "segment_dimension": member.dimension,
                "segment_name": member.name,
            }
    return list(rows.values())


def ordered(table: str, row: Row) -> Row:
    """The row with exactly the contract's columns, in its order."""
    return {column: row.get(column, "") for column in contract.columns(table)}


def report_rows(extraction: Extraction, report: Row) -> tuple[Row, Row, list[Row]]:
    """The report row, its source row and the review items of the report's scope."""
    found = extraction.scope
    proposed = {
        "title": extraction.title,
        "market_id": found.market_id,
        "geography_id": found.geography_id,
        "market_name": found.market_name,
        "currency": found.currency,
        "is_primary": "false",
    }
    row = {column: report.get(column) or proposed.get(column, "") for column in contract.columns("reports")}
    review = [
        {"file": "reports.csv", "id": row["report_id"], "column": column, "reason": reason}
        for column, reason in found.flags.items()
        if not report.get(column)
    ]
    via = report.get("published_via", "")
    source = {
        **{column: report.get(column, "") for column in contract.columns("report_sources")},
        "source_id": report.get("source_id") or f"{row['report_id']}__{slug(via) or 'source'}",
    }
    return row, source, review


def proposal(extraction: Extraction, report: Row, prefix: str) -> Proposal:
    """Rows of every seed file for one report; `report` holds what the text cannot say (publisher,
    address, dates, edition) and any scope the analyst gives (market_id, geography_id, ...)."""
    report_row, source_row, review = report_rows(extraction, report)
    report_id, geography = report_row["report_id"], report_row["geography_id"] or extraction.scope.geography_id
    figure_ids_ = figure_ids(prefix, extraction.figures, geography)
    claim_ids = unique([f"{prefix}_{subject_slug(c.subject)}_{c.claim_type}" for c in extraction.claims])
    mention_ids = unique([f"{prefix}_{subject_slug(m.subject)}" for m in extraction.mentions])
    figures = [figure_row(i, report_id, geography, f) for i, f in zip(figure_ids_, extraction.figures, strict=True)]
    claims = [claim_row(i, report_id, geography, c) for i, c in zip(claim_ids, extraction.claims, strict=True)]
    mentions = [mention_row(i, report_id, geography, m) for i, m in zip(mention_ids, extraction.mentions, strict=True)]
    for identifier, figure in zip(figure_ids_, extraction.figures, strict=True):
        review += [{"file": "report_figures.csv", "id": identifier, "column": "", "reason": f} for f in figure.flags]
    for identifier, claim in zip(claim_ids, extraction.claims, strict=True):
        review += [{"file": "report_claims.csv", "id": identifier, "column": "", "reason": f} for f in claim.flags]
    for identifier, mention in zip(mention_ids, extraction.mentions, strict=True):
        review += [{"file": "report_mentions.csv", "id": identifier, "column": "", "reason": f} for f in mention.flags]
    segments = new_segments(extraction)
    review += [
        {"file": "segments.csv", "id": row["segment_id"], "column": "", "reason": "proposed new segment"}
        for row in segments
    ]
    tables = {
        "reports": [report_row],
        "report_sources": [source_row],
        "report_figures": figures,
        "report_claims": claims,
        "report_mentions": mentions,
        "segments": segments,
    }
    unclassified = [
        {"section": item.section, "line": str(item.line), "sentence": item.sentence, "reason": item.reason}
        for item in extraction.unclassified
    ]
    return Proposal({name: [ordered(name, row) for row in rows] for name, rows in tables.items()}, review, unclassified)


def write_csv(path: Path, columns: tuple[str, ...], rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write(result: Proposal, directory: Path) -> list[Path]:
    """The review directory (headers always, so an empty file still says what it would hold)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in SEED_TABLES:
        path = directory / f"{table}.csv"
        write_csv(path, contract.columns(table), result.rows(table))
        written.append(path)
    for name, columns, rows in (
        (REVIEW_FILE, REVIEW_COLUMNS, result.review),
        (UNCLASSIFIED_FILE, UNCLASSIFIED_COLUMNS, result.unclassified),
    ):
        write_csv(directory / name, columns, rows)
        written.append(directory / name)
    return written
