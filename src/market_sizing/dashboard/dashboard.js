// The market dashboard's code (inlined into the page by market_sizing.dashboard.page after plotly.js).
// It reads the marts' rows from the JSON script element, lets the reader pick a market and
// geography (also as ?market=...&geography=... in the address), and draws that scope's reports
// only. Every number it shows is a mart value rounded for display, recorded in window.dashboard.shown
// with the mart, key and column it comes from; a null is shown as "not disclosed", never as 0.
"use strict";

(function () {
  const DATA = JSON.parse(document.getElementById("dashboard-data").textContent);
  const NOT_DISCLOSED = "not disclosed";
  const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF"];
  const DASHES = ["solid", "dot", "dash", "dashdot"];
  const ACRONYMS = { cmo: "CMO", cdmo: "CDMO", api: "API", us: "US" };
  const LEVELS = { world: "World", region: "Regions", country: "Countries" };
  const QUESTIONS = { leads: "Who leads", leads_volume: "Who leads volume", fastest_growing: "Fastest growing", gaining_share: "Gaining share", key_market: "Key market" };
  const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"] };

  const index = (rows, key) => new Map(rows.map((row) => [row[key], row]));
  const REPORTS = index(DATA.reports, "report_id");
  const MARKETS = index(DATA.markets, "market_id");
  const REGIONS = index(DATA.regions, "region_id");
  const SEGMENTS = index(DATA.segments, "segment_id");
  const FIGURES = index(DATA.figures, "figure_id");

  let shown = [];

  // ---- formatting -------------------------------------------------------------------------------

  // Fixed decimals, thousands separated, and never "-0.0": a value that rounds to zero shows as 0.
  function formatNumber(value, decimals) {
    let text = value.toFixed(decimals);
    if (/^-0(\.0+)?$/.test(text)) text = text.slice(1);
    const [whole, fraction] = text.split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return fraction === undefined ? grouped : grouped + "." + fraction;
  }

  // Record one mart value shown on the page and return its text ("not disclosed" for a null).
  function show(mart, key, column, value, decimals, where, nullText) {
    const text = value === null || value === undefined ? nullText || NOT_DISCLOSED : decimals === null ? String(value) : formatNumber(value, decimals);
    shown.push({ mart: mart, key: key, column: column, decimals: decimals, text: text, where: where });
    return text;
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // Plain text for a hover label: escaped, wrapped at word boundaries.
  function wrap(text, width) {
    const lines = [];
    let line = "";
    for (const word of String(text).split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    if (line) lines.push(line);
    return lines.map(escapeHtml).join("<br>");
  }

  function humanize(id) {
    const words = String(id).split("_").map((word) => ACRONYMS[word] || word);
    const first = words[0] || "";
    return [first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(" ");
  }

  const regionName = (id) => (REGIONS.get(id) || { region_name: humanize(id) }).region_name;
  const segmentName = (id) => (SEGMENTS.get(id) || { segment_name: humanize(id) }).segment_name;
  const subjectName = (type, id) => (type === "segment" ? segmentName(id) : regionName(id));
  const CLAIM_TYPES = { leads: "Leads", leads_revenue: "Leads revenue", leads_volume: "Leads volume", gaining_share: "Gaining share", fastest_growing: "Fastest growing", key_market: "Key market" };
  const claimText = (summary) => (summary || "").replace(/\b([a-z_]+):/g, (match, type) => (CLAIM_TYPES[type] ? CLAIM_TYPES[type] + ":" : match));
  const reportLabel = (report) => report.publisher + " · " + report.edition + " edition";

  function mix(hex, share) {
    const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
    return "rgb(" + channels.map((channel) => Math.round(channel + (255 - channel) * share)).join(",") + ")";
  }

  // ---- DOM helpers ------------------------------------------------------------------------------

  function element(tag, parent, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }

  function table(container, headers) {
    const node = element("table", container);
    const head = element("tr", element("thead", node));
    for (const header of headers) element("th", head, header.replace(/^#/, ""), header.startsWith("#") ? "n" : "");
    return element("tbody", node);
  }

  // A table cell showing one mart value; it carries the value's source so the tests can check it.
  function numberCell(row, mart, key, column, value, decimals, nullText) {
    const cell = element("td", row, null, "n");
    cell.dataset.shown = String(shown.length);
    cell.textContent = show(mart, key, column, value, decimals, { table: true }, nullText);
    if (value === null || value === undefined) cell.classList.add("nd");
    return cell;
  }

  function link(parent, url) {
    const anchor = element("a", parent, url);
    anchor.href = url;
    anchor.rel = "noopener noreferrer";
    anchor.target = "_blank";
    return anchor;
  }

  function placeholder(id, message) {
    const node = document.getElementById(id);
    Plotly.purge(node);
    node.replaceChildren(element("p", null, message, "empty"));
    return Promise.resolve();
  }

  function plot(id, traces, layout) {
    const node = document.getElementById(id);
    if (node.querySelector("p.empty")) node.replaceChildren();
    const base = {
      margin: { l: 64, r: 16, t: 36, b: 48 },
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif", size: 12, color: "#1f2933" },
      hovermode: "closest",
      hoverlabel: { align: "left", bgcolor: "#ffffff", bordercolor: "#9aa5b1", font: { size: 12, color: "#1f2933" } },
      paper_bgcolor: "#ffffff",
      plot_bgcolor: "#ffffff",
      legend: { font: { size: 11.5 } },
    };
    return Plotly.react(node, traces, Object.assign(base, layout), PLOT_CONFIG);
  }

  function yearAxis(years) {
    const span = years.length ? Math.max(...years) - Math.min(...years) : 0;
    return { title: { text: "Year" }, tickformat: "d", dtick: span > 12 ? 2 : 1, gridcolor: "#eef1f4", zeroline: false };
  }

  // ---- scope ------------------------------------------------------------------------------------

  function scopes() {
    const found = new Map();
    for (const report of DATA.reports) found.set(report.market_id + "|" + report.geography_id, { market_id: report.market_id, geography_id: report.geography_id });
    return [...found.values()];
  }

  function initialScope() {
    const parameters = new URLSearchParams(window.location.search);
    const all = scopes();
    const primary = DATA.reports.find((report) => report.is_primary) || DATA.reports[0];
    const market = parameters.get("market") || (primary && primary.market_id);
    const inMarket = all.filter((scope) => scope.market_id === market);
    if (!inMarket.length) return all.find((scope) => primary && scope.market_id === primary.market_id && scope.geography_id === primary.geography_id) || all[0];
    const geography = parameters.get("geography") || (primary && primary.market_id === market ? primary.geography_id : "world");
    return inMarket.find((scope) => scope.geography_id === geography) || inMarket.find((scope) => scope.geography_id === "world") || inMarket[0];
  }

  function fillSelectors(scope) {
    const marketSelect = document.getElementById("market-select");
    const geographySelect = document.getElementById("geography-select");
    const all = scopes();
    const markets = [...new Set(all.map((item) => item.market_id))].sort((a, b) => (MARKETS.get(a) || {}).market_name.localeCompare((MARKETS.get(b) || {}).market_name));
    marketSelect.replaceChildren(...markets.map((id) => new Option(MARKETS.get(id).market_name, id)));
    marketSelect.value = scope.market_id;
    const geographies = all.filter((item) => item.market_id === scope.market_id).map((item) => item.geography_id);
    geographies.sort((a, b) => (a === "world" ? -1 : b === "world" ? 1 : regionName(a).localeCompare(regionName(b))));
    geographySelect.replaceChildren(...geographies.map((id) => new Option(regionName(id), id)));
    geographySelect.value = scope.geography_id;
  }

  function onSelect(changed) {
    const market = document.getElementById("market-select").value;
    const inMarket = scopes().filter((scope) => scope.market_id === market);
    const geography = changed === "market" ? null : document.getElementById("geography-select").value;
    const scope = inMarket.find((item) => item.geography_id === geography) || inMarket.find((item) => item.geography_id === "world") || inMarket[0];
    try {
      const parameters = new URLSearchParams({ market: scope.market_id, geography: scope.geography_id });
      window.history.replaceState(null, "", "?" + parameters.toString());
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from disk; the view still changes.
    }
    render(scope);
  }

  // ---- sections ---------------------------------------------------------------------------------

  function colorsOf(reports) {
    const publishers = [...new Set(reports.map((report) => report.publisher))];
    const colors = new Map();
    for (const report of reports) {
      const base = PALETTE[publishers.indexOf(report.publisher) % PALETTE.length];
      colors.set(report.report_id, { color: mix(base, Math.min(report.edition_rank - 1, 3) * 0.28), dash: DASHES[Math.min(report.edition_rank - 1, DASHES.length - 1)], base: base });
    }
    return colors;
  }

  function renderHeader(scope, reports) {
    const market = MARKETS.get(scope.market_id);
    const title = market.market_name + ", " + regionName(scope.geography_id) + ": market sizing dashboard";
    document.getElementById("title").textContent = title;
    document.title = title;
    document.getElementById("definition").textContent = market.definition || "";
    const build = DATA.build[0];
    document.getElementById("build").textContent = build ? "Warehouse built " + build.built_at + " from commit " + build.git_commit + "." : "";
    const container = document.getElementById("reports-table") || element("div", null);
    container.id = "reports-table";
    container.replaceChildren();
    document.getElementById("sizes").appendChild(container);
    const body = table(container, ["Publisher", "Edition", "Title", "Market as worded", "Years", "Main source"]);
    for (const report of reports) {
      const row = element("tr", body);
      row.dataset.reportId = report.report_id;
      element("td", row, report.publisher);
      element("td", row, report.edition + (report.edition_rank > 1 ? " (earlier edition)" : ""));
      element("td", row, report.title);
      element("td", row, report.market_name_as_worded);
      element("td", row, report.first_year === null ? "" : report.first_year + "–" + report.last_year);
      link(element("td", row), report.source_url);
    }
  }

  function consensusRow(rows, reportId, year) {
    return rows.find((row) => row.report_id === reportId && row.year === year);
  }

  function renderSizes(reports, colors, consensus) {
    const traces = [];
    const years = [];
    const chart = "sizes-chart";
    const meta = { mart: "fct_market_size_yearly", column: "market_size_usd_bn", key: ["report_id", "year"] };
    for (const report of reports) {
      const rows = DATA.sizes.filter((row) => row.report_id === report.report_id && row.market_size_usd_bn !== null);
      if (!rows.length) continue;
      const style = colors.get(report.report_id);
      const label = reportLabel(report);
      years.push(...rows.map((row) => row.year));
      traces.push({
        type: "scatter", mode: "lines", name: label, legendgroup: report.report_id, hoverinfo: "skip",
        x: rows.map((row) => row.year), y: rows.map((row) => row.market_size_usd_bn),
        line: { color: style.color, dash: style.dash, width: report.is_primary ? 3 : 2 },
      });
      for (const stated of [true, false]) {
        const points = rows.filter((row) => (row.basis === "reported") === stated);
        if (!points.length) continue;
        const trace = {
          type: "scatter", mode: "markers", name: label + (stated ? " (stated)" : " (computed)"), legendgroup: report.report_id, showlegend: false,
          x: [], y: [], text: [], customdata: [], hovertemplate: "%{text}<extra></extra>", meta: meta,
          marker: stated ? { color: style.color, size: 10, symbol: "circle", line: { color: "#ffffff", width: 1 } } : { color: style.color, size: 6, symbol: "circle-open", line: { width: 1.5 } },
        };
        const at = traces.push(trace) - 1;
        for (const row of points) {
          const where = { chart: chart, trace: at, point: trace.x.length };
          const key = { report_id: row.report_id, year: row.year };
          const lines = ["<b>" + escapeHtml(report.publisher) + "</b> · " + escapeHtml(report.edition) + " edition"];
          const value = show("fct_market_size_yearly", key, "market_size_usd_bn", row.market_size_usd_bn, 1, where);
          lines.push(row.year + ": <b>USD " + value + " bn</b> (" + (stated ? "stated" : escapeHtml(row.basis)) + ")");
          const figures = (row.source_figure_ids || "").split(",").map((id) => FIGURES.get(id.trim())).filter(Boolean);
          if (stated) {
            for (const figure of figures) {
              lines.push("“" + wrap(figure.excerpt, 72) + "”");
              lines.push("Source: " + wrap(figure.source_url || report.source_url, 72));
            }
          } else {
            if (row.growth_rate_pct !== null) lines.push("at " + show("fct_market_size_yearly", key, "growth_rate_pct", row.growth_rate_pct, 2, where) + "% a year");
            lines.push("computed from the stated figures:");
            for (const figure of figures) {
              const amount = show("fct_report_figures", { figure_id: figure.figure_id }, "value_as_stated", figure.value_as_stated, null, where);
              lines.push("• " + (figure.year === null ? "" : figure.year + ": ") + escapeHtml((figure.qualifier ? figure.qualifier + " " : "") + amount + " " + figure.unit_as_stated) + " — “" + wrap(figure.excerpt, 64) + "”");
            }
          }
          const peer = consensusRow(consensus, row.report_id, row.year);
          if (peer) lines.push("Consensus: " + wrap(peer.outlier_status, 72));
          trace.x.push(row.year);
          trace.y.push(row.market_size_usd_bn);
          trace.customdata.push(key);
          trace.text.push(lines.join("<br>"));
        }
      }
    }
    if (!traces.length) return placeholder(chart, "No report of this scope states a market size.");
    return plot(chart, traces, {
      height: 470,
      xaxis: yearAxis(years),
      yaxis: { title: { text: "USD billion" }, tickformat: ",.0f", gridcolor: "#eef1f4", zeroline: false },
      legend: { font: { size: 11.5 }, orientation: "v", x: 1.02, y: 1, xanchor: "left" },
    });
  }

  function showDetails(event) {
    const details = document.getElementById("details");
    const point = event.points && event.points[0];
    if (!point || !point.customdata || !point.data.meta || point.data.meta.mart !== "fct_market_size_yearly") return;
    const row = DATA.sizes.find((item) => item.report_id === point.customdata.report_id && item.year === point.customdata.year);
    const report = REPORTS.get(point.customdata.report_id);
    if (!row || !report) return;
    details.replaceChildren();
    element("strong", details, reportLabel(report) + ", " + row.year + ": USD " + formatNumber(row.market_size_usd_bn, 1) + " bn (" + (row.basis === "reported" ? "stated" : row.basis) + ")");
    for (const id of (row.source_figure_ids || "").split(",")) {
      const figure = FIGURES.get(id.trim());
      if (!figure) continue;
      const paragraph = element("p", details, "“" + figure.excerpt + "” (" + (figure.section || "source") + ") ");
      link(paragraph, figure.source_url || report.source_url);
    }
  }

  function renderConsensus(rows, colors) {
    const chart = "consensus-chart";
    if (!rows.length) return placeholder(chart, "No estimates for this scope.");
    const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
    const firstOfYear = years.map((year) => rows.find((row) => row.year === year));
    const keyOf = (row) => ({ market_id: row.market_id, geography_id: row.geography_id, year: row.year, publisher: row.publisher });
    const meta = (column) => ({ mart: "fct_market_consensus", column: column, key: ["market_id", "geography_id", "year", "publisher"] });
    const traces = [
      { type: "scatter", mode: "lines", x: years, y: firstOfYear.map((row) => row.min_market_size_usd_bn), line: { width: 0 }, hoverinfo: "skip", showlegend: false, customdata: firstOfYear.map(keyOf), meta: meta("min_market_size_usd_bn") },
      { type: "scatter", mode: "lines", name: "Range (smallest to largest)", x: years, y: firstOfYear.map((row) => row.max_market_size_usd_bn), fill: "tonexty", fillcolor: "rgba(31,58,95,0.13)", line: { width: 0 }, hoverinfo: "skip", customdata: firstOfYear.map(keyOf), meta: meta("max_market_size_usd_bn") },
    ];
    const median = { type: "scatter", mode: "lines+markers", name: "Median", x: years, y: [], text: [], customdata: [], hovertemplate: "%{text}<extra></extra>", line: { color: "#1f3a5f", dash: "dash", width: 2 }, marker: { size: 5, color: "#1f3a5f" }, meta: meta("median_market_size_usd_bn") };
    const medianAt = traces.push(median) - 1;
    for (const row of firstOfYear) {
      const where = { chart: chart, trace: medianAt, point: median.y.length };
      const key = keyOf(row);
      const lines = ["<b>" + row.year + " consensus</b>"];
      lines.push("Median: USD " + show("fct_market_consensus", key, "median_market_size_usd_bn", row.median_market_size_usd_bn, 1, where) + " bn");
      lines.push("Range: USD " + show("fct_market_consensus", key, "min_market_size_usd_bn", row.min_market_size_usd_bn, 1, where) + " to " + show("fct_market_consensus", key, "max_market_size_usd_bn", row.max_market_size_usd_bn, 1, where) + " bn");
      lines.push("Spread: " + show("fct_market_consensus", key, "spread_pct", row.spread_pct, 1, where) + "%");
      lines.push("Publishers: " + show("fct_market_consensus", key, "publisher_count", row.publisher_count, 0, where) + ", of which stating the year: " + show("fct_market_consensus", key, "reported_count", row.reported_count, 0, where));
      median.y.push(row.median_market_size_usd_bn);
      median.text.push(lines.join("<br>"));
      median.customdata.push(key);
    }
    const publishers = [...new Set(rows.map((row) => row.publisher))];
    for (const publisher of publishers) {
      const estimates = rows.filter((row) => row.publisher === publisher);
      const color = (colors.get(estimates[0].report_id) || { base: "#52606d" }).base;
      const trace = { type: "scatter", mode: "markers", name: publisher, x: [], y: [], text: [], customdata: [], hovertemplate: "%{text}<extra></extra>", marker: { color: color, size: 8, symbol: [] }, meta: meta("market_size_usd_bn") };
      const at = traces.push(trace) - 1;
      for (const row of estimates) {
        const where = { chart: chart, trace: at, point: trace.x.length };
        const key = keyOf(row);
        const lines = ["<b>" + escapeHtml(row.publisher) + "</b> · " + escapeHtml(row.edition) + " edition, " + row.year];
        lines.push("USD " + show("fct_market_consensus", key, "market_size_usd_bn", row.market_size_usd_bn, 1, where) + " bn (" + (row.basis === "reported" ? "stated" : escapeHtml(row.basis)) + ")");
        lines.push("Against the median: " + show("fct_market_consensus", key, "difference_from_median_pct", row.difference_from_median_pct, 1, where) + "%");
        if (row.robust_z_score !== null) lines.push("Robust z-score: " + show("fct_market_consensus", key, "robust_z_score", row.robust_z_score, 2, where));
        lines.push("<b>" + wrap(row.outlier_status, 72) + "</b>");
        trace.x.push(row.year);
        trace.y.push(row.market_size_usd_bn);
        trace.marker.symbol.push(row.basis === "reported" ? "circle" : "circle-open");
        trace.customdata.push(key);
        trace.text.push(lines.join("<br>"));
      }
    }
    const outliers = rows.filter((row) => row.is_outlier === true);
    traces.push({
      type: "scatter", mode: "markers", name: "Flagged outlier", x: outliers.map((row) => row.year), y: outliers.map((row) => row.market_size_usd_bn),
      customdata: outliers.map(keyOf), hoverinfo: "skip", meta: Object.assign(meta("market_size_usd_bn"), { outliers: true }),
      marker: { size: 20, symbol: "circle-open", color: "#c81e1e", line: { width: 2.5 } },
      visible: outliers.length ? true : "legendonly",
    });
    return plot(chart, traces, {
      height: 420,
      xaxis: yearAxis(years),
      yaxis: { title: { text: "USD billion" }, tickformat: ",.0f", gridcolor: "#eef1f4", zeroline: false },
      legend: { font: { size: 11.5 }, orientation: "v", x: 1.02, y: 1, xanchor: "left" },
    });
  }

  function renderRevisions(rows, colors) {
    const chart = "revisions-chart";
    const container = document.getElementById("revisions-table");
    container.replaceChildren();
    if (!rows.length) return placeholder(chart, "No publisher has two editions of this market and geography.");
    const keyOf = (row) => ({ report_id: row.report_id, year: row.year });
    const body = table(container, ["Publisher", "Editions", "Year", "#Earlier, USD bn", "Earlier basis", "#Later, USD bn", "Later basis", "#Change, USD bn", "#Change, %"]);
    const traces = [];
    const pairs = [...new Set(rows.map((row) => row.report_id))];
    for (const reportId of pairs) {
      const pairRows = rows.filter((row) => row.report_id === reportId);
      const first = pairRows[0];
      const name = first.publisher + ": " + first.previous_edition + " → " + first.edition + " edition";
      const trace = { type: "bar", textposition: "none", name: name, x: [], y: [], text: [], customdata: [], hovertemplate: "%{text}<extra></extra>", marker: { color: (colors.get(reportId) || { base: "#52606d" }).base }, meta: { mart: "fct_forecast_revisions", column: "change_pct", key: ["report_id", "year"] } };
      const at = traces.push(trace) - 1;
      for (const row of pairRows) {
        const key = keyOf(row);
        const tableRow = element("tr", body);
        element("td", tableRow, row.publisher);
        element("td", tableRow, row.previous_edition + " → " + row.edition);
        element("td", tableRow, String(row.year));
        numberCell(tableRow, "fct_forecast_revisions", key, "previous_market_size_usd_bn", row.previous_market_size_usd_bn, 1, "not covered");
        element("td", tableRow, row.previous_basis || "");
        numberCell(tableRow, "fct_forecast_revisions", key, "market_size_usd_bn", row.market_size_usd_bn, 1, "not covered");
        element("td", tableRow, row.basis || "");
        numberCell(tableRow, "fct_forecast_revisions", key, "change_usd_bn", row.change_usd_bn, 1, "not comparable");
        numberCell(tableRow, "fct_forecast_revisions", key, "change_pct", row.change_pct, 1, "not comparable");
        if (row.change_pct === null) continue;
        const where = { chart: chart, trace: at, point: trace.x.length };
        const lines = ["<b>" + escapeHtml(row.publisher) + "</b>, " + row.year];
        lines.push(escapeHtml(row.previous_edition) + " edition: USD " + show("fct_forecast_revisions", key, "previous_market_size_usd_bn", row.previous_market_size_usd_bn, 1, where) + " bn (" + escapeHtml(row.previous_basis) + ")");
        lines.push(escapeHtml(row.edition) + " edition: USD " + show("fct_forecast_revisions", key, "market_size_usd_bn", row.market_size_usd_bn, 1, where) + " bn (" + escapeHtml(row.basis) + ")");
        lines.push("Revised by " + show("fct_forecast_revisions", key, "change_pct", row.change_pct, 1, where) + "% (USD " + show("fct_forecast_revisions", key, "change_usd_bn", row.change_usd_bn, 1, where) + " bn)");
        trace.x.push(row.year);
        trace.y.push(row.change_pct);
        trace.customdata.push(key);
        trace.text.push(lines.join("<br>"));
      }
    }
    const years = rows.filter((row) => row.change_pct !== null).map((row) => row.year);
    if (!years.length) return placeholder(chart, "The editions of this scope cover no year in common.");
    return plot(chart, traces, {
      height: 340,
      barmode: "group",
      xaxis: yearAxis(years),
      yaxis: { title: { text: "Revision, % of the earlier value" }, ticksuffix: "%", gridcolor: "#eef1f4", zerolinecolor: "#9aa5b1" },
      legend: { font: { size: 11.5 }, orientation: "v", x: 1.02, y: 1, xanchor: "left" },
    });
  }

  function renderClaims(rows) {
    const container = document.getElementById("claims-table");
    container.replaceChildren();
    if (!rows.length) {
      element("p", container, "No contested claims: where publishers of this scope answer the same question, they name the same subject.", "empty");
      return;
    }
    const body = table(container, ["Question", "Among", "Publisher", "Names", "Year", "In the report's words"]);
    for (const row of rows) {
      const tableRow = element("tr", body);
      tableRow.dataset.claimId = row.claim_id;
      element("td", tableRow, QUESTIONS[row.question] || humanize(row.question));
      element("td", tableRow, row.subject_type === "region" ? LEVELS[row.subject_family] || humanize(row.subject_family) : humanize(row.subject_family));
      element("td", tableRow, row.publisher + " · " + row.edition + " edition");
      element("td", tableRow, subjectName(row.subject_type, row.subject_id));
      element("td", tableRow, row.year === null ? "not stated" : String(row.year));
      element("td", tableRow, "“" + row.excerpt + "”", "excerpt");
    }
  }

  // Regional revenue or segment shares: a grouped bar chart of the shares and a table of every row.
  function renderShares(kind, rows, reports, colors) {
    const regional = kind === "regional";
    const mart = regional ? "fct_regional_revenue" : "fct_segment_shares";
    const subjectKey = regional ? "region_id" : "segment_id";
    const groupOf = (row) => (regional ? LEVELS[row.region_level] || humanize(row.region_level) : humanize(row.segment_dimension));
    const nameOf = (row) => (regional ? regionName(row.region_id) : segmentName(row.segment_id));
    const chart = kind + "-chart";
    const container = document.getElementById(kind + "-table");
    container.replaceChildren();
    if (!rows.length) {
      element("p", container, regional ? "No report of this scope names a region inside its geography." : "No report of this scope names a segment.", "empty");
      return placeholder(chart, "Nothing to draw.");
    }
    const traces = [];
    for (const report of reports) {
      const reportRows = rows.filter((row) => row.report_id === report.report_id);
      if (!reportRows.length) continue;
      element("h3", container, reportLabel(report));
      const body = table(container, [regional ? "Level" : "Dimension", regional ? "Region" : "Segment", "Year", "#Share, %", "#Revenue, USD bn", "Basis", "Claims"]);
      const byYear = new Map();
      for (const row of reportRows) {
        const key = { report_id: row.report_id, [subjectKey]: row[subjectKey], year: row.year };
        const tableRow = element("tr", body);
        element("td", tableRow, groupOf(row));
        element("td", tableRow, nameOf(row));
        element("td", tableRow, row.year === null ? "not stated" : String(row.year));
        numberCell(tableRow, mart, key, "share_pct", row.share_pct, 1);
        numberCell(tableRow, mart, key, "revenue_usd_bn", row.revenue_usd_bn, 1);
        element("td", tableRow, row.basis === "not_disclosed" ? NOT_DISCLOSED : row.basis + (row.qualifier ? " (" + row.qualifier + ")" : ""), row.basis === "not_disclosed" ? "nd" : "");
        element("td", tableRow, claimText(row.claim_summary));
        if (row.share_pct === null) continue;
        const yearKey = row.year === null ? "year not stated" : String(row.year);
        if (!byYear.has(yearKey)) byYear.set(yearKey, []);
        byYear.get(yearKey).push({ row: row, key: key });
      }
      let shade = 0;
      for (const [yearLabel, items] of byYear) {
        const color = shade++ === 0 ? colors.get(report.report_id).color : mix(colors.get(report.report_id).color, Math.min(shade - 1, 3) * 0.25);
        const trace = {
          type: "bar", textposition: "none", name: reportLabel(report) + ", " + yearLabel, x: [[], []], y: [], text: [], customdata: [], hovertemplate: "%{text}<extra></extra>",
          marker: { color: color, pattern: { shape: [], fillmode: "overlay", fgcolor: "#ffffff", size: 6 } }, meta: { mart: mart, column: "share_pct", key: ["report_id", subjectKey, "year"] },
        };
        const at = traces.push(trace) - 1;
        for (const item of items) {
          const row = item.row;
          const where = { chart: chart, trace: at, point: trace.y.length };
          const lines = ["<b>" + escapeHtml(nameOf(row)) + "</b>, " + escapeHtml(yearLabel), escapeHtml(reportLabel(report))];
          lines.push("Share: " + show(mart, item.key, "share_pct", row.share_pct, 1, where) + "% (" + escapeHtml(row.share_basis) + (row.qualifier ? ", " + escapeHtml(row.qualifier) : "") + ")");
          lines.push("Revenue: " + (row.revenue_usd_bn === null ? NOT_DISCLOSED : "USD " + show(mart, item.key, "revenue_usd_bn", row.revenue_usd_bn, 1, where) + " bn (" + escapeHtml(row.revenue_basis) + ")"));
          if (row.claim_summary) lines.push(wrap(claimText(row.claim_summary), 72));
          trace.x[0].push(groupOf(row));
          trace.x[1].push(nameOf(row));
          trace.y.push(row.share_pct);
          trace.marker.pattern.shape.push(row.share_basis === "derived" ? "/" : "");
          trace.customdata.push(item.key);
          trace.text.push(lines.join("<br>"));
        }
      }
    }
    if (!traces.length) return placeholder(chart, "The reports of this scope name " + (regional ? "regions" : "segments") + " but disclose no share of them.");
    return plot(chart, traces, {
      height: 400,
      barmode: "group",
      margin: { l: 64, r: 16, t: 36, b: 110 },
      xaxis: { tickangle: -30, automargin: true, gridcolor: "#eef1f4" },
      yaxis: { title: { text: "Share of the market, %" }, ticksuffix: "%", gridcolor: "#eef1f4", rangemode: "tozero" },
      legend: { font: { size: 11.5 }, orientation: "v", x: 1.02, y: 1, xanchor: "left" },
    });
  }

  function renderCagr(rows, scope) {
    const container = document.getElementById("cagr-table");
    container.replaceChildren();
    if (!rows.length) {
      element("p", container, "No report of this scope states a CAGR.", "empty");
      return;
    }
    const body = table(container, ["Report", "Of", "Period", "#Stated, %", "#Implied, %", "#Stated − implied, pp", "Status"]);
    for (const row of rows) {
      const key = { figure_id: row.figure_id };
      const report = REPORTS.get(row.report_id);
      const tableRow = element("tr", body);
      tableRow.dataset.figureId = row.figure_id;
      element("td", tableRow, reportLabel(report));
      const subject = row.segment_id ? segmentName(row.segment_id) : row.region_id && row.region_id !== scope.geography_id ? regionName(row.region_id) : "Whole market";
      element("td", tableRow, subject);
      const period = row.period_start_year + "–" + row.period_end_year + (row.period_as_stated ? " (“" + row.period_as_stated + "”)" : " (inferred: " + row.period_rule + ")");
      element("td", tableRow, period);
      numberCell(tableRow, "fct_cagr_reconciliation", key, "stated_cagr_pct", row.stated_cagr_pct, row.stated_decimal_places === null ? 1 : row.stated_decimal_places);
      numberCell(tableRow, "fct_cagr_reconciliation", key, "implied_cagr_pct", row.implied_cagr_pct, 2, "not checkable");
      numberCell(tableRow, "fct_cagr_reconciliation", key, "difference_pp", row.difference_pp, 2, "not checkable");
      const status = element("td", tableRow);
      element("span", status, row.reconciliation_status, "badge " + (row.is_consistent === true ? "ok" : row.is_consistent === false ? "bad" : "na"));
    }
  }

  // ---- the whole page ---------------------------------------------------------------------------

  function render(scope) {
    shown = [];
    fillSelectors(scope);
    const inScope = (row) => row.market_id === scope.market_id && row.geography_id === scope.geography_id;
    const reports = DATA.reports.filter(inScope);
    const ids = new Set(reports.map((report) => report.report_id));
    const ofReports = (row) => ids.has(row.report_id);
    const colors = colorsOf(reports);
    const consensus = DATA.consensus.filter(inScope);
    renderHeader(scope, reports);
    const drawn = [
      renderSizes(reports, colors, consensus),
      renderConsensus(consensus, colors),
      renderRevisions(DATA.revisions.filter(inScope), colors),
      renderShares("regional", DATA.regional.filter(ofReports), reports, colors),
      renderShares("segments", DATA.segment_shares.filter(ofReports), reports, colors),
    ];
    renderClaims(DATA.claims.filter(inScope));
    renderCagr(DATA.cagr.filter(ofReports), scope);
    document.getElementById("details").replaceChildren();
    window.dashboard = { scope: scope, reports: [...ids], shown: shown };
    document.body.dataset.rendered = "";
    return Promise.all(drawn).then(() => {
      const sizes = document.getElementById("sizes-chart");
      if (sizes.on) {
        sizes.removeAllListeners("plotly_click");
        sizes.on("plotly_click", showDetails);
      }
      window.dashboard.renderedAt = performance.now();
      document.body.dataset.rendered = scope.market_id + "|" + scope.geography_id;
    });
  }

  document.getElementById("market-select").addEventListener("change", () => onSelect("market"));
  document.getElementById("geography-select").addEventListener("change", () => onSelect("geography"));
  render(initialScope());
})();
