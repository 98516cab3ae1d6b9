"""A reader process for the tests: holds one read-only connection open and answers queries.

Reads one SQL query per line on stdin and prints the first column of the first row, one line each,
until stdin closes. `--sqlalchemy URL` connects the way Superset and other SQLAlchemy tools do
(duckdb-engine); `--duckdb PATH` with DuckDB's Python API.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def sqlalchemy_runner(url: str) -> Callable[[str], object]:
    import sqlalchemy

    connection = sqlalchemy.create_engine(url).connect()
    return lambda query: connection.execute(sqlalchemy.text(query)).scalar()


def duckdb_runner(path: str) -> Callable[[str], object]:
    import duckdb

    connection = duckdb.connect(path, read_only=True)
    return lambda query: connection.execute(query).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--sqlalchemy")
    group.add_argument("--duckdb")
    args = parser.parse_args()
    run = sqlalchemy_runner(args.sqlalchemy) if args.sqlalchemy else duckdb_runner(args.duckdb)
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip():
            print(run(line), flush=True)


if __name__ == "__main__":
    main()
