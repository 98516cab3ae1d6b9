"""Fixtures: the warehouse built once per session, and private copies of the project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from support import SOURCES_MISSING, DbtRun, copy_project, run_dbt, sources_available


def pytest_report_header() -> list[str]:
    """Say once, before any test runs, when the source documents are missing (their tests skip)."""
    return [] if sources_available() else [f"NOTE: {SOURCES_MISSING}; those tests skip."]


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbtRun]:
    """The shipped seeds, built once for the whole session."""
    project_dir = copy_project(tmp_path_factory.mktemp("warehouse"))
    run = run_dbt(project_dir, "build")
    assert run.returncode == 0, run.output
    yield run


@pytest.fixture()
def db(warehouse: DbtRun) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = warehouse.connect()
    yield connection
    connection.close()


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the project whose seeds a test may edit."""
    return copy_project(tmp_path / "project")


@pytest.fixture()
def build_db(warehouse: DbtRun) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = warehouse.connect_build()
    yield connection
    connection.close()
