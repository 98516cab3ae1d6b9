"""`make sql` runs SQL only: every DuckDB CLI dot command that runs a shell or touches a file is
refused, through the exact command `make sql` runs, and no file appears anywhere.

make runs from the test's own directory, holding only its files, (the Makefile named with -f), so that a file
written relative to where the prompt runs would show there. The checkout itself is not watched: other
tests running beside these ones write there (the dashboard's screenshot in target/)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO_ROOT, DbtRun

DOT_COMMANDS = {
    ".shell": ".shell touch {scratch}/shell",
    ".system": ".system touch {scratch}/system",
    ".sh": ".sh touch {scratch}/sh",
    ".read": ".read /etc/hostname",
    ".output": ".output {scratch}/output",
    ".once": ".once {scratch}/once",
    ".log": ".log {scratch}/log",
    ".open": ".open {scratch}/new.duckdb",
    ".import": ".import /etc/hostname {scratch}/imported",
    ".save": ".save {scratch}/save.duckdb",
    ".backup": ".backup {scratch}/backup.duckdb",
    ".excel": ".excel",
    ".cd": ".cd {scratch}",
    ".pager": '.pager "touch {scratch}/pager"',
    ".edit": ".edit {scratch}/edit",
}


def make_sql(database: Path, script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    makefile = REPO_ROOT / "Makefile"
    return subprocess.run(
        [
            "make",
            "-s",
            "-f",
            str(makefile),
            "-o",
            ".venv/.installed",
            "sql",
            f"DB={database}",
            f"BIN={Path(sys.executable).parent}",
        ],
        cwd=cwd,
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", DOT_COMMANDS)
def test_make_sql_refuses_dot_commands_that_reach_the_machine(warehouse: DbtRun, tmp_path: Path, command: str) -> None:
    database = tmp_path / "warehouse.duckdb"
    shutil.copy2(warehouse.database, database)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    line = DOT_COMMANDS[command].format(scratch=scratch)
    completed = make_sql(
        database, f"{line}\nselect 'still here: ' || count(*) from marts.dim_reports;\n{line}\n", cwd=tmp_path
    )
    assert f"refused: {command} (make sql runs SQL only" in completed.stderr, completed.stdout + completed.stderr
    assert re.search(r"still here: \d+", completed.stdout), completed.stdout
    assert list(scratch.iterdir()) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["scratch", "warehouse.duckdb"]


def test_make_sql_answers_sql_and_its_own_commands(warehouse: DbtRun, tmp_path: Path) -> None:
    database = tmp_path / "warehouse.duckdb"
    shutil.copy2(warehouse.database, database)
    completed = make_sql(
        database,
        ".tables\nselect current_setting('enable_external_access') as external,\n"
        "  current_setting('lock_configuration') as locked;\n.quit\nselect 'after quit';\n",
        cwd=tmp_path,
    )
    assert "marts.dim_reports" in completed.stdout and "meta.build_info" in completed.stdout
    assert re.search(r"false\s*│\s*true", completed.stdout), completed.stdout
    assert "after quit" not in completed.stdout
    assert completed.returncode == 0, completed.stderr


def test_make_sql_names_a_missing_warehouse(tmp_path: Path) -> None:
    completed = make_sql(tmp_path / "none.duckdb", "select 1;\n", cwd=tmp_path)
    assert completed.returncode != 0
    assert "no warehouse file here" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert list(tmp_path.iterdir()) == []
