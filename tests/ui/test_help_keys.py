"""Help and the palette are built from the bindings (issue 20: they missed D, Ctrl+U, Tab into
the facts panel, peers, quarters, like-for-like, marking): every binding of every view, dialog and
table is in the help, with an id, and the palette offers the keys of the view it was opened from.
"""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil

from rich.console import Console
from textual.binding import Binding
from textual.widgets import Static

import tui.screens
import tui.widgets
from tests.ui.conftest import settle
from tui.app import OffenceApp
from tui.commands import ExplorerCommands
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen, key_label


def own_bindings(cls: type) -> list[Binding]:
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def classes_with_keys() -> list[type]:
    """Every class in tui.screens and tui.widgets that declares bindings of its own."""
    found = []
    for package in (tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and own_bindings(cls):
                    found.append(cls)
    return found


def help_text(app: OffenceApp, *parts: str, width: int = 300) -> str:
    """The help's ``parts`` (widget ids) as plain text, ``width`` columns wide."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    for part in parts:
        console.print(app.screen.query_one(part, Static).content)
    return console.export_text()


def test_every_class_with_keys_has_a_help_section() -> None:
    from tui.screens.help_sections import SECTIONS

    listed = {cls for _, classes in SECTIONS for cls in classes}
    missing = [cls.__name__ for cls in classes_with_keys() if cls not in listed]
    assert missing == []


def test_no_section_lists_a_key_twice() -> None:
    """ "Esc Cancel" was listed twice under the export and import dialogs (both bind it)."""
    from tui.screens.help_sections import help_sections

    for title, bindings in help_sections([]):
        rows = [(b.key, b.description) for b in bindings if isinstance(b, Binding)]
        assert len(rows) == len(set(rows)), (title, rows)


async def test_help_lists_every_key_in_a_narrow_dialog_and_in_ascii_and_the_palette_the_views(
    app: OffenceApp,
) -> None:
    """One app (four tests before): the help lists every binding with its key; at 80×24 it
    describes every key (the trial: a section title in the key column, never wrapped, made that
    column as wide as the title, so the descriptions had no room and help listed bare keys); in
    ASCII mode it has no arrow glyphs; the palette offers the keys of the view."""
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app, "#help-keys")
        every: list[Binding] = [*OffenceApp.BINDINGS]  # type: ignore[list-item]
        every += [b for cls in classes_with_keys() for b in own_bindings(cls)]
        assert len(every) > 60
        for binding in every:
            assert binding.id, binding
            assert binding.description in text, binding
        rows = [" ".join(line.split()) for line in text.splitlines()]
        for key, what in [
            ("D", "What changed from it"),
            ("Ctrl+U", "Delete everything before the cursor"),
            ("Tab", "facts, recording events and peers"),
            ("p", "Years/quarters"),
            ("l", "Like-for-like"),
            ("Space", "Mark"),
            ("P", "Chart with peers"),
            ("/", "Find a force"),
        ]:
            assert any(r.startswith(f"{key} ") and what in r for r in rows), (key, what)
        assert key_label("ctrl+u") == "Ctrl+U"
        await pilot.press("escape")

        # A narrow dialog: at 80×24.
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), "help at 80x24"
        rows = [
            " ".join(line.split()) for line in help_text(app, "#help-keys", width=60).splitlines()
        ]
        assert "q Quit" in rows and "v Compare" in rows and "M Map" in rows
        await pilot.press("escape")

        # ASCII mode (A): no arrow glyphs.
        await pilot.press("A")
        await settle(pilot)
        assert app.settings.ascii, "ASCII mode on"
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), "help in ASCII mode"
        shown = help_text(app, "#help-intro", "#help-keys")
        assert "Down" in shown and not any(arrow in shown for arrow in "↓↑←→"), shown[:400]
        await pilot.press("escape")

        # The palette offers the keys of the view.
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        entries = {e.text for e in ExplorerCommands(app.screen)._build()}
        assert "Key l: Like-for-like" in entries
        assert "Key a: Year A" in entries


def test_ascii_help_names_the_arrow_keys() -> None:
    """In ASCII mode ``↓`` is drawn ``v`` and ``↑`` ``^``, keys of their own (``v`` opens
    Compare): the help names the arrows instead (the new-user trial read 'v  To table')."""
    assert key_label("down,j") == "↓ / j"
    assert key_label("down,j", ascii_only=True) == "Down / j"
    assert key_label("left", ascii_only=True) == "Left"
    assert key_label("question_mark,f1", ascii_only=True) == "? / F1"
