"""Every Compare column says what it holds: the bar after Move had no header (trial 2 read
'▲█████' under nothing, at 120×40)."""

from __future__ import annotations

import re

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen


async def test_the_bar_column_is_headed(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "v")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_for(pilot, lambda: screen.comparison is not None, "the comparison")
        await settle(pilot)
        header = next(r for r in terminal_text(app).splitlines() if r.lstrip().startswith("Force"))
        assert re.search(r"Move\s+% bar$", header.rstrip()), header
