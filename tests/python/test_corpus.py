"""A generated corpus is valid input: it loads through DuckDB's CSV reader (var corpus_dir) and passes
every validation, and the marts show what the files hold (every market, several geographies per
market, editions, syndicated sources counted once).

The expectations are read from the generated files themselves, never counted in advance: the
generator may change its mix of reports without touching these tests. Rows keep the file and line
they came from, numbered deterministically even when DuckDB reads a file in parallel pieces.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from market_sizing import contract
from support import REPO_ROOT, DbtRun, copy_project, run_dbt

CORPUS_REPORTS = 2_000
GENERATOR = [sys.executable, "-m", "market_sizing.benchmark.generate_corpus", "--project-dir", str(REPO_ROOT)]

# One xdist worker runs the whole module, so that its module-scoped corpus and its build
# are made once (pytest.ini: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("corpus")
INPUT_FILES = tuple(contract.tables(REPO_ROOT))


def generate(out: Path, reports: int = CORPUS_REPORTS, seed: int | None = None, *options: str) -> Path:
    seed_option = [] if seed is None else ["--seed", str(seed)]
    subprocess.run(
        [*GENERATOR, "--reports", str(reports), *seed_option, "--out", str(out), *options],
        check=True,
        capture_output=True,
    )
    return out


def build_corpus(project: Path, corpus: Path) -> DbtRun:
    return run_dbt(project, "build", "--vars", json.dumps({"corpus_dir": str(corpus)}))


def read_rows(corpus: Path, name: str) -> list[dict[str, str]]:
    with (corpus / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_lines(path: Path, key: str) -> dict[str, int]:
    """Line of the file each row ends on (line 1 is the header), read by Python's csv module."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return {row[key]: reader.line_num for row in reader}


def to_usd_bn(value: str, unit: str) -> float:
    """A stated money value in USD billion, by the unit vocabulary's operation (as the warehouse does)."""
    operation = contract.vocabularies(REPO_ROOT)["units"][unit.lower()]["to_usd_bn"].strip()
    number = float(value)
    if operation == "/ 1000":
        return number / 1000
    if operation == "* 1000":
        return number * 1000
    assert operation == "", operation
    return number


def is_point_value(qualifier: str) -> bool:
    return not qualifier or contract.vocabularies(REPO_ROOT)["qualifiers"][qualifier.lower()] == "approximate"


def inconsistent_cagrs(corpus: Path) -> set[str]:
    """Stated CAGRs that are not the rate their report's stated values imply, rounded as stated.

    The rule of the CAGR reconciliation, recomputed from the files: a CAGR stated as a point value
    with a start year is checked against the stated point values of the same report, region and
    segment at its end year and at its start year (else the year before it).
    """
    geography = {row["report_id"]: row["geography_id"] for row in read_rows(corpus, "reports")}
    anchors: dict[tuple[str, str, str, int], float] = {}
    cagrs = []
    for row in read_rows(corpus, "report_figures"):
        scope = (row["report_id"], row["region_id"] or geography[row["report_id"]], row["segment_id"])
        if row["measure"] == "market_size" and is_point_value(row["qualifier"]):
            anchors[(*scope, int(row["year"]))] = to_usd_bn(row["value"], row["unit"])
        elif row["measure"] == "cagr" and is_point_value(row["qualifier"]) and row["period_start_year"]:
            cagrs.append((row, scope))
    inconsistent = set()
    for row, scope in cagrs:
        label_start, end = int(row["period_start_year"]), int(row["period_end_year"])
        start_year = label_start if (*scope, label_start) in anchors else label_start - 1
        start, finish = anchors.get((*scope, start_year)), anchors.get((*scope, end))
        if start is None or finish is None:
            continue
        implied = ((finish / start) ** (1 / (end - start_year)) - 1) * 100
        decimals = len(row["value"].partition(".")[2])
        if abs(float(row["value"]) - implied) > 0.5 * 10**-decimals + 1e-9:
            inconsistent.add(row["figure_id"])
    return inconsistent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus") / "corpus")


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> DbtRun:
    project = copy_project(tmp_path_factory.mktemp("corpus_project"))
    run = build_corpus(project, corpus)
    assert run.returncode == 0, run.output
    return run


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    again = generate(tmp_path / "again", reports=500)
    other = generate(tmp_path / "other", reports=500)
    reseeded = generate(tmp_path / "reseeded", 500, 7)
    for name in INPUT_FILES:
        assert (again / f"{name}.csv").read_bytes() == (other / f"{name}.csv").read_bytes(), name
    assert (reseeded / "reports.csv").read_bytes() != (again / "reports.csv").read_bytes()
    assert sum(1 for _ in read_rows(again, "reports")) == 500


def test_every_file_has_the_contracts_columns(corpus: Path) -> None:
    assert sorted(path.name for path in corpus.iterdir()) == sorted(f"{name}.csv" for name in INPUT_FILES)
    for name, table in contract.tables(REPO_ROOT).items():
        with (corpus / table.file_name).open(encoding="utf-8", newline="") as handle:
            assert tuple(next(csv.reader(handle))) == table.columns, name
    seeds = contract.seed_directory(REPO_ROOT)
    assert (corpus / "regions.csv").read_bytes() == (seeds / "regions.csv").read_bytes()


def test_the_files_hold_many_markets_scopes_editions_and_sources(corpus: Path) -> None:
    """What the corpus is for, read from the files alone: the shapes of the new input layout."""
    markets = read_rows(corpus, "markets")
    market_ids = [row["market_id"] for row in markets]
    assert len(set(market_ids)) == len(market_ids) >= 100
    assert any(row["parent_market_id"] for row in markets)
    segment_markets = Counter(row["market_id"] for row in read_rows(corpus, "segments"))
    dimensions = {(row["market_id"], row["segment_dimension"]) for row in read_rows(corpus, "segments")}
    assert set(segment_markets) == set(market_ids)
    assert set(Counter(market for market, _ in dimensions).values()) == {1, 2, 3}

    reports = read_rows(corpus, "reports")
    levels = {row["region_id"]: row["region_level"] for row in read_rows(corpus, "regions")}
    assert {levels[row["geography_id"]] for row in reports} == {"world", "region", "country"}
    assert {row["market_id"] for row in reports} == set(market_ids)
    assert sum(row["is_primary"] == "true" for row in reports) == 1
    chains = defaultdict(list)
    for row in reports:
        chains[row["publisher"], row["market_id"], row["geography_id"]].append(int(row["edition"]))
    assert any(len(editions) >= 3 for editions in chains.values())
    assert all(len(set(editions)) == len(editions) for editions in chains.values())

    sources = read_rows(corpus, "report_sources")
    by_report = defaultdict(set)
    for row in sources:
        by_report[row["report_id"]].add(row["published_via"])
    assert set(by_report) == {row["report_id"] for row in reports}
    assert any({"publisher page"} < via and any(v.startswith("newswire") for v in via) for via in by_report.values())
    assert len({row["source_url"] for row in sources}) == len(sources)

    figures = read_rows(corpus, "report_figures")
    cagrs = [row for row in figures if row["measure"] == "cagr"]
    assert any(row["period_as_stated"] for row in cagrs)
    assert any(not row["period_as_stated"] and row["period_start_year"] for row in cagrs)
    assert any(row["measure"] == "share" and not row["year"] for row in figures)
    assert any(re.search(r"\d,\d{3}", row["excerpt"]) for row in figures)  # thousands separators
    assert {row["unit"].lower() for row in figures} >= {"usd billion", "usd million"}
    claims = read_rows(corpus, "report_claims")
    assert {row["claim_type"] for row in claims} >= {"leads_revenue", "key_market", "fastest_growing"}
    assert read_rows(corpus, "report_mentions")


def test_a_corpus_passes_every_validation(corpus_build: DbtRun, corpus: Path) -> None:
    with corpus_build.connect() as db:
        assert db.execute("select count(*) from marts.dim_reports").fetchone()[0] == len(read_rows(corpus, "reports"))
        figures = len(read_rows(corpus, "report_figures"))
        assert db.execute("select count(*) from marts.fct_report_figures").fetchone()[0] == figures
        bases = {row[0] for row in db.execute("select distinct basis from marts.fct_market_size_yearly").fetchall()}
        assert bases >= {"reported", "interpolated", "extrapolated", "backcast"}
        regional = {row[0] for row in db.execute("select distinct basis from marts.fct_regional_revenue").fetchall()}
        assert regional == {"reported", "derived", "not_disclosed"}
        statuses = {
            row[0] for row in db.execute("select distinct agreement_status from marts.fct_claim_comparison").fetchall()
        }
        assert "contested" in statuses


def test_stated_cagrs_disagree_where_the_files_say(corpus_build: DbtRun, corpus: Path) -> None:
    """The disagreeing CAGRs are warned about, not failed: exactly those the files' values contradict."""
    expected = inconsistent_cagrs(corpus)
    assert expected
    with corpus_build.connect() as db:
        found = {
            row[0]
            for row in db.execute(
                "select figure_id from marts.fct_cagr_reconciliation where not is_consistent"
            ).fetchall()
        }
        periods = {
            row[0] for row in db.execute("select distinct period_basis from marts.fct_cagr_reconciliation").fetchall()
        }
    assert found == expected
    assert periods == {"stated", "inferred"}
    assert f"WARN {len(expected)} stated_cagr_consistent_with_stated_values" in corpus_build.output


def test_every_market_reaches_the_marts_at_several_geographies(corpus_build: DbtRun, corpus: Path) -> None:
    geographies = defaultdict(set)
    for row in read_rows(corpus, "reports"):
        geographies[row["market_id"]].add(row["geography_id"])
    with corpus_build.connect() as db:
        in_marts = defaultdict(set)
        for market_id, geography_id in db.execute(
            "select distinct market_id, geography_id from marts.fct_market_size_yearly where market_size_usd_bn is not null"
        ).fetchall():
            in_marts[market_id].add(geography_id)
        dim_markets = {row[0] for row in db.execute("select market_id from marts.dim_markets").fetchall()}
    assert dim_markets == {row["market_id"] for row in read_rows(corpus, "markets")} == set(in_marts)
    assert in_marts == geographies
    assert sum(len(found) > 1 for found in in_marts.values()) > len(in_marts) / 2


def test_editions_produce_forecast_revisions(corpus_build: DbtRun, corpus: Path) -> None:
    """Each edition after a publisher's first for one market and geography is revised against the one before."""
    chains = defaultdict(list)
    for row in read_rows(corpus, "reports"):
        chains[row["publisher"], row["market_id"], row["geography_id"]].append((int(row["edition"]), row["report_id"]))
    expected = set()
    for editions in chains.values():
        ordered = [report_id for _, report_id in sorted(editions)]
        expected |= set(zip(ordered[1:], ordered[:-1], strict=True))
    assert expected
    with corpus_build.connect() as db:
        pairs = set(
            db.execute("select distinct report_id, previous_report_id from marts.fct_forecast_revisions").fetchall()
        )
        changed = db.execute(
            "select count(*) from marts.fct_forecast_revisions where change_pct is not null"
        ).fetchone()[0]
    assert pairs == expected
    assert changed > 0


def test_syndicated_sources_are_counted_once(corpus_build: DbtRun, corpus: Path) -> None:
    sources = Counter(row["report_id"] for row in read_rows(corpus, "report_sources"))
    assert max(sources.values()) > 1
    with corpus_build.connect() as db:
        counted = dict(db.execute("select report_id, source_count from marts.dim_reports").fetchall())
        addresses = db.execute("select count(*) from marts.dim_report_sources").fetchone()[0]
        consensus = db.execute(
            "select market_id, geography_id, year, publisher, publisher_count from marts.fct_market_consensus"
        ).fetchall()
        estimates = set(
            db.execute(
                "select distinct yearly.market_id, yearly.geography_id, yearly.year, reports.publisher "
                "from marts.fct_market_size_yearly as yearly "
                "inner join marts.dim_reports as reports on yearly.report_id = reports.report_id "
                "where yearly.market_size_usd_bn is not null"
            ).fetchall()
        )
    assert counted == dict(sources)
    assert addresses == sum(sources.values())
    # One row per publisher of a market, geography and year, however many editions and addresses.
    assert len(consensus) == len({row[:4] for row in consensus}) == len(estimates)
    assert {row[:4] for row in consensus} == estimates
    per_whole = Counter(row[:3] for row in consensus)
    assert all(row[4] == per_whole[row[:3]] for row in consensus)
    assert max(per_whole.values()) > 1


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("report_figures", "figure_id"),
        ("reports", "report_id"),
        ("report_sources", "source_id"),
        ("report_claims", "claim_id"),
        ("report_mentions", "mention_id"),
        ("markets", "market_id"),
    ],
)
def test_every_row_keeps_its_file_and_line(corpus_build: DbtRun, corpus: Path, name: str, key: str) -> None:
    expected = csv_lines(corpus / f"{name}.csv", key)
    # Titles and definitions hold commas, so some rows are quoted: the lines are csv's, not a count of commas.
    with corpus_build.connect_build() as db:
        rows = db.execute(f"select {key}, source_file, source_line from staging.stg_{name}").fetchall()
    assert len(rows) == len(expected)
    assert {source_file for _, source_file, _ in rows} == {str(corpus / f"{name}.csv")}
    mismatched = [(row_key, line, expected[row_key]) for row_key, _, line in rows if line != expected[row_key]]
    assert not mismatched, mismatched[:5]


def test_a_malformed_row_deep_in_a_large_file_names_its_line(tmp_path: Path, corpus: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in corpus.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    figures = broken / "report_figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader(lines[:1]))
    # A market size near the end of the file (each row is one line: the generator writes no line breaks).
    line_number = next(
        number
        for number in range(len(lines) - 50, 1, -1)
        if dict(zip(header, next(csv.reader(lines[number - 1 : number])), strict=True))["measure"] == "market_size"
    )
    row = dict(zip(header, next(csv.reader(lines[line_number - 1 : line_number])), strict=True))
    figure_id, value = row["figure_id"], row["value"]
    row["value"] = f"-{value}"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(lines[: line_number - 1])
        csv.writer(handle, lineterminator="\n").writerow([row[column] for column in header])
        handle.writelines(lines[line_number:])
    run = build_corpus(copy_project(tmp_path / "project"), broken)
    assert run.returncode != 0
    assert f"{figures} line {line_number} [{figure_id}]: found -{value}" in run.output
    assert "a market size must be greater than zero" in run.output


def test_shares_of_an_ancestor_markets_segments_build(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", 300, None, "--ancestor-segment-shares")
    segment_dimensions = {row["segment_id"]: row for row in read_rows(corpus, "segments")}
    market_of = {row["report_id"]: row["market_id"] for row in read_rows(corpus, "reports")}
    own = {(row["market_id"], row["segment_dimension"]) for row in segment_dimensions.values()}
    if not any(
        row["measure"] == "share"
        and row["year"]
        and row["segment_id"]
        and (market_of[row["report_id"]], segment_dimensions[row["segment_id"]]["segment_dimension"]) not in own
        for row in read_rows(corpus, "report_figures")
    ):
        pytest.fail("the corpus states no dated share of an ancestor market's own dimension: nothing is tested")
    run = build_corpus(copy_project(tmp_path / "project"), corpus)
    assert run.returncode == 0, run.output
