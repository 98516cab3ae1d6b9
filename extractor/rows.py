"""An extraction as rows in the layouts of the seeds, and the files of a proposal."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extractor.claims import Claim, Mention
from extractor.extract import Extraction
from extractor.figures import Figure
from extractor.taxonomy import Member, Taxonomy

REPORT_COLUMNS = [
    "report_id", "publisher", "title", "market_name", "edition", "base_year", "source_url", "published_via",
    "published_on", "accessed_on", "currency", "is_primary", "source_document",
]  # fmt: skip
FIGURE_COLUMNS = [
    "figure_id", "report_id", "measure", "region_id", "segment_id", "year", "period_start_year", "period_end_year",
    "period_as_stated", "value", "unit", "qualifier", "excerpt", "section",
]  # fmt: skip
CLAIM_COLUMNS = ["claim_id", "report_id", "claim_type", "region_id", "segment_id", "year", "excerpt", "section"]
MENTION_COLUMNS = ["mention_id", "report_id", "region_id", "segment_id", "excerpt", "section"]
REGION_COLUMNS = ["region_id", "region_name", "parent_region_id", "region_level", "iso_country_code"]
SEGMENT_COLUMNS = ["segment_id", "segment_dimension", "segment_name"]
UNCLASSIFIED_COLUMNS = ["section", "line", "sentence", "reason"]
MEASURE_ID = {"market_size": "size", "cagr": "cagr", "share": "share"}

Row = dict[str, str]


@dataclass(frozen=True)
class Proposal:
    """Rows for each seed file, plus the unclassified sentences."""

    reports: list[Row]
    report_figures: list[Row]
    report_claims: list[Row]
    report_mentions: list[Row]
    regions: list[Row]
    segments: list[Row]
    unclassified: list[Row]


def text(value: int | None) -> str:
    return "" if value is None else str(value)


def subject_slug(member: Member) -> str:
    return member.member_id.split("__", 1)[-1]


def region_and_segment(member: Member) -> tuple[str, str]:
    if member.kind == "region":
        return member.member_id, ""
    return "world", member.member_id


def figure_ids(prefix: str, found: list[Figure]) -> list[str]:
    """`<prefix>_size_2025`, `<prefix>_share_asia_pacific_2025`, `<prefix>_cagr_china`; figures whose
    id would repeat also carry their period (or an index)."""
    bases = []
    for figure in found:
        parts = [prefix, MEASURE_ID[figure.measure]]
        if figure.subject.member_id != "world":
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


def figure_row(figure_id: str, report_id: str, figure: Figure) -> Row:
    return {
        "figure_id": figure_id,
        "report_id": report_id,
        "measure": figure.measure,
        "region_id": figure.region_id,
        "segment_id": figure.segment_id,
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


def claim_row(prefix: str, report_id: str, claim: Claim) -> Row:
    region_id, segment_id = region_and_segment(claim.subject)
    return {
        "claim_id": f"{prefix}_{subject_slug(claim.subject)}_{claim.claim_type}",
        "report_id": report_id,
        "claim_type": claim.claim_type,
        "region_id": region_id,
        "segment_id": segment_id,
        "year": text(claim.year),
        "excerpt": claim.excerpt,
        "section": claim.section,
    }


def mention_row(prefix: str, report_id: str, mention: Mention) -> Row:
    region_id, segment_id = region_and_segment(mention.subject)
    return {
        "mention_id": f"{prefix}_{subject_slug(mention.subject)}",
        "report_id": report_id,
        "region_id": region_id,
        "segment_id": segment_id,
        "excerpt": mention.excerpt,
        "section": mention.section,
    }


def new_members(extraction: Extraction, taxonomy: Taxonomy) -> tuple[list[Row], list[Row]]:
    subjects = [figure.subject for figure in extraction.figures]
    subjects += [claim.subject for claim in extraction.claims] + [mention.subject for mention in extraction.mentions]
    regions: dict[str, Row] = {}
    segments: dict[str, Row] = {}
    for member in subjects:
        if not taxonomy.is_new(member):
            continue
        if member.kind == "region":
            regions[member.member_id] = {
                "region_id": member.member_id,
                "region_name": member.name,
                "parent_region_id": member.parent_or_dimension,
                "region_level": member.level,
                "iso_country_code": member.iso_country_code,
            }
        else:
            segments[member.member_id] = {
                "segment_id": member.member_id,
                "segment_dimension": member.parent_or_dimension,
                "segment_name": member.name,
            }
    return list(regions.values()), list(segments.values())


def proposal(extraction: Extraction, taxonomy: Taxonomy, report: Row, prefix: str) -> Proposal:
    report_id = report["report_id"]
    report_row = {column: report.get(column, "") for column in REPORT_COLUMNS}
    report_row["title"] = report_row["title"] or extraction.title
    report_row["market_name"] = report_row["market_name"] or extraction.market_name
    ids = figure_ids(prefix, extraction.figures)
    regions, segments = new_members(extraction, taxonomy)
    return Proposal(
        reports=[report_row],
        report_figures=[figure_row(i, report_id, f) for i, f in zip(ids, extraction.figures, strict=True)],
        report_claims=[claim_row(prefix, report_id, claim) for claim in extraction.claims],
        report_mentions=[mention_row(prefix, report_id, mention) for mention in extraction.mentions],
        regions=regions,
        segments=segments,
        unclassified=[
            {"section": item.section, "line": str(item.line), "sentence": item.sentence, "reason": item.reason}
            for item in extraction.unclassified
        ],
    )


FILES = {
    "reports.csv": ("reports", REPORT_COLUMNS),
    "report_figures.csv": ("report_figures", FIGURE_COLUMNS),
    "report_claims.csv": ("report_claims", CLAIM_COLUMNS),
    "report_mentions.csv": ("report_mentions", MENTION_COLUMNS),
    "regions.csv": ("regions", REGION_COLUMNS),
    "segments.csv": ("segments", SEGMENT_COLUMNS),
    "unclassified.csv": ("unclassified", UNCLASSIFIED_COLUMNS),
}


def write(result: Proposal, directory: Path) -> list[Path]:
    """One CSV per seed file (headers always, so an empty file still says what it would hold)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (attribute, columns) in FILES.items():
        path = directory / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(getattr(result, attribute))
        written.append(path)
    return written
