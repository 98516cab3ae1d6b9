"""`make sql`: a SQL prompt over the published warehouse that can run SQL and nothing else.

The connection is read-only, with external access off and the configuration locked (the lock-down the
README gives BI tools). The DuckDB CLI is not used: its dot commands run shell commands and write
files, and its safe mode does not close them all in duckdb-cli 1.5.x (`-safe` stops at start-up with
"Cannot change configuration option extension_directories"; after `.safe_mode`, `.pager <command>`
still runs a shell command at the next result). Here a line that starts with a dot is a command only
when it is one of COMMANDS; every other dot command is refused. Line editing (readline) keeps its
history in memory only; nothing is written to disk.

Usage: python -m market_sizing.sql_prompt market_sizing.duckdb   (or market-sizing-sql; SQL from the keyboard,
or piped on stdin)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import duckdb

LOCKED_DOWN = {"enable_external_access": False, "lock_configuration": True}
TABLES = "select schema_name || '.' || table_name as table_name from duckdb_tables() order by all"
COMMANDS = {".tables": "list the tables", ".help": "this help", ".quit": "leave (also .exit, Ctrl-D)"}
REFUSED = (
    "refused: {command} (make sql runs SQL only: no dot command may run a shell or touch a file; "
    "available: " + ", ".join(COMMANDS) + ")"
)


def read_line(source: TextIO, interactive: bool, continuing: bool) -> str | None:
    """One line without its newline, or None at the end of input."""
    if interactive:
        try:
            return input("...> " if continuing else "D ")
        except EOFError:
            return None
    line = source.readline()
    return line.rstrip("\n") if line else None


def units(source: TextIO, interactive: bool) -> Iterator[str]:
    """Dot commands (a line of its own, outside a statement) and SQL statements ending with `;`."""
    buffer: list[str] = []
    while (line := read_line(source, interactive, bool(buffer))) is not None:
        if not buffer and line.lstrip().startswith("."):
            yield line.strip()
            continue
        buffer.append(line)
        if line.rstrip().endswith(";"):
            yield "\n".join(buffer)
            buffer = []
    if "".join(buffer).strip():
        yield "\n".join(buffer)


def run_command(connection: duckdb.DuckDBPyConnection, command: str) -> bool | None:
    """Run one dot command: True when it worked, False when refused, None to leave."""
    name = command.split()[0].lower()
    if name in (".quit", ".exit"):
        return None
    if name == ".tables":
        connection.sql(TABLES).show()
        return True
    if name == ".help":
        print("\n".join(f"{command:8} {text}" for command, text in COMMANDS.items()))
        print("Anything else is SQL, ended by ';'. The warehouse is read-only; files, extensions and settings are off.")
        return True
    print(REFUSED.format(command=name), file=sys.stderr)
    return False


def run_sql(connection: duckdb.DuckDBPyConnection, statement: str) -> bool:
    try:
        relation = connection.sql(statement)
        if relation is not None:
            relation.show()
    except duckdb.Error as error:
        print(error, file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m market_sizing.sql_prompt DATABASE", file=sys.stderr)
        return 2
    database = Path(argv[0])
    if not database.is_file():
        print(f"{database}: no warehouse file here (run `make build` first, or set DB=...)", file=sys.stderr)
        return 1
    try:
        connection = duckdb.connect(str(database), read_only=True, config=LOCKED_DOWN)
    except duckdb.Error as error:
        print(f"{database}: cannot be opened: {error}", file=sys.stderr)
        return 1
    interactive = sys.stdin.isatty()
    if interactive:
        import readline  # noqa: F401  (line editing and in-memory history for input())

        print(f"{database} (read-only; SQL only; .help for help, .quit to leave)")
    failures = 0
    with connection:
        for unit in units(sys.stdin, interactive):
            outcome = run_command(connection, unit) if unit.startswith(".") else run_sql(connection, unit)
            if outcome is None:
                break
            failures += not outcome
    return 1 if failures and not interactive else 0


if __name__ == "__main__":
    sys.exit(main())
