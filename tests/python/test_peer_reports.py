"""The peer reports: anchors of every shape, units, reconciliation and the comparison across reports.

Expected values are computed here from the stated figures, independently of the SQL.
"""

from __future__ import annotations

import re
import statistics

import duckdb
import pytest


def implied_cagr_pct(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def stated(db: duckdb.DuckDBPyConnection, figure_id: str) -> float:
    row = db.execute(
        "select value_normalized from marts.fct_report_figures where figure_id = ?", [figure_id]
    ).fetchone()
    assert row is not None, figure_id
    return row[0]


def reconciliation(db: duckdb.DuckDBPyConnection, figure_id: str) -> tuple:
    row = db.execute(
        "select period_start_year, period_end_year, implied_cagr_pct, is_consistent, reconciliation_status "
        "from marts.fct_cagr_reconciliation where figure_id = ?",
        [figure_id],
    ).fetchone()
    assert row is not None, figure_id
    return row


def test_label_starting_after_the_base_year_compounds_from_the_base_year(db: duckdb.DuckDBPyConnection) -> None:
    # Polaris labels its CAGR 2025-2034 but states 2024 and 2034 values: n = 10.
    start, end = stated(db, "polaris_size_2024"), stated(db, "polaris_size_2034")
    first, last, implied, consistent, status = reconciliation(db, "polaris_cagr_2025_2034")
    assert (first, last) == (2024, 2034)
    assert implied == pytest.approx(implied_cagr_pct(start, end, 10), rel=1e-12)
    assert round(implied, 2) == 11.51
    assert consistent is False
    assert status.startswith("inconsistent")


def test_a_period_without_a_stated_end_value_is_not_checkable(db: duckdb.DuckDBPyConnection) -> None:
    _, last, implied, consistent, status = reconciliation(db, "polaris_cagr_2025_2032")
    assert (last, implied, consistent) == (2032, None, None)
    assert "2032" in status


def test_three_stated_values_use_the_labelled_start(db: duckdb.DuckDBPyConnection) -> None:
    start, end = stated(db, "prec_size_2024"), stated(db, "prec_size_2033")
    first, last, implied, consistent, _ = reconciliation(db, "prec_cagr")
    assert (first, last) == (2024, 2033)
    assert implied == pytest.approx(implied_cagr_pct(start, end, 9), rel=1e-12)
    assert consistent is True
    rows = dict(
        db.execute(
            "select year, basis from marts.fct_market_size_yearly where report_id = 'precedence_healthcare_cdmo_2024'"
        ).fetchall()
    )
    assert [rows[year] for year in (2023, 2024, 2033)] == ["reported"] * 3
    assert {rows[year] for year in range(2025, 2033)} == {"interpolated"}


def test_a_share_year_before_the_first_value_is_backcast_with_the_stated_cagr(db: duckdb.DuckDBPyConnection) -> None:
    size_2025, cagr = stated(db, "mordor_size_2025"), stated(db, "mordor_cagr")
    value, basis, growth = db.execute(
        "select market_size_usd_bn, basis, growth_rate_pct from marts.fct_market_size_yearly "
        "where report_id = 'mordor_healthcare_cmo_2025' and year = 2024"
    ).fetchone()
    assert basis == "backcast"
    assert growth == cagr
    assert value == pytest.approx(size_2025 / (1 + cagr / 100), rel=1e-12)
    share, revenue, size_basis = db.execute(
        "select share_pct, revenue_usd_bn, market_size_basis from marts.fct_regional_revenue "
        "where report_id = 'mordor_healthcare_cmo_2025' and region_id = 'north_america' and year = 2024"
    ).fetchone()
    assert share == stated(db, "mordor_share_north_america_2024")
    assert revenue == pytest.approx(value * share / 100, rel=1e-12)
    assert size_basis == "backcast"


def test_country_values_become_shares_of_the_stated_market(db: duckdb.DuckDBPyConnection) -> None:
    world_2024 = stated(db, "gia_size_2024")
    us_2024 = stated(db, "gia_size_united_states_2024")
    share, revenue, share_basis, revenue_basis = db.execute(
        "select share_pct, revenue_usd_bn, share_basis, revenue_basis from marts.fct_regional_revenue "
        "where report_id = 'gia_healthcare_cmo_2024' and region_id = 'united_states' and year = 2024"
    ).fetchone()
    assert revenue == us_2024
    assert share == pytest.approx(100 * us_2024 / world_2024, rel=1e-12)
    assert (share_basis, revenue_basis) == ("derived", "reported")
    residual = db.execute(
        "select share_pct from marts.fct_regional_revenue "
        "where report_id = 'gia_healthcare_cmo_2024' and region_id = 'unallocated__country' and year = 2024"
    ).fetchone()[0]
    assert residual == pytest.approx(100 - share, rel=1e-12)


def test_a_stated_cagr_inconsistency_warns_but_never_fails(warehouse, db: duckdb.DuckDBPyConnection) -> None:  # noqa: ANN001 - fixture
    # Polaris's label disagrees with its own values: the build warns and still publishes.
    assert warehouse.returncode == 0
    assert re.search(r"WARN \d+ stated_cagr_consistent_with_stated_values", warehouse.output)
    assert reconciliation(db, "polaris_cagr_2025_2034")[3] is False


def test_market_comparison_matches_an_independent_aggregation(db: duckdb.DuckDBPyConnection) -> None:
    by_scope: dict[tuple[str, str, int], list[float]] = {}
    for market, geography, year, value in db.execute(
        "select market_id, geography_id, year, market_size_usd_bn from marts.fct_market_size_yearly "
        "where market_size_usd_bn is not null"
    ).fetchall():
        by_scope.setdefault((market, geography, year), []).append(value)
    rows = db.execute(
        "select market_id, geography_id, year, report_count, min_market_size_usd_bn, median_market_size_usd_bn, "
        "max_market_size_usd_bn from marts.fct_market_comparison"
    ).fetchall()
    assert {row[:3] for row in rows} == set(by_scope)
    for market, geography, year, count, low, median, high in rows:
        values = by_scope[(market, geography, year)]
        assert count == len(values)
        assert (low, high) == (min(values), max(values))
        assert median == pytest.approx(statistics.median(values), rel=1e-12)
    # The primary report (2025 to 2034, both stated) sits in the comparison every year of its span.
    primary_years = db.execute(
        "select min(year), max(year), count(*) from marts.fct_market_comparison where is_primary"
    ).fetchone()
    assert primary_years == (2025, 2034, 10)


def test_public_interface(db: duckdb.DuckDBPyConnection) -> None:
    required = {
        "dim_reports": {"report_id", "publisher", "title", "market_name", "source_url"},
        "dim_regions": {"region_id", "region_name", "parent_region_id", "region_level"},
        "dim_segments": {"segment_id", "segment_dimension", "segment_name"},
        "fct_report_figures": {
            "report_id",
            "figure_id",
            "value_as_stated",
            "unit_as_stated",
            "value_normalized",
            "excerpt",
        },
        "fct_market_size_yearly": {"report_id", "year", "market_size_usd_bn", "yoy_growth_pct", "basis"},
        "fct_regional_revenue": {"report_id", "region_id", "year", "share_pct", "revenue_usd_bn", "basis"},
        "fct_segment_shares": {"report_id", "segment_id", "year", "share_pct", "revenue_usd_bn", "basis"},
        "fct_cagr_reconciliation": {
            "report_id",
            "period_start_year",
            "period_end_year",
            "stated_cagr_pct",
            "implied_cagr_pct",
            "difference_pp",
            "is_consistent",
        },
        "fct_market_comparison": {"year", "report_id", "market_size_usd_bn", "report_count"},
    }
    for table, columns in required.items():
        present = {
            row[0]
            for row in db.execute(
                "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ?",
                [table],
            ).fetchall()
        }
        assert columns <= present, (table, columns - present)
    levels = {row[0] for row in db.execute("select distinct region_level from marts.dim_regions").fetchall()}
    assert levels == {"world", "region", "country"}
