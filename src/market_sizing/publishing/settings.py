"""Where the warehouse is published and exported: the one place that states the default paths.

dbt's publish step (through the plugin), `make sql`, `make dashboard`, `make changes` and the
tests all read these through `published_path()` and `exports_path()`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

PUBLISHED_SETTING = "MARKET_SIZING_DB"
DEFAULT_PUBLISHED_PATH = "market_sizing.duckdb"
EXPORTS_SETTING = "MARKET_SIZING_EXPORTS"
DEFAULT_EXPORTS_PATH = "exports"


def published_path(environ: Mapping[str, str] = os.environ) -> str:
    """The name readers open: MARKET_SIZING_DB, else market_sizing.duckdb (relative to the project)."""
    return environ.get(PUBLISHED_SETTING, DEFAULT_PUBLISHED_PATH)


def exports_path(environ: Mapping[str, str] = os.environ) -> str:
    """The exports link: MARKET_SIZING_EXPORTS, else exports (relative to the project)."""
    return environ.get(EXPORTS_SETTING, DEFAULT_EXPORTS_PATH)


if __name__ == "__main__":  # `python -m market_sizing.publishing.settings`: the Makefile's DB
    print(published_path())
