"""New connections see the new build in any process, also while connections to the old one stay open.

DuckDB shares one database instance per file inside a process: a "new" connection to a file that is
still open joins that instance. The published name is a symbolic link to one immutable file per build,
and DuckDB resolves links when it looks an instance up, so after a publish a new connection in the
same process opens the new build. Checked with DuckDB's Python API (the docs' recipe), with
SQLAlchemy (NullPool, duckdb-engine, the docs' URI), and both in one process as the docs say.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from sqlalchemy.pool import NullPool

from market_sizing.publishing.layout import KEPT_PREVIOUS_BUILDS, Layout
from support import REPO_ROOT, DbtRun, run_dbt

# The module builds its project once (a module-scoped fixture): one worker runs all its tests.
pytestmark = pytest.mark.xdist_group("publish_link")

RECIPES = (REPO_ROOT / "docs" / "bi-recipes.md").read_text(encoding="utf-8")
BUILD_INFO = "select invocation_id from meta.build_info"


def python_recipe_config() -> dict[str, object]:
    """The `config` of the docs' Python recipe, as written there."""
    found = re.findall(
        r'con = duckdb\.connect\("market_sizing\.duckdb", read_only=True,\s*config=(\{[^}]*\})\)', RECIPES
    )
    assert len(found) == 1, "docs/bi-recipes.md must hold the Python recipe once"
    return ast.literal_eval(found[0])


def sqlalchemy_uri(database: Path) -> str:
    found = re.findall(r"duckdb:////absolute/path/to/market_sizing\.duckdb\?[^\s`]+", RECIPES)
    assert len(found) == 1
    return found[0].replace("/absolute/path/to/market_sizing.duckdb", str(database))


def one_process_recipe() -> str:
    """The docs' recipe for DuckDB's Python API and SQLAlchemy in one process."""
    found = re.findall(r"<!-- one-process recipe -->\s*```python\n(.*?)```", RECIPES, re.DOTALL)
    assert len(found) == 1, "docs/bi-recipes.md must hold the one-process recipe once"
    return found[0]


@pytest.fixture(scope="module")
def published(published_copy: Callable[[str], DbtRun]) -> Iterator[DbtRun]:
    yield published_copy("link")


def rebuild(published: DbtRun) -> None:
    run = run_dbt(published.project_dir, "build")
    assert run.returncode == 0, run.output[-3000:]
    assert "PUBLISHED" in run.output


def test_the_published_name_is_the_projects_link_to_a_read_only_build(published: DbtRun) -> None:
    database = published.database
    layout = Layout(database)
    assert database.is_symlink() and layout.is_own_link()
    assert database.resolve().parent == layout.builds.resolve()
    assert oct(database.resolve().stat().st_mode & 0o777) == oct(0o444)


def test_a_new_python_connection_reads_the_new_build_while_the_old_one_is_open(published: DbtRun) -> None:
    config = python_recipe_config()
    database = str(published.database)
    old = duckdb.connect(database, read_only=True, config=config)
    try:
        old_invocation = old.execute(BUILD_INFO).fetchone()[0]
        rebuild(published)
        with duckdb.connect(database, read_only=True, config=config) as new:
            new_invocation = new.execute(BUILD_INFO).fetchone()[0]
            new_rows = new.execute("select count(*) from marts.fct_market_size_yearly").fetchone()[0]
        assert new_invocation != old_invocation
        # The open connection keeps its whole, consistent snapshot.
        assert old.execute(BUILD_INFO).fetchone()[0] == old_invocation
        assert old.execute("select count(*) from marts.fct_market_size_yearly").fetchone()[0] == new_rows
    finally:
        old.close()


def test_a_new_sqlalchemy_connection_reads_the_new_build_while_the_old_one_is_open(published: DbtRun) -> None:
    engine = sqlalchemy.create_engine(sqlalchemy_uri(published.database), poolclass=NullPool)
    try:
        with engine.connect() as old:
            old_invocation = old.execute(sqlalchemy.text(BUILD_INFO)).scalar()
            rebuild(published)
            with engine.connect() as new:
                assert new.execute(sqlalchemy.text(BUILD_INFO)).scalar() != old_invocation
            assert old.execute(sqlalchemy.text(BUILD_INFO)).scalar() == old_invocation
    finally:
        engine.dispose()


def test_the_python_and_sqlalchemy_recipes_run_in_one_process(published: DbtRun) -> None:
    """The docs' one-process recipe: DuckDB's Python API through the SQLAlchemy engine, beside SQLAlchemy."""
    namespace: dict[str, object] = {"SQLALCHEMY_URI": sqlalchemy_uri(published.database)}
    exec(one_process_recipe(), namespace)  # noqa: S102 - the documented recipe, run as written
    con, connection, engine = namespace["con"], namespace["connection"], namespace["engine"]
    assert isinstance(engine, sqlalchemy.engine.Engine)
    try:
        with engine.connect() as other:
            invocation = other.execute(sqlalchemy.text(BUILD_INFO)).scalar()
            assert con.sql(BUILD_INFO).fetchone()[0] == invocation  # type: ignore[attr-defined]
            assert con.sql("select current_setting('enable_external_access')").fetchone()[0] is False  # type: ignore[attr-defined]
            rebuild(published)
            with engine.connect() as newer:
                assert newer.execute(sqlalchemy.text(BUILD_INFO)).scalar() != invocation
    finally:
        connection.close()  # type: ignore[attr-defined]
        engine.dispose()


def test_a_regular_file_published_before_is_replaced_by_the_link_and_old_builds_are_pruned(
    published: DbtRun,
) -> None:
    database = published.database
    layout = Layout(database)
    legacy_copy = database.resolve()
    database.unlink()
    shutil.copy2(legacy_copy, database)  # the layout before builds lived behind a link: a regular file
    os.chmod(database, 0o444)
    stranger = layout.builds / "notes.txt"
    stranger.write_text("not the project's\n", encoding="utf-8")
    with duckdb.connect(str(database), read_only=True) as reader:
        old_invocation = reader.execute(BUILD_INFO).fetchone()[0]
        rebuild(published)
        assert reader.execute(BUILD_INFO).fetchone()[0] == old_invocation
    assert layout.is_own_link()
    with duckdb.connect(str(database), read_only=True) as fresh:
        assert fresh.execute(BUILD_INFO).fetchone()[0] != old_invocation
    builds = layout.own_builds()
    assert database.resolve() == builds[-1].resolve()
    assert len(builds) == 1 + KEPT_PREVIOUS_BUILDS
    assert stranger.read_text(encoding="utf-8") == "not the project's\n"
