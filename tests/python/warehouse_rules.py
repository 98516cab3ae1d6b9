"""Rules every published warehouse satisfies, whatever reports it holds.

Each check recomputes a mart from the marts it is built on, in plain Python, and compares. They take
an open connection, so the same checks run on the shipped warehouse and on a copy with reports
nobody here has seen.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from typing import Any

import duckdb
import pytest

# The consensus rule's settings, as dbt_project.yml sets them (vars outlier_*).
OUTLIER_ROBUST_Z = 3.5
OUTLIER_MIN_LOG_SPREAD = 0.2
OUTLIER_MIN_PUBLISHERS = 3

FACT_MARTS = (
    "fct_report_figures",
    "fct_report_claims",
    "fct_market_size_yearly",
    "fct_regional_revenue",
    "fct_segment_shares",
    "fct_cagr_reconciliation",
    "fct_market_comparison",
    "fct_market_consensus",
    "fct_forecast_revisions",
    "fct_claim_comparison",
)


def rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def check_every_fact_carries_its_reports_scope(connection: duckdb.DuckDBPyConnection) -> None:
    scopes = {
        row["report_id"]: (row["market_id"], row["geography_id"])
        for row in rows(connection, "select * from marts.dim_reports")
    }
    for mart in FACT_MARTS:
        for row in rows(connection, f"select * from marts.{mart}"):
            assert row["market_id"] is not None and row["geography_id"] is not None, (mart, row)
            if "report_id" in row:
                assert scopes[row["report_id"]] == (row["market_id"], row["geography_id"]), (mart, row)


def check_comparison_never_mixes_scopes(connection: duckdb.DuckDBPyConnection) -> None:
    yearly = rows(connection, "select * from marts.fct_market_size_yearly where market_size_usd_bn is not null")
    groups: dict[tuple, list[float]] = defaultdict(list)
    for row in yearly:
        groups[(row["market_id"], row["geography_id"], row["year"])].append(row["market_size_usd_bn"])
    comparison = rows(connection, "select * from marts.fct_market_comparison")
    assert len(comparison) == len(yearly)
    for row in comparison:
        values = groups[(row["market_id"], row["geography_id"], row["year"])]
        assert row["report_count"] == len(values)
        assert row["median_market_size_usd_bn"] == pytest.approx(statistics.median(values), rel=1e-12)


def expected_consensus(connection: duckdb.DuckDBPyConnection) -> dict[tuple, dict[str, Any]]:
    """One estimate per publisher (latest edition covering the year), scored by the documented rule."""
    reports = {row["report_id"]: row for row in rows(connection, "select * from marts.dim_reports")}
    chosen: dict[tuple, dict[str, Any]] = {}
    for row in rows(connection, "select * from marts.fct_market_size_yearly where market_size_usd_bn is not null"):
        report = reports[row["report_id"]]
        key = (row["market_id"], row["geography_id"], row["year"], report["publisher"])
        current = chosen.get(key)
        if current is None or report["edition_rank"] < reports[current["report_id"]]["edition_rank"]:
            chosen[key] = row
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for key, row in chosen.items():
        groups[key[:3]].append((key[3], row))
    expected = {}
    for scope, estimates in groups.items():
        logs = [math.log(row["market_size_usd_bn"]) for _, row in estimates]
        median_log = statistics.median(logs)
        mad = statistics.median(abs(value - median_log) for value in logs)
        scale = max(1.4826 * mad, OUTLIER_MIN_LOG_SPREAD)
        assessed = len(estimates) >= OUTLIER_MIN_PUBLISHERS
        for publisher, row in estimates:
            z = abs(math.log(row["market_size_usd_bn"]) - median_log) / scale
            expected[(*scope, publisher)] = {
                "report_id": row["report_id"],
                "publisher_count": len(estimates),
                "median": statistics.median(estimate["market_size_usd_bn"] for _, estimate in estimates),
                "robust_z_score": z,
                "is_outlier": (z > OUTLIER_ROBUST_Z) if assessed else None,
            }
    return expected


def check_consensus(connection: duckdb.DuckDBPyConnection) -> None:
    expected = expected_consensus(connection)
    actual = {
        (row["market_id"], row["geography_id"], row["year"], row["publisher"]): row
        for row in rows(connection, "select * from marts.fct_market_consensus")
    }
    assert actual.keys() == expected.keys()
    for key, row in actual.items():
        want = expected[key]
        assert row["report_id"] == want["report_id"], key
        assert row["publisher_count"] == want["publisher_count"], key
        assert row["median_market_size_usd_bn"] == pytest.approx(want["median"], rel=1e-12), key
        assert row["robust_z_score"] == pytest.approx(want["robust_z_score"], rel=1e-9, abs=1e-12), key
        assert row["is_outlier"] == want["is_outlier"], key
        assert row["outlier_status"].startswith("not assessed") == (want["is_outlier"] is None), key


def check_forecast_revisions(connection: duckdb.DuckDBPyConnection) -> None:
    values = {
        (row["report_id"], row["year"]): row["market_size_usd_bn"]
        for row in rows(connection, "select * from marts.fct_market_size_yearly where market_size_usd_bn is not null")
    }
    reports = {row["report_id"]: row for row in rows(connection, "select * from marts.dim_reports")}
    revisions = rows(connection, "select * from marts.fct_forecast_revisions")
    for row in revisions:
        later, earlier = reports[row["report_id"]], reports[row["previous_report_id"]]
        assert later["previous_report_id"] == earlier["report_id"]
        assert later["publisher"] == earlier["publisher"] == row["publisher"]
        assert later["edition_rank"] + 1 == earlier["edition_rank"]
        assert row["market_size_usd_bn"] == values.get((row["report_id"], row["year"]))
        assert row["previous_market_size_usd_bn"] == values.get((row["previous_report_id"], row["year"]))
        if row["market_size_usd_bn"] is not None and row["previous_market_size_usd_bn"] is not None:
            change = (row["market_size_usd_bn"] / row["previous_market_size_usd_bn"] - 1) * 100
            assert row["change_pct"] == pytest.approx(change, rel=1e-9, abs=1e-12)
        else:
            assert row["change_pct"] is None
    pairs_expected = {
        (report_id, year)
        for report_id, report in reports.items()
        if report["previous_report_id"] is not None
        for (value_report, year) in values
        if value_report in (report_id, report["previous_report_id"])
    }
    assert {(row["report_id"], row["year"]) for row in revisions} == pairs_expected


def check_claim_comparison(connection: duckdb.DuckDBPyConnection) -> None:
    compared = rows(connection, "select * from marts.fct_claim_comparison")
    answers: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    for row in compared:
        key = (row["market_id"], row["geography_id"], row["question"], row["subject_type"], row["subject_family"])
        answers[key].add((row["publisher"], row["subject_id"]))
    for row in compared:
        key = (row["market_id"], row["geography_id"], row["question"], row["subject_type"], row["subject_family"])
        publishers = {publisher for publisher, _ in answers[key]}
        subjects = {subject for _, subject in answers[key]}
        if row["question"] in ("gaining_share", "key_market"):
            expected = "not_exclusive"
        elif len(publishers) < 2:
            expected = "single_publisher"
        else:
            expected = "contested" if len(subjects) > 1 else "agreed"
        assert row["agreement_status"] == expected, row


def check_inferred_periods_say_so(connection: duckdb.DuckDBPyConnection) -> None:
    for mart in ("fct_report_figures", "fct_cagr_reconciliation"):
        sql = f"select period_as_stated, period_basis, period_rule from marts.{mart}"
        if mart == "fct_report_figures":
            sql += " where measure = 'cagr'"
        for period_as_stated, period_basis, period_rule in connection.execute(sql).fetchall():
            assert period_basis == ("inferred" if period_as_stated is None else "stated")
            assert period_rule


def check_every_stated_share_reaches_a_share_mart(connection: duckdb.DuckDBPyConnection) -> None:
    stated = {
        figure_id
        for (figure_id,) in connection.execute(
            "select figure_id from marts.fct_report_figures where measure = 'share' "
            "and (region_id <> geography_id) <> (segment_id is not null)"
        ).fetchall()
    }
    reached: set[str] = set()
    for mart in ("fct_regional_revenue", "fct_segment_shares"):
        for (ids,) in connection.execute(
            f"select source_figure_ids from marts.{mart} where basis = 'reported' and source_figure_ids is not null"
        ).fetchall():
            reached.update(ids.split(", "))
    assert stated <= reached, stated - reached


ALL_CHECKS = (
    check_every_fact_carries_its_reports_scope,
    check_comparison_never_mixes_scopes,
    check_consensus,
    check_forecast_revisions,
    check_claim_comparison,
    check_inferred_periods_say_so,
    check_every_stated_share_reaches_a_share_mart,
)
