"""Malformed input files found by a hostile-user probe: each stops `make build` at the input-file
check with a message naming the file, the physical line and the rule (no traceback, no hang), and
leaves the published warehouse and every other file of the project as they were."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support import PUBLISHED_NAME, DbtRun, copy_project, file_digest, run_build, tree_state

FIGURES = "seeds/report_figures.csv"
REPORTS = "seeds/reports.csv"
Edit = Callable[[Path], None]


def replace_bytes(relative: str, old: bytes, new: bytes) -> Edit:
    def apply(project: Path) -> None:
        path = project / relative
        raw = path.read_bytes()
        assert old in raw, f"{old!r} not in {relative}"
        path.write_bytes(raw.replace(old, new, 1))

    return apply


def write_bytes(relative: str, raw: bytes) -> Edit:
    def apply(project: Path) -> None:
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_bytes(raw)

    return apply


def become_directory(relative: str) -> Edit:
    def apply(project: Path) -> None:
        (project / relative).unlink()
        (project / relative).mkdir()

    return apply


def become_pipe(relative: str) -> Edit:
    def apply(project: Path) -> None:
        (project / relative).unlink()
        os.mkfifo(project / relative)

    return apply


def swap_columns(relative: str, first: str, second: str) -> Edit:
    def apply(project: Path) -> None:
        path = project / relative
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        i, j = rows[0].index(first), rows[0].index(second)
        for row in rows:
            row[i], row[j] = row[j], row[i]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")

    return apply


SIZE_ROW = b"dmr25_size_2025,"
CASES: dict[str, tuple[Edit, tuple[str, ...]]] = {
    "byte-order mark only": (write_bytes(FIGURES, b"\xef\xbb\xbf"), (f"{FIGURES} line 1: the file is empty",)),
    "directory instead of a seed": (
        become_directory(REPORTS),
        (f"{REPORTS}: a directory where the file should be",),
    ),
    "named pipe instead of a seed": (become_pipe(REPORTS), (f"{REPORTS}: a pipe, device or socket",)),
    "duplicate header column": (
        replace_bytes(REPORTS, b",title,", b",publisher,"),
        (f"{REPORTS} line 1: column(s) publisher appear more than once",),
    ),
    "zero-width space in an id": (
        replace_bytes(FIGURES, SIZE_ROW, "dmr25_size\u200b_2025,".encode()),
        (f"{FIGURES} line 2: figure_id 'dmr25_size\\u200b_2025' holds an invisible or control character",),
    ),
    "right-to-left mark in an id": (
        replace_bytes(
            FIGURES, b",dmr_healthcare_cmo_2025,market_size", ",\u200fdmr_healthcare_cmo_2025,market_size".encode()
        ),
        (f"{FIGURES} line 2: report_id '\\u200fdmr_healthcare_cmo_2025' holds an invisible",),
    ),
    "control character in an id": (
        replace_bytes(FIGURES, SIZE_ROW, b"dmr25_size_2025\x07,"),
        (f"{FIGURES} line 2: figure_id 'dmr25_size_2025\\u0007' holds",),
    ),
    "multi-line quoted value": (
        replace_bytes(FIGURES, b"by 2025,Introduction\n", b'by 2025,"Intro\nduction"\n'),
        (f"{FIGURES} lines 2-3: a quoted value spans several lines",),
    ),
    "blank line between rows": (
        replace_bytes(FIGURES, b"by 2025,Introduction\n", b"by 2025,Introduction\n\n"),
        (f"{FIGURES} line 3: a blank line between rows",),
    ),
    "one-megabyte value": (
        replace_bytes(FIGURES, b"by 2025,Introduction\n", b"by 2025," + b"x" * 1_000_000 + b"\n"),
        (f"{FIGURES} line 2: the value of section has 1,000,000 characters", "at most 131,072 characters"),
    ),
    "non-UTF-8 CSV elsewhere under seeds": (
        write_bytes("seeds/archive/old_figures.csv", "figure_id\nSumm\xe4ry\n".encode("latin-1")),
        ("seeds/archive/old_figures.csv line 2: byte 0xe4 is not UTF-8",),
    ),
    "publisher and title swapped": (
        swap_columns(REPORTS, "publisher", "title"),
        (
            f"{REPORTS} line 1: the columns are in another order (title where publisher belongs; "
            "publisher where title belongs)",
            "place values by position, not by column name",
        ),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_malformed_input_is_refused_by_name_and_line(warehouse: DbtRun, tmp_path: Path, case: str) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(warehouse.database, project / PUBLISHED_NAME)
    edit, expected = CASES[case]
    edit(project)
    before, files = file_digest(project / PUBLISHED_NAME), tree_state(project)
    run = run_build(project)
    assert run.returncode != 0, run.output[-3000:]
    for fragment in expected:
        assert fragment in run.output, run.output[-3000:]
    assert "input file check failed" in run.output and "was left as it was" in run.output
    assert "Traceback" not in run.output
    assert file_digest(project / PUBLISHED_NAME) == before
    assert tree_state(project) == files
