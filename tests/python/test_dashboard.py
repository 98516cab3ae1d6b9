"""The dashboard: `make dashboard`'s page, driven in headless Chromium over the DevTools protocol with
no network. For every market and geography the page offers, it must draw that scope's reports only,
and every number it shows (tables, chart data, hover texts) must be a mart value rounded as displayed,
"not disclosed" only where the marts hold null. A value holding `</script>` must not break the page.
The screenshot is kept in target/dashboard.png."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
import pytest

from market_sizing.dashboard import page as dashboard
from support import HEADLESS_CHROMIUM, REPO_ROOT, DbtRun

CHROMIUM_FLAGS = (
    *HEADLESS_CHROMIUM,
    "--disable-extensions",
    "--remote-debugging-pipe",
)
NO_VALUE = {"not disclosed", "not covered", "not comparable", "not checkable"}
KEYS = {
    "fct_market_size_yearly": ("report_id", "year"),
    "fct_market_consensus": ("market_id", "geography_id", "year", "publisher"),
    "fct_forecast_revisions": ("report_id", "year"),
    "fct_regional_revenue": ("report_id", "region_id", "year"),
    "fct_segment_shares": ("report_id", "segment_id", "year"),
    "fct_cagr_reconciliation": ("figure_id",),
    "fct_report_figures": ("figure_id",),
}
HOSTILE = '</script><script>window.injected = 1</script><!-- \u2028\u2029 <!--slot:data--> & "q" </SCRIPT>'
Json = Any


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("headless Chromium not found: install Debian's package `chromium` (apt-get install -y chromium)")


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (file descriptors 3 and 4)."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser, self._writer = os.pipe()
        self._reader, from_browser = os.pipe()
        # Numbers above 4, so that the shell's redirections to 3 and 4 cannot overwrite one another.
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
        for fd in (to_browser, from_browser):
            os.close(fd)
        command = " ".join([f"exec 3<&{ends[0]} 4>&{ends[1]} {ends[0]}<&- {ends[1]}>&-;", 'exec "$@"'])
        self.process = subprocess.Popen(
            ["bash", "-c", command, "chromium", executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}"],
            pass_fds=ends,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fd in ends:
            os.close(fd)
        self._next_id = 0
        self._messages: queue.Queue[Json] = queue.Queue()
        self.events: list[Json] = []
        threading.Thread(target=self._read, daemon=True).start()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable", session=self.session)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session=self.session,
        )

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._reader, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._messages.put(json.loads(message))

    def call(self, method: str, params: dict[str, Json] | None = None, session: str | None = None) -> Json:
        self._next_id += 1
        message: dict[str, Json] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._writer, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            reply = self._messages.get(timeout=max(deadline - time.monotonic(), 0.1))
            if reply.get("id") == self._next_id:
                assert "error" not in reply, (method, reply["error"])
                return reply["result"]
            self.events.append(reply)

    def evaluate(self, expression: str) -> Json:
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self.session,
        )
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> Json:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}; errors: {self.errors()}")

    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=self.session)
        self.wait_for("document.readyState === 'complete'")

    def errors(self) -> list[Json]:
        """Script errors, console errors and log errors (a Content-Security-Policy refusal among them)."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(params["args"])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def screenshot(self, path: Path) -> None:
        size = self.call("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(size["height"], 8000), "scale": 1}
        shot = self.call(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
            session=self.session,
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        # The browser may go before it answers.
        with contextlib.suppress(AssertionError, OSError, queue.Empty):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._writer)


# What the page shows for the scope it is drawing, gathered in one evaluation.
STATE = """(() => {
  const text = (node) => node.textContent.trim();
  const charts = {};
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    charts[gd.id] = {
      traces: gd.data.map((trace) => ({
        name: trace.name, type: trace.type, meta: trace.meta || null, visible: trace.visible === undefined ? true : trace.visible,
        x: trace.x, y: trace.y, customdata: trace.customdata || null, text: trace.text || null,
      })),
      points: gd.querySelectorAll('.scatterlayer .point, .barlayer .point').length,
      legend: [...gd.querySelectorAll('.legendtext')].map(text),
      ticks: [...gd.querySelectorAll('.xtick text, .ytick text, .xtick2 text')].map(text),
    };
  }
  return {
    rendered: document.body.dataset.rendered,
    charts: charts,
    scope: window.dashboard.scope,
    reports: window.dashboard.reports,
    shown: window.dashboard.shown,
    cells: [...document.querySelectorAll('[data-shown]')].map((cell) => [Number(cell.dataset.shown), text(cell)]),
    reportRows: [...document.querySelectorAll('#reports-table tr[data-report-id]')].map((row) => row.dataset.reportId),
    reportTitles: [...document.querySelectorAll('#reports-table tr[data-report-id] td:nth-child(3)')].map((cell) => cell.textContent),
    claimRows: [...document.querySelectorAll('#claims-table tr[data-claim-id]')].map((row) => row.dataset.claimId),
    labels: [...document.querySelectorAll('td:not(.excerpt), th, option, h1, h3, svg text')]
      .filter((node) => !node.querySelector('a')).map(text),
    injected: window.injected === undefined ? null : window.injected,
    title: document.title,
  };
})()"""


def as_displayed(value: float | int, decimals: int) -> str:
    """What the page shows: JavaScript's toFixed (the exact binary value, halves away from zero),
    thousands separated, and no negative zero."""
    text = str(Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    if re.fullmatch(r"-0(\.0+)?", text):
        text = text[1:]
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}"
    return sign + grouped + ("." + fraction if fraction else "")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def hover_plain(text: str) -> str:
    """A hover text as the reader sees it: line breaks as spaces, tags dropped, entities decoded."""
    text = re.sub(r"<br>", " ", text)
    text = re.sub(r"</?b>", "", text)
    return norm(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def rows(db: duckdb.DuckDBPyConnection, sql: str, *parameters: object) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(parameters))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def build_page(database: Path, output: Path) -> Path:
    built = subprocess.run(
        [sys.executable, "-m", "market_sizing.dashboard.page", "--database", str(database), "--output", str(output)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return output


def page_url(page: Path, market: str | None = None, geography: str | None = None) -> str:
    query = urlencode({key: value for key, value in (("market", market), ("geography", geography)) if value})
    return page.as_uri() + ("?" + query if query else "")


def open_scope(browser: Browser, page: Path, market: str, geography: str) -> dict[str, Any]:
    browser.open(page_url(page, market, geography))
    browser.wait_for(f"document.body.dataset.rendered === {json.dumps(market + '|' + geography)}")
    state: dict[str, Any] = browser.evaluate(STATE)
    assert browser.errors() == []
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in browser.requests()), browser.requests()
    return state


def check_scope(db: duckdb.DuckDBPyConnection, state: dict[str, Any], market: str, geography: str) -> None:
    """Everything the page shows for one scope against the marts."""
    reports = rows(
        db, "select report_id, title from marts.dim_reports where market_id = ? and geography_id = ?", market, geography
    )
    report_ids = {row["report_id"] for row in reports}
    assert state["scope"] == {"market_id": market, "geography_id": geography}
    assert set(state["reports"]) == report_ids
    assert set(state["reportRows"]) == report_ids and len(state["reportRows"]) == len(report_ids)
    assert sorted(state["reportTitles"]) == sorted(row["title"] for row in reports)
    shown = state["shown"]
    charts = state["charts"]

    # Every number shown, in a table cell or a hover text, is the mart value rounded as displayed.
    for item in shown:
        key_columns = KEYS[item["mart"]]
        assert set(item["key"]) == set(key_columns), item
        found = db.execute(
            f"select {item['column']}, * from marts.{item['mart']} where "
            + " and ".join(f"{column} is not distinct from ?" for column in key_columns),
            [item["key"][column] for column in key_columns],
        )
        names = [column[0] for column in found.description]
        matches = found.fetchall()
        assert len(matches) == 1, item
        value, row = matches[0][0], dict(zip(names[1:], matches[0][1:], strict=True))
        in_scope = row["report_id"] in report_ids if "report_id" in row else False
        assert in_scope or (row.get("market_id"), row.get("geography_id")) == (market, geography), item
        if item["text"] in NO_VALUE:
            assert value is None, (item, value)
        elif item["decimals"] is None:
            assert item["text"] == str(value), (item, value)
        else:
            assert value is not None, item
            assert item["text"] == as_displayed(value, item["decimals"]), (item, value)
        where = item["where"]
        if "chart" in where:
            hover = charts[where["chart"]]["traces"][where["trace"]]["text"][where["point"]]
            assert item["text"] in hover_plain(hover), (item, hover)
    # The registry is what the cells show.
    assert state["cells"] and all(shown[index]["text"] == text for index, text in state["cells"])
    assert len({index for index, _ in state["cells"]}) == len(state["cells"])
    assert not any(re.fullmatch(r"-0(\.0+)?|NaN|-?Infinity|undefined|null", item["text"]) for item in shown)

    # The charts' data are the marts' values, exactly, for the keys they name.
    plotted: dict[tuple[str, str], set[tuple[object, ...]]] = {}
    for chart_id, chart in charts.items():
        for trace in chart["traces"]:
            meta = trace["meta"]
            if not meta or trace["customdata"] is None:
                continue
            values = trace["y"]
            assert len(values) == len(trace["customdata"]), (chart_id, trace["name"])
            for key, value in zip(trace["customdata"], values, strict=True):
                columns = KEYS[meta["mart"]]
                expected = db.execute(
                    f"select {meta['column']} from marts.{meta['mart']} where "
                    + " and ".join(f"{column} is not distinct from ?" for column in columns),
                    [key[column] for column in columns],
                ).fetchall()
                assert expected == [(value,)], (chart_id, trace["name"], key, value, expected)
                bucket = meta["column"] + (":outlier" if meta.get("outliers") else "")
                plotted.setdefault((meta["mart"], bucket), set()).add(tuple(key[column] for column in columns))
            if "year" in meta["key"] and not isinstance(trace["x"][0] if trace["x"] else 0, list):
                assert trace["x"] == [key["year"] for key in trace["customdata"]], trace["name"]

    def keys(sql: str) -> set[tuple[object, ...]]:
        return {tuple(row) for row in db.execute(sql, [market, geography]).fetchall()}

    scope = "market_id = ? and geography_id = ?"
    sizes = "select report_id, year from marts.fct_market_size_yearly where " + scope
    assert plotted.get(("fct_market_size_yearly", "market_size_usd_bn"), set()) == keys(
        sizes + " and market_size_usd_bn is not null"
    )
    consensus = "select market_id, geography_id, year, publisher from marts.fct_market_consensus where " + scope
    assert plotted.get(("fct_market_consensus", "market_size_usd_bn"), set()) == keys(consensus)
    assert plotted.get(("fct_market_consensus", "market_size_usd_bn:outlier"), set()) == keys(
        consensus + " and is_outlier"
    )
    revisions = "select report_id, year from marts.fct_forecast_revisions where " + scope
    assert plotted.get(("fct_forecast_revisions", "change_pct"), set()) == keys(
        revisions + " and change_pct is not null"
    )

    # Stated points name their publisher, edition, words and address; computed ones their basis
    # and the figures they came from; consensus estimates their outlier status.
    sizes_chart = charts.get("sizes-chart")
    stated = rows(
        db,
        "select s.report_id, s.year, s.basis, s.source_figure_ids, r.publisher, r.edition"
        " from marts.fct_market_size_yearly as s inner join marts.dim_reports as r using (report_id)"
        " where s.market_id = ? and s.geography_id = ? and s.market_size_usd_bn is not null",
        market,
        geography,
    )
    hovers = {}
    if sizes_chart:
        assert sizes_chart["points"] >= len(stated)
        for trace in sizes_chart["traces"]:
            for key, text in zip(trace["customdata"] or [], trace["text"] or [], strict=True):
                hovers[(key["report_id"], key["year"])] = hover_plain(text)
    for row in stated:
        hover = hovers[(row["report_id"], row["year"])]
        assert norm(row["publisher"]) in hover and norm(row["edition"]) in hover
        figures = [figure.strip() for figure in row["source_figure_ids"].split(",")]
        for figure in rows(
            db,
            "select excerpt, source_url from marts.fct_report_figures where list_contains(?, figure_id)",
            figures,
        ):
            assert norm(figure["excerpt"]) in hover, (row, hover)
            if row["basis"] == "reported":
                assert norm(figure["source_url"]) in hover, (row, hover)
        assert ("stated" if row["basis"] == "reported" else row["basis"]) in hover
    statuses = {
        (row["year"], row["publisher"]): row["outlier_status"]
        for row in rows(
            db,
            "select year, publisher, outlier_status from marts.fct_market_consensus where " + scope,
            market,
            geography,
        )
    }
    for trace in charts.get("consensus-chart", {"traces": []})["traces"]:
        if trace["meta"] and trace["meta"]["column"] == "market_size_usd_bn" and trace["text"]:
            for key, text in zip(trace["customdata"], trace["text"], strict=True):
                assert norm(statuses[(key["year"], key["publisher"])]) in hover_plain(text)

    # What the reports do not disclose is shown as such: each number whose own basis says so.
    for mart, subject in (("fct_regional_revenue", "region_id"), ("fct_segment_shares", "segment_id")):
        for column, basis in (("share_pct", "share_basis"), ("revenue_usd_bn", "revenue_basis")):
            undisclosed = keys(
                f"select report_id, {subject}, year from marts.{mart} where {basis} = 'not_disclosed' and {scope}"
            )
            as_such = {
                tuple(item["key"][name] for name in KEYS[mart])
                for item in shown
                if item["mart"] == mart and item["column"] == column and item["text"] == "not disclosed"
            }
            assert as_such == undisclosed, (mart, column)

    # Contested claims of this scope, and only those.
    contested = keys(
        "select claim_id from marts.fct_claim_comparison where agreement_status = 'contested' and " + scope
    )
    assert {(claim,) for claim in state["claimRows"]} == contested

    # Display names, not identifiers, in every label.
    named = db.execute(
        "select region_id from marts.dim_regions where region_id <> region_name"
        " union all select segment_id from marts.dim_segments where segment_id <> segment_name"
        " union all select market_id from marts.dim_markets where market_id <> market_name"
        " union all select distinct segment_dimension from marts.dim_segments where segment_dimension like '%\\_%' escape '\\'"
    ).fetchall()
    labels = " | ".join(
        state["labels"] + [name for chart in charts.values() for name in chart["legend"] + chart["ticks"]]
    )
    leaked = [
        identifier for (identifier,) in named if re.search(rf"(?<![\w-]){re.escape(identifier)}(?![\w-])", labels)
    ]
    assert leaked == [], leaked


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = chromium()
    driven = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    yield driven
    driven.close()


@pytest.fixture(scope="module")
def page(warehouse: DbtRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_page(warehouse.database, tmp_path_factory.mktemp("dashboard") / "dashboard.html")


def scopes(database: Path) -> list[tuple[str, str]]:
    with duckdb.connect(str(database), read_only=True) as db:
        return [
            tuple(row)
            for row in db.execute(
                "select distinct market_id, geography_id from marts.dim_reports order by all"
            ).fetchall()
        ]


def test_the_page_is_one_file_that_fetches_nothing(page: Path) -> None:
    source = page.read_text(encoding="utf-8")

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append((tag, dict(attrs)))

    tags = Tags()
    tags.feed(source)
    assert [tag for tag, _ in tags.found if tag == "script"] == ["script"] * 3
    assert not [tag for tag, attributes in tags.found if {"src", "href"} & set(attributes) or tag in ("link", "iframe")]
    policy = next(a["content"] or "" for tag, a in tags.found if a.get("http-equiv") == "Content-Security-Policy")
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["default-src"] == "'none'"
    # Only the page's own two scripts run, by their hashes: an injected script element would not.
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'", directives["script-src"])


def test_every_scope_shows_its_own_reports_and_mart_values(page: Path, browser: Browser, warehouse: DbtRun) -> None:
    all_scopes = scopes(warehouse.database)
    assert len({market for market, _ in all_scopes}) > 1
    with duckdb.connect(str(warehouse.database), read_only=True) as db:
        for market, geography in all_scopes:
            state = open_scope(browser, page, market, geography)
            check_scope(db, state, market, geography)
            assert state["charts"]["sizes-chart"]["points"] > 0


def test_the_selector_switches_market(page: Path, browser: Browser, warehouse: DbtRun) -> None:
    with duckdb.connect(str(warehouse.database), read_only=True) as db:
        primary = db.execute("select market_id, geography_id from marts.dim_reports where is_primary").fetchone()
        other = db.execute(
            "select market_id from marts.dim_reports where market_id <> ? order by market_id limit 1", [primary[0]]
        ).fetchone()[0]
        other_scopes = [scope for scope in scopes(warehouse.database) if scope[0] == other]
        expected = next((scope for scope in other_scopes if scope[1] == "world"), other_scopes[0])
        browser.open(page.as_uri())
        browser.wait_for(f"document.body.dataset.rendered === {json.dumps('|'.join(primary))}")
        screenshot = REPO_ROOT / "target" / "dashboard.png"
        screenshot.parent.mkdir(exist_ok=True)
        browser.screenshot(screenshot)
        assert screenshot.stat().st_size > 50_000
        browser.evaluate(
            "(() => { const select = document.getElementById('market-select');"
            f" select.value = {json.dumps(other)}; select.dispatchEvent(new Event('change')); }})()"
        )
        browser.wait_for(f"document.body.dataset.rendered === {json.dumps('|'.join(expected))}")
        state = browser.evaluate(STATE)
        assert browser.errors() == []
        check_scope(db, state, *expected)
        # A real hover on a stated point shows its words.
        hover = browser.evaluate(
            """(() => { const gd = document.getElementById('sizes-chart');
              const trace = gd.data.findIndex((t) => t.name.endsWith('(stated)'));
              Plotly.Fx.hover(gd, [{curveNumber: trace, pointNumber: 0}]);
              return [gd.data[trace].text[0], [...gd.querySelectorAll('.hovertext')].map((n) => n.textContent).join(' ')]; })()"""
        )
        first_words = hover_plain(hover[0]).split("“")[1][:20]
        assert first_words and first_words in hover[1]


def test_a_hostile_value_does_not_break_the_page(warehouse: DbtRun, browser: Browser, tmp_path: Path) -> None:
    database = tmp_path / "hostile.duckdb"
    shutil.copy(warehouse.database, database)
    database.chmod(0o644)
    with duckdb.connect(str(database)) as db:
        market, geography, report = db.execute(
            "select market_id, geography_id, report_id from marts.dim_reports where is_primary"
        ).fetchone()
        db.execute(
            "update marts.dim_reports set title = ?, publisher = publisher || ? where report_id = ?",
            [HOSTILE, HOSTILE, report],
        )
        db.execute("update marts.fct_report_figures set excerpt = excerpt || ? where report_id = ?", [HOSTILE, report])
        # One estimate flagged, so that the outlier marking is exercised whatever the shipped data holds.
        db.execute(
            "update marts.fct_market_consensus set is_outlier = true, outlier_status = ?"
            " where (market_id, geography_id, year, publisher) in"
            " (select market_id, geography_id, year, publisher from marts.fct_market_consensus"
            "  where market_id = ? and geography_id = ? order by year desc, publisher limit 1)",
            ["outlier: " + HOSTILE, market, geography],
        )
    page = build_page(database, tmp_path / "hostile.html")
    source = page.read_text(encoding="utf-8")
    assert HOSTILE not in source and "\u2028" not in source
    state = open_scope(browser, page, market, geography)
    assert state["injected"] is None
    assert HOSTILE in state["reportTitles"]
    with duckdb.connect(str(database), read_only=True) as db:
        check_scope(db, state, market, geography)
    outliers = [t for t in state["charts"]["consensus-chart"]["traces"] if (t["meta"] or {}).get("outliers")]
    assert len(outliers) == 1 and len(outliers[0]["y"]) == 1 and outliers[0]["visible"] is True


def test_data_embedding_survives_any_string() -> None:
    data = {"rows": [{"title": HOSTILE, "n": 1.5, "none": None}]}
    text = dashboard.script_json(data)
    assert json.loads(text) == data
    assert not set(text) & set("<>&\u2028\u2029")
    page = dashboard.render({name: [] for name in dashboard.QUERIES} | {"reports": [{"title": HOSTILE}]}, library="1;")
    assert page.count("<!--slot:") == 0 and page.lower().count("</script>") == 3
    with pytest.raises(ValueError, match="cannot be inlined"):
        dashboard.render({}, library="x = '</script>';")


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
    assert output.read_text(encoding="utf-8").count('id="dashboard-data"') == 1
