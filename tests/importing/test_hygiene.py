"""The importer stays headless and its fixtures stay small."""

from __future__ import annotations

from tests.importing.conftest import FIXTURES
from tests.unit.test_import_hygiene import ROOT

# That importing never loads Textual, nor fastexcel until a workbook is read, is checked with
# every module of the model in one process: tests/unit/test_import_hygiene.py.


def test_import_cli_does_no_dataframe_work() -> None:
    text = (ROOT / "tui" / "cli" / "imports.py").read_text(encoding="utf-8")
    assert "polars" not in text and "pl." not in text


def test_fixtures_are_small() -> None:
    sizes = {p.name: p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file()}
    assert sizes and max(sizes.values()) < 300_000
