"""Compare against a partial year tests no change, and its status line says so rather than
"~ 0 within chance" (issue 20, the fresh-eyes trial: 2024/25 → 2025/26 Q1-Q3, where every change
is "—", read "~ 0 within chance (exact Poisson test, 95%)" as if 43 changes had been tested)."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.conftest import wait_for
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen


async def test_a_partial_year_says_no_change_is_tested(app: OffenceApp) -> None:
    async with app.run_test(size=(200, 40)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        forces = app.screen
        assert isinstance(forces, ForcesScreen) and forces.context is not None
        await app.push_screen(CompareScreen(forces.context, years=(2024, 2025)))
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_for(pilot, lambda: screen.comparison is not None, "the comparison")
        status = screen.query_one("#compare-status", Static)
        await wait_for(pilot, lambda: "sorted by" in str(status.render()), "the status line")
        text = str(status.render())
        assert "no change tested: 2025/26 has Q1-Q3 only (l: like-for-like)" in text, text
        assert "within chance" not in text, text
        # The row under the cursor's interval line gives the reason too.
        interval = screen.query_one("#compare-interval", Static)
        await wait_for(pilot, lambda: "no 95% interval" in str(interval.render()), "its line")
        assert "(no change tested: 2025/26 has Q1-Q3 only; l: like-for-like)" in str(
            interval.render()
        )
        await pilot.press("l")  # like-for-like: Q1-Q3 of both years, tested
        await wait_for(
            pilot,
            lambda: screen.comparison is not None and screen.comparison.quarters is not None,
            "like-for-like",
        )
        await wait_for(pilot, lambda: "within chance" in str(status.render()), "the test")
        assert "no change tested" not in str(status.render())
