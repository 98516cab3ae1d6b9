"""Write a synthetic corpus of market-research reports in the layout of the input files.

The corpus has every input file of the input contract (`dbt_project.yml`, var `input_contract`,
read through `market_sizing.contract`), with the contract's columns in the contract's order:

    markets          a generated taxonomy of a few hundred markets, some under a parent market
    segments         each market's own segment taxonomy, one to three dimensions
    regions          the shipped hierarchy (world > region > country), copied from the seeds
    reports          one publisher's edition of one market study at one geography
    report_sources   one row per address a report was read at (publisher page, newswire, ...)
    report_figures   market sizes, CAGRs and shares
    report_claims    who leads, who grows fastest, key markets
    report_mentions  regions and segments named in passing

Reports come in series: one publisher, one market, one geography (the world, a region or a
country of regions.csv), one to four editions with increasing edition years, each edition a report
with its own figures. Markets are taken in turn, so every market gets a series before any gets a
second; a market's first series is global, its second regional, its third national, later ones
anywhere (mostly in the market's home regions and countries, so that publishers meet there).
Each report takes one of the shapes real reports have, in rotation:

    start + end + CAGR        consistent, sometimes labelled from the year after the base year
    start + CAGR only         extrapolated forward
    end + CAGR only           backcast
    three or more values      interpolated between them, checked against the CAGR
    disagreeing CAGR          stated CAGR off the one its values imply (a warning, not an error)

with money in USD billion or USD million (thousands separators in the excerpt), qualifiers
(`around`, and bounds such as `over` that never derive anything), CAGRs with the period as the
source words it or with none (the period then inferred from the sizes around it), partial shares of
the regions or countries inside the report's geography and of the segments of its market (or of an
ancestor market), values of countries, the occasional share stated with no year, claims (publishers
disagree on who leads), bare mentions, and sources: one address per report, or two or three for a
syndicated report (publisher page, newswire copy, blog or reseller).

Every generated corpus is valid input: it passes every validation of the project. Deterministic
from `--seed`: the same number of reports and seed give byte-identical files. Rows are streamed to
the files as they are made; memory does not grow with the number of reports.

The input contract and the shipped regions are read from the dbt project in the working directory
(or at or above it; `--project-dir` names another):

    python -m market_sizing.benchmark.generate_corpus --reports 10000 --out target/corpus_10000
    market-sizing-corpus --reports 10000 --out target/corpus_10000   # the same, as the package's command
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self, TextIO

from market_sizing import contract

SHAPES = ("start_end", "start_only", "end_only", "many_values", "disagreeing")
# A market per this many reports, up to MAX_MARKETS: every market gets reports at several scopes.
REPORTS_PER_MARKET = 7
MAX_MARKETS = 320
# Market sizes are drawn for this year and grown or discounted at the market's growth rate.
REFERENCE_YEAR = 2022
ACCESSED_ON = "2026-11-25"
# Stated shares of one whole add up to at most this, before the rounding of the stated values.
SHARE_BUDGET_PCT = 85.0

DOMAINS = (
    "Healthcare",
    "Pharmaceutical",
    "Food",
    "Beverage",
    "Automotive",
    "Semiconductor",
    "Aerospace",
    "Energy",
    "Agricultural",
    "Retail",
    "Telecom",
    "Chemical",
    "Construction",
    "Cosmetics",
    "Textile",
    "Marine",
    "Mining",
    "Water",
    "Railway",
    "Defense",
)
ACTIVITIES = (
    "contract manufacturing",
    "packaging",
    "cold chain logistics",
    "testing services",
    "software",
    "sensors",
    "robotics",
    "cloud services",
    "coatings",
    "adhesives",
    "analytics",
    "cybersecurity",
    "3D printing",
    "filtration",
    "recycling",
)
SPECIALTIES = ("Outsourced", "Specialty", "Small-batch", "Sustainable", "Smart", "Modular", "Premium", "Portable")
DIMENSIONS = {
    "product": ("Hardware", "Software", "Consumables", "Systems", "Accessories", "Instruments"),
    "service": ("Installation", "Maintenance", "Consulting", "Training", "Managed services", "Repair"),
    "end_user": ("Large enterprises", "Small and medium enterprises", "Government", "Research institutes", "OEMs"),
    "application": ("Industrial", "Commercial", "Residential", "Clinical", "Laboratory", "Field use"),
    "technology": ("Conventional", "Automated", "AI-enabled", "Wireless", "Hybrid"),
    "deployment": ("On-premise", "Cloud", "Hybrid deployment"),
    "material": ("Plastics", "Glass", "Metals", "Paper and board", "Composites"),
    "channel": ("Direct sales", "Distributors", "Online"),
}
PUBLISHER_FIRST = (
    "Northbridge",
    "Meridian",
    "Keystone",
    "Bluefield",
    "Silverline",
    "Crestview",
    "Harborpoint",
    "Summit",
    "Redwood",
    "Lakeshore",
    "Ironwood",
    "Clearwater",
    "Brightpath",
    "Stonegate",
    "Oakmont",
    "Westbrook",
)
PUBLISHER_SECOND = (
    "Research",
    "Insights",
    "Analytics",
    "Intelligence",
    "Market Research",
    "Consulting",
    "Data",
    "Reports",
)
NEWSWIRES = ("GlobeNewswire", "PR Newswire", "EIN Presswire", "Business Wire")
RESELLERS = ("MarketResearch.com", "ResearchAndMarkets", "GII")


def snake(text: str) -> str:
    """Lower snake_case ASCII id of a name ("Small-batch 3D printing" -> small_batch_3d_printing)."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def slug(text: str) -> str:
    return snake(text).replace("_", "-")


def publisher_name(index: int) -> str:
    """The index-th publisher; any index names one, distinct indexes distinct publishers."""
    pairs = len(PUBLISHER_FIRST) * len(PUBLISHER_SECOND)
    first = PUBLISHER_FIRST[index % len(PUBLISHER_FIRST)]
    second = PUBLISHER_SECOND[(index // len(PUBLISHER_FIRST)) % len(PUBLISHER_SECOND)]
    group = index // pairs
    return f"{first} {second}" + (f" Group {group + 1}" if group else "")


# ----------------------------------------------------------------------------------------------
# Geography: the shipped region hierarchy.


@dataclass(frozen=True)
class Region:
    region_id: str
    name: str
    parent_id: str
    level: str


@dataclass(frozen=True)
class Geography:
    """The region hierarchy of regions.csv: world > region > country."""

    regions: dict[str, Region]
    children: dict[str, tuple[str, ...]]
    world_id: str
    world_regions: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> Geography:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        regions = {
            row["region_id"]: Region(row["region_id"], row["region_name"], row["parent_region_id"], row["region_level"])
            for row in rows
        }
        children: dict[str, list[str]] = {region_id: [] for region_id in regions}
        for region in regions.values():
            if region.parent_id:
                children[region.parent_id].append(region.region_id)
        (world_id,) = (region.region_id for region in regions.values() if region.level == "world")
        return cls(
            regions=regions,
            children={region_id: tuple(ids) for region_id, ids in children.items()},
            world_id=world_id,
            world_regions=tuple(children[world_id]),
        )

    def name(self, region_id: str) -> str:
        return self.regions[region_id].name

    def level(self, region_id: str) -> str:
        return self.regions[region_id].level

    def countries(self, region_id: str) -> tuple[str, ...]:
        """The countries inside a geography (all of them for the world)."""
        if self.level(region_id) == "country":
            return ()
        if region_id == self.world_id:
            return tuple(country for region in self.world_regions for country in self.children[region])
        return self.children[region_id]


# ----------------------------------------------------------------------------------------------
# Markets: a generated taxonomy, each market with its own segments and a "true" size by geography.


@dataclass(frozen=True)
class Segment:
    segment_id: str
    dimension: str
    name: str


@dataclass(frozen=True)
class Market:
    market_id: str
    name: str
    parent: Market | None
    definition: str
    segments: tuple[Segment, ...]
    size_bn: float  # the world market in REFERENCE_YEAR
    growth_pct: float
    region_weights: dict[str, float]  # region -> fraction of the world market
    country_weights: dict[str, float]  # country -> fraction of its region's market
    home_regions: tuple[str, ...]
    publisher_offset: int

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    def available_segments(self) -> dict[str, list[Segment]]:
        """Segments a report of this market may use (its own and its ancestors'), by dimension."""
        by_dimension: dict[str, list[Segment]] = {}
        market: Market | None = self
        while market is not None:
            for segment in market.segments:
                by_dimension.setdefault(segment.dimension, []).append(segment)
            market = market.parent
        return by_dimension

    def fraction(self, geography: Geography, region_id: str) -> float:
        """The part of the world market that lies in a geography."""
        level = geography.level(region_id)
        if level == "world":
            return 1.0
        if level == "region":
            return self.region_weights[region_id]
        parent = geography.regions[region_id].parent_id
        return self.region_weights[parent] * self.country_weights[region_id]

    def size_at(self, year: int) -> float:
        return self.size_bn * (1 + self.growth_pct / 100) ** (year - REFERENCE_YEAR)


def generate_markets(count: int, geography: Geography, rng: random.Random) -> list[Market]:
    """`count` markets with unique ids: top-level markets (domain x activity), some with children."""
    top_level = [(domain, activity) for domain in DOMAINS for activity in ACTIVITIES]
    rng.shuffle(top_level)
    markets: list[Market] = []
    ids: set[str] = set()
    while len(markets) < count:
        parents = [market for market in markets if market.depth < 2]
        if parents and (not top_level or rng.random() < 0.3):
            parent: Market | None = rng.choice(parents)
            assert parent is not None
            name = f"{rng.choice(SPECIALTIES)} {parent.name[0].lower()}{parent.name[1:]}"
            definition = f"The part of the {parent.name.lower()} market serving {name.split()[0].lower()} needs."
        elif top_level:
            parent = None
            domain, activity = top_level.pop()
            name = f"{domain} {activity}"
            definition = (
                f"{activity[0].upper()}{activity[1:]} products and services bought by the {domain.lower()} industry."
            )
        else:  # every pair used and no parent left to refine: number the next one
            parent = None
            name = f"{rng.choice(DOMAINS)} {rng.choice(ACTIVITIES)} {len(markets) + 1}"
            definition = f"A market of {name.lower()}, defined for the synthetic corpus."
        market_id = snake(name)
        if market_id in ids:
            continue
        ids.add(market_id)
        markets.append(make_market(len(markets), market_id, name, parent, definition, geography, rng))
    return markets


def make_market(
    index: int,
    market_id: str,
    name: str,
    parent: Market | None,
    definition: str,
    geography: Geography,
    rng: random.Random,
) -> Market:
    key = "".join(word[0] for word in market_id.split("_")) + str(index)
    segments = []
    for dimension in rng.sample(sorted(DIMENSIONS), k=rng.randint(1, 3)):
        for segment_name in rng.sample(DIMENSIONS[dimension], k=rng.randint(2, min(5, len(DIMENSIONS[dimension])))):
            segments.append(Segment(f"{key}__{dimension}__{snake(segment_name)}", dimension, segment_name))
    raw_regions = {region: rng.expovariate(1) + 0.05 for region in geography.world_regions}
    total = sum(raw_regions.values())
    region_weights = {region: weight / total for region, weight in raw_regions.items()}
    country_weights: dict[str, float] = {}
    for region in geography.world_regions:
        countries = geography.children[region]
        raw = {country: rng.expovariate(1) + 0.05 for country in countries}
        covered = rng.uniform(0.6, 0.95)  # the rest of the region is in countries not listed
        country_weights.update({country: covered * weight / sum(raw.values()) for country, weight in raw.items()})
    if parent is None:
        size_bn = math.exp(rng.uniform(math.log(2), math.log(900)))
        growth = rng.uniform(2, 16)
    else:
        size_bn = parent.size_bn * rng.uniform(0.1, 0.6)
        growth = max(0.5, parent.growth_pct + rng.uniform(-2, 4))
    ranked = sorted(region_weights, key=lambda region: -region_weights[region])
    return Market(
        market_id=market_id,
        name=name,
        parent=parent,
        definition=definition,
        segments=tuple(segments),
        size_bn=size_bn,
        growth_pct=growth,
        region_weights=region_weights,
        country_weights=country_weights,
        home_regions=tuple(ranked[:2]),
        # Publishers cover many markets: each market's series take publishers from its own offset on.
        publisher_offset=rng.randrange(len(PUBLISHER_FIRST) * len(PUBLISHER_SECOND)),
    )


# ----------------------------------------------------------------------------------------------
# Writing: one open CSV writer per input file, rows checked against the contract as they go.


class CorpusWriter:
    """Streams rows to the input files of `out`, each with the contract's header and columns."""

    def __init__(self, out: Path, names: Sequence[str], tables: dict[str, contract.Table]) -> None:
        self._columns = {name: tables[name].columns for name in names}
        self._known = {name: frozenset(columns) for name, columns in self._columns.items()}
        self._required = {name: tables[name].required for name in names}
        self._handles: dict[str, TextIO] = {}
        self._writerows: dict[str, Callable[[Sequence[str]], object]] = {}
        self.counts = dict.fromkeys(names, 0)
        for name in names:
            handle = (out / tables[name].file_name).open("w", encoding="utf-8", newline="")
            self._handles[name] = handle
            self._writerows[name] = csv.writer(handle, lineterminator="\n").writerow
            self._writerows[name](self._columns[name])

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        for handle in self._handles.values():
            handle.close()

    def row(self, name: str, **values: str) -> None:
        unknown = values.keys() - self._known[name]
        if unknown:
            raise ValueError(f"{name}: no column(s) {sorted(unknown)} in the input contract")
        missing = [column for column in self._required[name] if not values.get(column)]
        if missing:
            raise ValueError(f"{name}: required column(s) {missing} left blank in {values}")
        self._writerows[name]([values.get(column, "") for column in self._columns[name]])
        self.counts[name] += 1


# ----------------------------------------------------------------------------------------------
# Stated numbers.


def money(rng: random.Random, value_bn: float) -> tuple[str, str, str, float]:
    """A stated market size: (value as written, unit, how the excerpt shows it, value in USD billion)."""
    if value_bn < 1 or rng.random() < 0.25:
        millions = max(value_bn * 1000, 0.1)
        stated = f"{millions:.1f}"
        unit, shown = rng.choice(
            (("USD million", "USD {} million"), ("USD Million", "USD {} Million"), ("US$ Mn", "US$ {} Mn"))
        )
        return stated, unit, shown.format(f"{float(stated):,.1f}"), float(stated) / 1000
    decimals = rng.choice((1, 2))
    stated = f"{value_bn:.{decimals}f}"
    unit, shown = rng.choice(
        (
            ("USD billion", "USD {} billion"),
            ("USD Billion", "USD {} Billion"),
            ("US$ Billion", "US$ {} Billion"),
            ("USD Bn", "USD {} Bn"),
        )
    )
    return stated, unit, shown.format(f"{float(stated):,.{decimals}f}"), float(stated)


def implied_cagr_pct(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def partial_shares(rng: random.Random, weights: Sequence[float]) -> list[float]:
    """Shares (percent, one decimal) proportional-ish to `weights`, together at most SHARE_BUDGET_PCT."""
    shares = [max(weight * 100 * rng.uniform(0.85, 1.1), 1.0) for weight in weights]
    total = sum(shares)
    scale = min(1.0, SHARE_BUDGET_PCT / total) if total else 1.0
    return [max(math.floor(share * scale * 10) / 10, 0.5) for share in shares]


def scope_sizes(
    rng: random.Random, shape: str, base: int, span: int, start_bn: float, growth: float
) -> tuple[dict[int, float], int | None, int]:
    """Sizes to state by year (USD billion), the CAGR's labelled start year (None: "to <end>") and end year."""
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
    sizes = {year: start_bn * (1 + growth / 100) ** (year - base) for year in years}
    return sizes, label_start, end


# ----------------------------------------------------------------------------------------------
# One report.


@dataclass(frozen=True)
class Series:
    """One publisher's editions of one market study at one geography."""

    market: Market
    available: dict[str, list[Segment]]  # the segments its reports may use, by dimension
    share_dimensions: tuple[str, ...]  # the dimensions whose shares its reports state by year
    geography_id: str
    publisher: str
    bias: float  # the publisher's estimate relative to the market's "true" size
    growth_pct: float
    leader_faithful: bool  # names the true leader, or disagrees with the other publishers


class ReportBuilder:
    """Writes the rows of one report (sources, figures, claims, mentions) and remembers what it named."""

    def __init__(
        self, writer: CorpusWriter, geography: Geography, rng: random.Random, report_id: str, series: Series
    ) -> None:
        self.writer = writer
        self.geography = geography
        self.rng = rng
        self.report_id = report_id
        self.series = series
        self.geography_id = series.geography_id
        # The report's own geography written out, or left blank (blank means the report's geography).
        self.own_region = "" if rng.random() < 0.25 else series.geography_id
        self.named: set[tuple[str, str]] = set()
        self.counter = 0

    def next_id(self, kind: str) -> str:
        self.counter += 1
        return f"{self.report_id}_{kind}{self.counter}"

    def name_subject(self, region_id: str, segment_id: str) -> None:
        self.named.add((region_id or self.geography_id, segment_id))

    def figure(self, measure: str, **values: str) -> None:
        self.name_subject(values.get("region_id", ""), values.get("segment_id", ""))
        self.writer.row(
            "report_figures", figure_id=self.next_id("f"), report_id=self.report_id, measure=measure, **values
        )

    def size(self, year: int, value_bn: float, region_id: str, section: str) -> float:
        """A market-size row; returns the value it states in USD billion (as the warehouse normalises it)."""
        value, unit, shown, stated_bn = money(self.rng, value_bn)
        qualifier = self.rng.choices(("", "around", "approximately", "nearly"), weights=(85, 8, 4, 3))[0]
        words = f"{qualifier} {shown}".strip()
        where = "" if region_id in ("", self.geography_id) else f"in {self.geography.name(region_id)} "
        template = self.rng.choice(("valued at {} {}in {}", "reach {} {}by {}", "estimated at {} {}in {}"))
        self.figure(
            "market_size",
            region_id=region_id,
            year=str(year),
            value=value,
            unit=unit,
            qualifier=qualifier,
            excerpt=template.format(words, where, year),
            section=section,
        )
        return stated_bn

    def cagr(
        self,
        value: str,
        start: int | None,
        end: int,
        *,
        region_id: str,
        segment_id: str = "",
        qualifier: str = "",
        inferred: bool = False,
        section: str = "Market Overview",
    ) -> None:
        """A CAGR row; `inferred`: the source states no period (its years come from the sizes around it)."""
        percent = self.rng.choice(("%", " percent"))
        number = f"{qualifier} {value}".strip()
        if inferred:
            assert start is not None
            period = ""
            excerpt = f"grow at a CAGR of {number}{percent}"
        elif start is None:
            period = self.rng.choice((f"to {end}", f"through {end}"))
            excerpt = f"a CAGR of {number}{percent} {period}"
        else:
            period = self.rng.choice(
                (f"{start}-{end}", f"from {start} to {end}", f"during the forecast period ({start}-{end})")
            )
            excerpt = (
                f"a CAGR of {number}{percent} ({period})"
                if period[0].isdigit()
                else f"a CAGR of {number}{percent} {period}"
            )
        self.figure(
            "cagr",
            region_id=region_id,
            segment_id=segment_id,
            period_start_year="" if start is None else str(start),
            period_end_year=str(end),
            period_as_stated=period,
            value=value,
            unit=self.rng.choice(("percent", "%")),
            qualifier=qualifier,
            excerpt=excerpt,
            section=section,
        )

    def share(
        self, region_id: str, segment_id: str, year: int | None, share: float, subject: str, section: str
    ) -> None:
        stated = f"{share:.1f}"
        qualifier = self.rng.choices(("", "over", "more than", "around"), weights=(86, 6, 4, 4))[0]
        words = f"{qualifier} {stated}".strip()
        when = f" in {year}" if year is not None else ""
        self.figure(
            "share",
            region_id=region_id,
            segment_id=segment_id,
            year="" if year is None else str(year),
            value=stated,
            unit=self.rng.choice(("percent", "%")),
            qualifier=qualifier,
            excerpt=f"{subject} held {words}% of revenue{when}",
            section=section,
        )

    def claim(
        self, claim_type: str, region_id: str, segment_id: str, year: int | None, excerpt: str, section: str
    ) -> None:
        self.name_subject(region_id, segment_id)
        self.writer.row(
            "report_claims",
            claim_id=self.next_id("c"),
            report_id=self.report_id,
            claim_type=claim_type,
            region_id=region_id,
            segment_id=segment_id,
            year="" if year is None else str(year),
            excerpt=excerpt,
            section=section,
        )

    def mention(self, region_id: str, segment_id: str, words: str) -> None:
        if (region_id or self.geography_id, segment_id) in self.named:
            return
        self.name_subject(region_id, segment_id)
        self.writer.row(
            "report_mentions",
            mention_id=self.next_id("m"),
            report_id=self.report_id,
            region_id=region_id,
            segment_id=segment_id,
            excerpt=f"including {words}",
            section="Market Segmentation",
        )


def market_words(geography: Geography, market: Market, geography_id: str, rng: random.Random) -> str:
    """The market's name as the publisher words it."""
    name = market.name[0].upper() + market.name[1:]
    place = geography.name(geography_id)
    if geography_id == geography.world_id:
        market_name = rng.choice((f"Global {name} Market", f"global {name.lower()} market", f"{name} Market"))
    else:
        market_name = rng.choice((f"{place} {name} Market", f"{name.lower()} market in {place}"))
    return market_name


def write_report(
    writer: CorpusWriter,
    geography: Geography,
    rng: random.Random,
    index: int,
    series: Series,
    edition: int,
) -> None:
    report_id = f"syn_{index:07d}"
    market = series.market
    geography_id = series.geography_id
    shape = SHAPES[index % len(SHAPES)]
    base = edition - 1 if rng.random() < 0.8 else edition
    span = rng.randint(4, 11)
    market_name = market_words(geography, market, geography_id, rng)
    available = series.available
    dimensions = sorted(available)
    title = rng.choice(
        (
            f"{market_name} Report",
            f"{market_name} Size & Share Analysis - Growth Trends & Forecasts ({base + 1} - {base + span})",
            f"{market_name} by {dimensions[0].replace('_', ' ').title()}, and Region - Forecast to {base + span}",
        )
    )
    writer.row(
        "reports",
        report_id=report_id,
        publisher=series.publisher,
        title=title,
        market_id=market.market_id,
        geography_id=geography_id,
        market_name=market_name,
        edition=str(edition),
        base_year=str(base) if rng.random() < 0.3 else "",
        currency="USD",
        is_primary="true" if index == 0 else "false",
    )
    write_sources(writer, rng, report_id, series, edition, market_name)

    report = ReportBuilder(writer, geography, rng, report_id, series)
    drift = rng.lognormvariate(0, 0.05)
    start_bn = market.size_at(base) * market.fraction(geography, geography_id) * series.bias * drift
    sizes, label_start, end = scope_sizes(rng, shape, base, span, start_bn, series.growth_pct)
    stated_bn = {year: report.size(year, value, report.own_region, "Market Overview") for year, value in sizes.items()}

    # The whole scope's CAGR: consistent with the stated values where it can be checked, off it in
    # the disagreeing shape; with the period as worded, or (when it starts) with none: inferred.
    decimals = rng.choice((1, 2))
    start_year = label_start if label_start in stated_bn else (label_start or base) - 1
    if start_year in stated_bn and end in stated_bn:
        cagr = round(implied_cagr_pct(stated_bn[start_year], stated_bn[end], end - start_year), decimals)
    else:
        cagr = round(series.growth_pct, decimals)
    if shape == "disagreeing":
        cagr += rng.choice((-1, 1)) * rng.uniform(0.3, 1.5)
    inferred = label_start is not None and rng.random() < 0.3
    report.cagr(f"{cagr:.{decimals}f}", label_start, end, region_id=report.own_region, inferred=inferred)

    share_year = min(stated_bn)
    regional_figures(report, market, share_year, stated_bn[share_year], span)
    segment_figures(report, available, share_year, end)
    claims(report, market, available, share_year)
    mentions(report, available)


def write_sources(
    writer: CorpusWriter, rng: random.Random, report_id: str, series: Series, edition: int, market_name: str
) -> None:
    """One address, or two or three for a syndicated report (the publisher's page, a newswire copy, ...)."""
    publisher_domain = slug(series.publisher)
    page_slug = f"{slug(market_name)}-{report_id.replace('_', '-')}"
    day = f"{edition}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    newswire = rng.choice(NEWSWIRES)
    candidates = {
        "publisher": (f"https://www.{publisher_domain}.example/industry-reports/{page_slug}", "publisher page", ""),
        "newswire": (
            f"https://www.{slug(newswire)}.example/news-release/{day.replace('-', '/')}/{page_slug}.html",
            f"newswire ({newswire})",
            day,
        ),
        "blog": (f"https://market-notes.example/{edition}/{page_slug}.html", "blog summary", ""),
        "reseller": (f"https://www.{slug(rng.choice(RESELLERS))}.example/report/{page_slug}", "reseller", ""),
    }
    count = rng.choices((1, 2, 3), weights=(72, 20, 8))[0]
    if count == 1:
        kinds = [rng.choices(("publisher", "newswire", "blog"), weights=(75, 15, 10))[0]]
    else:
        kinds = ["publisher", "newswire", rng.choice(("blog", "reseller"))][:count]
    for kind in kinds:
        url, via, published_on = candidates[kind]
        writer.row(
            "report_sources",
            source_id=f"{report_id}__{kind}",
            report_id=report_id,
            source_url=url,
            published_via=via,
            published_on=published_on,
            accessed_on=ACCESSED_ON,
            source_document="",
        )


def regional_figures(report: ReportBuilder, market: Market, year: int, whole_bn: float, span: int) -> None:
    """Shares of the regions inside the report's geography, values of its countries, a regional CAGR."""
    geography, rng = report.geography, report.rng
    level = geography.level(report.geography_id)
    if level == "country":
        return
    if level == "world":
        # Shares of some world regions; values of one or two countries (a whole of their own: level country).
        regions = rng.sample(geography.world_regions, k=rng.choice((0, 1, 2, 3)))
        weights = [market.region_weights[region] for region in regions]
        for region, share in zip(regions, partial_shares(rng, weights), strict=True):
            report.share(region, "", year, share, geography.name(region), "Regional Analysis")
        countries = rng.sample(geography.countries(report.geography_id), k=rng.choice((0, 0, 1, 2)))
        value_countries = countries
        share_countries: list[str] = []
    else:
        # A region: its countries, some stated as values, some as shares, of one whole.
        countries = rng.sample(geography.countries(report.geography_id), k=rng.choice((0, 1, 2, 3)))
        split = rng.randint(0, len(countries))
        value_countries, share_countries = countries[:split], countries[split:]
    fractions = partial_shares(
        rng,
        [
            market.fraction(geography, country) / market.fraction(geography, report.geography_id)
            for country in countries
        ],
    )
    fraction_of = dict(zip(countries, fractions, strict=True))
    for country in value_countries:
        # At most the budget together, after the stated value's rounding: 0.98 leaves the margin.
        report.size(year, whole_bn * fraction_of[country] / 100 * 0.98, country, "Country Analysis")
    for country in share_countries:
        report.share(country, "", year, fraction_of[country], geography.name(country), "Country Analysis")
    if countries and rng.random() < 0.3:
        country = countries[0]
        growth = market.growth_pct + rng.uniform(-2, 3)
        report.cagr(f"{max(growth, 0.5):.1f}", year, year + span, region_id=country, section="Country Analysis")


def segment_figures(report: ReportBuilder, available: dict[str, list[Segment]], year: int, end: int) -> None:
    """Partial shares of one or two dimensions, a segment's CAGR, now and then an undated share."""
    rng = report.rng
    share_dimensions = report.series.share_dimensions
    dimensions = rng.sample(share_dimensions, k=min(len(share_dimensions), rng.choice((0, 1, 1, 2))))
    used: set[str] = set()
    for dimension in dimensions:
        segments = rng.sample(available[dimension], k=rng.randint(1, min(3, len(available[dimension]))))
        weights = [rng.uniform(0.1, 0.6) for _ in segments]
        for segment, share in zip(segments, partial_shares(rng, weights), strict=True):
            used.add(segment.segment_id)
            report.share(report.own_region, segment.segment_id, year, share, segment.name, "Segment Analysis")
    spare = [segment for segments in available.values() for segment in segments if segment.segment_id not in used]
    if spare and rng.random() < 0.3:
        segment = rng.choice(spare)
        used.add(segment.segment_id)
        qualifier = "over" if rng.random() < 0.15 else ""
        report.cagr(
            f"{rng.uniform(3, 25):.1f}",
            None,
            end,
            region_id=report.own_region,
            segment_id=segment.segment_id,
            qualifier=qualifier,
            section="Segment Analysis",
        )
        spare.remove(segment)
    if spare and rng.random() < 0.08:
        segment = rng.choice(spare)
        report.share(report.own_region, segment.segment_id, None, rng.uniform(5, 40), segment.name, "Segment Analysis")


def claims(report: ReportBuilder, market: Market, available: dict[str, list[Segment]], year: int) -> None:
    """Who leads the geography (publishers disagree now and then), key markets, the fastest-growing segment."""
    geography, rng, series = report.geography, report.rng, report.series
    level = geography.level(report.geography_id)
    if level == "world":
        inside = list(geography.world_regions)
        weights = [market.region_weights[region] for region in inside]
    elif level == "region":
        inside = list(geography.countries(report.geography_id))
        weights = [market.country_weights[country] for country in inside]
    else:
        inside, weights = [], []
    if inside:
        leader = inside[weights.index(max(weights))]
        if not series.leader_faithful:
            leader = rng.choice([region for region in inside if region != leader] or [leader])
        report.claim(
            "leads_revenue",
            leader,
            "",
            year,
            rng.choice(("{} dominated the market", "{} accounted for the largest revenue share")).format(
                geography.name(leader)
            ),
            "Regional Analysis",
        )
        countries = geography.countries(report.geography_id)
        for country in rng.sample(countries, k=rng.choice((0, 1, 2))):
            if (country, "") not in report.named:
                report.claim(
                    "key_market",
                    country,
                    "",
                    None,
                    f"{geography.name(country)} remains a key market",
                    "Regional Analysis",
                )
    dimension = rng.choice(sorted(available))
    segments = available[dimension]
    if level == "country" or rng.random() < 0.5:
        claim_type = "leads" if level == "country" else "fastest_growing"
        segment = segments[0] if series.leader_faithful else rng.choice(segments)
        words = "held the largest share" if claim_type == "leads" else "is the fastest-growing segment"
        report.claim(
            claim_type, report.own_region, segment.segment_id, None, f"{segment.name} {words}", "Segment Analysis"
        )


def mentions(report: ReportBuilder, available: dict[str, list[Segment]]) -> None:
    """Regions inside the geography and segments named in passing, none already named."""
    geography, rng = report.geography, report.rng
    candidates: list[tuple[str, str, str]] = [
        (country, "", geography.name(country)) for country in geography.countries(report.geography_id)
    ]
    if report.geography_id == geography.world_id:
        candidates += [(region, "", geography.name(region)) for region in geography.world_regions]
    candidates += [
        (report.own_region, segment.segment_id, segment.name.lower())
        for segments in available.values()
        for segment in segments
    ]
    for region_id, segment_id, words in rng.sample(candidates, k=min(len(candidates), rng.choice((0, 1, 2, 3)))):
        report.mention(region_id, segment_id, words)


# ----------------------------------------------------------------------------------------------
# The corpus.


def market_count(reports: int) -> int:
    return max(1, min(MAX_MARKETS, reports // REPORTS_PER_MARKET))


def series_geography(geography: Geography, market: Market, round_number: int, rng: random.Random) -> str:
    """A market's first series is global, its second regional, its third national; later ones anywhere."""
    kind = (
        ("world", "region", "country")[round_number]
        if round_number < 3
        else rng.choice(("world", "world", "region", "country"))
    )
    if kind == "world":
        return geography.world_id
    home = rng.choice(market.home_regions) if rng.random() < 0.8 else rng.choice(geography.world_regions)
    if kind == "region":
        return home
    countries = geography.children[home]
    ranked = sorted(countries, key=lambda country: -market.country_weights[country])
    return rng.choice(ranked[:3]) if rng.random() < 0.8 else rng.choice(countries)


def write_corpus(
    reports: int, seed: int, out: Path, project_dir: Path, *, ancestor_shares: bool = False
) -> dict[str, int]:
    """Write every input file of the contract of the dbt project `project_dir` into `out`; return the
    data rows written per file.

    Reports of a child market use its ancestors' segments in claims, mentions, CAGRs and undated
    shares; dated shares (which leave an unallocated residual) only in the dimensions of the
    market's own taxonomy, unless `ancestor_shares`: the warehouse names that residual after the
    report's market (`unallocated__<market>__<dimension>`) while dim_segments generates residual
    members only for the dimensions of each market's own taxonomy, so such a corpus fails the
    foreign-key test of fct_segment_shares.segment_id.
    """
    out.mkdir(parents=True, exist_ok=True)
    tables = contract.tables(project_dir)
    seeds = contract.seed_directory(project_dir)
    shutil.copyfile(seeds / "regions.csv", out / "regions.csv")
    geography = Geography.read(out / "regions.csv")
    rng = random.Random(seed)
    markets = generate_markets(market_count(reports), geography, rng)
    names = [name for name in tables if name != "regions"]
    with CorpusWriter(out, names, tables) as writer:
        for market in markets:
            writer.row(
                "markets",
                market_id=market.market_id,
                market_name=market.name,
                parent_market_id=market.parent.market_id if market.parent else "",
                definition=market.definition,
            )
            for segment in market.segments:
                writer.row(
                    "segments",
                    segment_id=segment.segment_id,
                    market_id=market.market_id,
                    segment_dimension=segment.dimension,
                    segment_name=segment.name,
                )
        index = 0
        for series, editions in generate_series(markets, geography, rng, ancestor_shares=ancestor_shares):
            for edition in editions:
                if index == reports:
                    break
                write_report(writer, geography, rng, index, series, edition)
                index += 1
            if index == reports:
                break
        counts = dict(writer.counts)
    with (out / "regions.csv").open(encoding="utf-8") as handle:
        counts["regions"] = sum(1 for _ in handle) - 1
    return {name: counts[name] for name in tables}


def generate_series(
    markets: Sequence[Market], geography: Geography, rng: random.Random, *, ancestor_shares: bool
) -> Iterator[tuple[Series, list[int]]]:
    """Series forever, markets in turn; a market's series each have their own publisher."""
    series_number = 0
    while True:
        market = markets[series_number % len(markets)]
        round_number = series_number // len(markets)
        available = market.available_segments()
        own_dimensions = {segment.dimension for segment in market.segments}
        first = rng.randint(2016, 2023)
        editions = [first]
        for _ in range(rng.choices((0, 1, 2, 3), weights=(35, 30, 25, 10))[0]):
            editions.append(editions[-1] + rng.choice((1, 1, 2)))
        series = Series(
            market=market,
            available=available,
            share_dimensions=tuple(sorted(available if ancestor_shares else own_dimensions)),
            geography_id=series_geography(geography, market, round_number, rng),
            publisher=publisher_name(market.publisher_offset + round_number),
            bias=rng.lognormvariate(0, 0.15),
            growth_pct=max(0.5, market.growth_pct + rng.gauss(0, 1.5)),
            leader_faithful=rng.random() < 0.75,
        )
        yield series, editions
        series_number += 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, required=True, help="number of reports")
    parser.add_argument("--seed", type=int, default=20261125, help="random seed (same seed, same files)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the input files into")
    parser.add_argument(
        "--ancestor-segment-shares",
        action="store_true",
        help="state dated shares of ancestor markets' segment dimensions too (see write_corpus)",
    )
    parser.add_argument(
        "--project-dir",
        type=Path,
        help="the dbt project of the input contract and regions (default: at or above the working directory)",
    )
    arguments = parser.parse_args(argv)
    try:
        project_dir = contract.find_project_dir(arguments.project_dir or Path.cwd())
    except FileNotFoundError as error:
        parser.error(str(error))
    counts = write_corpus(
        arguments.reports,
        arguments.seed,
        arguments.out,
        project_dir,
        ancestor_shares=arguments.ancestor_segment_shares,
    )
    print(", ".join(f"{name}: {count}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
