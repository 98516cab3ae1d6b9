"""The primary report's numbers, checked against its own text.

The expected values are computed here from figures read out of the source document with regular
expressions, independently of the seeds and of the SQL.
"""

from __future__ import annotations

import math
import re

import duckdb
import pytest

from support import report_document

PRIMARY = "dmr_healthcare_cmo_2025"


def stated_sizes(text: str) -> dict[int, float]:
    sizes = {int(year): float(value) for value, year in re.findall(r"USD ([\d.]+) billion by (\d{4})", text)}
    assert len(sizes) == 2, sizes
    return sizes


def stated_cagr(text: str) -> float:
    values = {float(value) for value in re.findall(r"CAGR of ([\d.]+) percent", text)}
    assert len(values) == 1, values
    return values.pop()


def stated_region_share(text: str) -> tuple[str, int, float]:
    match = re.search(r"(Asia Pacific) is expected to dominate .*? in (\d{4}), accounting for ([\d.]+) percent", text)
    assert match, "the regional share sentence was not found"
    return match.group(1), int(match.group(2)), float(match.group(3))


@pytest.fixture(scope="module")
def text() -> str:
    return report_document(PRIMARY)


def yearly(db: duckdb.DuckDBPyConnection, report_id: str) -> dict[int, tuple[float | None, str]]:
    rows = db.execute(
        "select year, market_size_usd_bn, basis from marts.fct_market_size_yearly where report_id = ? order by year",
        [report_id],
    ).fetchall()
    return {year: (value, basis) for year, value, basis in rows}


def test_stated_values_are_reproduced_exactly(db: duckdb.DuckDBPyConnection, text: str) -> None:
    series = yearly(db, PRIMARY)
    for year, value in stated_sizes(text).items():
        assert series[year] == (value, "reported")
    assert series[2025] == (239.5, "reported")
    assert series[2034] == (558.4, "reported")


def test_every_year_between_is_geometric_interpolation(db: duckdb.DuckDBPyConnection, text: str) -> None:
    (start_year, start), (end_year, end) = sorted(stated_sizes(text).items())
    series = yearly(db, PRIMARY)
    assert sorted(series) == list(range(start_year, end_year + 1))
    for year in range(start_year + 1, end_year):
        expected = start * (end / start) ** ((year - start_year) / (end_year - start_year))
        value, basis = series[year]
        assert basis == "interpolated"
        assert value == pytest.approx(expected, rel=1e-12)
    # The rounded CAGR compounded over the stated span would miss the stated end value.
    assert start * (1 + stated_cagr(text) / 100) ** (end_year - start_year) == pytest.approx(560.1, abs=0.05)


def test_year_on_year_growth_is_the_implied_constant_rate(db: duckdb.DuckDBPyConnection, text: str) -> None:
    (start_year, start), (end_year, end) = sorted(stated_sizes(text).items())
    implied = ((end / start) ** (1 / (end_year - start_year)) - 1) * 100
    rows = db.execute(
        "select year, yoy_growth_pct from marts.fct_market_size_yearly where report_id = ? order by year", [PRIMARY]
    ).fetchall()
    assert rows[0][1] is None
    for _, growth in rows[1:]:
        assert growth == pytest.approx(implied, rel=1e-9)


def test_regional_revenue_and_unallocated_remainder(db: duckdb.DuckDBPyConnection, text: str) -> None:
    _, year, share = stated_region_share(text)
    size = stated_sizes(text)[year]
    rows = {
        region: (share_pct, revenue, basis)
        for region, share_pct, revenue, basis in db.execute(
            "select region_id, share_pct, revenue_usd_bn, basis from marts.fct_regional_revenue "
            "where report_id = ? and year = ?",
            [PRIMARY, year],
        ).fetchall()
    }
    assert rows["asia_pacific"][0] == share
    assert rows["asia_pacific"][1] == pytest.approx(size * share / 100, rel=1e-12)
    assert rows["asia_pacific"][2] == "reported"
    assert round(rows["asia_pacific"][1], 2) == 113.52
    remainder = rows["unallocated__region"]
    assert remainder[0] == pytest.approx(100 - share, rel=1e-12)
    assert remainder[1] == pytest.approx(size * (100 - share) / 100, rel=1e-12)
    assert remainder[2] == "derived"
    assert round(remainder[1], 2) == 125.98


def test_regions_and_countries_named_without_figures_are_not_disclosed(
    db: duckdb.DuckDBPyConnection, text: str
) -> None:
    named = {
        "north_america": "North America",
        "europe": "Europe",
        "india": "India",
        "china": "China",
        "south_korea": "South Korea",
    }
    rows = {
        region: (share, revenue, basis)
        for region, share, revenue, basis in db.execute(
            "select region_id, share_pct, revenue_usd_bn, basis from marts.fct_regional_revenue where report_id = ?",
            [PRIMARY],
        ).fetchall()
    }
    for region_id, name in named.items():
        assert name in text
        assert rows[region_id] == (None, None, "not_disclosed")


def test_segments_are_named_but_never_given_a_share(db: duckdb.DuckDBPyConnection) -> None:
    rows = db.execute(
        "select segment_dimension, count(*), count(share_pct), count(revenue_usd_bn), min(basis), max(basis) "
        "from marts.fct_segment_shares where report_id = ? group by segment_dimension order by 1",
        [PRIMARY],
    ).fetchall()
    assert [row[0] for row in rows] == ["end_user", "product", "service"]
    assert {row[0]: row[1] for row in rows} == {"end_user": 4, "product": 3, "service": 5}
    for _, _, shares, revenues, low, high in rows:
        assert (shares, revenues, low, high) == (0, 0, "not_disclosed", "not_disclosed")
    claims = dict(
        db.execute(
            "select segment_id, claim_summary from marts.fct_segment_shares where report_id = ? and claim_summary is not null",
            [PRIMARY],
        ).fetchall()
    )
    assert claims["product__small_molecule_drugs"].startswith("leads_volume:")
    assert claims["product__biologics"].startswith("gaining_share:")


def test_cagr_reconciliation(db: duckdb.DuckDBPyConnection, text: str) -> None:
    (start_year, start), (end_year, end) = sorted(stated_sizes(text).items())
    implied = ((end / start) ** (1 / (end_year - start_year)) - 1) * 100
    stated, implied_pct, difference, consistent, first, last = db.execute(
        "select stated_cagr_pct, implied_cagr_pct, difference_pp, is_consistent, period_start_year, period_end_year "
        "from marts.fct_cagr_reconciliation where report_id = ? and region_id = 'world' and segment_id is null",
        [PRIMARY],
    ).fetchone()
    assert stated == stated_cagr(text) == 9.9
    assert implied_pct == pytest.approx(implied, rel=1e-12)
    assert round(implied_pct, 3) == 9.862
    assert difference == pytest.approx(stated - implied, rel=1e-9)
    assert consistent is (abs(stated - implied) <= 0.05)
    assert consistent is True
    assert (first, last) == (start_year, end_year)
    assert not math.isnan(implied_pct)
