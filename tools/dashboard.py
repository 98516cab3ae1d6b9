"""Build the market dashboard: one self-contained HTML page from the published warehouse.

The page carries the marts' rows as JSON and its own small SVG drawing code (tools/dashboard.js), so
it opens anywhere with no network. It shows only what the marts hold: every number on the page is a
mart value (rounded for display), and a row the marts mark `not_disclosed` is shown as "not
disclosed", never as a number. Each displayed number names its source in `data-mart`, `data-key` and
`data-column`, which tests/python/test_dashboard.py checks against the marts.

Usage: python tools/dashboard.py --database market_sizing.duckdb --output target/dashboard.html
"""

from __future__ import annotations

import argparse
import html
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

HERE = Path(__file__).resolve().parent
LOCKED_DOWN = {"enable_external_access": False, "lock_configuration": True}

QUERIES = {
    "reports": """
        select report_id, publisher, title, market_name, edition, is_primary, first_year, last_year
        from marts.dim_reports
        order by is_primary desc, publisher, edition""",
    "sizes": """
        select report_id, year, market_size_usd_bn, basis
        from marts.fct_market_size_yearly
        order by report_id, year""",
    "regions": """
        select f.report_id, f.region_id, d.region_name, f.region_level, f.year, f.share_pct, f.revenue_usd_bn,
            f.basis, f.is_point_value, f.qualifier
        from marts.fct_regional_revenue as f
        inner join marts.dim_regions as d on f.region_id = d.region_id
        order by f.report_id, f.year, f.region_level, d.is_residual, f.region_id""",
    "segments": """
        select f.report_id, f.segment_id, d.segment_name, f.segment_dimension, f.year, f.share_pct,
            f.revenue_usd_bn, f.basis, f.is_point_value, f.qualifier
        from marts.fct_segment_shares as f
        inner join marts.dim_segments as d on f.segment_id = d.segment_id
        order by f.report_id, f.segment_dimension, f.year, d.is_residual, f.segment_id""",
    "cagr": """
        select figure_id, report_id, region_id, segment_id, period_start_year, period_end_year, period_as_stated,
            stated_cagr_pct, stated_decimal_places, implied_cagr_pct, difference_pp, is_consistent,
            reconciliation_status
        from marts.fct_cagr_reconciliation
        order by report_id, figure_id""",
    "comparison": """
        select year, report_id, is_primary, market_size_usd_bn, basis, report_count, reported_count,
            min_market_size_usd_bn, median_market_size_usd_bn, max_market_size_usd_bn,
            difference_from_median_pct, size_rank
        from marts.fct_market_comparison
        order by year, size_rank, report_id""",
    "build": "select built_at_utc, git_commit from meta.build_info",
}


def plain(value: object) -> object:
    """A JSON value for a DuckDB value (dates and timestamps as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def read_marts(database: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows the dashboard shows, read-only and locked down as the README's readers are."""
    with duckdb.connect(str(database), read_only=True, config=LOCKED_DOWN) as connection:
        data: dict[str, list[dict[str, Any]]] = {}
        for name, sql in QUERIES.items():
            cursor = connection.execute(sql)
            columns = [column[0] for column in cursor.description]
            data[name] = [
                {column: plain(value) for column, value in zip(columns, row, strict=True)} for row in cursor.fetchall()
            ]
    return data


def render(data: dict[str, list[dict[str, Any]]]) -> str:
    """The page: the template with the stylesheet, the data and the drawing code inlined."""
    template = (HERE / "dashboard.html").read_text(encoding="utf-8")
    payload = json.dumps(data, allow_nan=False, separators=(",", ":")).replace("</", "<\\/")
    primary = next((report for report in data["reports"] if report["is_primary"]), data["reports"][0])
    return (
        template.replace("/*__DATA__*/null", payload)
        .replace("/*__SCRIPT__*/", (HERE / "dashboard.js").read_text(encoding="utf-8"))
        .replace("__TITLE__", html.escape(f"{primary['market_name']}: market sizing dashboard"))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=Path("market_sizing.duckdb"))
    parser.add_argument("--output", type=Path, default=Path("target/dashboard.html"))
    arguments = parser.parse_args()
    if not arguments.database.exists():
        parser.error(f"{arguments.database} not found: run `make build` first")
    page = render(read_marts(arguments.database))
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = arguments.output.with_name(arguments.output.name + ".tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(arguments.output)
    print(f"dashboard: wrote {arguments.output} ({len(page) // 1024} KiB) from {arguments.database}")


if __name__ == "__main__":
    main()
