"""The rooms of ``tui/model`` (issue 22): each package says what lives there and imports nothing.

The import-linter contracts in ``pyproject.toml`` say which room may import which; this checks
what they cannot: a package ``__init__`` holds its docstring and nothing else (no imports, no
re-exports, no lazy ``__getattr__``), so importing one module of a room loads only what that
module needs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[2] / "tui" / "model"
PACKAGES = sorted(MODEL.rglob("__init__.py"))


def test_the_model_has_packages() -> None:
    assert MODEL / "__init__.py" in PACKAGES and MODEL / "importing" / "__init__.py" in PACKAGES


@pytest.mark.parametrize("init", PACKAGES, ids=lambda p: str(p.parent.relative_to(MODEL.parent)))
def test_a_package_init_is_its_docstring_alone(init: Path) -> None:
    tree = ast.parse(init.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and len(doc.split()) >= 20, f"{init}: say what lives here and what it may import"
    rest = tree.body[1:]
    assert not rest, f"{init}: only a docstring belongs here, not line {rest[0].lineno}"
