"""A view closed before its mount handler ran does nothing there, and the app keeps running.

Found by the monkey test on the NSPCC data under load: a detail opened with Enter and closed by
the next key before it was mounted raised ``NoMatches: No nodes match 'SeriesTable'``.
"""

from __future__ import annotations

import pytest

from tests.ui.conftest import assert_running, settle, wait_for
from tui.app import OffenceApp
from tui.screens.base import ExplorerScreen
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.screens.multi_chart import MultiChartScreen


@pytest.mark.paints  # a crash class (issue 19): every frame drawn, as on a terminal
async def test_a_view_closed_before_it_was_mounted_does_not_crash(app: OffenceApp) -> None:
    """A detail, Compare and a multi-force chart, each pushed and popped in turn on one app."""
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        forces = app.screen
        assert isinstance(forces, ForcesScreen) and forces.context is not None
        context = forces.context
        views: dict[str, ExplorerScreen] = {
            "detail": ForceDetailScreen(context, context.data.find_force("Kent")),
            "compare": CompareScreen(context),
            "multi": MultiChartScreen(context, ["Kent", "Essex"]),
        }
        for which, view in views.items():
            # Pushed and popped in one go: the pop is handled before the view's Mount event.
            app.push_screen(view)
            app.pop_screen()
            await settle(pilot)
            assert_running(app, which)
            assert app.screen is forces, which
