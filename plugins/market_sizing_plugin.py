"""dbt-duckdb plugin: the few file operations the warehouse's hooks need, as SQL functions.

dbt's Jinja cannot touch files, so the on-run-start check of the input CSV files and the
on-run-end publish step (write-audit-publish) call these functions from SQL:

- ``market_sizing_check_csv_files(spec_json)``: structural checks of every input CSV file;
- ``market_sizing_replace_file(source, destination)``: atomic replace of the published file;
- ``market_sizing_remove_file(path)``: removes a stale temporary file;
- ``market_sizing_inputs_digest(paths_json)``: SHA-256 over the input files;
- ``market_sizing_git_commit(directory)``: the commit the build ran from.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

LEFT_AS_IT_WAS = "The published warehouse was left as it was."


class InputFileError(ValueError):
    """A malformed input file: the message names the file, the line and the rule."""


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _decode(path: str, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of_offset(raw, error.start)
        raise InputFileError(
            f"{path} line {line}: byte 0x{raw[error.start]:02x} is not UTF-8 "
            "(rule: input files are UTF-8 text; save the file as UTF-8)"
        ) from None
    return text.removeprefix("\ufeff")  # a byte-order mark is accepted and ignored


def check_csv_text(path: str, raw: bytes, expected_columns: list[str]) -> None:
    """Raise InputFileError for the first structural problem of one CSV file."""
    if not raw.strip():
        raise InputFileError(
            f"{path} line 1: the file is empty (rule: the first line is the header: {','.join(expected_columns)})"
        )
    text = _decode(path, raw)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        raise InputFileError(f"{path} line 1: the header is not valid CSV ({error})") from None
    header = [name.strip() for name in header]
    missing = [name for name in expected_columns if name not in header]
    extra = [name for name in header if name not in expected_columns]
    if missing or extra:
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if extra:
            parts.append("unexpected column(s) " + ", ".join(extra))
        raise InputFileError(
            f"{path} line 1: {'; '.join(parts)} (rule: the header is exactly {','.join(expected_columns)})"
        )
    record_start = reader.line_num + 1
    try:
        for record in reader:
            if record and len(record) != len(header):
                raise InputFileError(
                    f"{path} line {record_start}: {len(record)} value(s) where the header has {len(header)} "
                    "(rule: every row has one value per column; a truncated or over-long line, "
                    "or a comma inside an unquoted value)"
                )
            record_start = reader.line_num + 1
    except csv.Error as error:
        raise InputFileError(
            f"{path} line {record_start}: {error} (rule: a quoted value must close its quote on the same row)"
        ) from None


def check_csv_files(spec_json: str) -> str:
    """Check each {path: [columns]} of the spec; return a summary, or raise naming file, line and rule."""
    spec: dict[str, list[str]] = json.loads(spec_json)
    for path, columns in sorted(spec.items()):
        file = Path(path)
        if not file.exists():
            raise InputFileError(f"{path}: the file is missing (rule: every input file exists). {LEFT_AS_IT_WAS}")
        try:
            check_csv_text(path, file.read_bytes(), columns)
        except InputFileError as error:
            raise InputFileError(f"{error}. {LEFT_AS_IT_WAS}") from None
    return f"{len(spec)} input file(s) are well-formed"


def replace_file(source: str, destination: str) -> str:
    """Make `source` the file at `destination` in one atomic step (same directory, flushed first)."""
    with open(source, "rb") as handle:
        os.fsync(handle.fileno())
    stale_wal = Path(destination + ".wal")
    if stale_wal.exists():
        stale_wal.unlink()
    os.replace(source, destination)
    directory = os.open(Path(destination).resolve().parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return destination


def remove_file(path: str) -> str:
    for candidate in (Path(path), Path(path + ".wal")):
        candidate.unlink(missing_ok=True)
    return path


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
        capture_output=True, text=True, timeout=10, check=False,
    ).stdout.strip()
    return completed.stdout.strip() + ("+uncommitted" if dirty else "")


class Plugin(BasePlugin):
    """Registers the functions above on every connection dbt opens."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.config = plugin_config

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        functions = {
            "market_sizing_check_csv_files": (check_csv_files, ["VARCHAR"]),
            "market_sizing_replace_file": (replace_file, ["VARCHAR", "VARCHAR"]),
            "market_sizing_remove_file": (remove_file, ["VARCHAR"]),
            "market_sizing_inputs_digest": (inputs_digest, ["VARCHAR"]),
            "market_sizing_git_commit": (git_commit, ["VARCHAR"]),
        }
        for name, (function, parameters) in functions.items():
            conn.create_function(name, function, parameters, "VARCHAR", side_effects=True)
