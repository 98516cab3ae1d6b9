"""The read-only connections of docs/bi-recipes.md cannot touch the machine: no files, no attaching, no
extensions, no writes, and the settings cannot be switched back on."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import sqlalchemy

from support import REPO_ROOT, DbtRun, marts_checksum

LOCKED_CONFIG = {"enable_external_access": False, "lock_configuration": True}

REFUSED = {
    "read a file": "select * from read_csv('/etc/passwd')",
    "attach a database": "attach '{scratch}/other.duckdb' as other",
    "install an extension": "install httpfs",
    "load an extension": "load httpfs",
    "write a table": "create table marts.intruder (i integer)",
    "export a table": "copy marts.dim_reports to '{scratch}/out.csv'",
    "switch file access back on": "set enable_external_access = true",
    "unlock the configuration": "set lock_configuration = false",
}


@pytest.fixture()
def copy_of_warehouse(warehouse: DbtRun, tmp_path: Path) -> Path:
    """A private copy, so that each test's connection configuration stands alone in this process."""
    target = tmp_path / "warehouse.duckdb"
    shutil.copy2(warehouse.database, target)
    return target


@pytest.mark.parametrize("action", REFUSED)
def test_python_read_only_connection_refuses(copy_of_warehouse: Path, tmp_path: Path, action: str) -> None:
    with duckdb.connect(str(copy_of_warehouse), read_only=True, config=LOCKED_CONFIG) as db:
        assert db.execute("select count(*) from marts.dim_reports").fetchone()[0] > 0
        with pytest.raises(duckdb.Error):
            db.execute(REFUSED[action].format(scratch=tmp_path))
    assert not (tmp_path / "out.csv").exists()
    assert not (tmp_path / "other.duckdb").exists()


@pytest.mark.parametrize("action", REFUSED)
def test_sqlalchemy_read_only_connection_refuses(copy_of_warehouse: Path, tmp_path: Path, action: str) -> None:
    url = f"duckdb:///{copy_of_warehouse}?access_mode=read_only&enable_external_access=false&lock_configuration=true"
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sqlalchemy.text("select count(*) from marts.dim_reports")).scalar() > 0
        with engine.connect() as connection, pytest.raises(sqlalchemy.exc.DBAPIError):
            connection.execute(sqlalchemy.text(REFUSED[action].format(scratch=tmp_path)))
    finally:
        engine.dispose()
    assert not (tmp_path / "out.csv").exists()


def test_make_sql_opens_the_warehouse_locked_down(copy_of_warehouse: Path, tmp_path: Path) -> None:
    script = "select 'rows:' || count(*) from marts.dim_reports;\n" + "".join(
        statement.format(scratch=tmp_path) + ";\n" for statement in REFUSED.values()
    )
    completed = subprocess.run(
        [
            "make",
            "-s",
            "-o",
            ".venv/.installed",
            "sql",
            f"DB={copy_of_warehouse}",
            f"BIN={Path(sys.executable).parent}",
        ],
        cwd=REPO_ROOT,
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert re.search(r"rows:\d+", output), output
    assert output.count("Permission Error") >= 4, output
    assert 'Cannot execute statement of type "CREATE"' in output
    assert "lock_configuration" in output or "locked" in output.lower()
    assert not (tmp_path / "out.csv").exists()


def test_no_secrets_and_every_machine_setting_comes_from_the_environment() -> None:
    profile = (REPO_ROOT / "profiles.yml").read_text(encoding="utf-8")
    assert not re.search(r"(password|token|secret|api_key)\s*:", profile, re.IGNORECASE)
    for setting in ("MARKET_SIZING_BUILD_DB", "MARKET_SIZING_THREADS"):
        assert f"env_var('{setting}'" in profile


# The BI recipes of docs/bi-recipes.md, run as written there, read every mart whole.

README = REPO_ROOT / "docs" / "bi-recipes.md"
ROWS_AND_DIGEST = (
    "select count(*), md5(coalesce(string_agg(t::varchar, chr(10) order by t::varchar), '')) from marts.{table} as t"
)


def readme_recipe(pattern: str) -> str:
    found = re.findall(pattern, README.read_text(encoding="utf-8"))
    assert len(found) == 1, f"docs/bi-recipes.md must hold the recipe once: {pattern}"
    return found[0]


def test_superset_sqlalchemy_recipe_reads_every_mart(warehouse: DbtRun, copy_of_warehouse: Path) -> None:
    """The Superset URI from the README, with duckdb-engine, in its own process (its own configuration)."""
    uri = readme_recipe(r"duckdb:////absolute/path/to/market_sizing\.duckdb\?[^\s`]+")
    uri = uri.replace("/absolute/path/to/market_sizing.duckdb", str(copy_of_warehouse))
    expected = marts_checksum(warehouse.database)
    script = (
        "import json, sys, sqlalchemy\n"
        "engine = sqlalchemy.create_engine(sys.argv[1])\n"
        "with engine.connect() as connection:\n"
        "    names = connection.execute(sqlalchemy.text(\n"
        "        \"select table_name from information_schema.tables where table_schema = 'marts'\")).scalars().all()\n"
        "    result = {name: list(connection.execute(sqlalchemy.text(sys.argv[2].format(table=name))).one())\n"
        "              for name in sorted(names)}\n"
        "    settings = connection.execute(sqlalchemy.text(\n"
        "        \"select current_setting('access_mode'), current_setting('enable_external_access')\")).one()\n"
        "print(json.dumps({'marts': result, 'settings': list(settings)}))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, uri, ROWS_AND_DIGEST],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    answer = json.loads(completed.stdout)
    assert {table: tuple(value) for table, value in answer["marts"].items()} == expected
    assert answer["settings"] == ["read_only", False]


def test_cli_recipe_reads_every_mart(warehouse: DbtRun, copy_of_warehouse: Path) -> None:
    """The README's DuckDB CLI command, as written (with the venv's CLI and a copy of the file)."""
    command = readme_recipe(r"\.venv/bin/duckdb -readonly -cmd \"[^\"]+\" market_sizing\.duckdb")
    arguments = shlex.split(command)
    arguments[0] = str(Path(sys.executable).with_name("duckdb"))
    arguments[-1] = str(copy_of_warehouse)
    expected = marts_checksum(warehouse.database)
    script = (
        "".join(
            f"select '{table}|' || n || '|' || digest from ({ROWS_AND_DIGEST.format(table=table)}) as s(n, digest);\n"
            for table in expected
        )
        + "select 'external access: ' || current_setting('enable_external_access');\n"
    )
    completed = subprocess.run(
        [*arguments, "-list", "-noheader"], input=script, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    found = {line.split("|")[0]: (int(line.split("|")[1]), line.split("|")[2]) for line in lines if "|" in line}
    assert found == expected
    assert "external access: false" in lines
