"""Fixtures: the warehouse built once per session, and private copies of the project."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

from support import (
    SOURCES_MISSING,
    DbtRun,
    ProjectTemplate,
    copy_built_project,
    copy_project,
    in_ci,
    run_dbt,
    sources_available,
)


def pytest_report_header() -> list[str]:
    """Say once, before any test runs, when the source documents are missing: their tests fail in CI
    and skip elsewhere (support.document_text)."""
    if sources_available():
        return []
    return [
        f"ERROR: {SOURCES_MISSING}; those tests fail." if in_ci() else f"NOTE: {SOURCES_MISSING}; those tests skip."
    ]


def session_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of this pytest session that every xdist worker sees (each worker's own temporary
    directory is a subdirectory of it); without xdist, the session's temporary directory."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbtRun]:
    """The shipped seeds, built once for the whole session (`dbt build`), by whichever xdist worker
    asks first while the others wait on a file lock; each worker then reads its own copy of the built
    project, so that what one worker's tests run in it (`dbt docs generate`, `mf query`) never meets
    another's."""
    shared = session_directory(tmp_path_factory)
    built, outcome = shared / "warehouse", shared / "warehouse.json"
    with FileLock(shared / "warehouse.lock"):
        if not outcome.exists():
            shutil.rmtree(built, ignore_errors=True)  # what a worker that died while building left
            project = copy_project(built)
            started = time.monotonic()
            run = run_dbt(project, "build")
            seconds = time.monotonic() - started
            outcome.write_text(
                json.dumps({"returncode": run.returncode, "output": run.output, "seconds": seconds}), encoding="utf-8"
            )
    result = json.loads(outcome.read_text(encoding="utf-8"))
    assert result["returncode"] == 0, result["output"]
    project_dir = copy_built_project(built, tmp_path_factory.mktemp("warehouse") / "project")
    yield DbtRun(project_dir, result["returncode"], result["output"], result["seconds"])


@pytest.fixture(scope="session")
def published_copy(warehouse: DbtRun, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], DbtRun]:
    """A new private copy of the session's built project, as its passing `dbt build` left it (published
    warehouse, exports, target/), for tests whose subject is what happens to it next: each saves a build
    of its own. The copy's first dbt run parses the project anew (its databases' paths differ)."""
    built = session_directory(tmp_path_factory) / "warehouse"

    def copy(name: str) -> DbtRun:
        project = copy_built_project(built, tmp_path_factory.mktemp(name) / "project")
        return DbtRun(project, warehouse.returncode, warehouse.output, warehouse.seconds)

    return copy


@pytest.fixture()
def db(warehouse: DbtRun) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = warehouse.connect()
    yield connection
    connection.close()


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the project whose seeds a test may edit."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def project_template(tmp_path_factory: pytest.TempPathFactory) -> ProjectTemplate:
    """This worker's reusable project directory, parsed once (support.ProjectTemplate)."""
    return ProjectTemplate.create(tmp_path_factory.mktemp("template") / "project")


@pytest.fixture()
def fresh_project(project_template: ProjectTemplate) -> Path:
    """The worker's project directory laid anew for one test, without a published warehouse: like
    `project_copy`, but dbt parses only what the test changes."""
    return project_template.fresh()


@pytest.fixture()
def build_db(warehouse: DbtRun) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = warehouse.connect_build()
    yield connection
    connection.close()
