"""Write a synthetic corpus of market-research reports in the layout of the seeds.

Deterministic from `--seed`: the same reports, seed and taxonomy give byte-identical files. Every
report is valid input (it passes every validation of the project); the corpus only makes it large.
Each report takes one of the shapes real reports have, in rotation:

    start + end + CAGR        consistent, sometimes labelled from the year after the base year
    start + CAGR only         extrapolated forward
    end + CAGR only           backcast
    three or more values      interpolated between them, checked against the CAGR
    disagreeing CAGR          stated CAGR off the one its values imply (a warning, not an error)

with money in USD billion or USD million (thousands separators in the excerpt), qualifiers
(`around`, and bounds such as `over` that never derive anything), partial regional and segment
shares, country values, claims and bare mentions. The region and segment taxonomies are the
shipped seeds'.

    python benchmarks/generate_corpus.py --reports 10000 --out target/corpus_10000
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "seeds"

REPORT_COLUMNS = [
    "report_id",
    "publisher",
    "title",
    "market_name",
    "edition",
    "base_year",
    "source_url",
    "published_via",
    "published_on",
    "accessed_on",
    "currency",
    "is_primary",
    "source_document",
]
FIGURE_COLUMNS = [
    "figure_id",
    "report_id",
    "measure",
    "region_id",
    "segment_id",
    "year",
    "period_start_year",
    "period_end_year",
    "period_as_stated",
    "value",
    "unit",
    "qualifier",
    "excerpt",
    "section",
]
CLAIM_COLUMNS = ["claim_id", "report_id", "claim_type", "region_id", "segment_id", "year", "excerpt", "section"]
MENTION_COLUMNS = ["mention_id", "report_id", "region_id", "segment_id", "excerpt", "section"]

SHAPES = ("start_end", "start_only", "end_only", "many_values", "disagreeing")
REGIONS = ("asia_pacific", "north_america", "europe")
COUNTRIES = ("china", "india", "japan", "south_korea", "united_states", "canada", "germany")
SEGMENT_DIMENSIONS = {
    "product": ("product__small_molecule_drugs", "product__biologics", "product__medical_devices"),
    "service": (
        "service__api_manufacturing",
        "service__finished_dosage_formulation",
        "service__packaging",
        "service__fill_finish",
        "service__analytical_testing",
    ),
    "end_user": (
        "end_user__large_pharmaceutical_companies",
        "end_user__specialty_drug_developers",
        "end_user__biotechnology_firms",
        "end_user__medical_device_manufacturers",
    ),
}
PUBLISHERS = tuple(f"Synthetic Research {letter}{number}" for letter in "ABCDEFGH" for number in range(1, 6))
MARKET_WORDS = (
    ("Contract", "Cold-Chain", "Specialty", "Industrial", "Clinical", "Digital", "Precision", "Modular"),
    ("Manufacturing", "Logistics", "Packaging", "Testing", "Software", "Sensors", "Services", "Materials"),
)


@dataclass
class Report:
    """The rows of one synthetic report, in the six files' column orders."""

    report: list[str]
    figures: list[list[str]] = field(default_factory=list)
    claims: list[list[str]] = field(default_factory=list)
    mentions: list[list[str]] = field(default_factory=list)


def money(rng: random.Random, value_bn: float) -> tuple[str, str, str]:
    """A stated market size: (value as written, unit, how the excerpt shows it)."""
    if rng.random() < 0.3:
        millions = f"{value_bn * 1000:.1f}"
        whole, fraction = millions.split(".")
        return millions, "USD million", f"USD {int(whole):,}.{fraction} million"
    stated = f"{value_bn:.{rng.choice((1, 2))}f}"
    return stated, rng.choice(("USD billion", "USD Billion", "US$ Billion")), f"USD {stated} billion"


def implied_cagr_pct(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def size_figure(
    report_id: str, year: int, value_bn: float, rng: random.Random, region_id: str = "world"
) -> tuple[list[str], float]:
    """A market-size row and the value it states in USD billion (as the warehouse will normalise it)."""
    value, unit, shown = money(rng, value_bn)
    qualifier = "around" if rng.random() < 0.15 else ""
    words = f"{qualifier} {shown}".strip()
    scope = "" if region_id == "world" else f"_{region_id}"
    row = [
        f"{report_id}_size{scope}_{year}",
        report_id,
        "market_size",
        region_id,
        "",
        str(year),
        "",
        "",
        "",
        value,
        unit,
        qualifier,
        f"valued at {words} in {year}",
        "Market Overview",
    ]
    return row, float(value) / (1000 if unit == "USD million" else 1)


def cagr_figure(report_id: str, cagr_pct: float, decimals: int, start: int | None, end: int) -> list[str]:
    stated = f"{cagr_pct:.{decimals}f}"
    period = f"{start}-{end}" if start is not None else f"to {end}"
    return [
        f"{report_id}_cagr",
        report_id,
        "cagr",
        "",
        "",
        "",
        "" if start is None else str(start),
        str(end),
        period,
        stated,
        "percent",
        "",
        f"a CAGR of {stated}% ({period})",
        "Market Overview",
    ]


def world_sizes(
    rng: random.Random, shape: str, base: int, span: int
) -> tuple[dict[int, float], int | None, int, float]:
    """Stated world sizes by year (USD billion), and the CAGR's period and rate."""
    start_bn = rng.uniform(5, 800)
    growth = rng.uniform(2, 18)
    end = base + span
    label_start: int | None = base + 1 if rng.random() < 0.3 else base
    if shape in ("start_end", "disagreeing"):
        years = [base, end]
    elif shape == "start_only":
        years = [base]
        label_start = base if rng.random() < 0.8 else None
    elif shape == "end_only":
        years = [end]
    else:
        years = sorted({base, end, *rng.sample(range(base + 1, end), k=min(span - 1, rng.choice((1, 2, 3))))})
    sizes = {year: round(start_bn * (1 + growth / 100) ** (year - base), 2) for year in years}
    return sizes, label_start, end, growth


def generate_report(index: int, rng: random.Random) -> Report:
    report_id = f"syn_{index:06d}"
    shape = SHAPES[index % len(SHAPES)]
    base = rng.randint(2018, 2026)
    span = rng.randint(4, 11)
    market = f"Global {rng.choice(MARKET_WORDS[0])} {rng.choice(MARKET_WORDS[1])} Market {index % 997}"
    report = Report(
        [
            report_id,
            rng.choice(PUBLISHERS),
            f"{market} Report",
            market,
            str(base + 1),
            "",
            f"https://example.org/reports/{report_id}",
            "publisher page",
            "",
            "2026-11-25",
            "USD",
            "true" if index == 0 else "false",
            "",
        ]
    )

    sizes, label_start, end, growth = world_sizes(rng, shape, base, span)
    stated_bn: dict[int, float] = {}
    for year, value_bn in sizes.items():
        row, stated_bn[year] = size_figure(report_id, year, value_bn, rng)
        report.figures.append(row)
    decimals = rng.choice((1, 2))
    start_year = label_start if label_start in stated_bn else (label_start or base) - 1
    if start_year in stated_bn and end in stated_bn:
        cagr = round(implied_cagr_pct(stated_bn[start_year], stated_bn[end], end - start_year), decimals)
    else:
        cagr = round(growth, decimals)
    if shape == "disagreeing":
        cagr += rng.choice((-1, 1)) * rng.uniform(0.3, 1.5)
    report.figures.append(cagr_figure(report_id, cagr, decimals, label_start, end))

    share_year = min(stated_bn)
    report.figures.extend(region_shares(report_id, share_year, rng))
    report.figures.extend(segment_shares(report_id, share_year, rng))
    report.figures.extend(country_values(report_id, share_year, stated_bn[share_year], rng))
    report.claims.extend(claims(report_id, share_year, rng))
    report.mentions.extend(mentions(report_id, report.figures, report.claims, rng))
    return report


def share_row(report_id: str, region_id: str, segment_id: str, year: int, share: str, qualifier: str) -> list[str]:
    subject = segment_id or region_id
    words = f"{qualifier} {share}".strip()
    return [
        f"{report_id}_share_{subject}_{year}",
        report_id,
        "share",
        region_id,
        segment_id,
        str(year),
        "",
        "",
        "",
        share,
        "percent",
        qualifier,
        f"held {words}% of revenue",
        "Market Share",
    ]


def partial_shares(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """`count` stated shares of one whole that leave part of it unallocated, one maybe a bound."""
    shares = [round(rng.uniform(8, 90 / count), 1) for _ in range(count)]
    qualifiers = ["over" if rng.random() < 0.1 else "" for _ in shares]
    return [(f"{share:.1f}", qualifier) for share, qualifier in zip(shares, qualifiers, strict=True)]


def region_shares(report_id: str, year: int, rng: random.Random) -> Iterator[list[str]]:
    regions = rng.sample(REGIONS, k=rng.randint(0, 2))
    for region_id, (share, qualifier) in zip(regions, partial_shares(rng, max(len(regions), 1)), strict=False):
        yield share_row(report_id, region_id, "", year, share, qualifier)


def segment_shares(report_id: str, year: int, rng: random.Random) -> Iterator[list[str]]:
    dimension = rng.choice(tuple(SEGMENT_DIMENSIONS))
    segments = rng.sample(SEGMENT_DIMENSIONS[dimension], k=rng.randint(0, 2))
    for segment_id, (share, qualifier) in zip(segments, partial_shares(rng, max(len(segments), 1)), strict=False):
        yield share_row(report_id, "world", segment_id, year, share, qualifier)


def country_values(report_id: str, year: int, world_bn: float, rng: random.Random) -> Iterator[list[str]]:
    """Absolute values of one or two countries, together at most 40% of the world market."""
    for country in rng.sample(COUNTRIES, k=rng.choice((0, 0, 1, 2))):
        row, _ = size_figure(report_id, year, world_bn * rng.uniform(0.02, 0.2), rng, region_id=country)
        yield row


def claims(report_id: str, year: int, rng: random.Random) -> Iterator[list[str]]:
    region_id = rng.choice(REGIONS)
    yield [
        f"{report_id}_{region_id}_leads",
        report_id,
        "leads_revenue",
        region_id,
        "",
        str(year),
        f"{region_id.replace('_', ' ').title()} dominated the market",
        "Regional Analysis",
    ]
    if rng.random() < 0.5:
        segment_id = rng.choice(SEGMENT_DIMENSIONS["product"])
        yield [
            f"{report_id}_{segment_id}_fastest",
            report_id,
            "fastest_growing",
            "world",
            segment_id,
            "",
            "the fastest-growing segment",
            "Segment Analysis",
        ]


def mentions(
    report_id: str, figures: list[list[str]], claim_rows: list[list[str]], rng: random.Random
) -> Iterator[list[str]]:
    """Regions and segments named in passing, none of which the report already names."""
    named = {(row[3] or "world", row[4]) for row in figures} | {(row[3] or "world", row[4]) for row in claim_rows}
    candidates = [(country, "") for country in COUNTRIES] + [
        ("world", segment) for segment in SEGMENT_DIMENSIONS["service"]
    ]
    for region_id, segment_id in rng.sample(candidates, k=3):
        if (region_id, segment_id) in named:
            continue
        subject = segment_id or region_id
        yield [
            f"{report_id}_mention_{subject}",
            report_id,
            region_id,
            segment_id,
            f"including {subject.split('__')[-1].replace('_', ' ')}",
            "Market Segmentation",
        ]


def write_corpus(reports: int, seed: int, out: Path) -> dict[str, int]:
    """Write the six files into `out`; return the data rows written per file."""
    out.mkdir(parents=True, exist_ok=True)
    for taxonomy in ("regions", "segments"):
        shutil.copyfile(SEEDS / f"{taxonomy}.csv", out / f"{taxonomy}.csv")
    rng = random.Random(seed)
    files = {
        "reports": REPORT_COLUMNS,
        "report_figures": FIGURE_COLUMNS,
        "report_claims": CLAIM_COLUMNS,
        "report_mentions": MENTION_COLUMNS,
    }
    handles = {name: (out / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in files}
    counts = dict.fromkeys(files, 0)
    try:
        writers = {name: csv.writer(handle, lineterminator="\n") for name, handle in handles.items()}
        for name, columns in files.items():
            writers[name].writerow(columns)
        for index in range(reports):
            report = generate_report(index, rng)
            for name, rows in (
                ("reports", [report.report]),
                ("report_figures", report.figures),
                ("report_claims", report.claims),
                ("report_mentions", report.mentions),
            ):
                writers[name].writerows(rows)
                counts[name] += len(rows)
    finally:
        for handle in handles.values():
            handle.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, required=True, help="number of reports")
    parser.add_argument("--seed", type=int, default=20261125, help="random seed (same seed, same files)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the six CSV files into")
    arguments = parser.parse_args()
    counts = write_corpus(arguments.reports, arguments.seed, arguments.out)
    print(", ".join(f"{name}: {count}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
