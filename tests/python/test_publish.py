"""Write-audit-publish: what readers open has passed every test, and only a full `dbt build` replaces it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from support import REPO_ROOT, DbtRun, copy_project, file_digest, marts_checksum, run_dbt

# The module builds its project once (a module-scoped fixture): one worker runs all its tests.
pytestmark = pytest.mark.xdist_group("publish")


def start_reader(*args: str) -> subprocess.Popen[str]:
    """A reader in its own process (one process may not mix connection configurations)."""
    reader = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("sql_reader.py")), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
    return reader


def ask(reader: subprocess.Popen[str], query: str) -> str:
    assert reader.stdin is not None and reader.stdout is not None
    reader.stdin.write(query + "\n")
    reader.stdin.flush()
    return reader.stdout.readline().strip()


@pytest.fixture(scope="module")
def published(published_copy: Callable[[str], DbtRun]) -> Iterator[DbtRun]:
    """A project copy with a published warehouse, shared by the tests of this module (run in order)."""
    yield published_copy("publish")


def test_a_passing_build_publishes_the_marts_with_build_metadata(published: DbtRun) -> None:
    assert "PUBLISHED" in published.output
    seeds = sorted(
        path.relative_to(published.project_dir).as_posix() for path in (published.project_dir / "seeds").glob("*.csv")
    )
    expected_digest = hashlib.sha256()
    for path in seeds:
        expected_digest.update(path.encode() + b"\0" + (published.project_dir / path).read_bytes())
    with published.connect() as db:
        schemas = {row[0] for row in db.execute("select distinct schema_name from duckdb_tables()").fetchall()}
        assert schemas == {"marts", "meta"}
        inputs, version = db.execute("select inputs_sha256, duckdb_version from meta.build_info").fetchone()
        assert inputs == expected_digest.hexdigest()
        assert version.startswith("v1.5")
        undescribed = db.execute(
            "select table_name, column_name from duckdb_columns() "
            "where schema_name = 'marts' and (comment is null or comment = '')"
        ).fetchall()
        assert undescribed == []
        tables_without_comment = db.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' and (comment is null or comment = '')"
        ).fetchall()
        assert tables_without_comment == []
    assert marts_checksum(published.database) == marts_checksum(published.build_database)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("run",), "`dbt run` does not run every test"),
        (("seed",), "`dbt seed` does not run every test"),
        (("build", "--select", "dim_reports"), "a partial build"),
    ],
)
def test_commands_that_do_not_test_everything_do_not_publish(
    published: DbtRun, args: tuple[str, ...], reason: str
) -> None:
    before = file_digest(published.database)
    run = run_dbt(published.project_dir, *args)
    assert run.returncode == 0, run.output
    assert "NOT PUBLISHED" in run.output and reason in run.output
    assert "was left as it was" in run.output
    assert file_digest(published.database) == before


def test_two_builds_of_the_same_inputs_publish_the_same_contents(published: DbtRun, tmp_path: Path) -> None:
    other = run_dbt(copy_project(tmp_path / "again"), "build")
    assert other.returncode == 0, other.output
    first, second = marts_checksum(published.database), marts_checksum(other.database)
    marts = {node.name for node in (REPO_ROOT / "models" / "marts").glob("*.sql")}
    assert set(first) == {name.removesuffix(".sql") for name in marts}
    assert all(count > 0 for count, _ in first.values())
    assert first == second


def test_readers_never_block_a_build_and_see_old_or_new_never_a_mix(published: DbtRun) -> None:
    database = str(published.database)
    before = marts_checksum(published.database)
    old_invocation = (
        duckdb.connect(database, read_only=True).execute("select invocation_id from meta.build_info").fetchone()[0]
    )

    python_reader = duckdb.connect(database, read_only=True)
    sqlalchemy_reader = start_reader("--sqlalchemy", f"duckdb:///{database}?access_mode=read_only")
    cli_reader = subprocess.Popen(  # the DuckDB CLI, holding the file open on its prompt
        [str(Path(sys.executable).with_name("duckdb")), "-readonly", database],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert cli_reader.stdin is not None
        cli_reader.stdin.write("select count(*) from marts.fct_market_size_yearly;\n")
        cli_reader.stdin.flush()
        assert ask(sqlalchemy_reader, "select invocation_id from meta.build_info") == old_invocation
        rows_before = python_reader.execute("select count(*) from marts.fct_market_size_yearly").fetchone()[0]

        rebuild = run_dbt(published.project_dir, "build")
        assert rebuild.returncode == 0, rebuild.output
        assert "PUBLISHED" in rebuild.output

        # Open readers keep their snapshot, complete and consistent.
        assert python_reader.execute("select invocation_id from meta.build_info").fetchone()[0] == old_invocation
        assert python_reader.execute("select count(*) from marts.fct_market_size_yearly").fetchone()[0] == rows_before
        assert ask(sqlalchemy_reader, "select invocation_id from meta.build_info") == old_invocation
    finally:
        python_reader.close()
        sqlalchemy_reader.communicate("", timeout=60)
        output, _ = cli_reader.communicate("select invocation_id from meta.build_info;\n.quit\n", timeout=60)
    assert old_invocation in output
    assert str(rows_before) in output

    # New connections see the new build, with the same contents.
    with duckdb.connect(database, read_only=True) as fresh:
        assert fresh.execute("select invocation_id from meta.build_info").fetchone()[0] != old_invocation
    assert marts_checksum(published.database) == before


def test_a_failed_build_says_the_published_warehouse_was_left_as_it_was(published: DbtRun) -> None:
    before = file_digest(published.database)
    figures = published.project_dir / "seeds" / "report_figures.csv"
    original = figures.read_text(encoding="utf-8")
    try:
        figures.write_text(original.replace(",239.5,", ",-239.5,", 1), encoding="utf-8")
        run = run_dbt(published.project_dir, "build")
    finally:
        figures.write_text(original, encoding="utf-8")
    assert run.returncode != 0
    assert "NOT PUBLISHED" in run.output and "was left as it was" in run.output
    assert file_digest(published.database) == before


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"max_plausible_year": "2100) or (1=1"}, "var 'max_plausible_year'"),
        ({"share_sum_tolerance_pp": 50}, "var 'share_sum_tolerance_pp' = 50 is not allowed"),
        ({"target_schema": "main"}, "var 'target_schema' is not allowed"),
        ({"corpus_dir": "seeds'); drop table x; --"}, "var 'corpus_dir'"),
    ],
)
def test_vars_that_reach_sql_are_checked_against_an_allowed_list(
    published: DbtRun, variables: dict[str, object], message: str
) -> None:
    before = file_digest(published.database)
    run = run_dbt(published.project_dir, "build", "--vars", json.dumps(variables))
    assert run.returncode != 0
    assert message in run.output
    assert "was left as it was" in run.output
    assert file_digest(published.database) == before
