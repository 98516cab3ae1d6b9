"""Structural checks of the input CSV files: encoding, header, one value per column, closed quotes.

Used twice: by the dbt plugin (on-run-start, so `dbt build` checks its inputs before any node), and as
a command run by `make build` before dbt starts, because dbt itself reads every seed file while
parsing the project and stops on bytes that are not UTF-8 without naming the file:

    python plugins/market_sizing_inputs.py          # checks every seed declared in dbt_project.yml
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import yaml

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


def seed_spec(project_dir: Path) -> dict[str, list[str]]:
    """{seed file path: expected columns}, from the seeds' column_types in dbt_project.yml."""
    project = yaml.safe_load((project_dir / "dbt_project.yml").read_text(encoding="utf-8"))
    seed_dir = project.get("seed-paths", ["seeds"])[0]
    seeds = project["seeds"][project["name"]]
    return {
        f"{seed_dir}/{name}.csv": list(config["+column_types"])
        for name, config in seeds.items()
        if isinstance(config, dict) and "+column_types" in config
    }


def main() -> int:
    try:
        print(check_csv_files(json.dumps(seed_spec(Path.cwd()))))
    except InputFileError as error:
        print(f"input file check failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
