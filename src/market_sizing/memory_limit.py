"""MARKET_SIZING_MEMORY_LIMIT: the most memory DuckDB may use in a build, beyond which it spills to disk.

Unset, DuckDB's own default applies (80% of the machine's memory). Set, it is an amount with a unit
DuckDB knows ("5GB", "6GiB", "512MB"); anything else is refused with a message that names the
setting and the rule, before any work. dbt's connection takes it through the plugin
(`market_sizing.dbt_plugin`), and the benchmark's direct run takes the same value, so both sit under
one limit.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

SETTING = "MARKET_SIZING_MEMORY_LIMIT"
AMOUNT = re.compile(r"\d+(?:\.\d+)?\s?(?:KB|MB|GB|TB|KiB|MiB|GiB|TiB)")


def memory_limit(environ: Mapping[str, str] = os.environ) -> str | None:
    """The limit to set, None when the setting is absent or blank; ValueError when it is malformed."""
    value = environ.get(SETTING, "").strip()
    if not value:
        return None
    if not AMOUNT.fullmatch(value):
        raise ValueError(
            f"{SETTING}={value} is not allowed (rule: an amount of memory with a unit, such as 5GB or 6GiB)"
        )
    return value
