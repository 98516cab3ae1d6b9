"""Helpers that build the dbt project into temporary directories and read the sources.

dbt runs in another process so that no DuckDB file stays open in the test process while dbt writes
it: a process forked for the invocation from one that imported dbt once (`dbt_forks`), or, with
MARKET_SIZING_TEST_FORKS=0, the `dbt` executable.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECT_ITEMS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/dbt")
SOURCES_DIR = REPO_ROOT.parent / "shared" / "sources"
DBT_TIMEOUT_SECONDS = 900
# Headless Chromium as the browser tests run it: no sandbox (root in CI), no network of its own.
HEADLESS_CHROMIUM = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


PUBLISHED_NAME = "warehouse.duckdb"
BUILD_NAME = "target/build.duckdb"
PARSE_STATE = "target/partial_parse.msgpack"


@dataclass(frozen=True)
class DbtRun:
    """Outcome of one dbt invocation in a project copy."""

    project_dir: Path
    returncode: int
    output: str
    seconds: float = 0.0  # wall time of the invocation, where it was measured

    @property
    def database(self) -> Path:
        """The published warehouse: what readers open."""
        return self.project_dir / PUBLISHED_NAME

    @property
    def build_database(self) -> Path:
        """The build database dbt writes and tests in (staging and intermediate views too)."""
        return self.project_dir / BUILD_NAME

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.database), read_only=True)

    def connect_build(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.build_database), read_only=True)


def dbt_environment(project_dir: Path) -> dict[str, str]:
    """Environment for dbt in a project copy: its own published and build databases."""
    return {
        **os.environ,
        "MARKET_SIZING_DB": str(project_dir / PUBLISHED_NAME),
        "MARKET_SIZING_BUILD_DB": str(project_dir / BUILD_NAME),
        "DBT_PROFILES_DIR": str(project_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def dbt_command(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("dbt")), *args]


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


def copy_built_project(source: Path, destination: Path) -> Path:
    """A private copy of a project directory as a build left it: databases, target/ and exports too."""
    shutil.copytree(source, destination, symlinks=True)
    return destination


@dataclass(frozen=True)
class ProjectTemplate:
    """One project directory that a test worker lays anew for each test that edits and builds it.

    The directory stays at one path, so the parse state dbt saved there (target/partial_parse.msgpack)
    stays valid: dbt's partial parsing re-parses only the files a test changed, as it does in a checkout
    where a user edits a seed after a build. The state is dbt's own and keyed to this path and
    environment (the profile names absolute database paths); it is never moved to another directory,
    where dbt would load the seeds a test did not change from the directory that wrote it.
    """

    directory: Path
    parse_state: bytes

    @classmethod
    def create(cls, directory: Path) -> ProjectTemplate:
        """Copy the project into `directory` and parse it once (`dbt parse`)."""
        copy_project(directory)
        run = run_dbt(directory, "parse")
        assert run.returncode == 0, run.output[-3000:]
        return cls(directory, (directory / PARSE_STATE).read_bytes())

    def fresh(self, published: Path | None = None) -> Path:
        """The directory with nothing but what `copy_project` copies, `published` (when given) as its
        published warehouse, and the parse state of the unchanged project."""
        shutil.rmtree(self.directory)
        copy_project(self.directory)
        if published is not None:
            shutil.copy2(published, self.directory / PUBLISHED_NAME)
        state = self.directory / PARSE_STATE
        state.parent.mkdir()
        state.write_bytes(self.parse_state)
        return self.directory


class DbtForks:
    """This process's server of dbt processes (`dbt_forks`): each invocation is a fresh process, forked
    from one that imported dbt once. MARKET_SIZING_TEST_FORKS=0 runs the `dbt` executable instead."""

    _server: subprocess.Popen[str] | None = None

    @classmethod
    def enabled(cls) -> bool:
        return os.environ.get("MARKET_SIZING_TEST_FORKS", "1") != "0"

    @classmethod
    def server(cls) -> subprocess.Popen[str]:
        if cls._server is None or cls._server.poll() is not None:
            cls._server = subprocess.Popen(
                [sys.executable, "-m", "dbt_forks"],
                cwd=Path(__file__).parent,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        return cls._server

    @classmethod
    def run(
        cls, project_dir: Path, args: tuple[str, ...], environment: dict[str, str], kill_after: float | None = None
    ) -> tuple[int, str]:
        """dbt's exit code and output. With `kill_after`, a child still running after that many seconds
        is killed (SIGKILL to its session) and the exit code is the signal's, negative."""
        server = cls.server()
        assert server.stdin is not None and server.stdout is not None
        output = project_dir.parent / f".dbt-output-{os.getpid()}.log"
        request = {"cwd": str(project_dir), "env": environment, "args": list(args), "output": str(output)}
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        child = json.loads(server.stdout.readline())["pid"]
        ready, _, _ = select.select([server.stdout], [], [], kill_after or DBT_TIMEOUT_SECONDS)
        if not ready:
            os.killpg(child, signal.SIGKILL)
            if kill_after is None:
                raise subprocess.TimeoutExpired(["dbt", *args], DBT_TIMEOUT_SECONDS)
        returncode = json.loads(server.stdout.readline())["returncode"]
        text = output.read_text(encoding="utf-8", errors="replace")
        output.unlink()
        return returncode, text


def run_dbt(project_dir: Path, *args: str, env: Mapping[str, str | None] | None = None) -> DbtRun:
    """Run dbt in `project_dir`, publishing (when it publishes) to warehouse.duckdb inside it; `env`
    overrides the project copy's environment (a None value unsets the variable)."""
    environment = {**dbt_environment(project_dir), **(env or {})}
    environment = {name: value for name, value in environment.items() if value is not None}
    if DbtForks.enabled():
        returncode, output = DbtForks.run(project_dir, args, environment)
        return DbtRun(project_dir, returncode, output)
    completed = subprocess.run(
        dbt_command(*args),
        cwd=project_dir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=DBT_TIMEOUT_SECONDS,
        check=False,
    )
    return DbtRun(project_dir, completed.returncode, completed.stdout + completed.stderr)


def run_build(project_dir: Path) -> DbtRun:
    """What `make build` runs: the input-file check, then `dbt build` when the files are well-formed."""
    check = subprocess.run(
        [sys.executable, "-m", "market_sizing.checks.input_files"],
        cwd=project_dir,
        capture_output=True,
        text=True,
        timeout=DBT_TIMEOUT_SECONDS,
        check=False,
    )
    if check.returncode != 0:
        return DbtRun(project_dir, check.returncode, check.stdout + check.stderr)
    return run_dbt(project_dir, "build")


def build_killed_after(project_dir: Path, seconds: float) -> bool:
    """`dbt build` in the project copy, killed with SIGKILL (its whole session) if it is still running
    after `seconds`; whether it was killed. A forked dbt process (DbtForks) when forks are on, so that
    every moment of the window falls in dbt's own work, not in importing it; else the executable."""
    if DbtForks.enabled():
        returncode, _ = DbtForks.run(project_dir, ("build",), dbt_environment(project_dir), kill_after=seconds)
        return returncode == -signal.SIGKILL
    process = subprocess.Popen(
        dbt_command("build"),
        cwd=project_dir,
        env=dbt_environment(project_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True
    return False


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def marts_checksum(database: Path) -> dict[str, tuple[int, str]]:
    """Row count and an MD5 over every row, in a fixed order, of each table of schema marts."""
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name"
            ).fetchall()
        ]
        checksums = {}
        for table in tables:
            checksums[table] = connection.execute(
                f"select count(*), md5(coalesce(string_agg(t::varchar, chr(10) order by t::varchar), '')) "
                f"from marts.{table} as t"
            ).fetchone()
    return checksums


SOURCES_MISSING = (
    f"{SOURCES_DIR} not found: the tests that check the shipped reports against their source documents "
    "need ../shared/sources beside the repository (CI has it)"
)


def sources_available() -> bool:
    return SOURCES_DIR.is_dir()


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def document_text(document: str) -> str:
    """The text of a kept copy as the seeds name it (report_sources.source_document): a path relative to
    the repository's parent directory (`shared/sources/<file>`), with `#R<n>` for one `## R<n>.`
    section of a file that holds several reports.

    A file missing while ../shared/sources exists is a broken reference and fails. The whole folder
    missing fails in CI (environment variable CI set), which always has it; elsewhere the test skips
    with one reason shared by every such test, which conftest also prints once before the run.
    """
    name, _, anchor = document.partition("#")
    path = REPO_ROOT.parent / name
    if not path.is_file():
        if sources_available():
            pytest.fail(f"{path} is named by the seeds but does not exist")
        if in_ci():
            pytest.fail(f"{path} is missing in CI. {SOURCES_MISSING}")
        pytest.skip(SOURCES_MISSING)
    text = path.read_text(encoding="utf-8")
    if not anchor:
        return text
    sections = [section for section in re.split(r"\n(?=## )", text) if section.startswith(f"## {anchor}.")]
    assert len(sections) == 1, f"{document}: no single section {anchor}"
    return sections[0]


def seed_rows(name: str) -> list[dict[str, str]]:
    with (REPO_ROOT / "seeds" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def report_document(report_id: str) -> str:
    """The kept copy of a report's first address that has one (seeds/report_sources.csv), as text."""
    documents = [row["source_document"] for row in seed_rows("report_sources") if row["report_id"] == report_id]
    kept = [document for document in documents if document]
    assert kept, f"the seeds keep no copy of report {report_id}"
    return document_text(kept[0])


def tree_state(root: Path, outputs: tuple[str, ...] = ("target", "logs", "exports", ".exports")) -> dict[str, str]:
    """Every path under `root` with its kind and content digest, but for the build's own outputs
    (`outputs`, the published file and its temporaries): what a refused run must leave unchanged."""
    state = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.split("/")[0] in outputs or relative.startswith(PUBLISHED_NAME):
            continue
        if path.is_symlink():
            state[relative] = "link:" + os.readlink(path)
        elif path.is_dir():
            state[relative] = "directory"
        elif path.is_file():
            state[relative] = file_digest(path)
        else:
            state[relative] = "special"
    return state
