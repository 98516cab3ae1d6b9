"""The input contract: the layout of every input file and the controlled vocabularies.

Both are written once, in the dbt project's `dbt_project.yml` (vars `input_contract` and
`input_vocabularies`), where dbt reads them too. Everything in Python that needs a column list,
a key or a vocabulary reads it through this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PROJECT_FILE = "dbt_project.yml"


def find_project_dir(start: Path | None = None) -> Path:
    """The nearest directory holding dbt_project.yml, at or above `start`.

    By default: above this file (an editable install in the repository), else above the working directory.
    """
    candidates = [Path(__file__).resolve().parent] if start is None else [start.resolve()]
    if start is None:
        candidates.append(Path.cwd().resolve())
    for candidate in candidates:
        for directory in (candidate, *candidate.parents):
            if (directory / PROJECT_FILE).is_file():
                return directory
    raise FileNotFoundError(f"no {PROJECT_FILE} found above {candidates[0]}")


@dataclass(frozen=True)
class Table:
    """One input file's layout."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    required: tuple[str, ...]
    references: dict[str, tuple[str, str]]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"


@cache
def _project(project_dir: Path) -> dict[str, Any]:
    return yaml.safe_load((project_dir / PROJECT_FILE).read_text(encoding="utf-8"))


def tables(project_dir: Path | None = None) -> dict[str, Table]:
    """{name: Table} for every input file, in the contract's order."""
    contract = _project(project_dir or find_project_dir())["vars"]["input_contract"]
    result = {}
    for name, spec in contract.items():
        references = {
            column: tuple(target.split(".", 1))  # "reports.report_id" -> ("reports", "report_id")
            for column, target in (spec.get("references") or {}).items()
        }
        result[name] = Table(
            name=name,
            columns=tuple(spec["columns"]),
            key=tuple(spec.get("key") or ()),
            required=tuple(spec.get("required") or ()),
            references=references,  # type: ignore[arg-type]
        )
    return result


def columns(name: str, project_dir: Path | None = None) -> tuple[str, ...]:
    """The columns of one input file, in order."""
    return tables(project_dir)[name].columns


def vocabularies(project_dir: Path | None = None) -> dict[str, Any]:
    """{units, qualifiers, measures, claim_types, region_levels} as dbt reads them."""
    return _project(project_dir or find_project_dir())["vars"]["input_vocabularies"]


def seed_directory(project_dir: Path | None = None) -> Path:
    """Where the input files live (the dbt project's first seed path)."""
    directory = project_dir or find_project_dir()
    return directory / _project(directory).get("seed-paths", ["seeds"])[0]
