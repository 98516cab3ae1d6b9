"""What changed since the last publish: one seed value is changed, the project rebuilt, and meta.changes
must hold exactly the differences between the two published builds, computed here independently
(row by row on each mart's primary key), including the figure itself and everything it feeds."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from market_sizing.publishing.settings import DEFAULT_PUBLISHED_PATH, PUBLISHED_SETTING
from support import DbtRun, copy_project, run_dbt

# The module builds its project once (a module-scoped fixture): one worker runs all its tests.
pytestmark = pytest.mark.xdist_group("changes")

FIGURE = "dmr25_size_2025"
OLD_VALUE, NEW_VALUE = "239.5", "250.5"

Key = tuple[object, ...]
Snapshot = dict[str, dict[Key, dict[str, object]]]


def build_with_default_path(project: Path) -> DbtRun:
    """`dbt build` with MARKET_SIZING_DB unset: the project publishes to its default name."""
    return run_dbt(project, "build", env={PUBLISHED_SETTING: None})


def primary_keys(project: Path) -> dict[str, list[str]]:
    """Each mart's primary_key test columns, from the manifest dbt wrote."""
    manifest = json.loads((project / "target" / "manifest.json").read_text(encoding="utf-8"))
    marts = {
        unique_id: node["name"]
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    return {
        marts[node["attached_node"]]: node["test_metadata"]["kwargs"]["columns"]
        for node in manifest["nodes"].values()
        if (node.get("test_metadata") or {}).get("name") == "primary_key" and node.get("attached_node") in marts
    }


def snapshot(database: Path, keys: dict[str, list[str]]) -> Snapshot:
    """Every mart's rows, by primary key."""
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        ]
        result: Snapshot = {}
        for table in tables:
            relation = connection.table(f"marts.{table}")
            rows = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
            result[table] = {tuple(row[column] for column in keys[table]): row for row in rows}
    return result


def expected_changes(before: Snapshot, after: Snapshot) -> set[tuple[str, Key, str, str | None]]:
    """(mart, key, kind, column) of every difference between two snapshots."""
    found = set()
    for mart in before.keys() | after.keys():
        old, new = before.get(mart, {}), after.get(mart, {})
        found |= {(mart, key, "added", None) for key in new.keys() - old.keys()}
        found |= {(mart, key, "removed", None) for key in old.keys() - new.keys()}
        for key in old.keys() & new.keys():
            found |= {(mart, key, "changed", column) for column in new[key] if old[key].get(column) != new[key][column]}
    return found


def change_figure(project: Path) -> None:
    """Figure FIGURE's stated value (and its excerpt, which must quote it) from OLD_VALUE to NEW_VALUE."""
    path = project / "seeds" / "report_figures.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    (row,) = [row for row in rows if row["figure_id"] == FIGURE]
    assert row["value"] == OLD_VALUE and OLD_VALUE in row["excerpt"]
    row["value"], row["excerpt"] = NEW_VALUE, row["excerpt"].replace(OLD_VALUE, NEW_VALUE)
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(output.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def two_publishes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Snapshot, Snapshot]]:
    project = copy_project(tmp_path_factory.mktemp("changes"))
    first = build_with_default_path(project)
    assert first.returncode == 0, first.output[-3000:]
    database = project / DEFAULT_PUBLISHED_PATH
    keys = primary_keys(project)
    before = snapshot(database, keys)
    change_figure(project)
    second = build_with_default_path(project)
    assert second.returncode == 0, second.output[-3000:]
    yield database, before, snapshot(database, keys)


def recorded(database: Path) -> list[tuple[str, Key, str, str | None, str | None, str | None]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select mart, row_key, change_kind, column_name, old_value, new_value from meta.changes"
        ).fetchall()
    return [
        (mart, tuple(json.loads(key).values()), kind, column, old, new) for mart, key, kind, column, old, new in rows
    ]


def test_without_market_sizing_db_the_default_name_is_published(two_publishes: tuple[Path, Snapshot, Snapshot]) -> None:
    database, _, _ = two_publishes
    assert database.is_symlink()
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("select count(*) from meta.build_info").fetchone()[0] == 1


def test_the_changes_are_exactly_the_differences_between_the_two_builds(
    two_publishes: tuple[Path, Snapshot, Snapshot],
) -> None:
    database, before, after = two_publishes
    expected = expected_changes(before, after)
    found = {(mart, key, kind, column) for mart, key, kind, column, _, _ in recorded(database)}
    assert expected  # the edited figure changed something
    assert found == expected


def test_the_changed_figure_and_what_it_feeds_are_among_the_changes(
    two_publishes: tuple[Path, Snapshot, Snapshot],
) -> None:
    database, before, after = two_publishes
    changes = recorded(database)
    figure = [change for change in changes if change[0] == "fct_report_figures"]
    assert ("fct_report_figures", (FIGURE,), "changed", "value_as_stated", OLD_VALUE, NEW_VALUE) in figure
    assert {change[1] for change in figure} == {(FIGURE,)}
    (report,) = {row["report_id"] for row in after["fct_report_figures"].values() if row["figure_id"] == FIGURE}

    # The yearly sizes of that report that moved, each with its old and new value.
    yearly = before["fct_market_size_yearly"]
    moved = {
        key
        for key, row in after["fct_market_size_yearly"].items()
        if key[0] == report and row["market_size_usd_bn"] != yearly[key]["market_size_usd_bn"]
    }
    assert moved
    logged = {
        change[1]: (float(change[4]), float(change[5]))
        for change in changes
        if change[0] == "fct_market_size_yearly" and change[3] == "market_size_usd_bn"
    }
    assert set(logged) == moved
    for key in moved:
        assert logged[key] == pytest.approx(
            (yearly[key]["market_size_usd_bn"], after["fct_market_size_yearly"][key]["market_size_usd_bn"])
        )
    # And the comparisons with the other reports of the same market, and the consensus.
    for mart in ("fct_market_comparison", "fct_market_consensus"):
        assert any(change[0] == mart for change in changes), mart
    # Nothing the figure does not feed.
    assert not [change for change in changes if change[0].startswith("dim_")]


def test_the_summary_counts_the_changes(two_publishes: tuple[Path, Snapshot, Snapshot]) -> None:
    database, before, after = two_publishes
    expected = expected_changes(before, after)
    with duckdb.connect(str(database), read_only=True) as connection:
        summary = connection.execute(
            "select mart, rows_added, rows_removed, rows_changed, values_changed, rows_now from meta.change_summary"
        ).fetchall()
    assert {row[0] for row in summary} == set(after)
    for mart, added, removed, changed, values, now in summary:
        kinds = [(key, kind) for name, key, kind, _ in expected if name == mart]
        assert added == sum(kind == "added" for _, kind in kinds), mart
        assert removed == sum(kind == "removed" for _, kind in kinds), mart
        assert changed == len({key for key, kind in kinds if kind == "changed"}), mart
        assert values == sum(kind == "changed" for _, kind in kinds), mart
        assert now == len(after[mart]), mart


def test_the_changes_are_exported_and_make_changes_prints_them(two_publishes: tuple[Path, Snapshot, Snapshot]) -> None:
    database, _, _ = two_publishes
    exported = database.parent / "exports" / "changes.csv"
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(recorded(database))
    completed = subprocess.run(
        [sys.executable, "-m", "market_sizing.publishing.show_changes", "--limit", "100000"],
        cwd=database.parent,
        env={name: value for name, value in os.environ.items() if name != PUBLISHED_SETTING},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert f"fct_report_figures [figure_id={FIGURE}] value_as_stated: {OLD_VALUE} -> {NEW_VALUE}" in completed.stdout
    assert "fct_market_size_yearly" in completed.stdout
