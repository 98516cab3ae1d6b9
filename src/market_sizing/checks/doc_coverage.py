"""Documentation coverage of the dbt project, from target/manifest.json and target/catalog.json.

Counts what must carry a description: every model and seed, every column the database holds for
them (catalog.json, so an undeclared column counts as undescribed), every macro and generic test of
this project, every argument in each macro's signature, and every exposure, semantic model and
metric. Run `dbt docs generate` first.

Usage: python -m market_sizing.checks.doc_coverage [target_dir]   (or market-sizing-doc-coverage; prints the
gaps; exit 1 below 100%)
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGE = "market_sizing"
SIGNATURE = re.compile(r"\{%-?\s*(?:macro|test)\s+\w+\s*\((?P<arguments>.*?)\)\s*-?%\}", re.DOTALL)


@dataclass
class Coverage:
    """Items that need a description, by kind, and those that lack one."""

    totals: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def count(self, kind: str, name: str, description: str | None) -> None:
        self.totals[kind] = self.totals.get(kind, 0) + 1
        if not (description or "").strip():
            self.missing.append(f"{kind}: {name}")

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def percent(self) -> float:
        return 100.0 * (self.total - len(self.missing)) / self.total if self.total else 0.0


def signature_arguments(macro_sql: str) -> list[str]:
    """Argument names in a macro's or a generic test's signature (defaults dropped)."""
    match = SIGNATURE.search(macro_sql)
    if not match or not match.group("arguments").strip():
        return []
    return [part.split("=")[0].strip() for part in match.group("arguments").split(",") if part.strip()]


def measure(manifest: dict[str, Any], catalog: dict[str, Any]) -> Coverage:
    coverage = Coverage()
    catalog_nodes = catalog["nodes"]
    for unique_id, node in sorted(manifest["nodes"].items()):
        if node["package_name"] != PACKAGE or node["resource_type"] not in ("model", "seed"):
            continue
        kind = node["resource_type"]
        coverage.count(kind, node["name"], node.get("description"))
        if unique_id not in catalog_nodes:
            coverage.missing.append(f"{kind}: {node['name']} is not in catalog.json (not built?)")
            continue
        declared = {name.lower(): column for name, column in node["columns"].items()}
        for column in catalog_nodes[unique_id]["columns"]:
            description = declared.get(column.lower(), {}).get("description")
            coverage.count(f"{kind} column", f"{node['name']}.{column}", description)
    for macro in sorted(manifest["macros"].values(), key=lambda macro: macro["unique_id"]):
        if macro["package_name"] != PACKAGE:
            continue
        kind = "generic test" if macro["name"].startswith("test_") else "macro"
        coverage.count(kind, macro["name"], macro.get("description"))
        described = {argument["name"]: argument.get("description") for argument in macro.get("arguments", [])}
        for argument in signature_arguments(macro["macro_sql"]):
            coverage.count(f"{kind} argument", f"{macro['name']}({argument})", described.get(argument))
    for kind, section in (("exposure", "exposures"), ("semantic model", "semantic_models"), ("metric", "metrics")):
        for item in sorted(manifest[section].values(), key=lambda item: item["unique_id"]):
            if item["package_name"] == PACKAGE:
                coverage.count(kind, item["name"], item.get("description"))
    return coverage


def load(target: Path) -> Coverage:
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    return measure(manifest, catalog)


def main(arguments: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if arguments is None else arguments
    coverage = load(Path(arguments[0]) if arguments else Path("target"))
    for gap in coverage.missing:
        print(f"undocumented {gap}")
    for kind, total in sorted(coverage.totals.items()):
        print(f"{kind:>24}: {total}")
    print(f"documentation coverage: {coverage.percent:.1f}% of {coverage.total} items")
    return 0 if not coverage.missing else 1


if __name__ == "__main__":
    sys.exit(main())
