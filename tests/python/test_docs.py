"""Documentation: `dbt docs generate` works and every model, column, seed, seed column, macro (with its
arguments), generic test, exposure, semantic model and metric of the project is described."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from market_sizing import contract
from market_sizing.checks.doc_coverage import measure, signature_arguments
from support import REPO_ROOT, DbtRun, run_dbt

# One xdist worker runs the whole module, so that its module-scoped `dbt docs generate`
# is made once (pytest.ini: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("docs")


@pytest.fixture(scope="module")
def artifacts(warehouse: DbtRun) -> tuple[dict[str, Any], dict[str, Any]]:
    run = run_dbt(warehouse.project_dir, "docs", "generate")
    assert run.returncode == 0, run.output
    target = warehouse.project_dir / "target"
    assert (target / "index.html").exists()
    return (
        json.loads((target / "manifest.json").read_text(encoding="utf-8")),
        json.loads((target / "catalog.json").read_text(encoding="utf-8")),
    )


def test_everything_is_described(artifacts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    coverage = measure(*artifacts)
    assert coverage.missing == []
    assert coverage.percent == 100.0
    # What was counted: every kind is there, with the project's numbers of items at least.
    inputs = contract.tables(REPO_ROOT)
    assert coverage.totals["model"] >= 23 and coverage.totals["seed"] == len(inputs)
    assert coverage.totals["model column"] >= 270
    assert coverage.totals["seed column"] == sum(len(table.columns) for table in inputs.values())
    assert coverage.totals["macro"] >= 45 and coverage.totals["generic test"] >= 10
    assert coverage.totals["macro argument"] >= 40 and coverage.totals["generic test argument"] >= 40
    assert coverage.totals["exposure"] == 2 and coverage.totals["metric"] >= 6


def test_the_measure_finds_gaps(artifacts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """An undescribed column, macro argument or a column the YAML does not declare lowers the score."""
    manifest, catalog = copy.deepcopy(artifacts[0]), copy.deepcopy(artifacts[1])
    model = manifest["nodes"]["model.market_sizing.fct_market_size_yearly"]
    model["columns"]["basis"]["description"] = ""
    del model["columns"]["year"]
    macro = manifest["macros"]["macro.market_sizing.cagr_pct"]
    macro["arguments"] = [argument for argument in macro["arguments"] if argument["name"] != "years"]
    coverage = measure(manifest, catalog)
    assert sorted(coverage.missing) == [
        "macro argument: cagr_pct(years)",
        "model column: fct_market_size_yearly.basis",
        "model column: fct_market_size_yearly.year",
    ]
    assert coverage.percent < 100.0


def test_signature_arguments() -> None:
    assert signature_arguments("{% macro f(a, b='x', c=none) -%} ... {%- endmacro %}") == ["a", "b", "c"]
    assert signature_arguments("{%- macro g() %}{% endmacro %}") == []
    assert signature_arguments('{% test t(model, column_name, rule="r") %}') == ["model", "column_name", "rule"]


def test_exports_exposure_lists_every_mart(artifacts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest = artifacts[0]
    marts = {
        unique_id
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    exposure = manifest["exposures"]["exposure.market_sizing.file_exports"]
    assert set(exposure["depends_on"]["nodes"]) == marts
    dashboard = manifest["exposures"]["exposure.market_sizing.market_dashboard"]
    assert set(dashboard["depends_on"]["nodes"]) <= marts


def test_shared_definitions_come_from_the_doc_blocks(artifacts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest = artifacts[0]
    docs = {
        doc["name"]: doc["block_contents"]
        for doc in manifest["docs"].values()
        if doc["package_name"] == "market_sizing"
    }
    basis = manifest["nodes"]["model.market_sizing.fct_market_size_yearly"]["columns"]["basis"]["description"]
    assert basis == docs["basis"]
    seed_report = manifest["nodes"]["seed.market_sizing.reports"]["columns"]["report_id"]["description"]
    assert seed_report == docs["report_id"]
    assert docs["cagr_convention"] in manifest["macros"]["macro.market_sizing.cagr_pct"]["description"]


def test_docs_site_shows_the_lineage_to_the_exposures(artifacts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    manifest = artifacts[0]
    parents = manifest["parent_map"]["exposure.market_sizing.market_dashboard"]
    assert "model.market_sizing.fct_cagr_reconciliation" in parents
    exports_parents = manifest["parent_map"]["exposure.market_sizing.file_exports"]
    assert "model.market_sizing.fct_report_figures" in exports_parents
