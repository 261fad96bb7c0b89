"""Compare against a partial year computes no change, so its status never claims a sort by one.

Found in the new-user trial: 2021/22 → 2023/24 Q1 said "sorted by % change ▼" while every % was
"—" and the rows were in Q1 count order.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import compare_years, settle, wait_for
from tui.app import OffenceApp
from tui.model.results.compare_order import sort_rows
from tui.screens.compare import CompareScreen
from tui.widgets.force_grid import SortState


async def test_a_partial_year_compare_says_it_is_in_year_b_order(oct23_app: OffenceApp) -> None:
    app = oct23_app
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await compare_years(pilot, 2021, 2023)
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


async def test_a_partial_year_against_a_full_one_ranks_nothing(app: OffenceApp) -> None:
    """2024/25 against 2025/26 Q1-Q3 (the Apr 2026 release has three quarters of 2025/26) ranked
    every force by its Q1-Q3 count beside the full year's counts (issue 20): a partial year is
    never compared silently. Like-for-like (Q1-Q3 of both years) ranks, and says so; the CLI
    agrees on both. Its status line says no change is tested, rather than "~ 0 within chance"
    (the fresh-eyes trial read that as if 43 changes had been tested), and so does the line
    under the table; like-for-like tests the changes."""
    from tests.ui.conftest import terminal_text
    from tests.ui.test_journeys import cli_json
    from tui.widgets.compare_table import CompareTableView

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await compare_years(pilot, 2024, 2025)
        await wait_for(pilot, lambda: "2025/26 Q1-Q3" in terminal_text(app), "the table")
        assert screen.comparison is not None
        assert all(r.rank_b is None and r.rank_a is None for r in screen.comparison.rows)
        met = screen.query_one(CompareTableView).row_text("Metropolitan Police")
        assert met["rank"] == "—" and met["b"] == "2,451", met  # (the Apr 2026 release's Q1-Q3)
        assert "no change or rank computed" in terminal_text(app)
        await pilot.resize_terminal(200, 40)  # the status and interval lines whole
        await settle(pilot)
        status, interval = await no_change_tested(pilot, screen)
        await pilot.press("l")
        await wait_for(
            pilot,
            lambda: screen.comparison is not None and screen.comparison.quarters is not None,
            "like-for-like",
        )
        await wait_for(pilot, lambda: "like-for-like" in terminal_text(app), "its header")
        assert screen.comparison is not None
        await wait_for(pilot, lambda: "within chance" in str(status.render()), "the test")
        assert "no change tested" not in str(status.render())
        tui_ranks = {r.force.name: r.rank_b for r in screen.comparison.rows if r.rank_b}
        assert tui_ranks["Metropolitan Police"] == 1 and len(tui_ranks) == 43
    unlike = cli_json("compare", "2024/25", "2025/26")
    assert unlike and all(r["rank_b"] is None and r["rank_change"] is None for r in unlike)
    like = cli_json("compare", "2024/25", "2025/26", "--like-for-like")
    assert {r["force"]: r["rank_b"] for r in like if r["rank_b"] is not None} == tui_ranks


def test_the_partial_year_warning_reads_as_one_in_ascii() -> None:
    """In ASCII mode Compare's "⚠ partial year: no change computed" was drawn "? partial year":
    a question, not a warning."""
    from tui.widgets.ascii_filter import ascii_cells

    assert ascii_cells("⚠ partial year") == "! partial year"


async def no_change_tested(pilot: Pilot[None], screen: CompareScreen) -> tuple[Static, Static]:
    """Compare against a partial year tests no change, and its status line says so rather than
    "~ 0 within chance"; the row under the cursor's interval line gives the reason too. Returns
    the two lines."""
    status = screen.query_one("#compare-status", Static)
    await wait_for(pilot, lambda: "sorted by" in str(status.render()), "the status line")
    text = str(status.render())
    assert "no change tested: 2025/26 has Q1-Q3 only (l: like-for-like)" in text, text
    assert "within chance" not in text, text
    interval = screen.query_one("#compare-interval", Static)
    await wait_for(pilot, lambda: "no 95% interval" in str(interval.render()), "its line")
    assert "(no change tested: 2025/26 has Q1-Q3 only; l: like-for-like)" in str(interval.render())
    return status, interval
