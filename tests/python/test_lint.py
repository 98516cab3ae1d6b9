"""The lint checks catch what they are for: the project's model layout check
(market_sizing.checks.sql_structure) and yamllint with the project's .yamllint; `make lint`, run first by
`make test`, runs them with sqlfluff and ruff on the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from market_sizing.checks.sql_structure import problems
from support import REPO_ROOT

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


def yamllint(path: Path) -> subprocess.CompletedProcess[str]:
    """yamllint as `make lint-yaml` runs it (the project's .yamllint, warnings count)."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("yamllint")), "--strict", "-c", str(REPO_ROOT / ".yamllint"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_yaml_lint_finds_duplicate_keys_undeclared_aliases_and_syntax_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("models:\n  - name: a\n    description: &d b\n    meta: *d\n", encoding="utf-8")
    assert yamllint(good).returncode == 0
    duplicate = tmp_path / "duplicate.yml"
    duplicate.write_text("models:\n  - name: a\n    description: b\n    description: c\n", encoding="utf-8")
    assert 'duplication of key "description"' in yamllint(duplicate).stdout
    alias = tmp_path / "alias.yml"
    alias.write_text("seeds:\n  reports:\n    column_types: *reports_columns\n", encoding="utf-8")
    assert yamllint(alias).returncode != 0
    broken = tmp_path / "broken.yml"
    broken.write_text("columns:\n  - {name: a, description: has: a colon}\n", encoding="utf-8")
    assert "syntax error" in yamllint(broken).stdout


def test_every_yaml_file_of_the_project_passes() -> None:
    assert yamllint(REPO_ROOT).returncode == 0
