"""In ASCII mode the command palette's search icon is a ">" (Textual's magnifier, two cells
wide, was drawn "??" by the ASCII filter: "?? like" read as a question)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tui.app import make_app
from tui.commands import ExplorerPalette


@pytest.mark.parametrize("ascii_only", [True, False])
async def test_the_palette_icon_is_drawn_as_one_glyph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ascii_only: bool
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=tmp_path / "s.json", ascii_only=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerPalette), "the palette")
        await type_text(pilot, "like")
        await settle(pilot)
        box = next(row for row in terminal_text(app).splitlines() if "like" in row)
        if ascii_only:
            assert "??" not in box and box.split()[:2] == [">", "like"], box
        else:
            assert "🔎" in box, box
