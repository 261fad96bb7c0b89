"""A dataset by council area (Recorded Crime in Scotland) says "council area", not "force"
(issue 20): its tables were headed "Force" and Fife was "Rank 1 of 32 forces"."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, wait_for
from tui.app import make_app
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.widgets.grid import Grid


async def test_scotland_names_its_rows_council_areas(settings_file: Path) -> None:
    app = make_app(dataset="scotland", settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#forces-table", Grid).columns[0].label == "Council area"
        await pilot.press(*"fife", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        facts = " ".join(str(screen.query_one("#detail-facts").render()).split())
        assert "of 32 council areas with a figure" in facts, facts
        await pilot.press("escape", "down", "v")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
        await settle(pilot)
        assert app.screen.query_one(Grid).columns[0].label == "Council area"


async def test_the_home_office_data_still_says_force(settings_file: Path) -> None:
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#forces-table", Grid).columns[0].label == "Force"
