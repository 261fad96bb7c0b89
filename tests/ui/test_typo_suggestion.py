"""A misspelt force in the search box or the palette is suggested as ``ox show`` suggests it
("kentt" → Kent): the status line says "did you mean Kent?" and Enter opens it.

Which force a typo means, and the status line that says so, are pure functions
(``nearest_force``, ``forces_status``), tested here on the bundled table; one typo is typed into
the app to see the status line show it and Enter open the force."""

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


async def test_the_status_line_suggests_the_force_and_enter_opens_it(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"kentt")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)
        assert "no force matches 'kentt' — did you mean Kent? (Enter opens it" in _status(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ForceDetailScreen), "Kent's detail")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen) and screen.force.name == "Kent"


async def test_nothing_near_is_not_suggested(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"zzzz")
        await settle(pilot)
        assert "no force matches 'zzzz' (Esc clears)" in _status(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)


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


async def test_the_palette_offers_the_force_a_typo_means_and_code_86_for_its_words(
    app: OffenceApp,
) -> None:
    """Each query typed into a freshly opened palette, in one app."""
    async with app.run_test(size=(120, 30)) as pilot:
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


async def test_the_offence_picker_says_when_a_term_is_no_offence_code(app: OffenceApp) -> None:
    """Issue 20: "domestic abuse" found nothing and said nothing; it is a flag, not a code."""
    from textual.widgets import Label

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "o")
        await wait_for(pilot, lambda: app.screen.id == "pick-offence", "the offence picker")
        await pilot.press(*"domestic abuse")
        await settle(pilot)
        said = str(app.screen.query_one("#picker-help", Label).render())
        assert "Not an offence code" in " ".join(said.split())
