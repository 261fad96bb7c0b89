"""After a dataset is chosen over Forces, the keys go to the search box as at start (issue 20):
the focus went back to the table, where typing ``northants`` ran n, o, r, t… as commands."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.ui.conftest import settle, wait_for
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.forces import ForcesScreen
from tui.widgets.search_bar import SearchInput


async def choose(app: OffenceApp, name: str) -> None:
    """Choose ``name`` in the open dataset list (as ↓… Enter)."""
    picker = app.screen
    assert isinstance(picker, DatasetPicker)
    options = picker.query_one(OptionList)
    options.highlighted = [c.value for c in picker._shown].index(name)
    options.action_select()


async def test_typing_after_choosing_a_dataset_searches(app: OffenceApp) -> None:
    """One app: Scotland chosen over Forces, then the 2023 release chosen over Compare (below)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "d")  # from the table, as the list opens
        await wait_for(pilot, lambda: isinstance(app.screen, DatasetPicker), "the dataset list")
        await choose(app, "scotland")
        await wait_for(
            pilot, lambda: app.dataset is not None and app.dataset.name == "scotland", "Scotland"
        )
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        assert isinstance(app.focused, SearchInput), app.focused
        await pilot.press(*"fife")
        await settle(pilot)
        assert isinstance(app.focused, SearchInput) and app.focused.value == "fife"
        assert isinstance(app.screen, ForcesScreen)  # no view opened, no export
        assert screen.filtered and screen.filtered[0].row.force.name == "Fife"
        await a_view_in_front_keeps_its_focus(pilot)


async def a_view_in_front_keeps_its_focus(pilot: Pilot[None]) -> None:
    """Compare in front: the new dataset's Compare keeps the keys (Forces is not shown)."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    await pilot.press("down", "v")
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
    focused = app.focused
    await pilot.press("d")
    await wait_for(pilot, lambda: isinstance(app.screen, DatasetPicker), "the dataset list")
    await choose(app, "homeoffice-2023-10")
    await wait_for(
        pilot,
        lambda: app.dataset is not None and app.dataset.name == "homeoffice-2023-10",
        "the 2023 release",
    )
    assert isinstance(app.screen, CompareScreen) and app.focused is focused
