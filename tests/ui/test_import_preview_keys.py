"""The import preview scrolls by keyboard (issue 20: at 80×24 it shows four lines and could not be
scrolled without a mouse): PgDn / PgUp scroll it from the path box."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from tests.ui.conftest import open_import_preview, settle
from tui.app import OffenceApp
from tui.screens import import_screen
from tui.widgets.path_input import PathInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


async def test_pgdn_and_pgup_scroll_the_import_preview_from_the_path_box(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_screen, "PREVIEW_DELAY", 0.01)  # the delay is not the point here
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import_preview(pilot, FIXTURES / "import" / "ho_201718.csv")
        box = screen.query_one("#import-preview-box", VerticalScroll)
        assert box.max_scroll_y > 0  # more than fits at 80×24
        assert isinstance(screen.focused, PathInput)
        await pilot.press("pagedown")
        await settle(pilot)
        assert box.scroll_y > 0
        assert isinstance(screen.focused, PathInput)  # still typing the path
        await pilot.press("pageup")
        await settle(pilot)
        assert box.scroll_y == 0
