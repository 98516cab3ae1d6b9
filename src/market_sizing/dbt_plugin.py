"""The dbt-duckdb plugin: the few things the warehouse's hooks need from Python, as SQL functions,
and the memory limit (`market_sizing.memory_limit`) on the connection dbt opens.

profiles.yml loads it by its module name (`plugins: - module: market_sizing.dbt_plugin`), from the
installed package.

dbt's Jinja cannot touch files, so the hooks call these functions from SQL:

- ``market_sizing_check_csv_files(spec_json)``: structural checks of every input CSV file (on-run-start);
- ``market_sizing_check_publish_target(build_database)``: refuses a MARKET_SIZING_DB the project did not
  publish, removes leftovers of an interrupted publish (on-run-start);
- ``market_sizing_publish(request_json)``: the whole publish step (on-run-end), given the run's verdict
  and the marts; returns what to say aloud (``market_sizing.publishing``).
"""

from __future__ import annotations

import os
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

from market_sizing.checks.input_files import check_csv_files
from market_sizing.memory_limit import memory_limit
from market_sizing.publishing.export_directories import exports_refusal, prepare_directory, swap_directory
from market_sizing.publishing.exports import ExportDirectories
from market_sizing.publishing.publish import publish
from market_sizing.publishing.request import PublishRequest
from market_sizing.publishing.settings import published_path
from market_sizing.publishing.target import check
from market_sizing.publishing.workbook import write_workbook

EXPORT_DIRECTORIES = ExportDirectories(
    prepare=prepare_directory, swap=swap_directory, refusal=exports_refusal, workbook=write_workbook
)


class Plugin(BasePlugin):
    """Registers the functions above on the connection dbt opens."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.config = plugin_config

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        limit = memory_limit()
        if limit is not None:
            conn.execute(f"set memory_limit = '{limit}'")

        def check_publish_target(build_database: str) -> str:
            return check(published_path(), build_database)

        def publish_warehouse(request_json: str) -> str:
            # A cursor of dbt's connection: the build database, with the marts this run committed.
            with conn.cursor() as cursor:
                return publish(cursor, PublishRequest.from_json(request_json), EXPORT_DIRECTORIES, os.environ).to_json()

        functions = {
            "market_sizing_check_csv_files": check_csv_files,
            "market_sizing_check_publish_target": check_publish_target,
            "market_sizing_publish": publish_warehouse,
        }
        for name, function in functions.items():
            conn.create_function(name, function, ["VARCHAR"], "VARCHAR", side_effects=True)
