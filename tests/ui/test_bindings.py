"""Every binding has an id (so it can be remapped) and keys avoid swallowed ctrl-combinations."""

from __future__ import annotations

import json
from pathlib import Path

from textual.binding import Binding

from tests.ui.conftest import settle
from tui import screens, widgets
from tui.app import OffenceApp, make_app
from tui.screens import CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.picker import Picker, PickerInput
from tui.widgets.grid import Grid
from tui.widgets.search_bar import SearchInput
from tui.widgets.tables import VimTable


def all_bindings() -> list[tuple[str, Binding]]:
    classes = [OffenceApp, Grid, SearchInput, VimTable, HelpScreen, Picker, PickerInput]
    classes += [getattr(screens, n) for n in screens.__all__]
    classes += [getattr(widgets, n) for n in widgets.__all__]
    found = []
    for cls in dict.fromkeys(classes):  # each class once
        for b in cls.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding):
                found.append((cls.__name__, b))
    return found


def test_every_binding_has_a_unique_id() -> None:
    bindings = all_bindings()
    assert len(bindings) > 40
    missing = [(name, b.key) for name, b in bindings if not b.id]
    assert missing == []
    ids = [b.id for _, b in bindings]
    assert len(ids) == len(set(ids))


def test_no_ctrl_keys_of_our_own() -> None:
    assert [b.key for _, b in all_bindings() if "ctrl+" in b.key] == []


async def test_keymap_from_settings_remaps_a_key(settings_file: Path) -> None:
    settings_file.write_text(json.dumps({"keymap": {"compare": "M"}}), encoding="utf-8")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
