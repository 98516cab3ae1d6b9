"""The per-model profile of the direct run (`python -m market_sizing.benchmark.profile`), on the shipped
seeds: every model is timed once, the shares add up, and the slowest get an EXPLAIN ANALYZE."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support import REPO_ROOT, copy_project


def test_every_model_is_timed_once_and_the_slowest_are_explained(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    work = tmp_path / "profile"
    completed = subprocess.run(
        [sys.executable, "-m", "market_sizing.benchmark.profile", "--work", str(work), "--explain", "2"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    rows = re.findall(r"^\s*(\d+\.\d+)\s+(\d+\.\d)%\s+(\w+)$", completed.stdout, re.MULTILINE)
    models = {path.stem for path in (REPO_ROOT / "models").rglob("*.sql")}
    assert sorted(name for _, _, name in rows) == sorted(models)
    seconds = [float(value) for value, _, _ in rows]
    assert seconds == sorted(seconds, reverse=True)
    assert abs(sum(float(share) for _, share, _ in rows) - 100) <= 0.05 * len(rows)  # each share is rounded
    slowest = [name for _, _, name in rows[:2]]
    assert sorted(path.stem for path in (work / "explain").glob("*.txt")) == sorted(slowest)
    assert all("Total Time" in (work / "explain" / f"{name}.txt").read_text() for name in slowest)
