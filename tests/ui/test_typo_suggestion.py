"""A misspelt force in the search box or the palette is suggested as ``ox show`` suggests it
("kentt" → Kent): the status line says "did you mean Kent?" and Enter opens it.

Which force a typo means, and the status line that says so, are pure functions
(``nearest_force``, ``forces_status``), tested here on the bundled table; typos are typed into
one app to see the status line show them and Enter open the force."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.command import CommandList, CommandPalette

from tests.ui.conftest import settle, type_text, wait_for
from tui.app import OffenceApp
from tui.model.data.dataset import load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.results.ordering import nearest_force
from tui.model.results.types import ForceTable
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.forces_status import forces_status
from tui.widgets.search_bar import SearchInput


def _status(app: OffenceApp) -> str:
    return str(app.screen.query_one("#forces-status").render())


@pytest.fixture(scope="module")
def code_86() -> ForceTable:
    ho = load_dataset("homeoffice")
    return force_table(ho, pick_offence(ho, "86"))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("kentt", "Kent"), ("northamptonshier", "Northamptonshire"), ("norhtamp", "Northamptonshire")],
)
def test_a_misspelt_search_suggests_the_force(code_86: ForceTable, typed: str, meant: str) -> None:
    near = nearest_force(code_86.rows, typed)
    assert near is not None and near.name == meant
    status = forces_status(
        code_86.rows, 0, typed, sort_label="2022/23", include_national=False, suggestion=meant
    )
    assert status.startswith(f"no force matches '{typed}' — did you mean {meant}? (Enter opens it")


def test_nothing_near_is_suggested_for_no_force(code_86: ForceTable) -> None:
    assert nearest_force(code_86.rows, "zzzz") is None
    status = forces_status(code_86.rows, 0, "zzzz", sort_label="2022/23", include_national=False)
    assert status.startswith("no force matches 'zzzz' (Esc clears)")


PALETTE_HITS = [
    ("kentt", "Force: Kent"),
    ("norhtamp", "Force: Northamptonshire"),
    # Issue 20: "indecent" offered "Causing death by careless or inconsiderate driving".
    ("indecent", "Offence: code 86"),
    ("iioc", "Offence: code 86"),
    ("child abuse images", "Offence: code 86"),
]
"""What the palette offers first for a typo of a force's name, and for the words researchers use
for code 86."""


async def test_typos_in_the_search_box_the_palette_and_the_offence_picker(
    app: OffenceApp,
) -> None:
    """One app, at 120×30: nothing near ``zzzz`` is suggested (Enter opens nothing); the palette
    offers the force a typo means and code 86 for its words (each query typed into a freshly
    opened palette); at 80×24 the offence picker says when a term is no offence code (issue 20:
    "domestic abuse" found nothing and said nothing; it is a flag, not a code); then ``kentt``:
    the status line suggests Kent, and Enter opens it."""
    from textual.widgets import Label

    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        forces = app.screen
        assert isinstance(forces, ForcesScreen)
        search = forces.query_one(SearchInput)
        await type_text(pilot, "zzzz")
        assert "no force matches 'zzzz' (Esc clears)" in _status(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is forces

        search.value = ""
        await settle(pilot)
        await pilot.press("down")

        def first() -> str:
            options = app.screen.query_one(CommandList)
            if not options.option_count:
                return ""
            return str(options.get_option_at_index(0).prompt)

        def offers(meant: str) -> Callable[[], bool]:
            return lambda: first().startswith(meant)

        for typed, meant in PALETTE_HITS:
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
            await type_text(pilot, typed)
            await wait_for(pilot, offers(meant), f"{meant} for {typed!r}")
            while isinstance(app.screen, CommandPalette):
                await pilot.press("escape")
                await settle(pilot)

        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        forces.query_one("#forces-table").focus()
        await pilot.press("o")
        await wait_for(pilot, lambda: app.screen.id == "pick-offence", "the offence picker")
        await type_text(pilot, "domestic abuse")
        said = str(app.screen.query_one("#picker-help", Label).render())
        assert "Not an offence code" in " ".join(said.split())
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is forces, "Forces")

        await pilot.resize_terminal(120, 30)
        search.focus()
        await settle(pilot)
        await type_text(pilot, "kentt")
        assert app.screen is forces
        assert "no force matches 'kentt' — did you mean Kent? (Enter opens it" in _status(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ForceDetailScreen), "Kent's detail")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen) and screen.force.name == "Kent"
