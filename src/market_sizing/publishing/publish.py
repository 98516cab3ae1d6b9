"""The publish step, in order: the one thing dbt's on-run-end hook asks of Python.

1. The run's verdict (decided in Jinja): a refusal leaves everything as it was.
2. MARKET_SIZING_DB is checked again (it names the project's link, a file it published, or nothing);
   leftovers of an interrupted publish go.
3. A new build file is written beside the others (marts, comments, meta.build_info, and what
   changed since the previous publish), sealed read-only and flushed.
4. The stable name is re-pointed at it with one atomic rename; older builds beyond the last few go.
5. The exports are written from the new build and swapped in.

A kill at any moment leaves the stable name pointing at a whole build: the old one until step 4's
rename, the new one after it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from market_sizing.publishing.build_file import write_build_file
from market_sizing.publishing.changes import previous_build, record_changes
from market_sizing.publishing.exports import ExportDirectories, export_build
from market_sizing.publishing.layout import Layout, new_build_id
from market_sizing.publishing.request import PublishRequest
from market_sizing.publishing.settings import exports_path, published_path
from market_sizing.publishing.target import check, refusal


@dataclass
class Outcome:
    """What the hook says aloud (`messages`) and, when the step failed, why (`error`)."""

    messages: list[str] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> str:
        return json.dumps({"messages": self.messages, "error": self.error})


def publish(
    connection: duckdb.DuckDBPyConnection,
    request: PublishRequest,
    directories: ExportDirectories,
    environ: Mapping[str, str],
) -> Outcome:
    """Publish the build database's marts when the verdict allows it; `connection` reaches the build database."""
    stable = published_path(environ)
    if request.refusal:
        return Outcome([f"NOT PUBLISHED: {request.refusal}. The published warehouse {stable} was left as it was."])
    problem = check(stable, request.build_database)
    if problem:
        return Outcome(error=problem)
    layout = Layout(Path(stable))
    build_id = new_build_id(request.invocation_id)
    staging, build = layout.staging_file(build_id), layout.build_file(build_id)
    layout.builds.mkdir(parents=True, exist_ok=True)
    previous_file = layout.current_file()

    with previous_build(connection, previous_file) as previous:

        def add_changes(staged_connection: duckdb.DuckDBPyConnection, staged: str) -> None:
            record_changes(staged_connection, staged, request.marts, request.invocation_id, previous)

        write_build_file(connection, request, staging, also=add_changes)
    layout.seal(staging, build)
    late_problem = refusal(stable, request.build_database)  # again, right before the link moves
    if late_problem:
        return Outcome(error=late_problem)
    layout.point_at(build)
    layout.prune(build)
    outcome = Outcome(
        [f"PUBLISHED {len(request.marts)} marts to {stable} (every model and test of this build passed)."]
    )
    link = exports_path(environ)
    max_cells = environ.get("MARKET_SIZING_WORKBOOK_MAX_CELLS", "1000000")
    marts = [mart.name for mart in request.marts]
    outcome.messages.append(export_build(build, marts, link, request.invocation_id, directories, max_cells))
    return outcome
