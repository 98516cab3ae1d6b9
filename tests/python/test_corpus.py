"""A generated corpus loads through DuckDB's CSV reader (var corpus_dir) and passes every validation.

Its rows keep the file and line they came from, numbered deterministically even when DuckDB reads
a file in parallel pieces; a malformed row deep in a large file is reported at its exact line.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO_ROOT, DbtRun, copy_project, run_dbt

# Large enough that report_figures.csv (about 15 MB) is read by DuckDB in several parallel pieces.
CORPUS_REPORTS = 20_000


def generate(out: Path, reports: int = CORPUS_REPORTS) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "benchmarks" / "generate_corpus.py"),
            "--reports",
            str(reports),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return out


def build_corpus(project: Path, corpus: Path) -> DbtRun:
    return run_dbt(project, "build", "--vars", json.dumps({"corpus_dir": str(corpus)}))


def csv_lines(path: Path, key: str) -> dict[str, int]:
    """Line of the file each row ends on (line 1 is the header), read by Python's csv module."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return {row[key]: reader.line_num for row in reader}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus") / "corpus")


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> DbtRun:
    project = copy_project(tmp_path_factory.mktemp("corpus_project"))
    run = build_corpus(project, corpus)
    assert run.returncode == 0, run.output
    return run


def test_the_generator_is_deterministic(tmp_path: Path, corpus: Path) -> None:
    again = generate(tmp_path / "again", reports=500)
    other = generate(tmp_path / "other", reports=500)
    for name in ("reports", "report_figures", "report_claims", "report_mentions", "regions", "segments"):
        assert (again / f"{name}.csv").read_bytes() == (other / f"{name}.csv").read_bytes(), name
        with (
            (REPO_ROOT / "seeds" / f"{name}.csv").open(encoding="utf-8") as seed,
            (corpus / f"{name}.csv").open(encoding="utf-8") as generated,
        ):
            assert generated.readline() == seed.readline(), f"{name}: header differs from the seed's"


def test_a_corpus_passes_every_validation(corpus_build: DbtRun, corpus: Path) -> None:
    with corpus_build.connect() as db:
        assert db.execute("select count(*) from marts.dim_reports").fetchone()[0] == CORPUS_REPORTS
        figures = sum(1 for _ in (corpus / "report_figures.csv").open(encoding="utf-8")) - 1
        assert db.execute("select count(*) from marts.fct_report_figures").fetchone()[0] == figures
        bases = {row[0] for row in db.execute("select distinct basis from marts.fct_market_size_yearly").fetchall()}
        assert bases == {"reported", "interpolated", "extrapolated", "backcast"}
        regional = {row[0] for row in db.execute("select distinct basis from marts.fct_regional_revenue").fetchall()}
        assert regional == {"reported", "derived", "not_disclosed"}
    # The generator's disagreeing CAGRs (one report in five) are warned about, not failed.
    assert f"WARN {CORPUS_REPORTS // 5} stated_cagr_consistent_with_stated_values" in corpus_build.output


@pytest.mark.parametrize(
    ("name", "key"), [("report_figures", "figure_id"), ("reports", "report_id"), ("report_mentions", "mention_id")]
)
def test_every_row_keeps_its_file_and_line(corpus_build: DbtRun, corpus: Path, name: str, key: str) -> None:
    expected = csv_lines(corpus / f"{name}.csv", key)
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
    # A market size near the end of the file, far past DuckDB's first parallel piece.
    line_number = next(
        number for number in range(len(lines) - 50, 0, -1) if ",market_size,world,," in lines[number - 1]
    )
    fields = lines[line_number - 1].split(",")  # the first ten fields hold no commas
    figure_id, value = fields[0], fields[9]
    fields[9] = f"-{value}"
    lines[line_number - 1] = ",".join(fields)
    figures.write_text("".join(lines), encoding="utf-8")
    run = build_corpus(copy_project(tmp_path / "project"), broken)
    assert run.returncode != 0
    assert f"{figures} line {line_number} [{figure_id}]: found -{value}" in run.output
    assert "a market size must be greater than zero" in run.output
