"""SIGKILL `dbt build` at random moments: the published warehouse stays whole and unchanged in content,
it opens, and the next build succeeds."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import duckdb

from support import PUBLISHED_NAME, DbtRun, build_killed_after, marts_checksum, run_dbt

KILLS = 12
RANDOM_SEED = 20261125


def invocation_of(database: Path) -> str:
    with duckdb.connect(str(database), read_only=True) as db:
        return db.execute("select invocation_id from meta.build_info").fetchone()[0]


def test_killing_a_build_never_damages_the_published_warehouse(published_copy: Callable[[str], DbtRun]) -> None:
    # A project a passing build published (the session's), and how long that build took.
    first = published_copy("crash")
    project, duration = first.project_dir, first.seconds
    assert duration > 0
    published = project / PUBLISHED_NAME
    reference = marts_checksum(published)
    rng = random.Random(RANDOM_SEED)
    killed = 0
    for _ in range(KILLS):
        previous_invocation = invocation_of(published)
        before = published.read_bytes()
        # Moments spread over the whole build, its publish at the end included.
        killed += build_killed_after(project, rng.uniform(0.3, duration * 1.1))
        # Whole and unchanged in content: either the old file, byte for byte, or a complete new publish.
        assert marts_checksum(published) == reference
        assert published.read_bytes() == before or invocation_of(published) != previous_invocation
    assert killed >= KILLS // 2, f"only {killed} of {KILLS} builds were killed before they ended"
    final = run_dbt(project, "build")
    assert final.returncode == 0, final.output
    assert "PUBLISHED" in final.output
    assert marts_checksum(published) == reference
