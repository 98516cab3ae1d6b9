"""The Python package: every console command names a function of the package, the dashboard's page
files are package data, and no Python file of the project edits the module search path (all of the
project's Python is the package `market_sizing`, imported as installed)."""

from __future__ import annotations

import importlib
import os
import re
import tomllib
from importlib import resources
from pathlib import Path

from support import REPO_ROOT

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Directories that hold no Python of the project (environments, build output, Node packages).
SKIPPED = {".venv", ".venv-spark", "node_modules", "target", ".git", "__pycache__"}
SEARCH_PATH_EDIT = re.compile(r"\bsys\s*\.\s*path\b")


def project_python_files() -> list[Path]:
    files = []
    for directory, subdirectories, names in os.walk(REPO_ROOT):
        subdirectories[:] = [name for name in subdirectories if name not in SKIPPED]
        files += [Path(directory, name) for name in names if name.endswith(".py")]
    return files


def test_every_console_command_is_a_function_of_the_package() -> None:
    scripts = PYPROJECT["project"]["scripts"]
    assert {"market-sizing-check-inputs", "market-sizing-sql", "market-sizing-dashboard"} <= set(scripts)
    for name, target in scripts.items():
        module_name, _, function_name = target.partition(":")
        assert module_name.startswith("market_sizing."), name
        assert callable(getattr(importlib.import_module(module_name), function_name)), name


def test_the_dashboard_page_files_are_package_data() -> None:
    declared = PYPROJECT["tool"]["setuptools"]["package-data"]["market_sizing.dashboard"]
    assert sorted(declared) == ["dashboard.html", "dashboard.js"]
    for name in declared:
        assert (resources.files("market_sizing.dashboard") / name).is_file(), name


def test_no_python_file_edits_the_module_search_path() -> None:
    files = project_python_files()
    assert REPO_ROOT / "src" / "market_sizing" / "dbt_plugin.py" in files
    edits = [path for path in files if SEARCH_PATH_EDIT.search(path.read_text(encoding="utf-8"))]
    assert edits == []
