"""What a hostile or careless caller cannot do to the published warehouse: publish untested data by
filtering what runs, overwrite a file the project did not publish, poison the published file with a
WAL, crash on a malformed setting. Every refusal names its cause, leaves the published file byte for
byte as it was and changes nothing else in the project. One published project copy, shared in order.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from support import (
    REPO_ROOT,
    DbtRun,
    file_digest,
    run_dbt,
    tree_state,
)

# The module builds its project once (a module-scoped fixture): one worker runs all its tests.
pytestmark = pytest.mark.xdist_group("publish_guard")

# What a publish says: every model under models/marts is a mart.
PUBLISHED_MARTS = f"PUBLISHED {len(list((REPO_ROOT / 'models' / 'marts').glob('*.sql')))} marts"


def run_dbt_with(project: Path, environment: dict[str, str], *args: str) -> DbtRun:
    return run_dbt(project, *args, env=environment)


def invocation_of(database: Path) -> str:
    with duckdb.connect(str(database), read_only=True) as db:
        return db.execute("select invocation_id from meta.build_info").fetchone()[0]


@pytest.fixture(scope="module")
def published(published_copy: Callable[[str], DbtRun]) -> Iterator[DbtRun]:
    run = published_copy("guard")
    (run.project_dir / "README.md").write_text("a file the project did not publish\n", encoding="utf-8")
    yield run


def test_the_published_file_is_read_only_on_disk(published: DbtRun) -> None:
    assert stat.S_IMODE(published.database.stat().st_mode) == 0o444
    assert not Path(str(published.database) + ".publishing").exists()


@pytest.mark.parametrize(
    ("environment", "args", "reason", "missing"),
    [
        (
            {"DBT_EXCLUDE_RESOURCE_TYPES": "test unit_test"},
            ("build",),
            "a build filtered by resource type",
            r"\(\d+ tests, \d+ unit_tests\)",
        ),
        ({}, ("build", "--exclude-resource-type", "test"), "a build filtered by resource type", r"\(\d+ tests\)"),
        (
            {},
            ("build", "--resource-type", "model", "--resource-type", "seed"),
            "a build filtered by resource type",
            r"\(\d+ tests, \d+ unit_tests\)",
        ),
        (
            {},
            ("build", "--exclude-resource-type", "unit_test"),
            "did not run",
            r"\(\d+ unit_tests\), e\.g\. unit_test int_market_size_yearly\.",
        ),
        ({}, ("build", "--empty"), "`--empty` builds on other data", ""),
        (
            {},
            ("build", "--exclude", "cagr_within_plausible_bound"),
            "a partial build",
            r"\(1 test\), e\.g\. test cagr_within_plausible_bound",
        ),
    ],
    ids=[
        "DBT_EXCLUDE_RESOURCE_TYPES",
        "exclude-resource-type test",
        "resource-type model seed",
        "no unit tests",
        "empty",
        "one test excluded",
    ],
)
def test_a_build_that_skips_any_node_does_not_publish(
    published: DbtRun, environment: dict[str, str], args: tuple[str, ...], reason: str, missing: str
) -> None:
    before, files = file_digest(published.database), tree_state(published.project_dir)
    run = run_dbt_with(published.project_dir, environment, *args)
    assert "NOT PUBLISHED" in run.output and reason in run.output, run.output[-3000:]
    assert re.search(missing, run.output.split("NOT PUBLISHED", 1)[1])
    assert "was left as it was" in run.output
    assert file_digest(published.database) == before
    assert tree_state(published.project_dir) == files


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("README.md", "is an existing file that is not a DuckDB database"),
        ("/dev/null", "is not a regular file"),
        ("models", "is a directory"),
        ("", "is empty"),
        ("no/such/directory/warehouse.duckdb", "is in a directory that does not exist"),
        ("target/build.duckdb", "is the build database"),
        ("other.duckdb", "is a DuckDB database without meta.build_info"),
        ("elsewhere.duckdb", "is a symbolic link the project did not make"),
    ],
    ids=[
        "a README",
        "a device",
        "a directory",
        "empty",
        "no parent directory",
        "the build database",
        "another database",
        "somebody's link",
    ],
)
def test_market_sizing_db_names_only_a_file_the_project_published(published: DbtRun, target: str, problem: str) -> None:
    project = published.project_dir
    with duckdb.connect(str(project / "other.duckdb")) as other:
        other.execute("create or replace table kept as select 42 as answer")
    if not os.path.lexists(project / "elsewhere.duckdb"):  # a link to a database the project did not publish
        (project / "elsewhere.duckdb").symlink_to("other.duckdb")
    before, files = file_digest(published.database), tree_state(project)
    run = run_dbt_with(project, {"MARKET_SIZING_DB": target}, "build")
    assert run.returncode != 0
    assert f"MARKET_SIZING_DB={target!r} {problem}" in run.output, run.output[-3000:]
    assert "Traceback" not in run.output
    assert PUBLISHED_MARTS not in run.output
    assert file_digest(published.database) == before
    assert tree_state(project) == files
    assert not any(path.name.endswith(".publishing") for path in project.rglob("*.publishing"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_leftovers_of_an_interrupted_publish_are_removed_and_nothing_else(published: DbtRun) -> None:
    project = published.project_dir
    leftover = Path(str(published.database) + ".publishing")
    leftover.write_bytes(published.database.read_bytes()[:100_000])  # a publish killed mid-write
    Path(str(leftover) + ".wal").write_bytes(b"\0" * 64)
    run = run_dbt(project, "seed")
    assert "NOT PUBLISHED" in run.output
    assert not leftover.exists() and not Path(str(leftover) + ".wal").exists()

    leftover.write_text("somebody's notes, not a temporary of the project\n", encoding="utf-8")
    before = file_digest(published.database)
    refused = run_dbt(project, "seed")
    assert refused.returncode != 0
    assert "is in the way and is not a temporary the project left" in refused.output
    assert leftover.read_text(encoding="utf-8").startswith("somebody's notes")
    assert file_digest(published.database) == before
    leftover.unlink()


NOTEBOOK = """
import sys, time, duckdb
connection = duckdb.connect(sys.argv[1])  # read-write: the notebook forgot read_only=True
connection.execute("create table main.scratch as select range as i from range(10000)")
print("written", flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("ending", ["kept open", "killed"])
def test_a_read_write_connection_left_on_the_published_file_cannot_poison_it(published: DbtRun, ending: str) -> None:
    database = published.database
    old_invocation = invocation_of(database)
    notebook = subprocess.Popen(
        [sys.executable, "-c", NOTEBOOK, str(database)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert notebook.stdout is not None and notebook.stdout.readline().strip() == "written"
        # DuckDB writes the WAL beside the file the link resolves to: the build the notebook opened.
        notebook_build = database.resolve()
        assert Path(str(notebook_build) + ".wal").exists()
        if ending == "killed":
            os.killpg(notebook.pid, signal.SIGKILL)
            notebook.wait(timeout=60)
        else:
            time.sleep(0.5)
        rebuild = run_dbt(published.project_dir, "build")
        assert rebuild.returncode == 0, rebuild.output[-3000:]
        assert PUBLISHED_MARTS in rebuild.output
        with duckdb.connect(str(database), read_only=True) as reader:
            new_invocation = reader.execute("select invocation_id from meta.build_info").fetchone()[0]
            scratch = reader.execute("select count(*) from duckdb_tables() where table_name = 'scratch'").fetchone()
        assert new_invocation != old_invocation and scratch == (0,)
        assert database.resolve() != notebook_build
        assert not Path(str(database.resolve()) + ".wal").exists()
    finally:
        if notebook.poll() is None:
            os.killpg(notebook.pid, signal.SIGKILL)
            notebook.wait(timeout=60)
    # The notebook is gone: the file still opens, and it is the build's.
    assert invocation_of(database) == new_invocation


@pytest.mark.parametrize("threads", ["0", "abc", "-1", "65"])
def test_a_malformed_thread_count_is_refused_by_name(published: DbtRun, threads: str) -> None:
    before, files = file_digest(published.database), tree_state(published.project_dir)
    run = run_dbt_with(published.project_dir, {"MARKET_SIZING_THREADS": threads}, "build")
    assert run.returncode != 0
    assert (
        f"MARKET_SIZING_THREADS={threads} is not allowed (rule: a whole number of threads from 1 to 64)" in run.output
    )
    assert "Traceback" not in run.output
    assert file_digest(published.database) == before
    assert tree_state(published.project_dir) == files


def test_implausible_figures_warn_loudly_and_are_published_as_stated(published: DbtRun) -> None:
    figures = published.project_dir / "seeds" / "report_figures.csv"
    original = figures.read_text(encoding="utf-8")
    assert ",239.5,USD billion," in original and ",9.9,percent," in original
    try:
        figures.write_text(
            original.replace(
                ",239.5,USD billion,,projected to reach USD 239.5",
                ",23950,USD billion,,projected to reach USD 23950",
                1,
            ),
            encoding="utf-8",
        )
        run = run_dbt(published.project_dir, "build", "--vars", '{"max_plausible_cagr_pct": 9.5}')
    finally:
        figures.write_text(original, encoding="utf-8")
    assert run.returncode == 0, run.output[-3000:]
    assert (
        "PLAUSIBILITY WARNING: seeds/report_figures.csv line 2 [dmr25_size_2025]: found 23950.0 USD billion"
        in run.output
    )
    assert "a market size is expected between 0.01 and 5000 USD billion" in run.output
    assert "[dmr25_cagr]: found 9.9 percent (a CAGR is expected between -9.5 and 9.5 percent" in run.output
    assert PUBLISHED_MARTS in run.output
    with published.connect() as db:
        stated = db.execute(
            "select value_as_stated from marts.fct_report_figures where figure_id = 'dmr25_size_2025'"
        ).fetchone()[0]
    assert float(stated) == 23950
