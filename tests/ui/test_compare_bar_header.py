"""Every Compare column says what it holds: the bar after Move had no header (trial 2 read
'▲█████' under nothing, at 120×40)."""

from __future__ import annotations

import re

from tests.ui.conftest import open_compare, terminal_text
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen


async def test_the_bar_column_is_headed(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(await open_compare(pilot), CompareScreen)
        header = next(r for r in terminal_text(app).splitlines() if r.lstrip().startswith("Force"))
        assert re.search(r"Move\s+% bar$", header.rstrip()), header
