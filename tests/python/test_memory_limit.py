"""MARKET_SIZING_MEMORY_LIMIT reaches DuckDB in dbt's connection; a malformed value stops dbt with a
message naming the setting and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from market_sizing.memory_limit import SETTING, memory_limit
from support import ProjectTemplate, run_dbt


@pytest.mark.parametrize("value", ["5GB", "6GiB", "512MB", "1.5 GB"])
def test_amounts_with_a_unit_are_the_limit(value: str) -> None:
    assert memory_limit({SETTING: value}) == value


def test_absent_or_blank_leaves_duckdbs_default() -> None:
    assert memory_limit({}) is None and memory_limit({SETTING: "  "}) is None


@pytest.mark.parametrize("value", ["lots", "5", "80%", "-1", "5GB; drop table x"])
def test_anything_else_is_refused_naming_the_setting(value: str) -> None:
    with pytest.raises(ValueError, match=f"{SETTING}=.* is not allowed"):
        memory_limit({SETTING: value})


@pytest.fixture()
def project(project_template: ProjectTemplate) -> Path:
    return project_template.fresh()


def test_dbts_connection_runs_under_the_limit(project: Path) -> None:
    query = "select current_setting('memory_limit') as limit_setting"
    run = run_dbt(project, "show", "--inline", query, env={SETTING: "3GiB"})
    assert run.returncode == 0, run.output
    assert "3.0 GiB" in run.output
    refused = run_dbt(project, "show", "--inline", query, env={SETTING: "lots"})
    assert refused.returncode != 0
    assert f"{SETTING}=lots is not allowed (rule: an amount of memory with a unit" in refused.output
