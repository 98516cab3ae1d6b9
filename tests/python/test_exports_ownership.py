"""The exports never delete what the project did not create: a directory, file or foreign link at the
exports path is refused (NOT EXPORTED, named setting, left as it was), and only run directories that
carry the project's marker are ever removed, among them those of interrupted exports."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from market_sizing.publishing.export_directories import (
    RUN_MARKER,
    SETTING,
    ExportsRefused,
    exports_refusal,
    prepare_directory,
    swap_directory,
)
from support import copy_project, run_dbt


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` (not following links), by relative path, with its bytes."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def user_directory(path: Path) -> dict[str, bytes]:
    (path / "notes").mkdir(parents=True)
    (path / "report.xlsx").write_bytes(b"the user's own workbook")
    (path / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    return snapshot(path)


def export_run(link: Path, version: str) -> Path:
    """What one export does to the file system: a marked run directory with a file, swapped in."""
    directory = Path(prepare_directory(str(link), version))
    (directory / "mart.csv").write_text(f"{version}\n", encoding="utf-8")
    swap_directory(str(link), version)
    return directory


def assert_refused(link: Path) -> str:
    refusal = exports_refusal(str(link))
    assert str(link) in refusal and SETTING in refusal and "left as it was" in refusal
    with pytest.raises(ExportsRefused):
        prepare_directory(str(link), "v1")
    with pytest.raises(ExportsRefused):
        swap_directory(str(link), "v1")
    return refusal


def test_a_real_directory_at_the_exports_path_is_refused_and_kept(tmp_path: Path) -> None:
    link = tmp_path / "exports"
    before = user_directory(link)
    assert "is a directory this project did not create" in assert_refused(link)
    assert snapshot(link) == before
    assert not (tmp_path / ".exports").exists()


def test_a_file_at_the_exports_path_is_refused_and_kept(tmp_path: Path) -> None:
    link = tmp_path / "exports"
    link.write_text("not a directory\n", encoding="utf-8")
    assert "is a file" in assert_refused(link)
    assert link.read_text(encoding="utf-8") == "not a directory\n"


def test_a_link_to_a_directory_the_project_did_not_mark_is_refused(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    before = user_directory(own)
    link = tmp_path / "exports"
    link.symlink_to(own, target_is_directory=True)
    assert "symbolic link" in assert_refused(link)
    assert link.is_symlink() and link.resolve() == own.resolve()
    assert snapshot(own) == before


def test_a_dangling_link_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "exports"
    link.symlink_to(tmp_path / "gone", target_is_directory=True)
    assert_refused(link)
    assert link.is_symlink()


def test_a_forged_marker_does_not_make_a_directory_the_projects(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    before = user_directory(own)
    (own / RUN_MARKER).write_text("something else\n", encoding="utf-8")
    link = tmp_path / "exports"
    link.symlink_to(own, target_is_directory=True)
    assert_refused(link)
    assert snapshot(own) == {**before, RUN_MARKER: b"something else\n"}


def test_a_versions_path_that_is_not_a_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".exports").write_text("a file of the user's\n", encoding="utf-8")
    link = tmp_path / "exports"
    with pytest.raises(ExportsRefused, match="not a directory"):
        prepare_directory(str(link), "v1")
    assert not link.exists()


def test_the_projects_own_link_is_replaced_and_runs_are_marked(tmp_path: Path) -> None:
    link = tmp_path / "exports"
    first = export_run(link, "v1")
    assert (first / RUN_MARKER).is_file()
    assert exports_refusal(str(link)) == ""
    second = export_run(link, "v2")
    assert link.is_symlink() and link.resolve() == second.resolve()
    assert not os.path.isabs(os.readlink(link))
    assert (link / "mart.csv").read_text(encoding="utf-8") == "v2\n"


def test_only_marked_leftovers_of_interrupted_exports_are_removed(tmp_path: Path) -> None:
    link = tmp_path / "exports"
    versions = tmp_path / ".exports"
    export_run(link, "v1")
    # An export killed after writing its run directory, before the swap; and one killed mid-swap.
    interrupted = Path(prepare_directory(str(link), "interrupted"))
    (interrupted / "mart.parquet").write_bytes(b"half")
    stale_link = tmp_path / ".exports.interrupted.swapping"
    stale_link.symlink_to(".exports/interrupted", target_is_directory=True)
    # What the project did not create stays, inside `.exports/` and beside the link.
    foreign = versions / "someone_elses"
    foreign_files = user_directory(foreign)
    (versions / "readme.txt").write_text("mine\n", encoding="utf-8")
    (versions / "old_unmarked").mkdir()
    (tmp_path / ".exports.notes.swapping").write_text("a file, not a link\n", encoding="utf-8")

    export_run(link, "v2")

    assert not interrupted.exists() and not stale_link.is_symlink()
    assert sorted(path.name for path in versions.iterdir()) == [
        "old_unmarked",
        "readme.txt",
        "someone_elses",
        "v1",
        "v2",
    ]
    assert snapshot(foreign) == foreign_files
    assert (tmp_path / ".exports.notes.swapping").read_text(encoding="utf-8") == "a file, not a link\n"

    export_run(link, "v3")
    assert sorted(path.name for path in versions.iterdir()) == [
        "old_unmarked",
        "readme.txt",
        "someone_elses",
        "v2",
        "v3",
    ]


def test_an_existing_unmarked_run_directory_is_not_reused(tmp_path: Path) -> None:
    link = tmp_path / "exports"
    taken = tmp_path / ".exports" / "v1"
    taken.mkdir(parents=True)
    (taken / "data.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(ExportsRefused, match="not an export run directory"):
        prepare_directory(str(link), "v1")
    assert (taken / "data.csv").read_text(encoding="utf-8") == "x\n"


def build_with_exports(project: Path, exports: str | None) -> tuple[int, str]:
    run = run_dbt(project, "build", env={SETTING: exports} if exports is not None else None)
    return run.returncode, run.output


@pytest.mark.parametrize("setting", [None, "data_for_bi"], ids=["default exports", SETTING])
def test_a_build_publishes_but_does_not_export_over_a_users_directory(tmp_path: Path, setting: str | None) -> None:
    project = copy_project(tmp_path / "project")
    target = project / (setting or "exports")
    before = user_directory(target)
    returncode, output = build_with_exports(project, setting)
    assert returncode == 0, output
    assert "PUBLISHED" in output and "NOT EXPORTED" in output and not re.search(r"EXPORTED \d+ marts", output)
    assert SETTING in output and str(setting or "exports") in output
    assert (project / "warehouse.duckdb").is_file()
    assert target.is_dir() and not target.is_symlink()
    assert snapshot(target) == before
    assert not (project / ".exports").exists()
