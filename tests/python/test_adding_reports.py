"""Adding a report is rows in the seeds, no SQL; malformed rows stop the build with a clear message."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from support import run_dbt

NEW_MARKET = {
    "market_id": "acme_widgets",
    "market_name": "Widgets",
    "parent_market_id": "",
    "definition": "Widgets of every kind, sold to manufacturers.",
}

NEW_REPORT = {
    "report_id": "acme_widget_2024",
    "publisher": "Acme Insights",
    "title": "Widget Market",
    "market_id": "acme_widgets",
    "geography_id": "world",
    "market_name": "global widget market",
    "edition": "2024",
    "base_year": "",
    "currency": "USD",
    "is_primary": "false",
}

NEW_SOURCE = {
    "source_id": "acme_widget_2024__release",
    "report_id": "acme_widget_2024",
    "source_url": "https://example.org/widgets",
    "published_via": "press release",
    "published_on": "",
    "accessed_on": "2026-11-25",
    "source_document": "",
}

# Start value and CAGR only, stated in USD million with a thousands-free number; a bound share.
NEW_FIGURES = [
    (
        "acme_size_2023",
        "market_size",
        "",
        "",
        "2023",
        "",
        "",
        "",
        "1861.2",
        "USD million",
        "",
        "valued at USD 1861.2 million in 2023",
    ),
    (
        "acme_cagr",
        "cagr",
        "",
        "",
        "",
        "2024",
        "2030",
        "from 2024 to 2030",
        "5.0",
        "percent",
        "",
        "a CAGR of 5.0% from 2024 to 2030",
    ),
    (
        "acme_share_europe",
        "share",
        "europe",
        "",
        "2023",
        "",
        "",
        "",
        "32",
        "percent",
        "over",
        "Europe held over 32% share",
    ),
]


def append_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writerows(rows)


def add_new_report(project: Path) -> None:
    append_rows(project / "seeds" / "markets.csv", [NEW_MARKET])
    append_rows(project / "seeds" / "reports.csv", [NEW_REPORT])
    append_rows(project / "seeds" / "report_sources.csv", [NEW_SOURCE])
    columns = [
        "figure_id",
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
    ]
    figures = [
        dict(zip(columns, values, strict=True)) | {"report_id": NEW_REPORT["report_id"], "section": "Summary"}
        for values in NEW_FIGURES
    ]
    append_rows(project / "seeds" / "report_figures.csv", figures)


def test_a_new_report_is_rows_in_the_seeds(fresh_project: Path) -> None:
    add_new_report(fresh_project)
    run = run_dbt(fresh_project, "build")
    assert run.returncode == 0, run.output
    with run.connect() as db:
        series = db.execute(
            "select year, market_size_usd_bn, basis from marts.fct_market_size_yearly "
            "where report_id = 'acme_widget_2024' order by year"
        ).fetchall()
        assert [row[0] for row in series] == list(range(2023, 2031))
        assert series[0][1:] == (1.8612, "reported")
        for offset, (_, value, basis) in enumerate(series[1:], start=1):
            assert basis == "extrapolated"
            assert value == pytest.approx(1.8612 * 1.05**offset, rel=1e-12)
        share, revenue, basis, point = db.execute(
            "select share_pct, revenue_usd_bn, basis, is_point_value from marts.fct_regional_revenue "
            "where report_id = 'acme_widget_2024' and region_id = 'europe'"
        ).fetchone()
        # A lower bound is recorded as stated and never turned into revenue or a remainder.
        assert (share, revenue, basis, point) == (32.0, None, "reported", False)
        assert (
            db.execute(
                "select count(*) from marts.fct_regional_revenue where report_id = 'acme_widget_2024' and region_id like 'unallocated%'"
            ).fetchone()[0]
            == 0
        )


def test_a_negative_market_size_stops_the_build_naming_file_line_and_rule(fresh_project: Path) -> None:
    path = fresh_project / "seeds" / "report_figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line_number = next(number for number, line in enumerate(lines, start=1) if line.startswith("dmr25_size_2034,"))
    lines[line_number - 1] = lines[line_number - 1].replace(",558.4,", ",-558.4,")
    path.write_text("".join(lines), encoding="utf-8")
    run = run_dbt(fresh_project, "build")
    assert run.returncode != 0
    assert f"seeds/report_figures.csv line {line_number} [dmr25_size_2034]" in run.output
    assert "a market size must be greater than zero" in run.output
    assert "fct_market_size_yearly" not in _created_tables(run.output)


def _created_tables(output: str) -> str:
    return "\n".join(line for line in output.splitlines() if "OK created" in line)
