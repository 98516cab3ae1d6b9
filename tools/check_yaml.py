"""YAML check (run by `make lint` and pre-commit): every YAML file parses and has no duplicate keys.

Usage: python tools/check_yaml.py [paths...] (default: every tracked-looking .yml/.yaml file).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

SKIPPED_DIRECTORIES = {
    ".venv",
    ".venv-spark",
    ".exports",
    "exports",
    "target",
    "dbt_packages",
    "logs",
    ".git",
    "node_modules",
}


class UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with the same key twice (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        keys: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"duplicate key {key!r}", key_node.start_mark
                )
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


def yaml_files(root: Path) -> list[Path]:
    return sorted(
        path
        for pattern in ("*.yml", "*.yaml")
        for path in root.rglob(pattern)
        if not SKIPPED_DIRECTORIES.intersection(path.relative_to(root).parts)
    )


def problem(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8") as handle:
            list(yaml.load_all(handle, Loader=UniqueKeyLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return f"{path}: {error}"
    return None


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or yaml_files(Path())
    found = [message for message in map(problem, paths) if message]
    for message in found:
        print(message)
    print(f"check_yaml: {len(paths)} files, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
