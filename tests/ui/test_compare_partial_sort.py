"""Compare against a partial year computes no change, so its status never claims a sort by one.

Found in the new-user trial: 2021/22 → 2023/24 Q1 said "sorted by % change ▼" while every % was
"—" and the rows were in Q1 count order.
"""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.conftest import wait_for
from tui.app import OffenceApp
from tui.model.results.compare_order import sort_rows
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.force_grid import SortState


async def test_a_partial_year_compare_says_it_is_in_year_b_order(oct23_app: OffenceApp) -> None:
    app = oct23_app
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        forces = app.screen
        assert isinstance(forces, ForcesScreen) and forces.context is not None
        await app.push_screen(CompareScreen(forces.context, years=(2021, 2023)))
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_for(pilot, lambda: screen.comparison is not None, "the comparison")
        screen.sort = SortState("pct", True)  # as after s: a sort by % change
        screen._show_comparison()
        status = screen.query_one("#compare-status", Static)
        await wait_for(pilot, lambda: "sorted by" in str(status.render()), "the status line")
        text = str(status.render())
        assert "no change to sort by: partial year" in text
        assert "sorted by % change" not in text
        # The rows are in year B's order: 2023/24 Q1 counts never rise down the table.
        assert screen.comparison is not None
        rows = sort_rows(screen.comparison.rows, "pct", True, "count")
        counts = [r.count_b for r in rows if r.count_b is not None]
        assert len(counts) > 40 and counts == sorted(counts, reverse=True)
