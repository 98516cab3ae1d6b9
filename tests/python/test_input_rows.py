"""The input-file check row by row, called directly (no dbt): rows that pass its quick test and rows
that need the column-by-column check get the same verdict, and a row with two problems names the
first column's."""

from __future__ import annotations

import pytest

from market_sizing.checks.input_files import MAX_VALUE_CHARS, InputFileError, check_csv_text

COLUMNS = ["report_id", "title", "market_id"]


def check(*rows: str) -> None:
    check_csv_text("x.csv", ("\n".join([",".join(COLUMNS), *rows]) + "\n").encode("utf-8"), COLUMNS)


@pytest.mark.parametrize(
    "row",
    [
        "r1,Plain title,widgets",
        "café_report,Un marché,widgets",  # non-ASCII but visible: accepted in an id
        'r2,"A title, with a comma",widgets',
        "r3,Tab\tin a title is fine,widgets",  # only ids must be plain
    ],
)
def test_well_formed_rows_pass(row: str) -> None:
    check(row)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("r1\u200b,Title,widgets", "x.csv line 2: report_id 'r1\\u200b' holds an invisible or control character"),
        ("r1,Title,wid\tgets", "x.csv line 2: market_id 'wid\\u0009gets' holds an invisible"),
        ("r1,Title,wid\u00a0gets", "market_id 'wid\\u00a0gets' holds an invisible"),
        ("r\x071,Title,widgets", "report_id 'r\\u00071' holds an invisible"),  # ASCII, but a control character
        (f"r1,{'x' * (MAX_VALUE_CHARS + 1)},widgets", "x.csv line 2: the value of title has 131,073 characters"),
        # Two problems in one row: the first column's is named, as the column-by-column check reads them.
        (f"r1\u200b,{'x' * (MAX_VALUE_CHARS + 1)},widgets", "report_id 'r1\\u200b' holds an invisible"),
        (f"r1,{'x' * (MAX_VALUE_CHARS + 1)},wid\u200bgets", "the value of title has 131,073 characters"),
        ("r1,Title", "x.csv line 2: 2 value(s) where the header has 3"),
        ('r1,"Title\nwith a break",widgets', "x.csv lines 2-3: a quoted value spans several lines"),
    ],
)
def test_each_problem_is_named_with_its_line_and_column(row: str, message: str) -> None:
    with pytest.raises(InputFileError) as raised:
        check("r0,Fine,widgets", row)
    assert message.replace("line 2", "line 3").replace("lines 2-3", "lines 3-4") in str(raised.value)
