"""The warehouse's controlled vocabularies, read from `macros/vocabulary.sql` (one source of truth)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
VOCABULARY_MACROS = REPO_ROOT / "macros" / "vocabulary.sql"


@dataclass(frozen=True)
class Vocabulary:
    units: frozenset[str]  # lower-cased
    qualifiers: tuple[str, ...]
    claim_types: tuple[str, ...]


def macro_body(source: str, name: str) -> str:
    match = re.search(rf"{{% macro {name}\(\) -%}}(.*?){{%- endmacro %}}", source, re.DOTALL)
    if match is None:
        raise ValueError(f"macro {name} not found in {VOCABULARY_MACROS}")
    return re.sub(r"\{#.*?#\}", "", match.group(1), flags=re.DOTALL)


def dict_keys(body: str) -> list[str]:
    return re.findall(r"'([^']+)':", body)


def list_items(body: str) -> list[str]:
    return re.findall(r"'([^']+)'", body)


def load(path: Path = VOCABULARY_MACROS) -> Vocabulary:
    source = path.read_text(encoding="utf-8")
    units = [key for key in dict_keys(macro_body(source, "unit_vocabulary")) if key not in ("kind", "to_usd_bn")]
    return Vocabulary(
        units=frozenset(units),
        qualifiers=tuple(dict_keys(macro_body(source, "qualifier_vocabulary"))),
        claim_types=tuple(list_items(macro_body(source, "claim_type_vocabulary"))),
    )
