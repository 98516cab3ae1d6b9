"""Build the market dashboard: one self-contained, interactive HTML page from the published warehouse.

The page holds the marts' rows as JSON, plotly.js (inlined from the installed `plotly` package) and
its own code (dashboard.js, package data beside this module), so it opens from disk with no network.
The reader picks a market and geography; every number shown is a mart value rounded for display, and
a null the marts hold is shown as "not disclosed" (or "not covered"), never as a number.

The data goes in as a JSON script element with `<`, `>`, `&`, U+2028 and U+2029 escaped, and the
page is put together by joining fixed pieces: no value passes through a placeholder substitution.
A Content-Security-Policy lets only the page's own two scripts run (by their hashes) and fetch nothing.

Usage: python -m market_sizing.dashboard.page [--database PATH] [--output target/dashboard.html]
       (or market-sizing-dashboard; default: the published warehouse)
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from market_sizing.publishing.settings import published_path

# The page's shell and code: package data of market_sizing.dashboard.
ASSETS = resources.files("market_sizing.dashboard")
LOCKED_DOWN = {"enable_external_access": False, "lock_configuration": True}
Rows = list[dict[str, Any]]

QUERIES = {
    "markets": """
        select market_id, market_name, parent_market_id, definition
        from marts.dim_markets
        order by market_name""",
    "regions": """
        select region_id, region_name, region_level, is_residual
        from marts.dim_regions
        order by region_id""",
    "segments": """
        select segment_id, segment_name, segment_dimension, is_residual
        from marts.dim_segments
        order by segment_id""",
    "reports": """
        select report_id, publisher, title, market_id, geography_id, market_name as market_name_as_worded,
            edition, edition_rank, is_primary, base_year, source_url, published_via, published_on,
            first_year, last_year
        from marts.dim_reports
        order by market_id, geography_id, publisher, edition_rank desc, report_id""",
    "figures": """
        select figure_id, report_id, measure, year, value_as_stated, unit_as_stated, qualifier, excerpt,
            section, source_url
        from marts.fct_report_figures
        order by figure_id""",
    "sizes": """
        select report_id, year, market_size_usd_bn, basis, growth_rate_pct, source_figure_ids
        from marts.fct_market_size_yearly
        order by report_id, year""",
    "consensus": """
        select market_id, geography_id, year, publisher, report_id, edition, market_size_usd_bn, basis,
            publisher_count, reported_count, min_market_size_usd_bn, median_market_size_usd_bn,
            max_market_size_usd_bn, spread_pct, difference_from_median_pct, robust_z_score, is_outlier,
            outlier_status
        from marts.fct_market_consensus
        order by market_id, geography_id, year, publisher""",
    "revisions": """
        select publisher, market_id, geography_id, year, report_id, edition, previous_report_id,
            previous_edition, market_size_usd_bn, basis, previous_market_size_usd_bn, previous_basis,
            change_usd_bn, change_pct
        from marts.fct_forecast_revisions
        order by market_id, geography_id, publisher, edition, year""",
    "claims": """
        select market_id, geography_id, question, subject_type, subject_family, publisher, report_id,
            edition, claim_id, subject_id, year, excerpt
        from marts.fct_claim_comparison
        where agreement_status = 'contested'
        order by market_id, geography_id, question, subject_family, publisher, claim_id""",
    "regional": """
        select report_id, region_id, region_level, year, year_basis, share_pct, revenue_usd_bn, basis,
            share_basis, revenue_basis, qualifier, claim_summary
        from marts.fct_regional_revenue
        order by report_id, year nulls first, region_level, region_id""",
    "segment_shares": """
        select report_id, segment_id, segment_dimension, year, year_basis, share_pct, revenue_usd_bn, basis,
            share_basis, revenue_basis, qualifier, claim_summary
        from marts.fct_segment_shares
        order by report_id, segment_dimension, year nulls first, segment_id""",
    "cagr": """
        select figure_id, report_id, region_id, segment_id, period_start_year, period_end_year,
            period_as_stated, period_basis, period_rule, stated_cagr_pct, stated_decimal_places,
            implied_cagr_pct, difference_pp, is_consistent, reconciliation_status
        from marts.fct_cagr_reconciliation
        order by report_id, figure_id""",
    "build": """
        select strftime(built_at_utc, '%Y-%m-%d %H:%M:%S') || ' UTC' as built_at, git_commit
        from meta.build_info""",
}

# Characters that must never appear raw inside a <script> element's JSON: `<` (a closing tag or a
# comment opener), `>` and `&` (for good measure), and the two line separators older parsers choke on.
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
SLOT = re.compile(r"<!--slot:([a-z]+)-->")


def plain(value: object) -> object:
    """A JSON value for a DuckDB value (dates and timestamps as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def read_marts(database: Path) -> dict[str, Rows]:
    """The rows the dashboard shows, read-only and locked down as the README's readers are."""
    with duckdb.connect(str(database), read_only=True, config=LOCKED_DOWN) as connection:
        data: dict[str, Rows] = {}
        for name, sql in QUERIES.items():
            cursor = connection.execute(sql)
            columns = [column[0] for column in cursor.description]
            data[name] = [
                {column: plain(value) for column, value in zip(columns, row, strict=True)} for row in cursor.fetchall()
            ]
    return data


def script_json(data: object) -> str:
    """JSON that is safe as the text of a <script> element whatever the strings in it hold."""
    text = json.dumps(data, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
    return "".join(JSON_ESCAPES.get(character, character) for character in text)


def plotly_js() -> str:
    """plotly.min.js as the installed plotly package ships it."""
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def inline_script(code: str) -> str:
    """An inline script element; code that could close it early is refused rather than mangled."""
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        raise ValueError("script code holds '</script' or '<!--' and cannot be inlined as it is")
    return f"<script>{code}</script>"


def csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def render(data: dict[str, Rows], library: str | None = None) -> str:
    """The page: the shell's fixed pieces joined with the policy, the data and the two scripts."""
    library = plotly_js() if library is None else library
    application = (ASSETS / "dashboard.js").read_text(encoding="utf-8")
    policy = "; ".join(
        (
            "default-src 'none'",
            f"script-src {csp_hash(library)} {csp_hash(application)}",
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    pieces = {
        "policy": f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        "data": f'<script type="application/json" id="dashboard-data">{script_json(data)}</script>',
        "scripts": inline_script(library) + inline_script(application),
    }
    # The shell is split before anything is joined to it, so a value can never be taken for a slot.
    parts = SLOT.split((ASSETS / "dashboard.html").read_text(encoding="utf-8"))
    names = parts[1::2]
    if sorted(names) != sorted(pieces):
        raise ValueError(f"dashboard.html must hold each slot once: {sorted(pieces)}, found {names}")
    page = [parts[0]]
    for name, static in zip(names, parts[2::2], strict=True):
        page += [pieces[name], static]
    return "".join(page)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database", type=Path, default=Path(published_path(os.environ)))
    parser.add_argument("--output", type=Path, default=Path("target/dashboard.html"))
    arguments = parser.parse_args()
    if not arguments.database.exists():
        parser.error(f"{arguments.database} not found: run `make build` first")
    page = render(read_marts(arguments.database))
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = arguments.output.with_name(arguments.output.name + ".tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(arguments.output)
    size = len(page.encode("utf-8"))
    print(f"dashboard: wrote {arguments.output} ({size / 1024 / 1024:.1f} MiB) from {arguments.database}")


if __name__ == "__main__":
    main()
