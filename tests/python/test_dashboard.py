"""The dashboard: `make dashboard`'s page, rendered in headless Chromium with no network, draws its
charts and shows only mart values (each number checked against the marts), "not disclosed" where
the marts hold null. The screenshot is kept in target/dashboard.png."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from support import REPO_ROOT, DbtRun

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
NO_VALUE = {"not disclosed", "not checkable"}
KEY_COLUMNS = {
    "fct_market_size_yearly": ("report_id", "year"),
    "fct_market_comparison": ("year", "report_id"),
    "fct_cagr_reconciliation": ("figure_id",),
    "fct_regional_revenue": ("report_id", "region_id", "year"),
    "fct_segment_shares": ("report_id", "segment_id", "year"),
}


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("headless Chromium not found: install Debian's package `chromium` (apt-get install -y chromium)")


@dataclass
class Shown:
    """One number element of the page: the mart value it names and the text it shows."""

    mart: str
    key: dict[str, object]
    column: str
    decimals: int
    text: str = ""


@dataclass
class PageParser(HTMLParser):
    """Collects the number elements (data-mart) and counts SVG elements by tag and class."""

    shown: list[Shown] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    body_attributes: dict[str, str] = field(default_factory=dict)
    _open: list[tuple[str, Shown | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name in attributes.get("class", "").split():
            self.classes[name] = self.classes.get(name, 0) + 1
        if tag == "body":
            self.body_attributes = attributes
        item = None
        if "data-mart" in attributes:
            item = Shown(
                attributes["data-mart"],
                json.loads(attributes["data-key"]),
                attributes["data-column"],
                int(attributes["data-decimals"]),
            )
            self.shown.append(item)
        if tag not in ("circle", "rect", "line", "path", "br", "meta"):
            self._open.append((tag, item))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, item in self._open:
            if item is not None:
                item.text += data


def to_fixed(value: float | int, decimals: int) -> str:
    """JavaScript's Number.prototype.toFixed: the exact binary value, halves away from zero."""
    return str(Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def page(warehouse: DbtRun, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, PageParser]:
    browser = chromium()
    work = tmp_path_factory.mktemp("dashboard")
    output = work / "dashboard.html"
    built = subprocess.run(
        [sys.executable, "tools/dashboard.py", "--database", str(warehouse.database), "--output", str(output)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    flags = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", "--window-size=1200,5200"]
    dumped = subprocess.run(
        [*flags, "--dump-dom", output.as_uri()], capture_output=True, text=True, timeout=120, check=False
    )
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    screenshot = REPO_ROOT / "target" / "dashboard.png"
    screenshot.parent.mkdir(exist_ok=True)
    shot = subprocess.run(
        [*flags, f"--screenshot={screenshot}", output.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.returncode == 0 and screenshot.stat().st_size > 10_000, shot.stderr[-2000:]
    parser = PageParser()
    parser.feed(dumped.stdout)
    return output.read_text(encoding="utf-8"), parser


def test_the_page_is_self_contained(page: tuple[str, PageParser]) -> None:
    source, _ = page
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", source, re.IGNORECASE)
    assert not re.search(r"<link\b", source, re.IGNORECASE)
    assert not re.search(r"@import|url\(", source)
    # The one address in the page is the SVG namespace name, which is never fetched.
    assert set(re.findall(r"https?://[^\s\"'<>]+", source)) == {"http://www.w3.org/2000/svg"}


def test_the_charts_drew(page: tuple[str, PageParser], warehouse: DbtRun) -> None:
    _, parser = page
    assert parser.body_attributes.get("data-rendered") == "true", "the drawing code did not finish"
    with duckdb.connect(str(warehouse.database), read_only=True) as db:
        reports = db.execute("select count(distinct report_id) from marts.fct_market_size_yearly").fetchone()[0]
        stated = db.execute("select count(*) from marts.fct_market_size_yearly where basis = 'reported'").fetchone()[0]
        computed = db.execute(
            "select count(*) from marts.fct_market_size_yearly where basis <> 'reported' and market_size_usd_bn is not null"
        ).fetchone()[0]
        primary_stated, primary_computed = db.execute(
            "select count(*) filter (where basis = 'reported'), count(*) filter (where basis <> 'reported')"
            " from marts.fct_market_comparison where is_primary"
        ).fetchone()
        years = db.execute("select count(distinct year) from marts.fct_market_comparison").fetchone()[0]
        cagr = db.execute("select count(*) from marts.fct_cagr_reconciliation").fetchone()[0]
    assert parser.tags.get("svg", 0) >= 5
    assert parser.classes.get("series") == reports
    # Stated points are drawn apart from computed ones: in the trajectory, and for the primary among its peers.
    assert parser.classes.get("point-stated") == stated + primary_stated
    assert parser.classes.get("point-computed") == computed + primary_computed
    assert parser.classes.get("peer-range") == years
    assert parser.classes.get("cagr-stated") == cagr
    assert parser.classes.get("bar", 0) > 10


def test_every_number_shown_is_a_mart_value(page: tuple[str, PageParser], warehouse: DbtRun) -> None:
    _, parser = page
    assert len(parser.shown) > 100
    checked = 0
    with duckdb.connect(str(warehouse.database), read_only=True) as db:
        for item in parser.shown:
            key_columns = KEY_COLUMNS[item.mart]
            assert set(item.key) == set(key_columns), item
            rows = db.execute(
                f"select {item.column} from marts.{item.mart} where "
                + " and ".join(f"{column} is not distinct from ?" for column in key_columns),
                [item.key[column] for column in key_columns],
            ).fetchall()
            assert len(rows) == 1, item
            value = rows[0][0]
            text = item.text.strip()
            if text in NO_VALUE:
                assert value is None, (item, value)
            else:
                assert value is not None, item
                assert text == to_fixed(value, item.decimals), (item, value)
                checked += 1
    assert checked > 80


def test_what_the_reports_do_not_disclose_is_shown_as_such(page: tuple[str, PageParser], warehouse: DbtRun) -> None:
    _, parser = page
    with duckdb.connect(str(warehouse.database), read_only=True) as db:
        for mart, column in (("fct_regional_revenue", "revenue_usd_bn"), ("fct_segment_shares", "share_pct")):
            expected = {
                tuple(row)
                for row in db.execute(
                    f"select {', '.join(KEY_COLUMNS[mart])} from marts.{mart} where basis = 'not_disclosed'"
                ).fetchall()
            }
            shown = {
                tuple(item.key[name] for name in KEY_COLUMNS[mart])
                for item in parser.shown
                if item.mart == mart and item.column == column and item.text.strip() == "not disclosed"
            }
            assert expected and shown == expected, mart
        stated = {
            tuple(row)
            for row in db.execute(
                "select report_id, year from marts.fct_market_size_yearly where basis = 'reported'"
            ).fetchall()
        }
    in_table = {
        (item.key["report_id"], item.key["year"])
        for item in parser.shown
        if item.mart == "fct_market_size_yearly" and item.column == "market_size_usd_bn"
    }
    assert in_table == stated


def test_make_dashboard_writes_the_page(warehouse: DbtRun, tmp_path: Path) -> None:
    output = tmp_path / "page.html"
    completed = subprocess.run(
        [
            "make",
            "-s",
            "-o",
            ".venv/.installed",
            "dashboard",
            f"DB={warehouse.database}",
            f"DASHBOARD={output}",
            f"BIN={Path(sys.executable).parent}",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert output.read_text(encoding="utf-8").count("const DATA = {") == 1
