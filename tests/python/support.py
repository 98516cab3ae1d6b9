"""Helpers that build the dbt project into temporary directories and read the sources.

dbt runs in a subprocess so that no DuckDB file stays open in the test process while dbt writes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECT_ITEMS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/dbt")
SOURCES_DIR = REPO_ROOT.parent / "shared" / "sources"
DBT_TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class DbtRun:
    """Outcome of one dbt invocation."""

    project_dir: Path
    database: Path
    returncode: int
    output: str

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.database), read_only=True)


def copy_project(destination: Path) -> Path:
    """Copy what dbt needs (no target/, no database) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        source = REPO_ROOT / item
        target = destination / item
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def run_dbt(project_dir: Path, *args: str, database: Path | None = None) -> DbtRun:
    """Run dbt in `project_dir` against `database` (default: warehouse.duckdb inside it)."""
    database = database or project_dir / "warehouse.duckdb"
    env = {
        **os.environ,
        "MARKET_SIZING_DB": str(database),
        "DBT_PROFILES_DIR": str(project_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    dbt = Path(sys.executable).with_name("dbt")
    completed = subprocess.run(
        [str(dbt), *args],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=DBT_TIMEOUT_SECONDS,
        check=False,
    )
    return DbtRun(project_dir, database, completed.returncode, completed.stdout + completed.stderr)


def source_text(name: str) -> str:
    """A source document from ../shared/sources, or skip when this checkout has none beside it."""
    path = SOURCES_DIR / name
    if not path.exists():
        pytest.skip(f"{path} not found: the source documents sit in ../shared/sources beside the repository")
    return path.read_text(encoding="utf-8")
