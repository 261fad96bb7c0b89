"""A view closed before its mount handler ran does nothing there, and the app keeps running.

Found by the monkey test on the NSPCC data under load: a detail opened with Enter and closed by
the next key before it was mounted raised ``NoMatches: No nodes match 'SeriesTable'``.
"""

from __future__ import annotations

import pytest

from tests.ui.conftest import settle, wait_for
from tui.app import OffenceApp
from tui.screens.base import ExplorerScreen
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.screens.multi_chart import MultiChartScreen


@pytest.mark.parametrize("which", ["detail", "compare", "multi"])
async def test_a_view_closed_before_it_was_mounted_does_not_crash(
    app: OffenceApp, which: str
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        forces = app.screen
        assert isinstance(forces, ForcesScreen) and forces.context is not None
        context = forces.context
        view: ExplorerScreen
        if which == "detail":
            view = ForceDetailScreen(context, context.data.find_force("Kent"))
        elif which == "compare":
            view = CompareScreen(context)
        else:
            view = MultiChartScreen(context, ["Kent", "Essex"])
        # Pushed and popped in one go: the pop is handled before the view's Mount event.
        app.push_screen(view)
        app.pop_screen()
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.screen is forces
