"""A list's ends are ends (issue 20): ↑ on the first dataset went round to the last one, and ↓ on
the last back to the first, so a user going up to the top found the highlight at the bottom."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.ui.conftest import settle
from tui.app import OffenceApp


async def test_up_at_the_top_and_down_at_the_bottom_stay(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "d")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.option_count > 2
        options.highlighted = 0
        await pilot.press("up", "k")
        await settle(pilot)
        assert options.highlighted == 0
        last = options.option_count - 1
        options.highlighted = last
        await pilot.press("down", "j")
        await settle(pilot)
        assert options.highlighted == last
        await pilot.press("up")
        await settle(pilot)
        assert options.highlighted == last - 1
