"""Layout rules for dbt models that sqlfluff has no rule for (run by `make lint`).

Every model is `with <import CTEs>, <logic CTEs> <final select>`:

- import CTEs come first: each holds exactly one `ref()`/`source()`, and no CTE after the first
  logic CTE refers to another model;
- the statement ends with a final select that reads one CTE of the file (no `ref()`, no join),
  optionally ordered.

Usage: python -m market_sizing.checks.sql_structure [paths...]   (or market-sizing-check-sql; default: every
.sql file under models/ of the working directory).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

REFERENCE = re.compile(r"\{\{\s*(ref|source)\s*\(")
CTE_START = re.compile(r"(\w+)\s+as\s*\(", re.IGNORECASE)
# An `order by` may follow: marts are stored in the order their readers filter on.
FINAL_FROM = re.compile(r"\bfrom\s+(\w+)\s*(?:order\s+by\s+[\w\s,.]+)?$", re.IGNORECASE)
JOIN = re.compile(r"\bjoin\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cte:
    name: str
    body: str


def strip_comments(sql: str) -> str:
    """Drop Jinja comments and `--` line comments (the models put no `--` inside strings)."""
    sql = re.sub(r"\{#.*?#\}", "", sql, flags=re.DOTALL)
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def closing_parenthesis(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced parentheses")


def split_model(sql: str) -> tuple[list[Cte], str]:
    """The CTEs of a model's `with` clause and the statement after them."""
    text = strip_comments(sql)
    # A leading config() block is not part of the statement.
    text = re.sub(r"\{\{\s*config\(.*?\)\s*\}\}", "", text, flags=re.DOTALL).strip()
    if not re.match(r"with\b", text, re.IGNORECASE):
        return [], text
    position = 4
    ctes: list[Cte] = []
    while True:
        match = CTE_START.match(text, re.compile(r"\s*").match(text, position).end())
        if not match:
            break
        end = closing_parenthesis(text, match.end() - 1)
        ctes.append(Cte(match.group(1).lower(), text[match.end() : end]))
        position = end + 1
        comma = re.compile(r"\s*,").match(text, position)
        if not comma:
            break
        position = comma.end()
    return ctes, text[position:].strip()


def problems(path: Path) -> list[str]:
    ctes, final = split_model(path.read_text(encoding="utf-8"))
    found: list[str] = []
    if not ctes:
        return [f"{path}: no `with` clause: a model starts with its import CTEs"]
    seen_logic = False
    for cte in ctes:
        references = len(REFERENCE.findall(cte.body))
        if references > 1:
            found.append(f"{path}: CTE `{cte.name}` refers to {references} models; an import CTE refers to one")
        if references and seen_logic:
            found.append(f"{path}: import CTE `{cte.name}` comes after a logic CTE; move it to the top")
        if not references:
            seen_logic = True
    names = {cte.name for cte in ctes}
    source = FINAL_FROM.search(final)
    if not final.lower().startswith("select") or REFERENCE.search(final) or JOIN.search(final):
        found.append(f"{path}: the statement must end with a final select from one CTE (no ref, no join)")
    elif not source or source.group(1).lower() not in names:
        found.append(f"{path}: the final select must read a CTE of the model")
    return found


def main(arguments: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if arguments is None else arguments
    paths = [Path(argument) for argument in arguments] or sorted(Path("models").rglob("*.sql"))
    found = [problem for path in paths for problem in problems(path)]
    for problem in found:
        print(problem)
    print(f"check_sql_structure: {len(paths)} models, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
