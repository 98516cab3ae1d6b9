"""Over a corpus (`--vars '{corpus_dir: ...}'`) every input file goes through the same structural
check as the seeds: a malformed corpus file is refused with file, line and rule, and nothing is
published, even though dbt goes on running the nodes after a failed on-run-start check."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support import REPO_ROOT, copy_project, run_dbt

Corruption = Callable[[Path], None]


def extra_column(corpus: Path) -> None:
    path = corpus / "reports.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",extra", *(line + ",x" for line in lines[1:])]) + "\n", encoding="utf-8")


def truncated_line(corpus: Path) -> None:
    path = corpus / "report_figures.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("x_truncated,x_report,market_size\n")


def latin1_bytes(corpus: Path) -> None:
    path = corpus / "markets.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", "\nx_caf\xe9,Caf\xe9,,Coffee.\n".encode("latin-1"), 1))


CASES = {
    "an extra column": (extra_column, "reports.csv line 1: unexpected column(s) extra"),
    "a truncated line": (truncated_line, "report_figures.csv line"),
    "bytes that are not UTF-8": (latin1_bytes, "markets.csv line 2: byte 0xe9 is not UTF-8"),
}


@pytest.fixture(scope="module")
def corpus_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "market_sizing.benchmark.generate_corpus",
            "--project-dir",
            str(REPO_ROOT),
            "--reports",
            "60",
            "--out",
            str(corpus),
        ],
        check=True,
        capture_output=True,
    )
    return corpus


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_malformed_corpus_file_is_refused_and_nothing_is_published(
    corpus_template: Path, tmp_path: Path, case: str
) -> None:
    corrupt, expected = CASES[case]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in corpus_template.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    corrupt(corpus)
    project = copy_project(tmp_path / "project")
    run = run_dbt(project, "build", "--vars", f"{{corpus_dir: {corpus}}}")
    assert run.returncode != 0
    assert expected in run.output, run.output[-3000:]
    assert "NOT PUBLISHED" in run.output
    assert not run.database.exists()
