"""Structural checks of the input CSV files: encoding, header, one value per column, closed quotes.

Used twice: by the dbt plugin (on-run-start, so `dbt build` checks its inputs before any node), and as
a command run by `make build` before dbt starts, because dbt itself reads every seed file while
parsing the project and stops on bytes that are not UTF-8 without naming the file:

    python -m market_sizing.checks.input_files   # every seed declared in dbt_project.yml
    market-sizing-check-inputs                   # the same, as the package's console command

in the dbt project's directory (the working directory).
"""

from __future__ import annotations

import csv
import io
import json
import re
import stat
import sys
import unicodedata
from pathlib import Path

from market_sizing import contract

LEFT_AS_IT_WAS = "The published warehouse was left as it was."
MAX_VALUE_CHARS = 131_072  # the csv module's default field limit, which dbt's seed loader keeps


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


# Characters that are invisible or reorder text: a zero-width space, a right-to-left mark or a
# control character in an id makes two ids that look the same differ.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})


def visible(text: str) -> str:
    """`text` with every invisible, control or non-ASCII space character spelled as \\uXXXX."""
    return "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char) in INVISIBLE_CATEGORIES or (char.isspace() and char != " ")
        else char
        for char in text
    )


def _check_header(path: str, header: list[str], expected_columns: list[str]) -> None:
    rule = f"(rule: the header is exactly {','.join(expected_columns)})"
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise InputFileError(f"{path} line 1: column(s) {', '.join(repeated)} appear more than once {rule}")
    missing = [name for name in expected_columns if name not in header]
    extra = [name for name in header if name not in expected_columns]
    if missing or extra:
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if extra:
            parts.append("unexpected column(s) " + ", ".join(visible(name) for name in extra))
        raise InputFileError(f"{path} line 1: {'; '.join(parts)} {rule}")
    if header != expected_columns:
        moved = [
            f"{found} where {wanted} belongs"
            for found, wanted in zip(header, expected_columns, strict=True)
            if found != wanted
        ]
        raise InputFileError(
            f"{path} line 1: the columns are in another order ({'; '.join(moved[:3])}) (rule: the header is "
            f"exactly {','.join(expected_columns)}, in this order: dbt's seed loader and the corpus reader place "
            "values by position, not by column name)"
        )


# Any ASCII control character but the line feed.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def _plain_text(text: str) -> bool:
    """The whole file passes what `_plainly_fine` asks of each row: ASCII without control characters
    (so every id is plain) and no line longer than the value limit (so no value is)."""
    return text.isascii() and CONTROL.search(text) is None and max(map(len, text.split("\n"))) <= MAX_VALUE_CHARS


def _plainly_fine(record: list[str], id_columns: list[int]) -> bool:
    """The quick test most rows pass: no value over the length limit, every id plain printable ASCII
    (no character of which `visible` spells out). Rows that fail it get the column-by-column check,
    which names the first problem."""
    if max(map(len, record), default=0) > MAX_VALUE_CHARS:
        return False
    return all(record[index].isascii() and record[index].isprintable() for index in id_columns)


def _check_record(path: str, line: int, record: list[str], header: list[str], last_line: int) -> None:
    if len(record) != len(header):
        raise InputFileError(
            f"{path} line {line}: {len(record)} value(s) where the header has {len(header)} "
            "(rule: every row has one value per column; a truncated or over-long line, "
            "or a comma inside an unquoted value)"
        )
    if last_line != line:
        raise InputFileError(
            f"{path} lines {line}-{last_line}: a quoted value spans several lines (rule: one row per line, "
            "so that every message's line number is the line in the file; write the value on one line)"
        )
    for name, value in zip(header, record, strict=True):
        if len(value) > MAX_VALUE_CHARS:
            raise InputFileError(
                f"{path} line {line}: the value of {name} has {len(value):,} characters "
                f"(rule: a value has at most {MAX_VALUE_CHARS:,} characters, the limit of dbt's CSV loader)"
            )
        if name.endswith("_id") and visible(value) != value:
            raise InputFileError(
                f"{path} line {line}: {name} '{visible(value)}' holds an invisible or control character "
                "(rule: ids are plain printable text; retype the id)"
            )


def check_csv_text(path: str, raw: bytes, expected_columns: list[str]) -> None:
    """Raise InputFileError for the first structural problem of one CSV file; lines are physical lines."""
    text = _decode(path, raw)
    if not text.strip():
        raise InputFileError(
            f"{path} line 1: the file is empty (rule: the first line is the header: {','.join(expected_columns)})"
        )
    lines = io.StringIO(text, newline="")
    reader = csv.reader(lines, strict=True)
    limit = csv.field_size_limit(sys.maxsize)  # an over-long value is reported by its own rule below
    record_start = 1
    try:
        header = [name.strip() for name in next(reader)]
        _check_header(path, header, expected_columns)
        record_start = reader.line_num + 1
        blank_line = None
        width = len(header)
        id_columns = [index for index, name in enumerate(header) if name.endswith("_id")]
        plain = _plain_text(text)  # then only the number of values and the row's lines are left per row
        for record in reader:
            if not record:
                blank_line = blank_line or record_start
            elif blank_line is not None:
                raise InputFileError(
                    f"{path} line {blank_line}: a blank line between rows (rule: one row per line and no blank "
                    "lines, so that every message's line number is the line in the file)"
                )
            elif (
                len(record) != width
                or reader.line_num != record_start
                or (not plain and not _plainly_fine(record, id_columns))
            ):
                _check_record(path, record_start, record, header, reader.line_num)
            record_start = reader.line_num + 1
    except csv.Error as error:
        raise InputFileError(
            f"{path} line {record_start}: {error} (rule: a quoted value must close its quote on the same row)"
        ) from None
    finally:
        csv.field_size_limit(limit)


def _regular_file_problem(file: Path) -> str | None:
    """Why `file` cannot be read as an input file (without opening it: a pipe would block), or None."""
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        return "the file is missing (rule: every input file exists)"
    except OSError as error:
        return f"the file cannot be read ({error.strerror})"
    if stat.S_ISDIR(mode):
        return "a directory where the file should be (rule: every input file is a regular file)"
    if not stat.S_ISREG(mode):
        return "a pipe, device or socket where the file should be (rule: every input file is a regular file)"
    return None


def check_csv_files(spec_json: str) -> str:
    """Check each {path: [columns]} of the spec; return a summary, or raise naming file, line and rule."""
    spec: dict[str, list[str]] = json.loads(spec_json)
    for path, columns in sorted(spec.items()):
        file = Path(path)
        problem = _regular_file_problem(file)
        if problem:
            raise InputFileError(f"{path}: {problem}. {LEFT_AS_IT_WAS}")
        try:
            check_csv_text(path, file.read_bytes(), columns)
        except InputFileError as error:
            raise InputFileError(f"{error}. {LEFT_AS_IT_WAS}") from None
    return f"{len(spec)} input file(s) are well-formed"


def check_seed_directory(seed_dir: Path) -> None:
    """Every CSV file dbt would read under the seed directory is a regular UTF-8 file (dbt's parser
    reads them all, declared or not, and stops on a non-UTF-8 byte or hangs on a pipe, naming nothing)."""
    for file in sorted(seed_dir.rglob("*.csv")):
        path = file.as_posix()
        problem = _regular_file_problem(file)
        if problem:
            raise InputFileError(f"{path}: {problem}. {LEFT_AS_IT_WAS}")
        try:
            _decode(path, file.read_bytes())
        except InputFileError as error:
            raise InputFileError(f"{error}. {LEFT_AS_IT_WAS}") from None


def seed_spec(project_dir: Path) -> dict[str, list[str]]:
    """{seed file path: expected columns} for every input file of the input contract."""
    seed_dir = contract.seed_directory(project_dir).relative_to(project_dir)
    return {
        f"{seed_dir.as_posix()}/{table.file_name}": list(table.columns)
        for table in contract.tables(project_dir).values()
    }


def main() -> int:
    project_dir = Path.cwd()
    try:
        spec = seed_spec(project_dir)
        for seed_dir in sorted({Path(path).parent for path in spec}):
            check_seed_directory(seed_dir)
        print(check_csv_files(json.dumps(spec)))
    except InputFileError as error:
        print(f"input file check failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
