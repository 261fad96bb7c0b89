"""The importer stays headless and its fixtures stay small."""

from __future__ import annotations

import subprocess
import sys

from tests.importing.conftest import FIXTURES
from tests.unit.test_import_hygiene import ROOT


def test_importing_never_loads_textual() -> None:
    code = (
        "import tui.model.importing, tui.cli.imports, sys\n"
        "assert not [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert 'fastexcel' not in sys.modules  # loaded only when a workbook is read\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_import_cli_does_no_dataframe_work() -> None:
    text = (ROOT / "tui" / "cli" / "imports.py").read_text(encoding="utf-8")
    assert "polars" not in text and "pl." not in text


def test_fixtures_are_small() -> None:
    sizes = {p.name: p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file()}
    assert sizes and max(sizes.values()) < 300_000
