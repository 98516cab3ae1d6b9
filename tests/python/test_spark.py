"""The same project on Apache Spark (dbt-spark, session method, local PySpark) gives the same numbers.

Marked `spark`: run by `make test-spark` in .venv-spark, left out of the default run. dbt builds the
shipped seeds on Spark in a private copy of the project (Spark's warehouse and metastore under its
target/spark); the marts are then read back with PySpark and compared with the DuckDB build.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from support import DbtRun, copy_project, run_dbt

pytestmark = pytest.mark.spark

REL = 1e-12  # two engines, two pow() implementations: last-digit differences only


@pytest.fixture(scope="module")
def spark_build(tmp_path_factory: pytest.TempPathFactory) -> DbtRun:
    project = copy_project(tmp_path_factory.mktemp("spark"))
    run = run_dbt(project, "build", "--target", "spark")
    assert run.returncode == 0, run.output
    return run


@pytest.fixture(scope="module")
def spark(spark_build: DbtRun) -> Iterator[Any]:
    pyspark_sql = pytest.importorskip("pyspark.sql")
    spark_dir = spark_build.project_dir / "target" / "spark"
    session = (
        pyspark_sql.SparkSession.builder.master("local[1]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.warehouse.dir", str(spark_dir / "spark-warehouse"))
        .config(
            "spark.hadoop.javax.jdo.option.ConnectionURL",
            f"jdbc:derby:;databaseName={spark_dir / 'metastore_db'};create=false",
        )
        .config("spark.driver.extraJavaOptions", f"-Dderby.stream.error.file={spark_dir / 'derby.log'}")
        .enableHiveSupport()
        .getOrCreate()
    )
    yield session
    session.stop()


def rows(source: Any, sql: str) -> list[tuple]:
    """Rows of `sql` from a DuckDB connection or a Spark session, as plain tuples."""
    if isinstance(source, duckdb.DuckDBPyConnection):
        return [tuple(row) for row in source.execute(sql).fetchall()]
    return [tuple(row) for row in source.sql(sql).collect()]


def keyed(source: Any, sql: str, key_columns: int) -> dict[tuple, tuple]:
    return {row[:key_columns]: row[key_columns:] for row in rows(source, sql)}


def assert_same(spark_rows: dict[tuple, tuple], duckdb_rows: dict[tuple, tuple]) -> None:
    """Same keys; text, flags and stated numbers equal; computed numbers equal to 1e-12 relative."""
    assert spark_rows.keys() == duckdb_rows.keys()
    assert duckdb_rows
    for key, expected in duckdb_rows.items():
        actual = spark_rows[key]
        for spark_value, duckdb_value in zip(actual, expected, strict=True):
            if isinstance(duckdb_value, float):
                assert spark_value == pytest.approx(duckdb_value, rel=REL), (key, actual, expected)
            else:
                assert spark_value == duckdb_value, (key, actual, expected)


def test_spark_runs_every_model_and_test(spark_build: DbtRun, warehouse: DbtRun) -> None:
    spark_done = next(line for line in spark_build.output.splitlines() if "Done. PASS=" in line)
    duckdb_done = next(line for line in warehouse.output.splitlines() if "Done. PASS=" in line)
    assert "ERROR=0" in spark_done and "SKIP=0" in spark_done
    # The same nodes pass (and the one inconsistent CAGR warns) on both engines.
    assert spark_done.split("Done. ")[1] == duckdb_done.split("Done. ")[1]


def test_yearly_market_sizes_match(spark: Any, db: duckdb.DuckDBPyConnection) -> None:
    sql = "select report_id, year, market_size_usd_bn, yoy_growth_pct, basis, growth_rate_pct, source_figure_ids from marts.fct_market_size_yearly"
    assert_same(keyed(spark, sql, 2), keyed(db, sql, 2))
    stated = "select report_id, year, market_size_usd_bn from marts.fct_market_size_yearly where basis = 'reported'"
    assert set(rows(spark, stated)) == set(rows(db, stated))  # stated values exactly


def test_regional_revenue_and_segment_shares_match(spark: Any, db: duckdb.DuckDBPyConnection) -> None:
    columns = "share_pct, revenue_usd_bn, basis, share_basis, revenue_basis, market_size_basis, is_point_value, qualifier, claim_summary, source_figure_ids"
    for table, subject in (("fct_regional_revenue", "region_id"), ("fct_segment_shares", "segment_id")):
        sql = f"select report_id, {subject}, year, {columns} from marts.{table}"
        assert_same(keyed(spark, sql, 3), keyed(db, sql, 3))


def test_cagr_reconciliation_matches(spark: Any, db: duckdb.DuckDBPyConnection) -> None:
    sql = (
        "select figure_id, period_start_year, period_end_year, period_years, implied_cagr_pct, difference_pp, "
        "is_consistent, reconciliation_status from marts.fct_cagr_reconciliation"
    )
    assert_same(keyed(spark, sql, 1), keyed(db, sql, 1))


def test_market_comparison_matches(spark: Any, db: duckdb.DuckDBPyConnection) -> None:
    sql = (
        "select year, report_id, report_count, reported_count, min_market_size_usd_bn, median_market_size_usd_bn, "
        "max_market_size_usd_bn, size_rank from marts.fct_market_comparison"
    )
    assert_same(keyed(spark, sql, 2), keyed(db, sql, 2))


def test_figures_keep_their_text_and_lines(
    spark: Any, db: duckdb.DuckDBPyConnection, build_db: duckdb.DuckDBPyConnection
) -> None:
    # Blank cells stay null, quotes and commas survive, and every row keeps its line of the CSV.
    sql = "select figure_id, value_as_stated, unit_as_stated, qualifier, excerpt, section, source_file, source_line from marts.fct_report_figures"
    assert_same(keyed(spark, sql, 1), keyed(db, sql, 1))
    for table in ("stg_report_claims", "stg_report_mentions", "stg_regions", "stg_segments", "stg_reports"):
        sql = f"select * from staging.{table}"
        assert sorted(rows(spark, sql), key=repr) == sorted(rows(build_db, sql), key=repr), table


def test_spark_leaves_its_files_inside_target(spark_build: DbtRun) -> None:
    project: Path = spark_build.project_dir
    for leftover in ("metastore_db", "spark-warehouse", "derby.log"):
        assert not (project / leftover).exists(), leftover
    assert (project / "target" / "spark" / "metastore_db").is_dir()
    assert (project / "target" / "spark" / "spark-warehouse" / "marts.db").is_dir()
