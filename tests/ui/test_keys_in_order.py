"""A text box's editing keys act in the order they were typed, however fast they come (issue 20).

Keys sent in one burst (``burst``: all of them queued before the first is handled, as a terminal
delivers a paste or keys over a slow SSH link) reached Textual's ``Input`` in order, but its bound
keys (Backspace, Ctrl+U, ←, Home...) ran only after the letters behind them: ``x`` Backspace
``kent`` searched for ``xken``, ``abc`` Backspace×3 ``kent`` for ``abck``, ``xyz`` Ctrl+U
``avon`` left the box empty (Textual issue #6605). Every text box of the app is checked, the
palette's too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.conftest import burst, settle
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.grid import Grid
from tui.widgets.in_order_input import InOrderInput
from tui.widgets.search_bar import SearchInput

TYPED = [
    (("x", "backspace", *"kent"), "kent"),
    (("a", "b", "c", "backspace", "backspace", "backspace", *"kent"), "kent"),
    (("x", "y", "z", "ctrl+u", *"avon"), "avon"),
    (("e", "n", "t", "home", "k"), "kent"),
    (("k", "n", "t", "left", "left", "e"), "kent"),
    (("k", "e", "n", "t", "x", "y", "left", "left", "delete", "delete"), "kent"),
]
"""Keys typed in one burst into an empty box, and what the box holds after them."""

BOXES = {
    "forces search": (),  # the Forces view opens with the keys in its search box
    "compare /": ("down", "v", "slash"),
    "offence picker": ("down", "o"),
    "detail /": ("down", "enter", "slash"),
    "palette": ("ctrl+p",),
    "export path": ("down", "e"),
    "import path": ("down", "I"),
}
"""How to open each text box the app has, from the start."""


async def test_editing_keys_in_a_burst_act_in_order(app: OffenceApp) -> None:
    """One app: each box of ``BOXES`` opened in turn from Forces (its search box emptied and
    focused, as at start), every burst of ``TYPED`` typed into it (each check names the box).
    Compare, opened for its ``/`` box, is first checked as it opened: its ``/`` left with Enter
    in the same burst (below), then ``/`` opens the box for the bursts."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for where, opening in BOXES.items():
            await back_to_forces(pilot)
            for key in opening:
                if (where, key) == ("compare /", "slash"):
                    await a_find_left_with_enter_in_the_same_burst_finds_what_was_typed(pilot)
                await pilot.press(key)
                await settle(pilot)
            box = app.screen.focused
            assert isinstance(box, Input), (where, box)
            for keys, expected in TYPED:
                box.value = ""  # (the export and import boxes start with a path)
                await settle(pilot)
                burst(pilot, *keys)
                await settle(pilot)
                assert app.screen.focused is box, (where, keys)
                assert box.value == expected, (where, keys)


async def back_to_forces(pilot: Pilot[None]) -> None:
    """Back to Forces (from a box and the view it is in), its search box empty and focused, as
    at start."""
    app = pilot.app
    for _ in range(6):
        if isinstance(app.screen, ForcesScreen):
            break
        await pilot.press("escape")
        await settle(pilot)
    forces = app.screen
    assert isinstance(forces, ForcesScreen), forces
    search = forces.query_one(SearchInput)
    search.value = ""
    search.focus()
    await settle(pilot)


def test_every_text_box_of_the_app_types_in_order() -> None:
    """Every ``Input`` the app makes or subclasses is an :class:`InOrderInput` (the palette's is
    ``InOrderCommandInput``, checked by the test above)."""
    tui = Path(__file__).parents[2] / "tui"
    plain = []
    for path in sorted(tui.rglob("*.py")):
        if path.name == "in_order_input.py":  # (where the two subclasses are made)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                names, line = [node.func], node.lineno
            elif isinstance(node, ast.ClassDef):
                names, line = list(node.bases), node.lineno
            else:
                continue
            for name in names:
                named = name.id if isinstance(name, ast.Name) else getattr(name, "attr", "")
                if named in ("Input", "CommandInput"):
                    plain.append(f"{path.relative_to(tui.parent)}:{line}")
    assert plain == [], plain
    assert issubclass(InOrderInput, Input)


async def a_find_left_with_enter_in_the_same_burst_finds_what_was_typed(
    pilot: Pilot[None],
) -> None:
    """Compare's ``/`` box leaves with Enter as Enter arrives (a priority binding), before the
    keys ahead of it have been typed: a Backspace among them then found the table focused, and
    was lost ("abc", Backspace×3, "kent" looked for "abckent"). Compare as it opened (↓ v
    from Forces), its table focused and not on Kent."""
    app = pilot.app
    grid = app.screen.query_one(Grid)
    assert isinstance(app.screen, CompareScreen) and app.screen.focused is grid
    assert grid.current_key != "Kent"
    burst(pilot, "slash", *"abc", *["backspace"] * 3, *"kent", "enter")
    await settle(pilot)
    assert app.screen.focused is grid
    assert grid.current_key == "Kent"
