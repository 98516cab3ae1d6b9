"""The semantic layer: `mf query` (MetricFlow, run as the README says) returns the marts' numbers.

MetricFlow reads the build database the profile names; each test points it at a private copy, so
no other connection of this session shares the file. Expected values come from the published
marts, queried here with plain SQL.
"""

from __future__ import annotations

import csv
import math
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from support import DbtRun, dbt_environment

Key = tuple[str, ...]
Row = dict[str, float | None]


@pytest.fixture(scope="module")
def build_copy(warehouse: DbtRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("metricflow") / "build.duckdb"
    shutil.copy2(warehouse.build_database, target)
    return target


def mf_query(warehouse: DbtRun, build_copy: Path, tmp_path: Path, *arguments: str) -> list[dict[str, str]]:
    """Run `mf query ... --csv` in the warehouse's project directory and read the CSV it writes."""
    output = tmp_path / "mf.csv"
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("mf")), "query", *arguments, "--csv", str(output)],
        cwd=warehouse.project_dir,
        env={**dbt_environment(warehouse.project_dir), "MARKET_SIZING_BUILD_DB": str(build_copy)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0 and output.exists(), completed.stdout + completed.stderr
    with output.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def number(text: str) -> float | None:
    return None if text == "" else float(text)


def year_of(timestamp: str) -> str:
    parsed = date.fromisoformat(timestamp[:10])
    assert (parsed.month, parsed.day) == (1, 1), timestamp
    return str(parsed.year)


def by_key(rows: list[dict[str, str]], keys: list[str], metrics: list[str]) -> dict[Key, Row]:
    result: dict[Key, Row] = {}
    for row in rows:
        if any(name.startswith("metric_time") and not row[name] for name in keys):
            # A share stated with no year has no place on the time axis: MetricFlow gives it an empty
            # time; the marts' side leaves those rows out (`year is not null`) the same way.
            continue
        key = tuple(year_of(row[name]) if name.startswith("metric_time") else row[name] for name in keys)
        assert key not in result, f"duplicate group {key}"
        result[key] = {metric: number(row[metric]) for metric in metrics}
    return result


def from_marts(warehouse: DbtRun, sql: str, metrics: list[str]) -> dict[Key, Row]:
    with duckdb.connect(str(warehouse.database), read_only=True) as connection:
        rows = connection.execute(sql).fetchall()
    width = len(rows[0]) - len(metrics)
    return {tuple(str(value) for value in row[:width]): dict(zip(metrics, row[width:], strict=True)) for row in rows}


def assert_same(actual: dict[Key, Row], expected: dict[Key, Row]) -> None:
    assert expected, "the marts returned no rows"
    assert actual.keys() == expected.keys()
    for key, values in expected.items():
        for metric, value in values.items():
            if value is None:
                assert actual[key][metric] is None, (key, metric)
            else:
                # MetricFlow sums in the database in its own order: exact up to the last bit of a double.
                assert actual[key][metric] is not None, (key, metric)
                assert math.isclose(actual[key][metric], value, rel_tol=1e-12, abs_tol=0.0), (key, metric, value)


def test_market_size_by_year_and_report(warehouse: DbtRun, build_copy: Path, tmp_path: Path) -> None:
    metrics = ["market_size_usd_bn", "market_size_stated_usd_bn"]
    rows = mf_query(
        warehouse, build_copy, tmp_path, "--metrics", ",".join(metrics), "--group-by", "metric_time__year,report"
    )
    expected = from_marts(
        warehouse,
        "select year, report_id, market_size_usd_bn,"
        " case when basis = 'reported' then market_size_usd_bn end"
        " from marts.fct_market_size_yearly",
        metrics,
    )
    assert_same(by_key(rows, ["metric_time__year", "report"], metrics), expected)
    # The primary report's stated 2025 and 2034 values come through exactly.
    stated = by_key(rows, ["metric_time__year", "report"], metrics)
    assert stated[("2025", "dmr_healthcare_cmo_2025")]["market_size_stated_usd_bn"] == 239.5
    assert stated[("2034", "dmr_healthcare_cmo_2025")]["market_size_stated_usd_bn"] == 558.4
    assert stated[("2030", "dmr_healthcare_cmo_2025")]["market_size_stated_usd_bn"] is None


def test_readme_query_by_report_and_publisher(warehouse: DbtRun, build_copy: Path, tmp_path: Path) -> None:
    metrics = ["market_size_usd_bn", "market_size_stated_usd_bn"]
    keys = ["metric_time__year", "report", "report__publisher"]
    rows = mf_query(
        warehouse,
        build_copy,
        tmp_path,
        "--metrics",
        ",".join(metrics),
        "--group-by",
        ",".join(keys),
        "--start-time",
        "2025-01-01",
        "--end-time",
        "2025-12-31",
    )
    expected = from_marts(
        warehouse,
        "select m.year, m.report_id, r.publisher, m.market_size_usd_bn,"
        " case when m.basis = 'reported' then m.market_size_usd_bn end"
        " from marts.fct_market_size_yearly as m join marts.dim_reports as r using (report_id)"
        " where m.year = 2025",
        metrics,
    )
    assert ("2025", "dmr_healthcare_cmo_2025", "Dimension Market Research") in expected
    assert_same(by_key(rows, keys, metrics), expected)


def test_regional_revenue_and_share(warehouse: DbtRun, build_copy: Path, tmp_path: Path) -> None:
    metrics = ["regional_revenue_usd_bn", "regional_share_pct"]
    rows = mf_query(
        warehouse,
        build_copy,
        tmp_path,
        "--metrics",
        ",".join(metrics),
        "--group-by",
        "metric_time__year,report,region",
    )
    expected = from_marts(
        warehouse,
        "select year, report_id, region_id, revenue_usd_bn, share_pct from marts.fct_regional_revenue where year is not null",
        metrics,
    )
    actual = by_key(rows, ["metric_time__year", "report", "region"], metrics)
    assert_same(actual, expected)
    # Named without a figure: null, never filled in.
    assert actual[("2025", "dmr_healthcare_cmo_2025", "china")] == {
        "regional_revenue_usd_bn": None,
        "regional_share_pct": None,
    }
    assert actual[("2025", "dmr_healthcare_cmo_2025", "asia_pacific")]["regional_share_pct"] == 47.4


def test_segment_revenue_and_region_attributes(warehouse: DbtRun, build_copy: Path, tmp_path: Path) -> None:
    metrics = ["segment_revenue_usd_bn", "segment_share_pct"]
    rows = mf_query(
        warehouse,
        build_copy,
        tmp_path,
        "--metrics",
        ",".join(metrics),
        "--group-by",
        "metric_time__year,report,segment__segment_dimension",
    )
    expected = from_marts(
        warehouse,
        "select f.year, f.report_id, s.segment_dimension, sum(f.revenue_usd_bn), avg(f.share_pct)"
        " from marts.fct_segment_shares as f join marts.dim_segments as s using (segment_id)"
        # A share stated with no year has no place on the time axis the metrics are queried by.
        " where f.year is not null group by all",
        metrics,
    )
    assert_same(by_key(rows, ["metric_time__year", "report", "segment__segment_dimension"], metrics), expected)
