"""`python -m market_sizing.extract.accept REVIEW_DIR`: append a reviewed proposal to the seeds.

Refuses, before writing anything, when: review.csv still lists an item (resolve it, then delete its
line); a file's header is not the contract's column list; a required field is blank (the error names
the file, the row and the fields); an id already exists in the seeds or twice in the proposal; a
reference (report, market, region, segment) names nothing. Rows are appended in the contract's column
order, without a second header. Then run `make build`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from market_sizing import contract
from market_sizing.extract import vocabulary
from market_sizing.extract.rows import REVIEW_FILE, SEED_TABLES

Row = dict[str, str]
# Referenced tables first, so that a row may reference one appended with it.
ORDER = ("segments", "reports", "report_sources", "report_figures", "report_claims", "report_mentions")


class RefusedError(Exception):
    """The proposal cannot be appended; the message says why."""


def read_csv(path: Path) -> tuple[list[str], list[Row]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def check(review: Path, seeds: Path, project: Path) -> dict[str, list[Row]]:
    """The rows to append per table, or RefusedError with every problem found."""
    problems: list[str] = []
    _, open_items = read_csv(review / REVIEW_FILE) if (review / REVIEW_FILE).exists() else ([], [])
    problems += [
        f"{REVIEW_FILE}: still to review: {item['file']} {item['id']}: {item['reason']}" for item in open_items
    ]
    tables = contract.tables(project)
    existing = {name: read_csv(seeds / tables[name].file_name)[1] for name in tables}
    proposed: dict[str, list[Row]] = {}
    for name in ORDER:
        path = review / tables[name].file_name
        if not path.exists():
            continue
        header, found = read_csv(path)
        if tuple(header) != tables[name].columns:
            problems.append(f"{path.name}: header {header} is not the contract's {list(tables[name].columns)}")
            continue
        proposed[name] = found
    for name, found in proposed.items():
        problems += table_problems(tables[name], found, existing, proposed)
    if problems:
        raise RefusedError("\n".join(problems))
    return proposed


def table_problems(
    table: contract.Table, found: list[Row], existing: dict[str, list[Row]], proposed: dict[str, list[Row]]
) -> list[str]:
    problems = []
    keys = {tuple(row[column] for column in table.key) for row in existing[table.name]}
    for number, row in enumerate(found, start=2):
        where = f"{table.file_name} line {number} [{', '.join(row[column] for column in table.key)}]"
        missing = [column for column in table.required if not (row.get(column) or "").strip()]
        if missing:
            problems.append(f"{where}: required field(s) blank: {', '.join(missing)}")
        key = tuple(row[column] for column in table.key)
        if key in keys:
            problems.append(f"{where}: {'/'.join(table.key)} already exists (in the seeds or above)")
        keys.add(key)
        for column, (target, target_column) in table.references.items():
            value = row.get(column, "")
            known = {other[target_column] for other in [*existing[target], *proposed.get(target, [])]}
            if value and value not in known:
                problems.append(f"{where}: {column} '{value}' is not in {target}.csv")
    return problems


def append(seeds: Path, proposed: dict[str, list[Row]], project: Path) -> list[str]:
    """Append the rows; returns one line per file written."""
    written = []
    for name, found in proposed.items():
        if not found:
            continue
        table = contract.tables(project)[name]
        path = seeds / table.file_name
        content = path.read_text(encoding="utf-8")
        with path.open("a", encoding="utf-8", newline="") as handle:
            if content and not content.endswith("\n"):
                handle.write("\n")
            writer = csv.DictWriter(handle, fieldnames=table.columns, lineterminator="\n")
            writer.writerows({column: row.get(column, "") for column in table.columns} for row in found)
        written.append(f"{path}: +{len(found)} rows")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m market_sizing.extract.accept", description=__doc__.splitlines()[0])
    parser.add_argument("review", type=Path, help="the review directory written by the extractor")
    parser.add_argument("--project", type=Path, help="the dbt project (default: found from here)")
    args = parser.parse_args(argv)
    project = args.project or vocabulary.working_project()
    seeds = contract.seed_directory(project)
    try:
        proposed = check(args.review, seeds, project)
    except (RefusedError, FileNotFoundError) as error:
        print(f"not appended:\n{error}", file=sys.stderr)
        return 1
    for line in append(seeds, proposed, project):
        print(line)
    print("now run: make build")
    return 0


assert set(ORDER) == set(SEED_TABLES)

if __name__ == "__main__":
    raise SystemExit(main())
