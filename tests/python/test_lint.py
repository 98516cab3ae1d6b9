"""The project's own lint checks (tools/check_sql_structure.py, tools/check_yaml.py) catch what they
are for; `make lint`, run first by `make test`, runs them with sqlfluff and ruff on the project."""

from __future__ import annotations

import sys
from pathlib import Path

from support import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "tools"))
from check_sql_structure import problems
from check_yaml import problem

GOOD = """-- a comment
with

reports as (
    select * from {{ ref('stg_reports') }}
),

figures as (
    select * from {{ ref('stg_report_figures') }}
    where measure = 'share'
),

joined as (
    select reports.report_id, count(*) as figure_count
    from reports
    inner join figures on reports.report_id = figures.report_id
    group by reports.report_id
)

select * from joined
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "model.sql"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_model_in_the_house_layout_passes(tmp_path: Path) -> None:
    assert problems(write(tmp_path, GOOD)) == []


def test_every_model_of_the_project_passes() -> None:
    models = sorted((REPO_ROOT / "models").rglob("*.sql"))
    assert len(models) > 20
    assert [found for model in models for found in problems(model)] == []


def test_layout_breaks_are_found(tmp_path: Path) -> None:
    late_import = GOOD.replace(
        "\nselect * from joined",
        ",\n\nlate as (\n    select * from {{ ref('stg_regions') }}\n)\n\nselect * from joined",
    )
    assert any("comes after a logic CTE" in found for found in problems(write(tmp_path, late_import)))
    two_refs = GOOD.replace("{{ ref('stg_reports') }}", "{{ ref('stg_reports') }} cross join {{ ref('stg_regions') }}")
    assert any("refers to 2 models" in found for found in problems(write(tmp_path, two_refs)))
    joined_final = GOOD.replace(
        "select * from joined", "select * from joined inner join reports on joined.report_id = reports.report_id"
    )
    assert any("final select" in found for found in problems(write(tmp_path, joined_final)))
    ref_final = GOOD.replace("select * from joined", "select * from {{ ref('stg_reports') }}")
    assert any("final select" in found for found in problems(write(tmp_path, ref_final)))
    no_with = "select * from {{ ref('stg_reports') }}\n"
    assert any("no `with` clause" in found for found in problems(write(tmp_path, no_with)))


def test_yaml_check_finds_duplicate_keys_and_syntax_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("models:\n  - name: a\n    description: b\n", encoding="utf-8")
    assert problem(good) is None
    duplicate = tmp_path / "duplicate.yml"
    duplicate.write_text("models:\n  - name: a\n    description: b\n    description: c\n", encoding="utf-8")
    assert "duplicate key 'description'" in (problem(duplicate) or "")
    broken = tmp_path / "broken.yml"
    broken.write_text("columns:\n  - {name: a, description: has: a colon}\n", encoding="utf-8")
    assert problem(broken) is not None
