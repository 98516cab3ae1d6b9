"""What changed since the previous publish: every mart row added, removed or changed, value by value.

Recorded in the new build file, beside meta.build_info:

- meta.changes: one row per added or removed mart row (its whole row as JSON in old_value or
  new_value) and one per changed value (column, old value, new value); rows are matched on the
  mart's primary key (its `primary_key` test), given as JSON in row_key;
- meta.change_summary: per mart, rows added, removed and changed, values changed, rows now.

The first publish (nothing to compare with) records no changes and a summary with no counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from market_sizing.publishing.build_file import PREVIOUS, attached
from market_sizing.publishing.request import Mart, literal, quote

CHANGES_COLUMNS = (
    "publish_id varchar, previous_publish_id varchar, mart varchar, row_key varchar,"
    " change_kind varchar, column_name varchar, old_value varchar, new_value varchar"
)
SUMMARY_COLUMNS = (
    "publish_id varchar, previous_publish_id varchar, mart varchar, rows_added bigint, rows_removed bigint,"
    " rows_changed bigint, values_changed bigint, rows_now bigint"
)


def columns_of(connection: duckdb.DuckDBPyConnection, database: str, mart: str) -> list[str]:
    rows = connection.execute(
        "select column_name from duckdb_columns() where database_name = ? and schema_name = 'marts'"
        " and table_name = ? order by column_index",
        [database, mart],
    ).fetchall()
    return [row[0] for row in rows]


def _key_json(alias: str, key: list[str]) -> str:
    return "to_json(struct_pack(" + ", ".join(f"{quote(c)} := {alias}.{quote(c)}" for c in key) + "))::varchar"


def _matches(key: list[str]) -> str:
    return " and ".join(f"o.{quote(c)} is not distinct from n.{quote(c)}" for c in key)


def mart_change_statements(mart: Mart, old_columns: list[str], new_columns: list[str], old: str, new: str) -> list[str]:
    """SELECTs of (row_key, change_kind, column_name, old_value, new_value) for one mart."""
    if not new_columns:
        old_rows = f"{old}.marts.{quote(mart.name)}"
        return [f"select {_key_json('o', old_columns)}, 'removed', null, to_json(o)::varchar, null from {old_rows} o"]
    new_rows = f"{new}.marts.{quote(mart.name)}"
    if not old_columns:
        return [f"select {_key_json('n', new_columns)}, 'added', null, null, to_json(n)::varchar from {new_rows} n"]
    old_rows = f"{old}.marts.{quote(mart.name)}"
    common = [column for column in new_columns if column in old_columns]
    key = [column for column in mart.key if column in common] or common
    statements = [
        f"select {_key_json('n', key)}, 'added', null, null, to_json(n)::varchar"
        f" from {new_rows} n anti join {old_rows} o on {_matches(key)}",
        f"select {_key_json('o', key)}, 'removed', null, to_json(o)::varchar, null"
        f" from {old_rows} o anti join {new_rows} n on {_matches(key)}",
    ]
    compared = [column for column in common if column not in key]
    if compared:
        cells = ", ".join(
            f"{{'column_name': {literal(c)}, 'old_value': o.{quote(c)}::varchar, 'new_value': n.{quote(c)}::varchar,"
            f" 'differs': o.{quote(c)} is distinct from n.{quote(c)}}}"
            for c in compared
        )
        statements.append(
            "select row_key, 'changed', cell.column_name, cell.old_value, cell.new_value from ("
            f"select {_key_json('n', key)} as row_key, unnest([{cells}]) as cell"
            f" from {old_rows} o join {new_rows} n on {_matches(key)}) where cell.differs"
        )
    return statements


def previous_publish_id(connection: duckdb.DuckDBPyConnection, previous: str) -> str | None:
    try:
        row = connection.execute(f"select invocation_id from {previous}.meta.build_info").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


@contextmanager
def previous_build(connection: duckdb.DuckDBPyConnection, previous_file: Path | None) -> Iterator[str | None]:
    """The previous build attached read-only for the block (its quoted alias), or None when there is none
    or another process holds it open for writing (then there is nothing to compare with)."""
    if previous_file is None:
        yield None
        return
    with ExitStack() as stack:
        try:
            previous = stack.enter_context(attached(connection, previous_file, PREVIOUS, read_only=True))
        except duckdb.Error:
            previous = None
        yield previous


def record_changes(
    connection: duckdb.DuckDBPyConnection,
    staged: str,
    marts: tuple[Mart, ...],
    publish_id: str,
    previous: str | None,
) -> str | None:
    """Fill meta.changes and meta.change_summary of the staged file against the previous build (attached
    as `previous`, or None); return the previous publish id."""
    connection.execute(f"create table {staged}.meta.changes ({CHANGES_COLUMNS})")
    connection.execute(f"create table {staged}.meta.change_summary ({SUMMARY_COLUMNS})")
    if previous is None:
        _record_summary(connection, staged, marts, publish_id, None)
        return None
    previous_id = previous_publish_id(connection, previous)
    names = sorted({mart.name for mart in marts} | set(_mart_names(connection, PREVIOUS)))
    by_name = {mart.name: mart for mart in marts}
    for name in names:
        mart = by_name.get(name, Mart(name, "", "marts", "", {}, ()))
        old_columns = columns_of(connection, PREVIOUS, name)
        new_columns = columns_of(connection, staged.strip('"'), name)
        for statement in mart_change_statements(mart, old_columns, new_columns, previous, staged):
            connection.execute(
                f"insert into {staged}.meta.changes select ?, ?, ?, * from ({statement})",
                [publish_id, previous_id, name],
            )
    _record_summary(connection, staged, marts, publish_id, previous_id, names)
    return previous_id


def _mart_names(connection: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    rows = connection.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts'", [database]
    ).fetchall()
    return [row[0] for row in rows]


def _record_summary(
    connection: duckdb.DuckDBPyConnection,
    staged: str,
    marts: tuple[Mart, ...],
    publish_id: str,
    previous_id: str | None,
    names: list[str] | None = None,
) -> None:
    """One row per mart; the counts are null when there was nothing to compare with."""
    present = {mart.name for mart in marts}
    counted = "case when ?::boolean then count(*) filter (where change_kind = '{}') end"
    for name in names or sorted(present):
        rows_now = f"(select count(*) from {staged}.marts.{quote(name)})" if name in present else "0"
        connection.execute(
            f"insert into {staged}.meta.change_summary select ?, ?, ?, "
            f"{counted.format('added')}, {counted.format('removed')},"
            " case when ?::boolean then count(distinct row_key) filter (where change_kind = 'changed') end,"
            f" {counted.format('changed')}, {rows_now} from {staged}.meta.changes where mart = ?",
            [publish_id, previous_id, name, *[previous_id is not None] * 4, name],
        )
