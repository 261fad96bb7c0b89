"""No key may crash the app: on every screen and dialog, press every key that is bound there.

The keys are read from the bindings themselves (the focused widget's, each of its containers', the
screen's and the app's), so a binding added later is pressed here without touching this file. After
each key the app must still be running and show the same screen, or the one the key's action opens
(a dialog, a view), or the one below when the action closes a view. A key whose action opens a
screen this file does not know about fails the test until ``OPENS`` says what it opens.

One app per place: keys are pressed one after another on it, each from the place as reached. Keys
that do the same thing there (bound to the same actions on the same nodes, and alike in typing a
character or not, such as ``escape``/``backspace`` for Back) are pressed once, by the first of
them; keys that may leave the place are pressed last, so it is reached again as rarely as can be.
``tests/ui/test_bindings.py`` checks statically that every binding names an action that exists.

After each key the screen is drawn as a terminal would be sent it: every region that changed
since the last key (the whole screen when a view or dialog opens), so a key that leaves a widget
unable to draw what it holds fails here. The frames in between (a key's intermediate repaints)
are not drawn (``tests/conftest.py``); the monkey's tests and ``make soak`` draw every frame.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from tests.conftest import refresh_unpainted, write_dataset
from tests.ui.conftest import assert_running, burst, key_character, settle
from tui.app import OffenceApp, make_app
from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.confirm import ConfirmDialog, QuitDialog
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.detail import ForceDetailScreen
from tui.screens.diff_view import DiffScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen
from tui.screens.import_screen import ImportScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.screens.picker import Picker, PickerInput
from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_table import ForceTableView
from tui.widgets.search_bar import SearchInput

OPENS: dict[str, tuple[type[Screen[Any]], ...]] = {
    "help": (HelpScreen,),
    "confirm_quit": (QuitDialog,),
    "pick_offence": (Picker,),
    "pick_dataset": (DatasetPicker,),
    "pick_year": (Picker,),
    "compare": (CompareScreen,),
    "forces": (ForcesScreen,),
    "export": (ExportDialog,),
    "import_file": (ImportScreen,),
    "remove": (ConfirmDialog,),
    "command_palette": (CommandPalette,),
    "map": (MapScreen,),
    "cite": (CiteDialog,),
    "reproduce": (CiteDialog,),
    "chart_marked": (MultiChartScreen,),
    "chart_peers": (MultiChartScreen,),
    "diff": (DiffScreen,),
    # Enter on a table row or in the search box opens the force's detail.
    "select": (ForceDetailScreen,),
    "select_cursor": (ForceDetailScreen,),
    "submit": (ForceDetailScreen,),
}
"""What each action opens (by action name, without namespace or arguments)."""

CLOSES = {"cancel", "back", "close", "answer", "escape", "select", "submit", "import_file"}
"""Actions after which the screen below may show (a dialog answered or a view left)."""


@dataclass(frozen=True)
class Place:
    """A screen (and the widget with focus) reached from a fresh Forces view by ``keys``."""

    name: str
    keys: tuple[str, ...]
    screen: type[Screen[Any]]
    focus: type[Widget] | None = None
    screen_id: str | None = None


PLACES = [
    Place("forces, search box", (), ForcesScreen, SearchInput),
    Place("forces, table", ("down",), ForcesScreen, ForceTableView),
    Place("detail of a force", (*"kent", "enter"), ForceDetailScreen),
    Place("detail of the national total", ("down", "home", "enter"), ForceDetailScreen),
    Place("compare", ("down", "v"), CompareScreen, CompareTableView),
    Place("compare, year A picker", ("down", "v", "a"), Picker, screen_id="pick-year-a"),
    Place("help", ("down", "question_mark"), HelpScreen),
    Place("offence picker", ("down", "o"), Picker, PickerInput, screen_id="pick-offence"),
    Place("dataset picker", ("down", "d"), DatasetPicker),
    Place("export dialog", ("down", "e"), ExportDialog),
    Place("import screen", ("down", "I"), ImportScreen),
    Place("confirm dialog (remove a dataset)", ("down", "d", "end", "x"), ConfirmDialog),
    Place("command palette", ("ctrl+p",), CommandPalette),
    Place("quit dialog", ("down", "q"), QuitDialog),
]


def user_store() -> Path:
    """The imported-datasets folder of this test (see ``tests/conftest.py``)."""
    return Path(os.environ["OFFENCE_EXPLORER_DATA_DIR"]) / "datasets"


def action_name(action: str) -> str:
    """``"app.pick_year('a')"`` → ``"pick_year"``."""
    return re.sub(r"\(.*\)$", "", action).rsplit(".", 1)[-1]


def binding_chain(app: OffenceApp) -> list[DOMNode]:
    """The focused widget and every node above it up to the app (the screen and app if none)."""
    screen = app.screen
    focused = screen.focused
    if focused is None:
        return [screen, app]
    return list(focused.ancestors_with_self)


def declared_keys(app: OffenceApp) -> list[str]:
    """Every key bound along the binding chain, as declared (even keys an input box types)."""
    keys: dict[str, None] = {}
    for node in binding_chain(app):
        for key, _binding in node._bindings:
            keys[key] = None
    return list(keys)


def behaviour(app: OffenceApp, key: str) -> tuple[object, ...]:
    """What pressing ``key`` does here: the bindings it runs along the chain (each node with its
    action string, arguments included) and whether it types a character into an input box."""
    bound = tuple(
        (id(node), binding.action)
        for node in binding_chain(app)
        for binding in node._bindings.key_to_bindings.get(key, [])
    )
    character = key_character(key)
    return (bound, character is not None and character.isprintable())


def keys_to_press(app: OffenceApp) -> list[str]:
    """One key for each distinct behaviour here, the keys that may leave the place last."""
    chosen: dict[tuple[object, ...], str] = {}
    for key in declared_keys(app):
        chosen.setdefault(behaviour(app, key), key)
    keys = list(chosen.values())
    return sorted(keys, key=lambda key: bool(actions_of(app, key) & (CLOSES | set(OPENS))))


def actions_of(app: OffenceApp, key: str) -> set[str]:
    """The names of the actions ``key`` is bound to along the binding chain."""
    return {
        action_name(binding.action)
        for node in binding_chain(app)
        for binding in node._bindings.key_to_bindings.get(key, [])
    }


def allowed_after(
    actions: set[str], here: type[Screen[Any]], below: type[Screen[Any]] | None
) -> set[type[Screen[Any]]]:
    """The screens that may show after a key bound to ``actions`` is pressed on ``here``."""
    allowed: set[type[Screen[Any]]] = {here}
    for action in actions:
        allowed.update(OPENS.get(action, ()))
    if below is not None and actions & CLOSES:
        allowed.add(below)
    return allowed


TINY = [{"force": "Kent", "offence_code": "1", "offence": "Murder", "year": 2020, "count": 3}]
"""An imported dataset, so that the dataset picker has one to remove (and asks first)."""


async def reach(pilot: Pilot[None], place: Place) -> None:
    """Back to a fresh Forces view with the cursor in the search box, then go to ``place``."""
    app = pilot.app
    store = user_store()
    if not (store / "tiny.json").exists():
        write_dataset(store, "tiny", TINY)  # a "yes" in the confirm dialog removed it
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    search = app.screen.query_one(SearchInput)
    search.value = ""
    search.focus()
    await settle(pilot)
    for key in place.keys:
        if len(key) == 1 and isinstance(app.screen.focused, SearchInput):  # typed in the box
            burst(pilot, key)
            continue
        await pilot.press(key)
        await settle(pilot)
    screen = app.screen
    assert isinstance(screen, place.screen), f"{place.name}: reached {screen!r}"
    if place.screen_id is not None:
        assert screen.id == place.screen_id
    if place.focus is not None:
        assert isinstance(screen.focused, place.focus), f"{place.name}: focus {screen.focused!r}"


async def back_to(
    pilot: Pilot[None], place: Place, screen: Screen[Any], focused: Widget | None
) -> None:
    """Back to ``place`` as it was: close what a key opened on top of it and give the focus back,
    or, when the key closed it, reach it again."""
    app = pilot.app
    if app.screen is screen and screen.focused is focused:
        return
    if screen in app.screen_stack:
        while app.screen is not screen:
            await app.pop_screen()
        if focused is not None and focused.is_attached:
            focused.focus()
        await settle(pilot)
        if app.screen is screen and screen.focused is focused:
            return
    await reach(pilot, place)


UNDRAWN: dict[Screen[Any], set[Region]] = {}
"""What each screen has changed since it was last drawn (a screen closed is forgotten)."""

_draw = Screen._compositor_refresh


def _refresh_later(screen: Screen[Any]) -> None:
    """A frame the app asks for is not drawn now: its regions wait for :func:`draw`."""
    if screen is screen.app.screen:
        UNDRAWN.setdefault(screen, set()).update(screen._compositor._dirty_regions)
    refresh_unpainted(screen)


def draw(app: OffenceApp) -> None:
    """Draw every region of the screen shown that changed since it was last drawn, with
    Textual's own renderer, as a terminal is sent them (a drawing error raises)."""
    screen = app.screen
    screen._compositor._dirty_regions.update(UNDRAWN.pop(screen, set()))
    _draw(screen)


@pytest.fixture
def draws_after_each_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(Screen, "_compositor_refresh", _refresh_later)
    yield
    UNDRAWN.clear()


@pytest.fixture
def explorer(
    settings_file: Path, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[OffenceApp]:
    """The app, with one imported dataset (so a dataset can be removed), run from a temp folder
    (the export and import dialogs start in the current folder)."""
    write_dataset(store, "tiny", TINY)
    monkeypatch.chdir(tmp_path)
    yield make_app(settings_file=settings_file)


@pytest.mark.parametrize("place", PLACES, ids=[p.name for p in PLACES])
async def test_every_bound_key_keeps_the_app_running(
    explorer: OffenceApp, place: Place, monkeypatch: pytest.MonkeyPatch, draws_after_each_key: None
) -> None:
    app = explorer
    quits: list[object] = []
    monkeypatch.setattr(app, "exit", lambda *args, **kwargs: quits.append(args))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await reach(pilot, place)
        keys = keys_to_press(app)
        assert keys, f"no key is bound on {place.name}"
        pressed = []
        screen, focused = app.screen, app.screen.focused
        for key in keys:
            await back_to(pilot, place, screen, focused)  # each key from the place as reached
            screen, focused = app.screen, app.screen.focused
            below = type(app.screen_stack[-2]) if len(app.screen_stack) > 1 else None
            actions = actions_of(app, key)
            await pilot.press(key)
            await settle(pilot)
            pressed.append(key)
            assert_running(app, f"{key} on {place.name}")
            draw(app)  # what the key changed on the screen
            if quits:
                assert "quit" in actions, f"{key} on {place.name} quit the app ({actions})"
                quits.clear()
            allowed = allowed_after(actions, type(screen), below)
            assert isinstance(app.screen, tuple(allowed)), (
                f"{key} on {place.name} showed {app.screen!r}; its actions {sorted(actions)} "
                f"may show {sorted(c.__name__ for c in allowed)}"
            )
        assert len(pressed) == len(keys)


async def test_quit_from_the_table_exits_cleanly(app: OffenceApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "q", "q")  # q asks first; q again quits
        await pilot.pause()
    assert app.return_code == 0 and app._exception is None
