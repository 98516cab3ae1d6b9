"""Keys, checked in few nodes: each intermediate model declares its key (`meta.primary_key`) and one
test checks them all in one query (tests/dbt/keys/intermediate_primary_keys.sql); each mart's
`primary_key` test checks its foreign keys (`references`) in the same query."""

from __future__ import annotations

from pathlib import Path

import yaml

from support import PUBLISHED_NAME, REPO_ROOT, DbtRun, ProjectTemplate, file_digest, run_build

MODELS_YAML = "models/intermediate/_intermediate__models.yml"
MARTS_YAML = "models/marts/_marts__models.yml"
CHECK = "tests/dbt/keys/intermediate_primary_keys.sql"


def declared_keys(project: Path) -> dict[str, list[str]]:
    models = yaml.safe_load((project / MODELS_YAML).read_text(encoding="utf-8"))["models"]
    return {model["name"]: ((model.get("config") or {}).get("meta") or {}).get("primary_key") for model in models}


def test_every_intermediate_model_declares_a_key_that_the_check_reads() -> None:
    keys = declared_keys(REPO_ROOT)
    on_disk = {path.stem for path in (REPO_ROOT / "models" / "intermediate").glob("*.sql")}
    assert set(keys) == on_disk
    assert all(keys.values()), [name for name, key in keys.items() if not key]
    check = (REPO_ROOT / CHECK).read_text(encoding="utf-8")
    assert all(f"ref('{name}')" in check for name in keys), "a model is missing from the check's depends_on lines"


def test_a_key_that_repeats_stops_the_build_naming_the_model_and_the_key(
    project_template: ProjectTemplate, warehouse: DbtRun
) -> None:
    with warehouse.connect_build() as build:
        repeated = build.execute(
            "select market_id, count(*) from intermediate.int_reports group by market_id having count(*) > 1"
        ).fetchall()
    assert repeated, "the shipped reports have no market with two reports: nothing to repeat"
    project = project_template.fresh(published=warehouse.database)
    published = project / PUBLISHED_NAME
    before = file_digest(published)
    # int_reports has one row per report; its market_id repeats whenever a market has two reports.
    path = project / MODELS_YAML
    text = path.read_text(encoding="utf-8")
    assert text.count("primary_key: [report_id]\n") == 1
    path.write_text(text.replace("primary_key: [report_id]\n", "primary_key: [market_id]\n"), encoding="utf-8")
    run = run_build(project)
    assert run.returncode != 0
    assert "rule broken: a primary key identifies one row of its model and is never null" in run.output
    for market_id, rows in repeated:
        assert f"int_reports [market_id={market_id}]: {rows} rows" in run.output
    assert "was left as it was" in run.output
    assert file_digest(published) == before


def test_a_foreign_key_that_names_no_row_stops_the_build_naming_the_reference(
    project_template: ProjectTemplate, warehouse: DbtRun
) -> None:
    project = project_template.fresh(published=warehouse.database)
    published = project / PUBLISHED_NAME
    before = file_digest(published)
    # dim_reports' market_id refers to dim_markets; its publisher never names a market.
    path = project / MARTS_YAML
    text = path.read_text(encoding="utf-8")
    reference = "{column: market_id, to: \"ref('dim_markets')\", field: market_id}"
    assert reference in text
    wrong = "{column: publisher, to: \"ref('dim_markets')\", field: market_id}"
    path.write_text(text.replace(reference, wrong, 1), encoding="utf-8")
    run = run_build(project)
    assert run.returncode != 0
    assert "primary_key_dim_reports" in run.output
    assert "was left as it was" in run.output
    assert file_digest(published) == before
    with warehouse.connect_build() as build:
        (rows,) = build.execute("select count(*) from marts.dim_reports where publisher is not null").fetchone()
    assert f"Got {rows} result" in run.output  # one failing row per report: no publisher is a market
