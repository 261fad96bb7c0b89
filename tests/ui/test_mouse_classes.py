"""Crash classes of the mouse (a key storm with clicks, drags and the wheel in tmux), each tested
where it arises.

- A press, drag or wheel over a widget removed since the screen was last laid out (a
  notification that timed out or was clicked away as the click arrived): Textual started a text
  selection in a widget with no parent (``AttributeError: 'NoneType' object has no attribute
  'region'`` in ``Screen._forward_event``).
- A click on a row of a list of options handled after the list was refilled (a picker's filter
  typed as the click arrived, the palette's results replaced): Textual indexed the new options
  with the row clicked (``IndexError`` in ``OptionList._on_click``, found through ``ox serve``).
- A click on a table's header handled after the table was refilled with fewer columns (a
  detail's table fitted again at a new width, the import preview replaced): ``IndexError`` in
  ``DataTable._on_click``.

The apps run with notifications and tooltips shown, as on a terminal (``run_test`` hides both
unless asked).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets._toast import Toast

from tests.ui.conftest import assert_running, settle, wait_for
from tests.ui.mouse import mouse_burst
from tui.app import OffenceApp
from tui.screens import import_screen
from tui.widgets.data_table import SafeDataTable
from tui.widgets.option_list import SafeOptionList
from tui.widgets.tables import VimTable

MOUSE_STEPS = ("click", "double", "drag", "wheel", "move")
"""What the mouse does over the widget that is gone (each sent as one burst)."""

pytestmark = pytest.mark.paints  # every frame drawn, as on a terminal (tests/conftest.py)


async def shown_toast(pilot: Pilot[None]) -> Toast:
    """A notification, once it is drawn."""
    app = pilot.app
    app.notify("A notification the mouse presses on", timeout=30)

    def drawn() -> list[Widget]:
        return [w for w in app.screen._compositor.visible_widgets if isinstance(w, Toast)]

    await wait_for(pilot, drawn, "the notification drawn")
    toast = drawn()[0]
    assert isinstance(toast, Toast)
    return toast


async def test_the_mouse_over_a_widget_removed_since_the_last_layout(app: OffenceApp) -> None:
    """A widget removed (a notification, and a line of a view) and, before the screen is laid out
    again, the mouse pressed, dragged, scrolled or moved where it was drawn. One app; each
    step on a freshly drawn widget."""
    async with app.run_test(size=(80, 24), notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        for kind in ("notification", "line of a view"):
            for step in MOUSE_STEPS:
                if kind == "notification":
                    gone: Widget = await shown_toast(pilot)
                else:
                    gone = Static("a line of the view, replaced as the click arrives")
                    await app.screen.mount(gone)
                    await settle(pilot)
                x, y = gone.region.offset
                await gone.remove()
                assert app.get_widget_at(x + 1, y)[0] is gone  # the map is not yet redrawn
                mouse_burst(pilot, (step, str(x + 1), str(y), str(x + 3), str(y)))
                await settle(pilot)
                assert_running(app, (kind, step))


class TenOptions(App[None]):
    """A list of ten options, as the pickers show them; what it chose."""

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield SafeOptionList(*(f"option {i}" for i in range(10)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.chosen.append(str(event.option.prompt))


async def clicked_before_a_refill(pilot: Pilot[None], options: OptionList, left: int) -> None:
    """Once ``options`` is drawn, a click on its last row drawn, handled after the list was
    refilled with ``left`` options (the click is aimed, then a letter typed with it refills the
    list, then the list handles the click)."""
    app = pilot.app
    await wait_for(pilot, lambda: options.option_count > 5, "the options")
    region = options.content_region
    x = region.x + 1
    drawn = {app.screen.get_style_at(x, y).meta.get("option"): y for y in range(*region.line_span)}
    last = max(i for i in drawn if i is not None)
    assert last > 1, drawn
    y = drawn[last]
    style = app.screen.get_style_at(x, y)
    click = events.Click(
        options, x - region.x, y - region.y, 0, 0, 1, False, False, False, style=style
    )
    options.clear_options()
    options.add_options([f"left {i}" for i in range(left)])
    options.post_message(click)
    await settle(pilot)
    assert_running(app, f"a click on {type(options).__name__}'s row {last}, after a refill")


async def test_a_click_handled_after_its_list_was_refilled(app: OffenceApp) -> None:
    """In a list of the pickers (SafeOptionList), refilled with fewer options (the crash) and
    with as many (it chose the option now in the place clicked); then in the command palette's
    list of results."""
    alone = TenOptions()
    async with alone.run_test(size=(40, 14)) as pilot:
        options = alone.query_one(OptionList)
        for left in (1, 10):
            options.set_options([f"option {i}" for i in range(10)])
            await settle(pilot)
            await clicked_before_a_refill(pilot, options, left)
            assert alone.chosen == [], f"refilled with {left}: {alone.chosen}"
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await clicked_before_a_refill(pilot, app.screen.query_one(CommandList), 1)


class FiveColumns(App[None]):
    """A table of five columns, as a force's detail and the import preview show them."""

    def compose(self) -> ComposeResult:
        yield SafeDataTable()

    def fill(self, columns: int) -> None:
        table = self.query_one(SafeDataTable)
        table.clear(columns=True)
        table.add_columns(*(f"column {i}" for i in range(columns)))
        table.add_rows([[f"{r}.{c}" for c in range(columns)] for r in range(3)])


async def test_a_click_on_a_header_handled_after_its_table_was_refilled() -> None:
    """The tables of a force's detail and of the import preview are the one guarded."""
    assert issubclass(VimTable, SafeDataTable)
    assert "SafeDataTable(" in Path(import_screen.__file__).read_text(encoding="utf-8")
    app = FiveColumns()
    async with app.run_test(size=(80, 10)) as pilot:
        app.fill(5)
        await settle(pilot)
        table = app.query_one(SafeDataTable)
        region = table.content_region
        xs = range(region.x, region.right)
        drawn = {app.screen.get_style_at(x, region.y).meta.get("column"): x for x in xs}
        last = max(c for c in drawn if c is not None)
        assert last == 4, drawn
        x = drawn[last]
        style = app.screen.get_style_at(x, region.y)
        assert style.meta.get("row") == -1  # the header
        click = events.Click(table, x - region.x, 0, 0, 0, 1, False, False, False, style=style)
        app.fill(1)
        table.post_message(click)
        await settle(pilot)
        assert_running(app, "a click on the last header, handled after a refill with one column")
