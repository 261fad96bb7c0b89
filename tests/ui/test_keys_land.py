"""Keys land where they were typed (issue 20): after ``/`` every key goes to the search box until
the user leaves it, however fast the keys arrive (a paste, SSH lag, a script), and in every table
view ``/`` finds a force instead of the letters acting as commands.

The keys are sent in one burst (``burst``: none is handled before the next arrives), as the
terminal delivers a paste; ``/leic`` sent so once opened Export instead of searching.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.conftest import burst, settle
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.grid import Grid
from tui.widgets.search_bar import SearchBar, SearchInput


async def test_slash_then_a_burst_searches_the_forces_and_compare(app: OffenceApp) -> None:
    """One app: ``/kent`` typed in the empty search box at start; emptied, ``/leic`` from the
    table; then in Compare, ``/nha``."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await slash_in_the_empty_search_box_starts_the_search(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        screen.query_one(SearchInput).value = ""
        await settle(pilot)
        await pilot.press("down")  # to the table: letters are commands there
        await settle(pilot)
        burst(pilot, "slash", "l", "e", "i", "c")
        await settle(pilot)
        assert app.screen is screen, app.screen  # not the Export dialog
        assert screen.query_one(SearchBar).value == "leic"
        assert screen.query_one("#forces-table", Grid).current_key == "Leicestershire"
        await slash_in_compare_finds_a_force_typed_in_a_burst(pilot)


async def slash_in_the_empty_search_box_starts_the_search(pilot: Pilot[None]) -> None:
    """The view opens with the keys in its search box: "/kent" typed there searched for
    "/kent" and found nothing (the first force a new user marked was England and Wales)."""
    app = pilot.app
    burst(pilot, "slash", "k", "e", "n", "t")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ForcesScreen)
    assert screen.query_one(SearchBar).value == "kent"
    assert screen.query_one("#forces-table", Grid).current_key == "Kent"
    burst(pilot, "slash")  # within a search it is typed (a box's text is the user's)
    await settle(pilot)
    assert screen.query_one(SearchBar).value == "kent/"


async def slash_in_compare_finds_a_force_typed_in_a_burst(pilot: Pilot[None]) -> None:
    """``nha`` toggled BTP (n) and opened the year picker (a)."""
    app = pilot.app
    await pilot.press("down", "v")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    national = screen.context.include_national if screen.context else None
    burst(pilot, "slash", "n", "h", "a")
    await settle(pilot)
    assert isinstance(app.screen, CompareScreen)  # no year picker
    assert screen.context is not None and screen.context.include_national == national
    grid = screen.query_one(Grid)
    assert grid.current_key == "Northamptonshire"
    assert isinstance(screen.focused, Input)
    assert isinstance(app.screen, CompareScreen)
    found = grid.cursor
    burst(pilot, "escape", "down")  # leave the box: the keys are the table's again
    await settle(pilot)
    assert app.screen.focused is grid
    assert grid.cursor == found + 1
