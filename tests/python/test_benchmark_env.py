"""The benchmark's builds write only under its work directory: never the user's published warehouse
or exports."""

from __future__ import annotations

from pathlib import Path

from market_sizing.benchmark.run_benchmark import dbt_env
from support import REPO_ROOT


def test_builds_publish_and_export_under_the_work_directory(tmp_path: Path) -> None:
    environment = dbt_env(tmp_path / "dbt" / "warehouse.duckdb", REPO_ROOT)
    for setting in ("MARKET_SIZING_BUILD_DB", "MARKET_SIZING_DB", "MARKET_SIZING_EXPORTS"):
        assert Path(environment[setting]).is_relative_to(tmp_path), setting
