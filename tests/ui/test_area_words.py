"""A dataset by council area (Recorded Crime in Scotland) says "council area", not "force"
(issue 20): its tables were headed "Force" and Fife was "Rank 1 of 32 forces"."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tui.app import make_app
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.widgets.grid import Grid
from tui.widgets.search_bar import SearchInput


async def test_scotland_names_its_rows_council_areas(settings_file: Path) -> None:
    """One app on Scotland's data at 80×24: its Forces table, Fife's detail, Compare.

    The search box said "type to find a force" and the ``/`` key "Find a force" above a table of
    council areas (issue 20, the new-user trial). Its Trend column was 27 wide (1996/97–2022/23,
    thirteen of them blank: the category is recorded from 2009/10) and pushed % change off
    screen at 80×24."""
    app = make_app(dataset="scotland", settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#forces-table", Grid).columns[0].label == "Council area"
        painted = terminal_text(app)
        assert "type to find a council area" in painted, painted
        assert "force" not in app.screen.query_one(SearchInput).placeholder
        lines = painted.splitlines()
        header = next(line for line in lines if line.lstrip().startswith("Council area"))
        assert "Change" in header and " % " in header and "2022/23" in header, header
        fife = next(line for line in lines if line.lstrip().startswith("Fife "))
        # Fife 50 -> 73 (ox show fife --dataset scotland): +23, +46.0%
        assert "+23" in fife and "+46.0%" in fife and fife.rstrip().endswith("73"), fife
        assert "trend 2009/10–2022/23" in "\n".join(lines[:3])

        await type_text(pilot, "fife")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        facts = " ".join(str(screen.query_one("#detail-facts").render()).split())
        assert "of 32 council areas with a figure" in facts, facts

        await pilot.press("escape", "down", "v")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
        await settle(pilot)
        assert app.screen.query_one(Grid).columns[0].label == "Council area"
        painted = terminal_text(app)
        assert "/ Find a council area" in painted and "Find a force" not in painted, painted
        await pilot.press("slash")
        await settle(pilot)
        assert "find a council area" in terminal_text(app)


async def test_the_home_office_data_still_says_force(settings_file: Path) -> None:
    """Its table, its search box and Compare's ``/`` key say "force"."""
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#forces-table", Grid).columns[0].label == "Force"
        assert "type to find a force (name, alias, ONS code)" in terminal_text(app)
        await pilot.press("down", "v")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
        await settle(pilot)
        assert "/ Find a force" in terminal_text(app)
