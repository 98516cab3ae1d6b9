"""Many markets, scopes and editions: the rules hold for the shipped reports and for a report of a
market nobody here has seen, at country scope, added the way a user adds one.

The new report's rows are written here (an invented market, "x_vertical_farming", so they can never
collide with shipped data); what the marts must show for them is computed here from those rows.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from support import DbtRun, ProjectTemplate, copy_built_project, run_build
from warehouse_rules import ALL_CHECKS

Check = Callable[[duckdb.DuckDBPyConnection], None]

# One xdist worker runs the whole module, so that its module-scoped build of the new market
# is made once (pytest.ini: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("many_markets")

# A market, its segments, and four publishers' reports of its US market: one publisher in two
# editions (the later one also syndicated on a newswire), and one far off (a different scope).
NEW_ROWS = {
    "markets": [
        "x_vertical_farming,Vertical farming,,Crops grown indoors in stacked layers under artificial light.",
    ],
    "segments": [
        "x_vf__crop__leafy_greens,x_vertical_farming,crop,Leafy greens",
        "x_vf__crop__herbs,x_vertical_farming,crop,Herbs",
    ],
    "reports": [
        "x_alpha_vf_us_2024,Alpha Insights,US Vertical Farming Market,x_vertical_farming,united_states,U.S. vertical farming market,2024,2023,USD,false",
        "x_alpha_vf_us_2025,Alpha Insights,US Vertical Farming Market,x_vertical_farming,united_states,U.S. vertical farming market,2025,2024,USD,false",
        "x_beta_vf_us_2025,Beta Research,Vertical Farming in the United States,x_vertical_farming,united_states,US vertical farming industry,2025,,USD,false",
        "x_gamma_vf_us_2025,Gamma Analytics,United States Vertical Farming,x_vertical_farming,united_states,vertical farming market (US),2025,,USD,false",
        "x_delta_vf_us_2025,Delta Data,US Vertical Farming Market Outlook,x_vertical_farming,united_states,US vertical farming market,2025,,USD,false",
    ],
    "report_sources": [
        "x_alpha_vf_us_2024__page,x_alpha_vf_us_2024,https://example.org/alpha/vf-us-2024,publisher page,2024-03-01,2026-11-27,",
        "x_alpha_vf_us_2025__page,x_alpha_vf_us_2025,https://example.org/alpha/vf-us-2025,publisher page,2025-03-01,2026-11-27,",
        "x_alpha_vf_us_2025__wire,x_alpha_vf_us_2025,https://example.org/newswire/alpha-vf-us,newswire,2025-03-04,2026-11-27,",
        "x_beta_vf_us_2025__page,x_beta_vf_us_2025,https://example.org/beta/vf-us,publisher page,,2026-11-27,",
        "x_gamma_vf_us_2025__page,x_gamma_vf_us_2025,https://example.org/gamma/vf-us,publisher page,,2026-11-27,",
        "x_delta_vf_us_2025__page,x_delta_vf_us_2025,https://example.org/delta/vf-us,blog summary,,2026-11-27,",
    ],
    "report_figures": [
        "x_a24_size_2023,x_alpha_vf_us_2024,market_size,,,2023,,,,1.5,USD billion,,valued at USD 1.5 billion,Summary",
        "x_a24_cagr,x_alpha_vf_us_2024,cagr,,,,2024,2030,2024-2030,20,percent,,a CAGR of 20% over 2024-2030,Summary",
        "x_a25_size_2024,x_alpha_vf_us_2025,market_size,,,2024,,,,1.8,USD billion,,stood at USD 1.8 billion,Summary",
        "x_a25_size_2030,x_alpha_vf_us_2025,market_size,united_states,,2030,,,,5.4,USD billion,,reach USD 5.4 billion,Summary",
        "x_a25_cagr,x_alpha_vf_us_2025,cagr,,,,2024,2030,,20.1,percent,,growing at 20.1%,Summary",
        "x_a25_share_greens,x_alpha_vf_us_2025,share,,x_vf__crop__leafy_greens,,,,,55,percent,,leafy greens hold 55%,Segments",
        "x_b25_size_2024,x_beta_vf_us_2025,market_size,,,2024,,,,2.0,USD billion,,USD 2.0 billion in 2024,Summary",
        "x_b25_size_2030,x_beta_vf_us_2025,market_size,,,2030,,,,6.0,USD billion,,USD 6.0 billion by 2030,Summary",
        "x_g25_size_2024,x_gamma_vf_us_2025,market_size,,,2024,,,,1600,USD million,,USD 1600 million in 2024,Summary",
        "x_g25_size_2030,x_gamma_vf_us_2025,market_size,,,2030,,,,4.9,USD billion,,USD 4.9 billion in 2030,Summary",
        "x_d25_size_2024,x_delta_vf_us_2025,market_size,,,2024,,,,180,USD billion,,worth USD 180 billion,Summary",
    ],
    "report_claims": [
        "x_a25_greens_lead,x_alpha_vf_us_2025,leads_revenue,,x_vf__crop__leafy_greens,2024,leafy greens led revenue,Segments",
        "x_b25_herbs_lead,x_beta_vf_us_2025,leads,,x_vf__crop__herbs,,herbs lead the market,Segments",
    ],
    "report_mentions": [
        "x_g25_herbs,x_gamma_vf_us_2025,,x_vf__crop__herbs,such as herbs,Segments",
    ],
}


def append_new_market(project: Path) -> None:
    for name, lines in NEW_ROWS.items():
        path = project / "seeds" / f"{name}.csv"
        text = path.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def extended(project_template: ProjectTemplate, tmp_path_factory: pytest.TempPathFactory) -> DbtRun:
    """The shipped seeds and the new market's rows, built as `make build` builds them; the built project
    is then copied out of the worker's reusable directory, which the next test lays anew."""
    project = project_template.fresh()
    append_new_market(project)
    run = run_build(project)
    assert run.returncode == 0, run.output[-4000:]
    assert "PUBLISHED" in run.output
    kept = copy_built_project(project, tmp_path_factory.mktemp("extended") / "project")
    return DbtRun(kept, run.returncode, run.output)


@pytest.fixture()
def new_db(extended: DbtRun) -> duckdb.DuckDBPyConnection:
    return extended.connect()


@pytest.mark.parametrize("check", ALL_CHECKS, ids=[check.__name__ for check in ALL_CHECKS])
def test_the_shipped_warehouse_keeps_the_rules(db: duckdb.DuckDBPyConnection, check: Check) -> None:
    check(db)


@pytest.mark.parametrize("check", ALL_CHECKS, ids=[check.__name__ for check in ALL_CHECKS])
def test_a_new_markets_country_report_keeps_the_rules(new_db: duckdb.DuckDBPyConnection, check: Check) -> None:
    check(new_db)


def value(db: duckdb.DuckDBPyConnection, sql: str, *parameters: object) -> object:
    row = db.execute(sql, list(parameters)).fetchone()
    assert row is not None, sql
    return row[0]


def test_a_us_report_is_sized_at_its_own_scope(new_db: duckdb.DuckDBPyConnection) -> None:
    scope = new_db.execute(
        "select market_id, geography_id from marts.dim_reports where report_id = 'x_beta_vf_us_2025'"
    ).fetchone()
    assert scope == ("x_vertical_farming", "united_states")
    # Blank region in the input means the report's geography: the 2024 value anchors the US series.
    yearly = dict(
        new_db.execute(
            "select year, market_size_usd_bn from marts.fct_market_size_yearly where report_id = 'x_beta_vf_us_2025'"
        ).fetchall()
    )
    assert yearly[2024] == 2.0 and yearly[2030] == 6.0
    assert yearly[2027] == pytest.approx(2.0 * 3.0 ** (3 / 6), rel=1e-12)


def test_a_syndicated_report_is_one_report_counted_once(new_db: duckdb.DuckDBPyConnection) -> None:
    assert value(new_db, "select source_count from marts.dim_reports where report_id = 'x_alpha_vf_us_2025'") == 2
    assert value(new_db, "select count(*) from marts.dim_report_sources where report_id = 'x_alpha_vf_us_2025'") == 2
    alpha_rows = new_db.execute(
        "select report_id from marts.fct_market_consensus "
        "where market_id = 'x_vertical_farming' and year = 2024 and publisher = 'Alpha Insights'"
    ).fetchall()
    # Two editions and two addresses of one publisher: one estimate, from the latest edition.
    assert alpha_rows == [("x_alpha_vf_us_2025",)]


def test_the_consensus_flags_the_estimate_far_from_its_peers(new_db: duckdb.DuckDBPyConnection) -> None:
    estimates = {"Alpha Insights": 1.8, "Beta Research": 2.0, "Gamma Analytics": 1.6, "Delta Data": 180.0}
    logs = [math.log(v) for v in estimates.values()]
    median_log = statistics.median(logs)
    scale = max(1.4826 * statistics.median(abs(x - median_log) for x in logs), 0.2)
    rows = {
        publisher: (median, z, outlier)
        for publisher, median, z, outlier in new_db.execute(
            "select publisher, median_market_size_usd_bn, robust_z_score, is_outlier from marts.fct_market_consensus "
            "where market_id = 'x_vertical_farming' and geography_id = 'united_states' and year = 2024"
        ).fetchall()
    }
    assert rows.keys() == estimates.keys()
    for publisher, estimate in estimates.items():
        median, z, outlier = rows[publisher]
        assert median == pytest.approx(statistics.median(estimates.values()), rel=1e-12)
        assert z == pytest.approx(abs(math.log(estimate) - median_log) / scale, rel=1e-9)
        assert outlier is (publisher == "Delta Data")


def test_a_year_with_too_few_publishers_is_not_assessed(new_db: duckdb.DuckDBPyConnection) -> None:
    # 2023: only Alpha's first edition states it (Beta, Gamma and Delta start in 2024).
    status = new_db.execute(
        "select is_outlier, outlier_status from marts.fct_market_consensus "
        "where market_id = 'x_vertical_farming' and year = 2023"
    ).fetchall()
    assert status and all(outlier is None and text.startswith("not assessed") for outlier, text in status)


def test_forecast_revisions_between_editions(new_db: duckdb.DuckDBPyConnection) -> None:
    row = new_db.execute(
        "select previous_report_id, previous_market_size_usd_bn, market_size_usd_bn, change_pct "
        "from marts.fct_forecast_revisions where report_id = 'x_alpha_vf_us_2025' and year = 2025"
    ).fetchone()
    earlier = 1.5 * 1.2**2  # 2023 value compounded at the first edition's 20% to 2025
    later = 1.8 * (5.4 / 1.8) ** (1 / 6)  # interpolated between the second edition's 2024 and 2030
    assert row[0] == "x_alpha_vf_us_2024"
    assert row[1] == pytest.approx(earlier, rel=1e-12)
    assert row[2] == pytest.approx(later, rel=1e-12)
    assert row[3] == pytest.approx((later / earlier - 1) * 100, rel=1e-9)


def test_an_undated_share_is_kept_and_derives_nothing(new_db: duckdb.DuckDBPyConnection) -> None:
    rows = new_db.execute(
        "select year, year_basis, share_pct, revenue_usd_bn, basis from marts.fct_segment_shares "
        "where report_id = 'x_alpha_vf_us_2025' and segment_id = 'x_vf__crop__leafy_greens'"
    ).fetchall()
    assert (None, "not_stated", 55.0, None, "reported") in rows
    residuals = new_db.execute(
        "select count(*) from marts.fct_segment_shares where report_id = 'x_alpha_vf_us_2025' and segment_id like 'unallocated__%'"
    ).fetchone()
    assert residuals == (0,)


def test_an_unlabelled_period_says_inferred(new_db: duckdb.DuckDBPyConnection) -> None:
    bases = dict(
        new_db.execute(
            "select figure_id, period_basis from marts.fct_report_figures where figure_id in ('x_a24_cagr', 'x_a25_cagr')"
        ).fetchall()
    )
    assert bases == {"x_a24_cagr": "stated", "x_a25_cagr": "inferred"}


def test_publishers_naming_different_leaders_are_contested(new_db: duckdb.DuckDBPyConnection) -> None:
    rows = new_db.execute(
        "select publisher, subject_id, agreement_status from marts.fct_claim_comparison "
        "where market_id = 'x_vertical_farming' and question = 'leads' order by publisher"
    ).fetchall()
    assert rows == [
        ("Alpha Insights", "x_vf__crop__leafy_greens", "contested"),
        ("Beta Research", "x_vf__crop__herbs", "contested"),
    ]


def test_markets_never_mix_in_the_comparison(new_db: duckdb.DuckDBPyConnection) -> None:
    mixed = new_db.execute(
        "select year from marts.fct_market_comparison group by year, market_id, geography_id "
        "having count(distinct market_id) > 1"
    ).fetchall()
    assert mixed == []
    counts = new_db.execute(
        "select distinct report_count from marts.fct_market_comparison where market_id = 'x_vertical_farming' and year = 2024"
    ).fetchall()
    # All five reports cover 2024: four state it, Alpha's first edition compounds its 2023 value.
    assert counts == [(5,)]
