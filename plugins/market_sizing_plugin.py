"""dbt-duckdb plugin: the few file operations the warehouse's hooks need, as SQL functions.

dbt's Jinja cannot touch files, so the on-run-start check of the input CSV files and the
on-run-end publish step (write-audit-publish) call these functions from SQL:

- ``market_sizing_check_csv_files(spec_json)``: structural checks of every input CSV file;
- ``market_sizing_check_publish_target(path, build_database)``: refuses a MARKET_SIZING_DB the project
  did not publish, removes leftovers of an interrupted publish (``market_sizing_publish``);
- ``market_sizing_replace_file(source, destination)``: atomic replace of the published file;
- ``market_sizing_project_unit_tests(manifest, invocation_id, project)``: the unit tests a full build runs;
- ``market_sizing_inputs_digest(paths_json)``: SHA-256 over the input files;
- ``market_sizing_git_commit(directory)``: the commit the build ran from;
- ``market_sizing_exports_refusal(link)``: why the exports must not be written there (empty when they may);
- ``market_sizing_prepare_directory(link, version)`` and ``market_sizing_swap_directory(link, version)``:
  the exports' new run directory and its atomic swap (``market_sizing_exports``);
- ``market_sizing_write_workbook(database, path, docs_path, max_cells)``: the Excel workbook of the
  published marts (none, and a message saying why, above `max_cells` cells).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

from market_sizing_exports import exports_refusal, prepare_directory, swap_directory, write_workbook
from market_sizing_inputs import check_csv_files
from market_sizing_publish import check_publish_target, project_unit_tests, replace_file


def inputs_digest(paths_json: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(json.loads(paths_json)):
        digest.update(path.encode("utf-8") + b"\0")
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def git_commit(directory: str) -> str:
    try:
        completed = subprocess.run(
            ["git", "-C", directory, "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if completed.returncode != 0:
        return "unknown"
    dirty = subprocess.run(
        ["git", "-C", directory, "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    ).stdout.strip()
    return completed.stdout.strip() + ("+uncommitted" if dirty else "")


class Plugin(BasePlugin):
    """Registers the functions above on every connection dbt opens."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.config = plugin_config

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        functions = {
            "market_sizing_check_csv_files": (check_csv_files, ["VARCHAR"]),
            "market_sizing_check_publish_target": (check_publish_target, ["VARCHAR", "VARCHAR"]),
            "market_sizing_replace_file": (replace_file, ["VARCHAR", "VARCHAR"]),
            "market_sizing_project_unit_tests": (project_unit_tests, ["VARCHAR", "VARCHAR", "VARCHAR"]),
            "market_sizing_inputs_digest": (inputs_digest, ["VARCHAR"]),
            "market_sizing_git_commit": (git_commit, ["VARCHAR"]),
            "market_sizing_prepare_directory": (prepare_directory, ["VARCHAR", "VARCHAR"]),
            "market_sizing_swap_directory": (swap_directory, ["VARCHAR", "VARCHAR"]),
            "market_sizing_exports_refusal": (exports_refusal, ["VARCHAR"]),
            "market_sizing_write_workbook": (write_workbook, ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR"]),
        }
        for name, (function, parameters) in functions.items():
            conn.create_function(name, function, parameters, "VARCHAR", side_effects=True)
