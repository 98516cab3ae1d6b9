"""`make changes`: what the last publish changed, against the build published before it, readably.

Usage: python -m market_sizing.publishing.show_changes [--database PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys

import duckdb

from market_sizing.publishing.settings import published_path

SUMMARY = (
    "select mart, rows_added, rows_removed, rows_changed, values_changed, rows_now"
    " from meta.change_summary order by mart"
)
CHANGES = (
    "select mart, row_key, change_kind, column_name, old_value, new_value from meta.changes"
    " order by mart, change_kind, row_key, column_name limit ?"
)


def describe_key(row_key: str) -> str:
    return ", ".join(f"{name}={value}" for name, value in json.loads(row_key).items())


def report(connection: duckdb.DuckDBPyConnection, limit: int) -> list[str]:
    """The lines `make changes` prints."""
    publish_id, previous_id = connection.execute(
        "select any_value(publish_id), any_value(previous_publish_id) from meta.change_summary"
    ).fetchone()
    if previous_id is None:
        return [f"Publish {publish_id}: the first one here, nothing to compare with."]
    lines = [f"Publish {publish_id}, against {previous_id}:", ""]
    summary = connection.execute(SUMMARY).fetchall()
    lines += [
        f"  {mart:<28} +{added} rows  -{removed} rows  ~{changed} rows ({values} values)  now {now} rows"
        for mart, added, removed, changed, values, now in summary
        if added or removed or changed
    ]
    if len(lines) == 2:
        return [*lines[:1], "  nothing changed."]
    lines.append("")
    for mart, row_key, kind, column, old, new in connection.execute(CHANGES, [limit]).fetchall():
        where = f"{mart} [{describe_key(row_key)}]"
        if kind == "changed":
            lines.append(f"  {where} {column}: {old} -> {new}")
        else:
            lines.append(f"  {where} {kind}: {old if kind == 'removed' else new}")
    total = connection.execute("select count(*) from meta.changes").fetchone()[0]
    if total > limit:
        lines.append(f"  ... and {total - limit} more (select * from meta.changes)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=published_path(), help="the published warehouse (MARKET_SIZING_DB)")
    parser.add_argument("--limit", type=int, default=200, help="at most this many changes listed")
    arguments = parser.parse_args(argv)
    try:
        with duckdb.connect(arguments.database, read_only=True) as connection:
            lines = report(connection, arguments.limit)
    except duckdb.Error as error:
        print(f"{arguments.database}: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
