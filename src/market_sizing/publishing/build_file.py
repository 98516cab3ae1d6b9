"""Write one build file: every mart (rows in a fixed order), its descriptions, and meta.build_info.

Runs on a connection to the build database (dbt's, inside the dbt process): the new file is
attached, filled and detached (a checkpoint), so it is complete on disk before anyone can open it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from market_sizing.publishing.build_info import git_commit, inputs_digest
from market_sizing.publishing.request import Mart, PublishRequest, literal, quote

STAGED = "market_sizing_staged"
PREVIOUS = "market_sizing_previous"


@contextmanager
def attached(
    connection: duckdb.DuckDBPyConnection, path: Path, alias: str, *, read_only: bool = False
) -> Iterator[str]:
    """`path` attached under `alias` for the duration; detached (and so checkpointed) afterwards."""
    connection.execute(f"attach {literal(str(path))} as {quote(alias)}" + (" (read_only)" if read_only else ""))
    try:
        yield quote(alias)
    finally:
        connection.execute(f"detach {quote(alias)}")


def copy_mart(connection: duckdb.DuckDBPyConnection, staged: str, mart: Mart) -> None:
    table = f"{staged}.marts.{quote(mart.name)}"
    connection.execute(f"create table {table} as select * from {mart.relation} order by all")
    connection.execute(f"comment on table {table} is {literal(mart.description)}")
    for column, description in mart.columns.items():
        connection.execute(f"comment on column {table}.{quote(column)} is {literal(description)}")


def record_build_info(connection: duckdb.DuckDBPyConnection, staged: str, request: PublishRequest) -> None:
    connection.execute(
        f"create table {staged}.meta.build_info (built_at_utc timestamp, git_commit varchar,"
        " inputs_sha256 varchar, dbt_version varchar, duckdb_version varchar, invocation_id varchar)"
    )
    connection.execute(
        f"insert into {staged}.meta.build_info"
        " select cast(now() at time zone 'UTC' as timestamp), ?, ?, ?, version(), ?",
        [git_commit("."), inputs_digest(request.input_files), request.dbt_version, request.invocation_id],
    )


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction for the statements of the block: committed when it ends, rolled back on an error.
    A build file takes about a hundred statements; one commit instead of one each saves their flushes."""
    connection.execute("begin transaction")
    try:
        yield
    except BaseException:
        connection.execute("rollback")
        raise
    connection.execute("commit")


def write_build_file(
    connection: duckdb.DuckDBPyConnection,
    request: PublishRequest,
    staging: Path,
    also: Callable[[duckdb.DuckDBPyConnection, str], None] | None = None,
) -> None:
    """Write the marts and meta.build_info into the new file `staging`, in one transaction; `also` adds
    to it inside that transaction (a database it reads must be attached before: DuckDB detaches none
    while a transaction has read it)."""
    with attached(connection, staging, STAGED) as staged, transaction(connection):
        connection.execute(f"create schema {staged}.marts")
        connection.execute(f"create schema {staged}.meta")
        for mart in request.marts:
            copy_mart(connection, staged, mart)
        record_build_info(connection, staged, request)
        if also is not None:
            also(connection, staged)
