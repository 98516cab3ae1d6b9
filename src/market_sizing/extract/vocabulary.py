"""The controlled vocabularies the extractor proposes from, read from the input contract."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from market_sizing import contract


@dataclass(frozen=True)
class Vocabulary:
    units: frozenset[str]  # lower-cased, as the contract lists them
    qualifiers: tuple[str, ...]
    claim_types: tuple[str, ...]
    compared_as: dict[str, str]  # claim type -> the type it is compared as ("leads_revenue" -> "leads")

    def knows_unit(self, unit: str) -> bool:
        return unit.lower() in self.units


def load(project_dir: Path | None = None) -> Vocabulary:
    words = contract.vocabularies(project_dir)
    return Vocabulary(
        units=frozenset(words["units"]),
        qualifiers=tuple(words["qualifiers"]),
        claim_types=tuple(words["claim_types"]),
        compared_as={name: str(rule["compared_as"]) for name, rule in words["claim_types"].items()},
    )


def working_project() -> Path:
    """The dbt project the commands work on: the one at or above the working directory (where `make`
    runs), else the one holding this package."""
    try:
        return contract.find_project_dir(Path.cwd())
    except FileNotFoundError:
        return contract.find_project_dir()
