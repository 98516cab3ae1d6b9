// Drawing code of the market dashboard (inlined into the page by tools/dashboard.py).
// Every number drawn comes from DATA, the marts' rows; a null stays "not disclosed".
// Each displayed number carries data-mart, data-key and data-column, naming the mart value it shows.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
const NOT_DISCLOSED = "not disclosed";

function svgEl(tag, attributes, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (parent) parent.appendChild(node);
  return node;
}

function htmlEl(tag, attributes, parent, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

// Mark a node as showing one mart value; the text is that value rounded, or "not disclosed".
function source(node, mart, key, column, value, decimals) {
  node.setAttribute("data-mart", mart);
  node.setAttribute("data-key", JSON.stringify(key));
  node.setAttribute("data-column", column);
  node.setAttribute("data-decimals", String(decimals));
  if (value === null || value === undefined) {
    node.textContent = NOT_DISCLOSED;
    node.classList.add("nd");
  } else {
    node.textContent = value.toFixed(decimals);
  }
  return node;
}

function svgNumber(parent, attributes, mart, key, column, value, decimals, suffix) {
  const text = svgEl("text", attributes, parent);
  const span = svgEl("tspan", {}, text);
  source(span, mart, key, column, value, decimals);
  if (suffix && value !== null) svgEl("tspan", {}, text).textContent = suffix;
  return text;
}

function td(row, mart, key, column, value, decimals) {
  return source(htmlEl("td", { class: "n" }, row), mart, key, column, value, decimals);
}

function textCell(row, text, className) {
  return htmlEl("td", className ? { class: className } : {}, row, text);
}

function tableWithHeader(parent, headers) {
  const table = htmlEl("table", {}, parent);
  const head = htmlEl("tr", {}, htmlEl("thead", {}, table));
  for (const header of headers) htmlEl("th", header.numeric ? { class: "n" } : {}, head, header.label);
  return htmlEl("tbody", {}, table);
}

function niceMax(value) {
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

const REPORTS = DATA.reports;
const REPORT_BY_ID = Object.fromEntries(REPORTS.map((report) => [report.report_id, report]));
const COLOR_BY_ID = Object.fromEntries(REPORTS.map((report, index) => [report.report_id, COLORS[index % COLORS.length]]));
const PRIMARY = REPORTS.find((report) => report.is_primary) || REPORTS[0];

function reportLabel(reportId) {
  const report = REPORT_BY_ID[reportId];
  return report.publisher + " (" + report.edition + ")";
}

// Axes of a year x value chart.
function axes(svg, frame, years, maxValue, unit) {
  const { left, top, width, height } = frame;
  const x = (year) => left + ((year - years[0]) / Math.max(1, years[1] - years[0])) * width;
  const y = (value) => top + height - (value / maxValue) * height;
  for (let tick = 0; tick <= 5; tick += 1) {
    const value = (maxValue * tick) / 5;
    svgEl("line", { x1: left, x2: left + width, y1: y(value), y2: y(value), stroke: "#e4e7eb" }, svg);
    svgEl("text", { x: left - 8, y: y(value) + 4, "text-anchor": "end", "font-size": 11, fill: "#52606d" }, svg).textContent =
      String(Math.round(value));
  }
  for (let year = years[0]; year <= years[1]; year += 1) {
    svgEl("text", { x: x(year), y: top + height + 16, "text-anchor": "middle", "font-size": 11, fill: "#52606d" }, svg).textContent =
      String(year);
  }
  svgEl("text", { x: left, y: top - 8, "font-size": 11, fill: "#52606d" }, svg).textContent = unit;
  return { x, y };
}

function drawTrajectory() {
  const sizes = DATA.sizes.filter((row) => row.market_size_usd_bn !== null);
  const years = [Math.min(...sizes.map((row) => row.year)), Math.max(...sizes.map((row) => row.year))];
  const maxValue = niceMax(Math.max(...sizes.map((row) => row.market_size_usd_bn)));
  const frame = { left: 56, top: 26, width: 800, height: 330 };
  const svg = svgEl("svg", { width: 1000, height: 390, role: "img", "aria-label": "Market size by year" });
  document.getElementById("trajectory-chart").appendChild(svg);
  const { x, y } = axes(svg, frame, years, maxValue, "USD billion");
  const legend = document.getElementById("trajectory-legend");
  for (const report of REPORTS) {
    const rows = sizes.filter((row) => row.report_id === report.report_id);
    const color = COLOR_BY_ID[report.report_id];
    const item = htmlEl("span", report.is_primary ? { class: "primary" } : {}, legend);
    htmlEl("span", { class: "swatch", style: "background:" + color }, item);
    item.appendChild(document.createTextNode(reportLabel(report.report_id) + (report.is_primary ? ", primary" : "")));
    if (rows.length === 0) continue;
    const path = rows.map((row, index) => (index ? "L" : "M") + x(row.year).toFixed(1) + "," + y(row.market_size_usd_bn).toFixed(1));
    svgEl("path", {
      d: path.join(" "), fill: "none", stroke: color, "stroke-width": report.is_primary ? 3.5 : 1.6,
      class: "series", "data-report": report.report_id,
    }, svg);
    for (const row of rows) {
      const stated = row.basis === "reported";
      const point = svgEl("circle", {
        cx: x(row.year), cy: y(row.market_size_usd_bn), r: stated ? 5.5 : 3,
        fill: stated ? color : "#fff", stroke: stated ? "#1f2933" : color, "stroke-width": stated ? 1.2 : 1.5,
        class: stated ? "point point-stated" : "point point-computed", "data-basis": row.basis,
      }, svg);
      svgEl("title", {}, point).textContent =
        reportLabel(row.report_id) + ", " + row.year + ": " + row.market_size_usd_bn.toFixed(2) + " USD bn (" + row.basis + ")";
      if (stated && report.is_primary) {
        svgNumber(svg, { x: x(row.year), y: y(row.market_size_usd_bn) - 11, "text-anchor": "middle", "font-size": 12, "font-weight": 700 },
          "fct_market_size_yearly", { report_id: row.report_id, year: row.year }, "market_size_usd_bn", row.market_size_usd_bn, 1);
      }
    }
  }
  // Key of the point marks, drawn right of the plot.
  const keyX = frame.left + frame.width + 20;
  svgEl("circle", { cx: keyX, cy: 40, r: 5.5, fill: "#52606d", stroke: "#1f2933" }, svg);
  svgEl("text", { x: keyX + 10, y: 44, "font-size": 11 }, svg).textContent = "stated";
  svgEl("circle", { cx: keyX, cy: 60, r: 3, fill: "#fff", stroke: "#52606d", "stroke-width": 1.5 }, svg);
  svgEl("text", { x: keyX + 10, y: 64, "font-size": 11 }, svg).textContent = "computed";

  const body = tableWithHeader(document.getElementById("trajectory-table"), [
    { label: "report" }, { label: "year" }, { label: "market size, USD bn", numeric: true },
  ]);
  for (const row of DATA.sizes.filter((size) => size.basis === "reported")) {
    const tr = htmlEl("tr", {}, body);
    textCell(tr, reportLabel(row.report_id), REPORT_BY_ID[row.report_id].is_primary ? "primary" : "");
    textCell(tr, String(row.year));
    td(tr, "fct_market_size_yearly", { report_id: row.report_id, year: row.year }, "market_size_usd_bn", row.market_size_usd_bn, 2);
  }
}

function drawPeers() {
  const rows = DATA.comparison;
  const primaryRows = rows.filter((row) => row.report_id === PRIMARY.report_id);
  const years = [Math.min(...rows.map((row) => row.year)), Math.max(...rows.map((row) => row.year))];
  const maxValue = niceMax(Math.max(...rows.map((row) => row.max_market_size_usd_bn)));
  const frame = { left: 56, top: 26, width: 800, height: 260 };
  const svg = svgEl("svg", { width: 1000, height: 320, role: "img", "aria-label": "Primary report among its peers" });
  document.getElementById("peers-chart").appendChild(svg);
  const { x, y } = axes(svg, frame, years, maxValue, "USD billion");
  const seen = new Set();
  for (const row of rows) {
    if (seen.has(row.year)) continue;
    seen.add(row.year);
    const range = svgEl("line", {
      x1: x(row.year), x2: x(row.year), y1: y(row.min_market_size_usd_bn), y2: y(row.max_market_size_usd_bn),
      stroke: "#9aa5b1", "stroke-width": 8, "stroke-linecap": "round", class: "peer-range",
    }, svg);
    svgEl("title", {}, range).textContent = row.year + ": " + row.report_count + " reports, " +
      row.min_market_size_usd_bn.toFixed(2) + " to " + row.max_market_size_usd_bn.toFixed(2) + " USD bn";
    svgEl("line", {
      x1: x(row.year) - 9, x2: x(row.year) + 9, y1: y(row.median_market_size_usd_bn), y2: y(row.median_market_size_usd_bn),
      stroke: "#1f2933", "stroke-width": 2, class: "peer-median",
    }, svg);
  }
  for (const row of primaryRows) {
    const stated = row.basis === "reported";
    svgEl("circle", {
      cx: x(row.year), cy: y(row.market_size_usd_bn), r: 5.5, fill: stated ? COLOR_BY_ID[row.report_id] : "#fff",
      stroke: COLOR_BY_ID[row.report_id], "stroke-width": 2, class: stated ? "point point-stated" : "point point-computed",
    }, svg);
  }
  const body = tableWithHeader(document.getElementById("peers-table"), [
    { label: "year" }, { label: reportLabel(PRIMARY.report_id) + ", USD bn", numeric: true }, { label: "basis" },
    { label: "reports", numeric: true }, { label: "median, USD bn", numeric: true }, { label: "min", numeric: true },
    { label: "max", numeric: true }, { label: "vs median, %", numeric: true }, { label: "rank (1 = largest)", numeric: true },
  ]);
  for (const row of primaryRows) {
    const tr = htmlEl("tr", {}, body);
    const key = { year: row.year, report_id: row.report_id };
    textCell(tr, String(row.year));
    td(tr, "fct_market_comparison", key, "market_size_usd_bn", row.market_size_usd_bn, 2);
    textCell(tr, row.basis);
    td(tr, "fct_market_comparison", key, "report_count", row.report_count, 0);
    td(tr, "fct_market_comparison", key, "median_market_size_usd_bn", row.median_market_size_usd_bn, 2);
    td(tr, "fct_market_comparison", key, "min_market_size_usd_bn", row.min_market_size_usd_bn, 2);
    td(tr, "fct_market_comparison", key, "max_market_size_usd_bn", row.max_market_size_usd_bn, 2);
    td(tr, "fct_market_comparison", key, "difference_from_median_pct", row.difference_from_median_pct, 1);
    td(tr, "fct_market_comparison", key, "size_rank", row.size_rank, 0);
  }
}

function periodLabel(row) {
  return row.period_start_year === null ? "to " + row.period_end_year : row.period_start_year + "-" + row.period_end_year;
}

function drawCagr() {
  const rows = DATA.cagr;
  const values = rows.flatMap((row) => [row.stated_cagr_pct, row.implied_cagr_pct]).filter((value) => value !== null);
  const low = Math.floor(Math.min(...values)) - 1;
  const high = Math.ceil(Math.max(...values)) + 1;
  const rowHeight = 26;
  const left = 420;
  const width = 470;
  const svg = svgEl("svg", { width: 1000, height: 40 + rows.length * rowHeight, role: "img", "aria-label": "Stated and implied CAGR" });
  document.getElementById("cagr-chart").appendChild(svg);
  const x = (value) => left + ((value - low) / (high - low)) * width;
  for (let tick = low; tick <= high; tick += 1) {
    svgEl("line", { x1: x(tick), x2: x(tick), y1: 14, y2: 24 + rows.length * rowHeight, stroke: "#e4e7eb" }, svg);
    svgEl("text", { x: x(tick), y: 12, "text-anchor": "middle", "font-size": 11, fill: "#52606d" }, svg).textContent = tick + "%";
  }
  rows.forEach((row, index) => {
    const cy = 32 + index * rowHeight;
    const segment = row.segment_id ? row.segment_id.split("__").pop() : "";
    const scope = [row.region_id === "world" ? "" : row.region_id, segment].filter(Boolean).join(", ").replaceAll("_", " ");
    svgEl("text", { x: left - 12, y: cy + 4, "text-anchor": "end", "font-size": 11.5 }, svg).textContent =
      reportLabel(row.report_id) + (scope ? " [" + scope + "]" : "") + ", " + periodLabel(row);
    const stated = svgEl("rect", { x: x(row.stated_cagr_pct) - 5, y: cy - 5, width: 10, height: 10, fill: "#1f3a5f",
      transform: "rotate(45 " + x(row.stated_cagr_pct) + " " + cy + ")", class: "cagr-stated" }, svg);
    svgEl("title", {}, stated).textContent = "stated " + row.stated_cagr_pct.toFixed(row.stated_decimal_places) + "%";
    if (row.implied_cagr_pct !== null) {
      const implied = svgEl("circle", { cx: x(row.implied_cagr_pct), cy, r: 5, fill: "none", stroke: row.is_consistent ? "#047857" : "#b91c1c",
        "stroke-width": 2, class: "cagr-implied" }, svg);
      svgEl("title", {}, implied).textContent = "implied " + row.implied_cagr_pct.toFixed(3) + "%";
    }
  });
  svgEl("rect", { x: left + width + 20, y: 22, width: 9, height: 9, fill: "#1f3a5f", transform: "rotate(45 " + (left + width + 24.5) + " 26.5)" }, svg);
  svgEl("text", { x: left + width + 34, y: 31, "font-size": 11 }, svg).textContent = "stated";
  svgEl("circle", { cx: left + width + 24.5, cy: 46, r: 5, fill: "none", stroke: "#047857", "stroke-width": 2 }, svg);
  svgEl("text", { x: left + width + 34, y: 50, "font-size": 11 }, svg).textContent = "implied";

  const body = tableWithHeader(document.getElementById("cagr-table"), [
    { label: "report" }, { label: "scope" }, { label: "period as stated" }, { label: "n counted over" },
    { label: "stated, %", numeric: true }, { label: "implied, %", numeric: true }, { label: "difference, pp", numeric: true },
    { label: "status" },
  ]);
  for (const row of rows) {
    const tr = htmlEl("tr", {}, body);
    const key = { figure_id: row.figure_id };
    textCell(tr, reportLabel(row.report_id), REPORT_BY_ID[row.report_id].is_primary ? "primary" : "");
    textCell(tr, [row.region_id, row.segment_id || "total market"].join(", "));
    textCell(tr, row.period_as_stated || "");
    textCell(tr, periodLabel(row));
    // As precise as the source states it (9.9 stays 9.9).
    td(tr, "fct_cagr_reconciliation", key, "stated_cagr_pct", row.stated_cagr_pct, row.stated_decimal_places);
    const implied = td(tr, "fct_cagr_reconciliation", key, "implied_cagr_pct", row.implied_cagr_pct, 3);
    const difference = td(tr, "fct_cagr_reconciliation", key, "difference_pp", row.difference_pp, 3);
    if (row.implied_cagr_pct === null) {
      // Not a gap in the report's figures: the check needs a stated value the report does not give.
      implied.textContent = "not checkable";
      difference.textContent = "not checkable";
    }
    const status = htmlEl("td", {}, tr);
    const kind = row.is_consistent === null ? "unchecked" : row.is_consistent ? "consistent" : "inconsistent";
    htmlEl("span", { class: "badge " + kind }, status, row.reconciliation_status);
  }
}

function groupBy(rows, keyOf) {
  const groups = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row);
  }
  return groups;
}

function drawRegions() {
  const container = document.getElementById("regions-charts");
  const maxRevenue = Math.max(...DATA.regions.map((row) => row.revenue_usd_bn || 0));
  for (const [reportId, rows] of groupBy(DATA.regions, (row) => row.report_id)) {
    htmlEl("h3", REPORT_BY_ID[reportId].is_primary ? { class: "primary" } : {}, container, reportLabel(reportId));
    for (const [year, yearRows] of groupBy(rows, (row) => row.year)) {
      const drawn = yearRows.filter((row) => row.revenue_usd_bn !== null);
      const hidden = yearRows.filter((row) => row.revenue_usd_bn === null);
      const barHeight = 20;
      const svg = svgEl("svg", { width: 1000, height: 24 + drawn.length * (barHeight + 6), role: "img",
        "aria-label": "Regional revenue " + reportId + " " + year });
      container.appendChild(svg);
      svgEl("text", { x: 0, y: 14, "font-size": 12, "font-weight": 600 }, svg).textContent = String(year);
      drawn.forEach((row, index) => {
        const top = 22 + index * (barHeight + 6);
        const width = (row.revenue_usd_bn / maxRevenue) * 480;
        svgEl("text", { x: 330, y: top + 14, "text-anchor": "end", "font-size": 12 }, svg).textContent =
          row.region_name + " (" + row.basis + ")";
        const bar = svgEl("rect", { x: 340, y: top, width: Math.max(width, 1), height: barHeight,
          fill: row.basis === "reported" ? "#1f3a5f" : "#9fb3c8", class: "bar bar-" + row.basis }, svg);
        svgEl("title", {}, bar).textContent = row.region_name + " " + year + ": " + row.revenue_usd_bn.toFixed(2) + " USD bn";
        const key = { report_id: row.report_id, region_id: row.region_id, year: row.year };
        const label = svgNumber(svg, { x: 348 + width, y: top + 14, "font-size": 12 }, "fct_regional_revenue", key,
          "revenue_usd_bn", row.revenue_usd_bn, 2, " USD bn");
        if (row.share_pct !== null) {
          label.appendChild(document.createTextNode(" · "));
          const share = svgEl("tspan", {}, label);
          source(share, "fct_regional_revenue", key, "share_pct", row.share_pct, 1);
          label.appendChild(document.createTextNode("%"));
        }
      });
      if (hidden.length) {
        const list = htmlEl("p", { class: "note" }, container);
        list.appendChild(document.createTextNode(year + ", named by the report without a figure: "));
        hidden.forEach((row, index) => {
          if (index) list.appendChild(document.createTextNode(", "));
          list.appendChild(document.createTextNode(row.region_name + " "));
          const key = { report_id: row.report_id, region_id: row.region_id, year: row.year };
          source(htmlEl("span", {}, list), "fct_regional_revenue", key, "revenue_usd_bn", null, 2);
          if (row.share_pct !== null) {
            list.appendChild(document.createTextNode(" (share "));
            source(htmlEl("span", {}, list), "fct_regional_revenue", key, "share_pct", row.share_pct, 1);
            list.appendChild(document.createTextNode("%" + (row.qualifier ? ", " + row.qualifier : "") + ")"));
          }
        });
      }
    }
  }
}

function drawSegments() {
  const container = document.getElementById("segments-charts");
  for (const report of REPORTS) {
    const rows = DATA.segments.filter((row) => row.report_id === report.report_id);
    const heading = htmlEl("h3", report.is_primary ? { class: "primary" } : {}, container, reportLabel(report.report_id));
    if (rows.length === 0) {
      htmlEl("p", { class: "note nd" }, container, "This report names no segments.");
      continue;
    }
    heading.setAttribute("data-report", report.report_id);
    for (const [group, groupRows] of groupBy(rows, (row) => row.segment_dimension + " " + row.year)) {
      const shares = groupRows.filter((row) => row.share_pct !== null && row.is_point_value !== false);
      const hidden = groupRows.filter((row) => row.share_pct === null);
      const bounds = groupRows.filter((row) => row.share_pct !== null && row.is_point_value === false);
      const line = htmlEl("div", { class: "segment-group" }, container);
      if (shares.length) {
        const svg = svgEl("svg", { width: 1000, height: 58, role: "img", "aria-label": "Segment shares " + group });
        line.appendChild(svg);
        svgEl("text", { x: 0, y: 30, "font-size": 12 }, svg).textContent = group;
        let offset = 160;
        shares.forEach((row, index) => {
          const width = (row.share_pct / 100) * 700;
          const residual = row.segment_id.startsWith("unallocated__");
          const rect = svgEl("rect", { x: offset, y: 14, width, height: 26, class: "bar bar-" + row.basis,
            fill: residual ? "#e4e7eb" : COLORS[index % COLORS.length], stroke: "#fff" }, svg);
          svgEl("title", {}, rect).textContent = row.segment_name + ": " + row.share_pct.toFixed(1) + "% (" + row.basis + ")";
          const key = { report_id: row.report_id, segment_id: row.segment_id, year: row.year };
          const label = svgNumber(svg, { x: offset + 4, y: 32, "font-size": 11.5, fill: residual ? "#1f2933" : "#fff" },
            "fct_segment_shares", key, "share_pct", row.share_pct, 1, "%");
          svgEl("text", { x: offset + 2, y: 53, "font-size": 10.5, fill: "#52606d" }, svg).textContent =
            row.segment_name.length * 6 < width ? row.segment_name : "";
          offset += width;
          return label;
        });
        svgEl("rect", { x: 160, y: 14, width: 700, height: 26, fill: "none", stroke: "#9aa5b1" }, svg);
      } else {
        htmlEl("p", { class: "note" }, line).textContent = group + ": the report discloses no share for this dimension.";
      }
      if (hidden.length || bounds.length) {
        const list = htmlEl("p", { class: "note" }, line);
        hidden.forEach((row, index) => {
          if (index) list.appendChild(document.createTextNode(", "));
          list.appendChild(document.createTextNode(row.segment_name + " "));
          const key = { report_id: row.report_id, segment_id: row.segment_id, year: row.year };
          source(htmlEl("span", {}, list), "fct_segment_shares", key, "share_pct", null, 1);
        });
        bounds.forEach((row) => {
          list.appendChild(document.createTextNode("; " + row.segment_name + ": " + (row.qualifier || "bound") + " "));
          const key = { report_id: row.report_id, segment_id: row.segment_id, year: row.year };
          source(htmlEl("span", {}, list), "fct_segment_shares", key, "share_pct", row.share_pct, 1);
          list.appendChild(document.createTextNode("% (a bound, not drawn)"));
        });
      }
    }
  }
}

function drawHeader() {
  document.getElementById("title").textContent = PRIMARY.market_name + ": market sizing dashboard";
  const build = DATA.build[0] || {};
  document.getElementById("subtitle").textContent =
    "Primary report: " + reportLabel(PRIMARY.report_id) + " · " + REPORTS.length + " reports · built " +
    (build.built_at_utc || "?") + " UTC from commit " + String(build.git_commit || "?").slice(0, 12) +
    " · every number is a warehouse value; nothing is filled in where a report is silent";
}

drawHeader();
drawTrajectory();
drawPeers();
drawCagr();
drawRegions();
drawSegments();
document.body.setAttribute("data-rendered", "true");
