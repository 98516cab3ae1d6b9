"""The Evidence project (bi/evidence): its built pages, served on localhost and rendered in headless
Chromium, show the marts of the published warehouse: every row of each table, each number equal to
the mart value at the decimals shown, an empty value ("-") exactly where the mart holds null.

Run by `make test-evidence` (marker `evidence`, left out of the default run), which installs the
Evidence project, runs its sources against the published warehouse and builds it first.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from market_sizing.publishing.settings import published_path
from support import HEADLESS_CHROMIUM, REPO_ROOT

pytestmark = pytest.mark.evidence

EVIDENCE_DIR = REPO_ROOT / "bi" / "evidence"
BUILD_DIR = Path(os.environ.get("EVIDENCE_BUILD_DIR", EVIDENCE_DIR / "build"))
DATABASE = REPO_ROOT / published_path()
CHROMIUM_FLAGS = (
    *HEADLESS_CHROMIUM,
    # Virtual time: the page's scripts (DuckDB-Wasm and the queries) run to the end before the dump.
    "--virtual-time-budget=60000",
)
EMPTY = "-"


@dataclass(frozen=True)
class TableCheck:
    """A page's data table (in <div data-table=...>): its mart query, key columns, shown columns."""

    page: str
    name: str
    query: str
    key: tuple[str, ...]
    columns: dict[str, str]  # column title on the page -> column of the query
    decimals: dict[str, int] = field(default_factory=dict)


TABLES = (
    TableCheck(
        "market-size",
        "market_size_yearly",
        "select sizes.report_id, reports.publisher, sizes.year, sizes.market_size_usd_bn, sizes.basis"
        " from marts.fct_market_size_yearly as sizes join marts.dim_reports as reports using (report_id)",
        ("report_id", "year"),
        {
            "Report": "report_id",
            "Publisher": "publisher",
            "Year": "year",
            "Market size (USD bn)": "market_size_usd_bn",
            "Basis": "basis",
        },
        {"year": 0, "market_size_usd_bn": 3},
    ),
    TableCheck(
        "regional-revenue",
        "regional_revenue",
        "select report_id, region_id, year, share_pct, revenue_usd_bn, basis from marts.fct_regional_revenue",
        ("report_id", "region_id", "year"),
        {
            "Report": "report_id",
            "Region": "region_id",
            "Year": "year",
            "Share (%)": "share_pct",
            "Revenue (USD bn)": "revenue_usd_bn",
            "Basis": "basis",
        },
        {"year": 0, "share_pct": 3, "revenue_usd_bn": 3},
    ),
    TableCheck(
        "cagr-reconciliation",
        "cagr_reconciliation",
        "select report_id, figure_id, stated_cagr_pct, implied_cagr_pct, reconciliation_status"
        " from marts.fct_cagr_reconciliation",
        ("report_id", "figure_id"),
        {
            "Report": "report_id",
            "Figure": "figure_id",
            "Stated CAGR (%)": "stated_cagr_pct",
            "Implied CAGR (%)": "implied_cagr_pct",
            "Status": "reconciliation_status",
        },
        {"stated_cagr_pct": 3, "implied_cagr_pct": 3},
    ),
    TableCheck(
        "market-consensus",
        "market_consensus",
        "select market_id, geography_id, year, publisher, market_size_usd_bn, median_market_size_usd_bn,"
        " min_market_size_usd_bn, max_market_size_usd_bn, publisher_count, outlier_status"
        " from marts.fct_market_consensus",
        ("market_id", "geography_id", "year", "publisher"),
        {
            "Market": "market_id",
            "Geography": "geography_id",
            "Year": "year",
            "Publisher": "publisher",
            "Estimate (USD bn)": "market_size_usd_bn",
            "Median (USD bn)": "median_market_size_usd_bn",
            "Min (USD bn)": "min_market_size_usd_bn",
            "Max (USD bn)": "max_market_size_usd_bn",
            "Publishers": "publisher_count",
            "Outlier status": "outlier_status",
        },
        {
            "year": 0,
            "market_size_usd_bn": 3,
            "median_market_size_usd_bn": 3,
            "min_market_size_usd_bn": 3,
            "max_market_size_usd_bn": 3,
            "publisher_count": 0,
        },
    ),
)

# Single values in the text (<span data-check=...>), with the query that gives each.
VALUES = {
    "": {
        "reports": "select count(distinct report_id) from marts.fct_market_size_yearly",
        "first_year": "select min(year) from marts.fct_market_size_yearly",
        "last_year": "select max(year) from marts.fct_market_size_yearly",
        "built_at_utc": "select strftime(built_at_utc, '%Y-%m-%d %H:%M:%S') from meta.build_info",
        "git_commit": "select git_commit from meta.build_info",
    },
    "market-size": {
        "stated_values": "select count(*) from marts.fct_market_size_yearly where basis = 'reported'",
    },
    "regional-revenue": {
        "rows_not_disclosed": "select count(*) from marts.fct_regional_revenue where basis = 'not_disclosed'",
    },
}


VOID_TAGS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class RenderedPage(HTMLParser):
    """The data tables (column titles, row cell texts) and the checked values of a rendered page.

    A table is the one inside <div data-table=NAME>, leaving out the copy in DataTable's full-screen
    <dialog>; its column titles are the last header row's.
    """

    tables: dict[str, tuple[list[str], list[list[str]]]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    _open: list[str] = field(default_factory=list)
    _table: tuple[str, int] | None = None
    _value: tuple[str, int] | None = None
    _dialog_depth: int | None = None
    _in_header: bool = False
    _cell: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        self._open.append(tag)
        depth = len(self._open)
        attributes = {name: value or "" for name, value in attrs}
        if "data-table" in attributes:
            self._table = (attributes["data-table"], depth)
            self.tables[attributes["data-table"]] = ([], [])
        if "data-check" in attributes:
            self._value = (attributes["data-check"], depth)
            self.values[attributes["data-check"]] = ""
        if tag == "dialog" and self._dialog_depth is None:
            self._dialog_depth = depth
        if self._table is None or self._dialog_depth is not None:
            return
        header, rows = self.tables[self._table[0]]
        if tag == "thead":
            self._in_header = True
        elif tag == "tr":
            if self._in_header:
                header.clear()
            else:
                rows.append([])
        elif tag in {"th", "td"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or tag not in self._open:
            return
        while self._open:
            depth = len(self._open)
            closed = self._open.pop()
            self._close(closed, depth)
            if closed == tag:
                break

    def _close(self, tag: str, depth: int) -> None:
        if self._table is not None and self._dialog_depth is None:
            header, rows = self.tables[self._table[0]]
            if tag in {"th", "td"} and self._cell is not None:
                text = " ".join("".join(self._cell).split())
                (header if self._in_header else rows[-1]).append(text)
                self._cell = None
            elif tag == "thead":
                self._in_header = False
        if self._dialog_depth == depth:
            self._dialog_depth = None
        if self._table is not None and self._table[1] == depth:
            self._table = None
        if self._value is not None and self._value[1] == depth:
            self._value = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._value is not None:
            self.values[self._value[0]] += data
        if "Error in Query" in data or "Query Error" in data:
            self.errors.append(data.strip())


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium not found: install Debian's package `chromium` (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The built Evidence site, served on an ephemeral port of localhost only."""
    if not (BUILD_DIR / "index.html").is_file():
        pytest.fail(f"{BUILD_DIR} holds no built Evidence site: run `make test-evidence`")
    handler = functools.partial(QuietHandler, directory=str(BUILD_DIR))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Serve without a line on stderr per request."""


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Chromium drops its connections when it exits after the dump: not an error of the site."""


@functools.cache
def render(base_url: str, page: str) -> RenderedPage:
    completed = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, "--dump-dom", f"{base_url}/{page}"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    parsed = RenderedPage()
    parsed.feed(completed.stdout)
    parsed.close()
    return parsed


@pytest.fixture(scope="module")
def warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    if not DATABASE.is_file():
        pytest.fail(f"{DATABASE} not found: build the warehouse first (make build)")
    connection = duckdb.connect(str(DATABASE), read_only=True)
    yield connection
    connection.close()


def shown_number(text: str) -> float:
    assert re.fullmatch(r"-?[\d,]+(\.\d+)?", text), text
    return float(text.replace(",", ""))


def assert_shown(text: str, value: object, decimals: int | None, where: str) -> None:
    """The page shows the mart value: rounded to `decimals` for numbers, '-' for null, text as is."""
    if value is None:
        assert text == EMPTY, where
    elif decimals is None:
        assert text == str(value), where
    else:
        assert abs(shown_number(text) - float(value)) <= 0.5 * 10**-decimals + 1e-9, (where, text, value)


@pytest.mark.parametrize("check", TABLES, ids=[check.name for check in TABLES])
def test_every_table_row_equals_the_marts(server: str, warehouse: duckdb.DuckDBPyConnection, check: TableCheck) -> None:
    page = render(server, check.page)
    assert not page.errors, page.errors
    assert check.name in page.tables, f"no <div data-table={check.name}> with a table on /{check.page}"
    header, rows = page.tables[check.name]
    assert header == list(check.columns), header
    relation = warehouse.sql(check.query)
    expected = {
        tuple(record[column] for column in check.key): record
        for record in (dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall())
    }
    assert len(rows) == len(expected), (len(rows), len(expected))
    seen = set()
    for cells in rows:
        shown = dict(zip(check.columns.values(), cells, strict=True))
        key = tuple(
            int(shown_number(shown[column])) if column in check.decimals else shown[column] for column in check.key
        )
        assert key in expected, key
        seen.add(key)
        for column, text in shown.items():
            assert_shown(text, expected[key][column], check.decimals.get(column), f"/{check.page} {key} {column}")
    assert seen == expected.keys()


def test_not_disclosed_is_shown_empty(server: str, warehouse: duckdb.DuckDBPyConnection) -> None:
    header, rows = render(server, "regional-revenue").tables["regional_revenue"]
    basis = header.index("Basis")
    not_disclosed = [row for row in rows if row[basis] == "not_disclosed"]
    expected = warehouse.execute(
        "select count(*) from marts.fct_regional_revenue where basis = 'not_disclosed'"
    ).fetchone()[0]
    assert expected > 0 and len(not_disclosed) == expected
    assert all(row[header.index("Revenue (USD bn)")] == EMPTY for row in not_disclosed)


@pytest.mark.parametrize("page", list(VALUES), ids=[page or "index" for page in VALUES])
def test_values_in_the_text_equal_the_marts(server: str, warehouse: duckdb.DuckDBPyConnection, page: str) -> None:
    rendered = render(server, page)
    assert not rendered.errors, rendered.errors
    for name, query in VALUES[page].items():
        expected = warehouse.execute(query).fetchone()[0]
        shown = rendered.values.get(name, "").strip()
        if isinstance(expected, int):
            assert shown_number(shown) == expected, (page, name, shown)
        else:
            assert shown == str(expected), (page, name, shown)
