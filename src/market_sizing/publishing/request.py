"""What dbt's on-run-end hook hands to Python, once: the run's verdict and what a publish needs.

The verdict (`refusal`) is decided in Jinja (macros/publish.sql), where dbt's `results` and graph
are; the marts, their descriptions and keys come from the same graph.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


def quote(identifier: str) -> str:
    """A DuckDB identifier, double-quoted."""
    return '"' + identifier.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A DuckDB string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class Mart:
    """One mart of the build database, as the graph describes it."""

    name: str
    database: str
    schema: str
    description: str
    columns: dict[str, str]  # column name -> description (only the described ones)
    key: tuple[str, ...]  # the columns of its primary_key test; empty when it has none

    @property
    def relation(self) -> str:
        return ".".join(quote(part) for part in (self.database, self.schema, self.name))


@dataclass(frozen=True)
class PublishRequest:
    """One invocation's publish step."""

    refusal: str | None
    invocation_id: str
    dbt_version: str
    build_database: str
    input_files: tuple[str, ...]
    marts: tuple[Mart, ...]

    @classmethod
    def from_json(cls, text: str) -> PublishRequest:
        data: dict[str, Any] = json.loads(text)
        return cls(
            refusal=data.get("refusal") or None,
            invocation_id=str(data["invocation_id"]),
            dbt_version=str(data["dbt_version"]),
            build_database=str(data.get("build_database") or ""),
            input_files=tuple(sorted(data.get("input_files", []))),
            marts=tuple(
                sorted(
                    (
                        Mart(
                            name=mart["name"],
                            database=mart["database"],
                            schema=mart["schema"],
                            description=(mart.get("description") or "").strip(),
                            columns={name: text.strip() for name, text in (mart.get("columns") or {}).items() if text},
                            key=tuple(mart.get("key") or ()),
                        )
                        for mart in data.get("marts", [])
                    ),
                    key=lambda mart: mart.name,
                )
            ),
        )
