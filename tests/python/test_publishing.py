"""The publish step's file rules without dbt: the link layout, what MARKET_SIZING_DB may name, pruning,
leftovers, and the default published name as every entry point reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from market_sizing.publishing.layout import KEPT_PREVIOUS_BUILDS, Layout, new_build_id
from market_sizing.publishing.settings import DEFAULT_PUBLISHED_PATH, PUBLISHED_SETTING, published_path
from market_sizing.publishing.target import check, target_problem
from support import REPO_ROOT

INVOCATIONS = [f"{number:08x}-0000-4000-8000-000000000000" for number in range(6)]


def write_build(layout: Layout, build_id: str, *, marker: bool = True) -> Path:
    layout.builds.mkdir(parents=True, exist_ok=True)
    path = layout.build_file(build_id)
    with duckdb.connect(str(path)) as connection:
        if marker:
            connection.execute("create schema meta")
            connection.execute(f"create table meta.build_info as select '{build_id}' as invocation_id")
    os.chmod(path, 0o444)
    return path


def build_ids(count: int) -> list[str]:
    """Build ids one minute apart, oldest first."""
    start = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    return [new_build_id(INVOCATIONS[index], start + timedelta(minutes=index)) for index in range(count)]


def test_the_default_name_is_stated_once_and_read_by_the_makefile(tmp_path: Path) -> None:
    assert published_path({}) == DEFAULT_PUBLISHED_PATH
    assert published_path({PUBLISHED_SETTING: "elsewhere.duckdb"}) == "elsewhere.duckdb"
    environment = {name: value for name, value in os.environ.items() if name != PUBLISHED_SETTING}
    completed = subprocess.run(
        ["make", "-s", "-n", "-o", ".venv/.installed", "sql", f"BIN={Path(sys.executable).parent}"],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert f'"{DEFAULT_PUBLISHED_PATH}"' in completed.stdout
    moved = subprocess.run(
        ["make", "-s", "-n", "-o", ".venv/.installed", "sql", f"BIN={Path(sys.executable).parent}"],
        cwd=REPO_ROOT,
        env={**environment, PUBLISHED_SETTING: str(tmp_path / "w.duckdb")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert f'"{tmp_path / "w.duckdb"}"' in moved.stdout


def test_publishing_moves_the_link_and_keeps_the_last_builds(tmp_path: Path) -> None:
    layout = Layout(tmp_path / "warehouse.duckdb")
    stranger = tmp_path / ".market_sizing" / "builds" / "warehouse.duckdb" / "keep-me.duckdb"
    builds = []
    for build_id in build_ids(5):
        build = write_build(layout, build_id)
        layout.point_at(build)
        layout.prune(build)
        builds.append(build)
        assert layout.is_own_link() and layout.current_file() == build
        assert target_problem(str(layout.stable), "") is None
        if not stranger.exists():
            stranger.write_text("somebody's\n", encoding="utf-8")
    assert layout.own_builds() == builds[-1 - KEPT_PREVIOUS_BUILDS :]
    assert stranger.exists()
    assert not layout.temporary_link.exists()


def test_a_link_the_project_did_not_make_is_refused(tmp_path: Path) -> None:
    layout = Layout(tmp_path / "warehouse.duckdb")
    build = write_build(layout, build_ids(1)[0])
    (tmp_path / "warehouse.duckdb").symlink_to(build)  # absolute: not the text the project writes
    assert target_problem(str(layout.stable), "") == "is a symbolic link the project did not make"
    (tmp_path / "warehouse.duckdb").unlink()
    (tmp_path / "warehouse.duckdb").symlink_to("/etc/passwd")
    assert "did not make" in check(str(layout.stable), "")


def test_a_regular_file_published_before_is_accepted_and_replaced_by_the_link(tmp_path: Path) -> None:
    layout = Layout(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(layout.stable)) as connection:
        connection.execute("create schema meta; create table meta.build_info as select 'legacy' as invocation_id")
    Path(str(layout.stable) + ".wal").write_bytes(b"\0" * 16)  # a notebook's WAL beside the legacy file
    assert target_problem(str(layout.stable), "") is None
    assert layout.current_file() == layout.stable
    build = write_build(layout, build_ids(1)[0])
    layout.point_at(build)
    assert layout.is_own_link() and layout.current_file() == build
    assert not Path(str(layout.stable) + ".wal").exists()


def test_leftovers_of_an_interrupted_publish_are_removed_and_nothing_else(tmp_path: Path) -> None:
    layout = Layout(tmp_path / "warehouse.duckdb")
    first, second = build_ids(2)
    layout.point_at(write_build(layout, first))
    layout.temporary_link.symlink_to(layout.link_text(layout.build_file(second)))  # killed before the rename
    staging = layout.staging_file(second)
    staging.write_bytes(b"\0" * 100)  # killed while writing
    foreign = layout.builds / "notes.publishing"
    foreign.write_text("not a build\n", encoding="utf-8")
    assert check(str(layout.stable), "") == ""
    assert not os.path.lexists(layout.temporary_link) and not staging.exists()
    assert foreign.exists() and layout.current_file() == layout.build_file(first)
    layout.temporary_link.write_text("somebody's notes\n", encoding="utf-8")
    assert "is in the way and is not a temporary the project left" in check(str(layout.stable), "")


@pytest.mark.parametrize("kind", ["directory", "text file", "database without build_info"])
def test_other_things_at_the_name_are_refused(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "warehouse.duckdb"
    if kind == "directory":
        target.mkdir()
    elif kind == "text file":
        target.write_text("notes\n", encoding="utf-8")
    else:
        with duckdb.connect(str(target)) as connection:
            connection.execute("create table kept as select 1 as answer")
    assert target_problem(str(target), "") is not None
