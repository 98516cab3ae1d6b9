"""`make add-report`, review, `make accept-report`, `make build`: a new report end to end.

The report text is written here (it is in no file of the repository); everything runs in a private
copy of the project, with the make targets a user runs, on this checkout's package.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from market_sizing.extract.rows import REVIEW_FILE
from support import REPO_ROOT, copy_project, run_build

REPORT = "nordfrost_germany_cold_chain_2025"
TEXT = """Germany Cold Chain Logistics Market Size and Outlook, 2025-2033

The Germany cold chain logistics market was valued at USD 18.64 billion in 2024 and is projected to reach USD 31.20 billion by 2033, expanding at a CAGR of 5.9% from 2025 to 2033.

Segment Insights

By service, refrigerated storage accounted for 58.4% of revenue in 2024. The chilled segment held the largest share in 2024, while frozen goods follow.

Revenue from the market is expected to climb from USD 19.70 billion in 2025 to USD 24.10 billion in 2029, a CAGR of 6.4%.

More than 1,400 warehouses operate across the country.
"""


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make` in the project copy, with the repository's virtual environment and this checkout's code."""
    installed = project / ".installed"
    installed.touch()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    return subprocess.run(
        ["make", "--no-print-directory", f"BIN={Path(sys.executable).parent}", f"INSTALLED={installed}", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, table: list[dict[str, str]], header: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    copy = copy_project(tmp_path / "project")
    (copy / "mk").mkdir()
    for item in (
        "Makefile",
        "requirements.txt",
        "pyproject.toml",
        *(f"mk/{path.name}" for path in (REPO_ROOT / "mk").glob("*.mk")),
    ):
        shutil.copy2(REPO_ROOT / item, copy / item)
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    return copy


def test_a_report_goes_from_text_to_the_warehouse(project: Path) -> None:
    added = make(
        project, "add-report", f"FILE={project.parent / 'report.txt'}", f"REPORT={REPORT}", "PREFIX=nf25",
        "MARKET=cold_chain_logistics", "GEOGRAPHY=germany", "PUBLISHER=Nordfrost Analytics",
        "URL=https://example.org/germany-cold-chain", "DATE=2026-11-27",
    )  # fmt: skip
    assert added.returncode == 0, added.stdout + added.stderr
    review = project / "target" / "review" / REPORT
    figures = {row["figure_id"]: row for row in read_csv(review / "report_figures.csv")}
    assert (figures["nf25_size_2024"]["region_id"], figures["nf25_size_2024"]["value"]) == ("germany", "18.64")
    assert figures["nf25_share_refrigerated_storage_2024"]["segment_id"] == "cc__service__refrigerated_storage"
    assert {(row["claim_type"], row["segment_id"]) for row in read_csv(review / "report_claims.csv")} == {
        ("leads", "cc__temperature__chilled")
    }
    report = read_csv(review / "reports.csv")[0]
    assert (report["market_id"], report["geography_id"], report["market_name"]) == (
        "cold_chain_logistics", "germany", "Germany cold chain logistics market"
    )  # fmt: skip
    # The second CAGR's period is the span of its sentence's sizes, which 6.4% a year does not compound
    # 2025's size into 2029's: listed for review, with the reason.
    items = read_csv(review / REVIEW_FILE)
    assert [(item["id"], item["reason"]) for item in items] == [
        ("nf25_cagr_2025_2029", "period inferred from the sentence's dated sizes, not stated")
    ]
    assert "1,400" in (review / "unclassified.csv").read_text(encoding="utf-8")

    # Not reviewed yet, and the edition still blank: refused, with every reason.
    refused = make(project, "accept-report", f"REVIEW={review}")
    assert refused.returncode != 0
    assert "still to review: report_figures.csv nf25_cagr_2025_2029" in refused.stderr
    assert "reports.csv line 2 [nordfrost_germany_cold_chain_2025]: required field(s) blank: edition" in refused.stderr
    seeds_before = {path.name: path.read_text(encoding="utf-8") for path in (project / "seeds").glob("*.csv")}

    # The review: the period is accepted as inferred (period_as_stated stays blank), the edition filled in.
    write_csv(review / REVIEW_FILE, [], list(items[0]))
    header = list(report)
    write_csv(review / "reports.csv", [report | {"edition": "2025"}], header)
    accepted = make(project, "accept-report", f"REVIEW={review}")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "make build" in accepted.stdout
    for name, before in seeds_before.items():
        after = (project / "seeds" / name).read_text(encoding="utf-8")
        assert after.startswith(before) and after.count("\n") >= before.count("\n"), name
        assert after.splitlines()[0] == before.splitlines()[0] and after.splitlines().count(after.splitlines()[0]) == 1
    appended = [row for row in read_csv(project / "seeds" / "report_figures.csv") if row["report_id"] == REPORT]
    assert len(appended) == len(figures)

    again = make(project, "accept-report", f"REVIEW={review}")
    assert again.returncode != 0 and "already exists" in again.stderr

    build = run_build(project)
    assert build.returncode == 0, build.output[-4000:]
    with build.connect() as db:
        sizes = db.execute(
            "select year, market_size_usd_bn from marts.fct_market_size_yearly where report_id = ? order by year",
            [REPORT],
        ).fetchall()
    assert (2024, 18.64) in [(year, round(float(value), 2)) for year, value in sizes]
