"""Imports run one way: content <- options <- navigator (STYLE.md, section 1)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAY_NOT_IMPORT = {"content": {"options", "navigator"}, "options": {"navigator"}}


def imported_apps(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):  # every import, at the top of a module or inside a function
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("app", sorted(MAY_NOT_IMPORT))
def test_lower_apps_do_not_import_the_apps_above_them(app):
    offending = [
        (str(path.relative_to(ROOT)), imported)
        for path in sorted((ROOT / app).rglob("*.py"))
        for imported in imported_apps(path)
        if imported in MAY_NOT_IMPORT[app]
    ]
    assert not offending
