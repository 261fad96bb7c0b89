"""A key pressed again while its notice is shown does not stack a second, identical notice (``g``
with no force marked, ``[`` at the earliest year, a held key's repeats: one toast per press
covered the view). A different notice still shows beside it."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast

from tests.ui.conftest import settle
from tui.app import OffenceApp

pytestmark = pytest.mark.paints  # every frame drawn, as on a terminal (tests/conftest.py)

MARK_FIRST = "Mark forces with space first (up to 8)."


def toasts(pilot: Pilot[None]) -> list[str]:
    """The words of each notification drawn on the screen."""
    drawn: list[Widget] = [
        w for w in pilot.app.screen._compositor.visible_widgets if isinstance(w, Toast)
    ]
    return [str(w.render()).strip() for w in drawn]


async def test_a_notice_shown_again_is_not_stacked(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # from the search box to the table
        await settle(pilot)
        for _ in range(4):
            await pilot.press("g")  # the chart of marked forces, with none marked
            await settle(pilot)
        assert toasts(pilot) == [MARK_FIRST]
        pilot.app.notify("Another notice", timeout=30)
        await settle(pilot)
        assert sorted(toasts(pilot)) == sorted([MARK_FIRST, "Another notice"])
        await pilot.press("g")
        await settle(pilot)
        assert sorted(toasts(pilot)) == sorted([MARK_FIRST, "Another notice"])
