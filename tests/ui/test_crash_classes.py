"""The crash classes key storms found (issue 19), each tested where it arises, not per sequence.

- A line view (Forces, Compare) at any height, 0 rows too: its fixed lines (header, totals) can be
  taller than the view (``IndexError`` in ``LineView._refresh_changed`` at 7–9 terminal rows).
- A view or dialog opened while it is already open below the top (``DuplicateIds``).
- A dialog answered twice (``ScreenStackError``, ``InvalidStateError``).
- Page keys in a list of options with no height yet (``KeyError`` in ``OptionList._move_page``),
  in the app's pickers and in Textual's theme switcher.
- A palette searched or mounted after it closed (``NoMatches``, ``IndexError``).
- A theme colour in a form ``Color.parse`` refuses, in the map and the chart of several forces
  (``ColorParseError``): swept over the themes that give every form any theme gives.

Each class is one test with one app (the checks of a class named in its docstring and in each
assertion's message): Textual's work per view opened is what a test here costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.ui.conftest import assert_running, burst, settle
from tui.app import OffenceApp, make_app
from tui.screens.compare import CompareScreen
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.screens.map_view import MapScreen
from tui.screens.picker import Picker
from tui.widgets.grid import Grid, GridColumn, GridRow
from tui.widgets.option_list import SafeOptionList

pytestmark = pytest.mark.paints  # crash classes (issue 19): every frame drawn, as on a terminal

# ------------------------------------------------------------------ a line view at any height


def rows(n: int, prefix: str = "r") -> list[GridRow]:
    return [GridRow(f"{prefix}{i}", (Text(f"{prefix}{i}"), Text(str(i)))) for i in range(n)]


class GridApp(App[None]):
    CSS = "Grid { height: 10; }"

    def compose(self) -> ComposeResult:
        yield Grid(id="grid")


GRID_KEYS = ("down", "down", "pagedown", "end", "pageup", "home", "up", "pagedown", "right")


async def test_a_grid_shorter_than_its_fixed_lines_takes_every_key() -> None:
    """Header and three totals (four fixed lines) in a grid of 0–9 lines (a scrollbar takes one
    more): moves, pages, rows replaced, and heights changed under it."""
    app = GridApp()
    async with app.run_test(size=(40, 14)) as pilot:
        grid = app.query_one(Grid)
        grid.set_columns([GridColumn("name", "Name", 12), GridColumn("n", "N", 30, numeric=True)])
        for height in range(10):
            grid.set_rows(rows(3, "t"), rows(60), keep=None)
            grid.styles.height = height
            await settle(pilot)
            grid.focus()
            for key in GRID_KEYS:
                await pilot.press(key)
                assert_running(app, f"{key} at height {height}")
            grid.set_rows(rows(3, "t"), rows(5), keep="r4")  # fewer rows, cursor kept
            grid.set_rows(rows(3, "t"), rows(80), keep=None)
            for h in (height + 3, max(0, height - 2), height):
                grid.styles.height = h
                await settle(pilot)
                await pilot.press("end", "pageup")
                assert_running(app, f"a resize from {height} to {h} rows")


async def test_forces_and_compare_on_a_short_terminal(app: OffenceApp) -> None:
    """Issue 19: at 7–9 rows, ↓ ↓ raised IndexError (the table's header and totals are taller
    than what is left of the view); PgDn, End and a refresh after a resize the same. Each view is
    opened once and taken through the three heights (resized between them, and one row taller
    and back at each); Compare opens at the shortest."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for view, heights in (("forces", (9, 8, 7)), ("compare", (7, 8, 9))):
            for rows_ in heights:
                await pilot.resize_terminal(80, rows_)
                await settle(pilot)
                for key in ("down", "down", "pagedown", "end", "pageup"):
                    await pilot.press(key)
                    await settle(pilot)
                    assert_running(app, f"{key} in {view} at 80x{rows_}")
                await pilot.resize_terminal(80, rows_ + 1)
                await settle(pilot)
                await pilot.resize_terminal(80, rows_)
                await settle(pilot)
                assert_running(app, f"a resize in {view} at 80x{rows_}")
            await pilot.press("v" if view == "forces" else "f")
            await settle(pilot)
            opened = CompareScreen if view == "forces" else ForcesScreen
            assert isinstance(app.screen, opened), f"{view}: {stack_kinds(app)}"


# ------------------------------------------------------------------ a view opened twice


def stack_kinds(app: App[None]) -> list[str]:
    return [type(s).__name__ for s in app.screen_stack]


async def back_to_forces(pilot: Pilot[None]) -> None:
    app = pilot.app
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    await settle(pilot)
    assert stack_kinds(app) == ["ForcesScreen"]


async def test_a_view_opened_while_it_is_open_or_closing(app: OffenceApp) -> None:
    """A view or dialog opened again while it is open below the top, or while it is still
    closing, is opened once; a view closed twice closes once. One app, four checks, each from
    the Forces view:

    1. ↓ Enter (a detail), M (the map), Enter (a tile): the detail below the map is replaced (it
       raised DuplicateIds 'detail').
    2. Esc Esc reaching that detail before the first closed it: the Forces view stays.
    3. ↓ M Enter M: the map below the detail is replaced (it raised DuplicateIds 'map').
    4. Open, close, open again before the closed one has left the app (its removal completes
       after the keys that closed it): help, the palette, the cite dialog raised DuplicateIds.
    """
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # 1. A detail opened from the map over a detail.
        await pilot.press("down", "enter")  # the first force's detail
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen), stack_kinds(app)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen), stack_kinds(app)
        chosen = app.screen.current
        await pilot.press("enter")
        await settle(pilot)
        assert_running(app, "Enter on a tile over a detail")
        assert stack_kinds(app) == ["ForcesScreen", "ForceDetailScreen"], "1: detail over detail"
        detail = app.screen
        assert isinstance(detail, ForceDetailScreen) and detail.force.name == chosen
        # 2. A view closed twice.
        detail.action_back()
        detail.action_back()
        await settle(pilot)
        assert_running(app, "Esc Esc")
        assert stack_kinds(app) == ["ForcesScreen"], "2: a detail closed twice"
        # 3. The map opened from a detail over the map.
        for key in ("down", "M", "enter", "M"):
            await pilot.press(key)
            await settle(pilot)
            assert_running(app, key)
        assert stack_kinds(app) == ["ForcesScreen", "MapScreen"], "3: map over map"
        await back_to_forces(pilot)
        # 4. A view reopened while it is still closing.
        for opener in ("help", "command_palette", "cite", "map", "confirm_quit"):
            action = getattr(app, f"action_{opener}")
            action()
            await settle(pilot)
            opened = type(app.screen)
            assert opened is not ForcesScreen, opener
            app.screen.dismiss()
            action()
            await settle(pilot)
            assert_running(app, (opener, "close", opener))
            assert stack_kinds(app) == ["ForcesScreen", opened.__name__], f"4: {opener}"
            await app.pop_screen()
            await settle(pilot)


# ------------------------------------------------------------------ a dialog answered twice


async def test_a_dialog_answered_twice_answers_once(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A picker answers once, however many answers reach it. One app, three checks:

    - ``d``, a dataset, Enter Enter sent together: both reach the list before the first closes
      the picker (the second answer popped the Forces view: ScreenStackError);
    - Enter then Esc, and Esc then Enter, handled by the same picker (InvalidStateError).
    """
    switched: list[str] = []
    monkeypatch.setattr(app, "switch_dataset", switched.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        picker = await open_dataset_picker(pilot)
        options = picker.query_one(OptionList)
        options.highlighted = [c.value for c in picker._shown].index("nspcc")
        options.action_select()
        options.action_select()
        await settle(pilot)
        assert_running(app, "Enter Enter")
        assert stack_kinds(app) == ["ForcesScreen"] and switched == ["nspcc"], "Enter Enter"
        for cancel_first in (False, True):
            switched.clear()
            picker = await open_dataset_picker(pilot)
            answers: list[Callable[[], object]] = [
                partial(picker.dismiss, "nspcc"),
                picker.action_cancel,
            ]
            for answer in reversed(answers) if cancel_first else answers:
                answer()
            await settle(pilot)
            order = "Esc then Enter" if cancel_first else "Enter then Esc"
            assert_running(app, order)
            assert stack_kinds(app) == ["ForcesScreen"], order
            assert switched == ([] if cancel_first else ["nspcc"]), order


async def open_dataset_picker(pilot: Pilot[None]) -> DatasetPicker:
    await pilot.press("d")
    await settle(pilot)
    picker = pilot.app.screen
    assert isinstance(picker, DatasetPicker)
    return picker


# ------------------------------------------------------------------ page keys with no height


async def test_page_keys_in_a_list_with_no_height(app: OffenceApp) -> None:
    """Page keys in a list of options with no height yet. One app, two checks:

    - at 80×6 a picker's list has no height: ``↓ v a PgUp`` raised KeyError: 2, ``↓ d ↓ PgDn``
      KeyError: 1 (each picker opened once, then PgUp PgUp PgDn PgDn);
    - Textual's theme switcher (the palette's "Theme") with a letter and both page keys typed as
      it opens, at 5 and at 24 rows: KeyError: 0 in ``OptionList._move_page``.
    """
    async with app.run_test(size=(80, 6)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        for keys in (("v", "a"), ("d", "down")):
            for key in (*keys, "pageup", "pageup", "pagedown", "pagedown"):
                await pilot.press(key)
                await settle(pilot)
                assert_running(app, ("down", *keys, key))
            assert isinstance(app.screen, Picker), (keys, stack_kinds(app))
            await pilot.press("escape", "f")
            await settle(pilot)
        for rows_ in (5, 24):
            await pilot.resize_terminal(80, rows_)
            for page in ("pageup", "pagedown"):
                app.action_change_theme()
                burst(pilot, "a", page)
                await settle(pilot)
                assert_running(app, ("theme switcher", "a", page, f"80x{rows_}"))
                await pilot.press("escape", "escape")
                await settle(pilot)


# ------------------------------------------------------------------ a palette closing


async def test_a_palette_searched_or_closed_before_it_is_ready(app: OffenceApp) -> None:
    """One app, three checks:

    - a letter typed as the palette (or Textual's theme switcher) closes starts a search that
      runs after its list was removed: NoMatches 'CommandList' in the search worker;
    - Ctrl+P and Esc faster than the palette opens (a 20×5 storm): it left the stack before its
      Mount was handled, and Textual's ``_on_mount`` took ``screen_stack[-2]`` (IndexError with
      only the Forces view left).
    """
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        for palette in ("command_palette", "change_theme"):
            getattr(app, f"action_{palette}")()
            await settle(pilot)
            shown = app.screen
            assert isinstance(shown, CommandPalette), palette
            await shown.query_one(CommandList).remove()
            shown.dismiss()
            shown._gather_commands("a")
            await settle(pilot)
            assert_running(app, f"a search in the closed {palette}")
            assert stack_kinds(app) == ["ForcesScreen"], palette
        await pilot.resize_terminal(20, 5)
        await settle(pilot)
        app.action_command_palette()
        app.pop_screen()  # before the palette's Mount is handled
        await settle(pilot)
        assert_running(app, "a palette closed before it mounted")
        assert stack_kinds(app) == ["ForcesScreen"], "a palette closed before it mounted"


# ------------------------------------------------------------------ every theme


def colour_form(value: str) -> str:
    """The form of a theme variable's value: its hex digits and numbers left out
    (``"#E0E0E099"`` is ``"#RRGGBBAA"``, ``"ansi_default 50%"`` is ``"ansi_default N%"``)."""
    value = re.sub(r"#[0-9a-fA-F]{8}\b", "#RRGGBBAA", value)
    value = re.sub(r"#[0-9a-fA-F]{6}\b", "#RRGGBB", value)
    value = re.sub(r"#[0-9a-fA-F]{3}\b", "#RGB", value)
    return re.sub(r"\d+(\.\d+)?", "N", value)


def theme_forms(app: App[None], theme: str) -> set[str]:
    """The forms of the variables ``theme`` gives the app's CSS (as ``App.get_css_variables``
    builds them), without switching the app to it."""
    found = app.get_theme(theme)
    assert found is not None, theme
    variables = {
        **app.get_theme_variable_defaults(),
        **found.to_color_system().generate(),
        **found.variables,
    }
    return {colour_form(v) for v in variables.values()}


def themes_with_every_form(app: App[None]) -> list[str]:
    """Themes that together give every form of variable any of the app's themes gives (chosen
    greedily: the theme with the most forms not yet given, first)."""
    forms = {theme: theme_forms(app, theme) for theme in sorted(app.available_themes)}
    chosen: list[str] = []
    left = set().union(*forms.values())
    while left:
        best = max(forms, key=lambda t: len(forms[t] & left))
        chosen.append(best)
        left -= forms[best]
    return chosen


def test_the_themes_swept_give_every_form_of_colour() -> None:
    """The sweep below covers the class (a theme variable in a form the drawing code could not
    read) rather than every theme: the themes it takes give every form any theme gives, the ANSI
    themes' ``"ansi_default 50%"`` (the crash) and a hex colour with an alpha among them."""
    app = App[None]()
    chosen = themes_with_every_form(app)
    given = set().union(*(theme_forms(app, t) for t in chosen))
    for theme in app.available_themes:
        assert theme_forms(app, theme) <= given, theme
    assert {"ansi_default N%", "#RRGGBBAA", "#RRGGBB N%", "transparent"} <= given, given


async def test_the_map_and_the_chart_in_every_form_of_theme(settings_file: Path) -> None:
    """Theme colours given with an alpha (the ANSI theme's ``"ansi_default 50%"``) ended the app
    when the map (a tile with no figure: NSPCC's FOI answers are sparse) or the chart of several
    forces drew with them (ColorParseError, found by a key storm). Swept: the themes that give
    every form of variable any theme gives (:func:`themes_with_every_form`: a theme of the same
    forms as one swept draws through the same code), over the map, then over the chart (shown
    again once, not reopened per theme: a theme change redraws the view on top)."""
    app = make_app(dataset="nspcc", settings_file=settings_file)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        themes = themes_with_every_form(app)
        await pilot.press("down", "space", "down", "space", "g")
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert stack_kinds(app) == ["ForcesScreen", "MultiChartScreen", "MapScreen"]
        for theme in themes:
            app.theme = theme
            await settle(pilot)
            assert_running(app, f"theme {theme} over the map")
        await pilot.press("escape")
        await settle(pilot)
        assert stack_kinds(app) == ["ForcesScreen", "MultiChartScreen"]
        for theme in reversed(themes):
            app.theme = theme
            await settle(pilot)
            assert_running(app, f"theme {theme} in the chart")


class NarrowList(App[None]):
    """A list of options squeezed to two cells, under the app's own styles."""

    CSS_PATH = str(Path(__file__).resolve().parents[2] / "tui" / "app.tcss")
    CSS = "SafeOptionList { width: 2; }"

    def compose(self) -> ComposeResult:
        yield SafeOptionList("homeoffice  bundled · Home Office police recorded crime", "nspcc")


async def test_a_list_of_options_with_no_width() -> None:
    """At 20×5 the dataset picker's list was laid out 0 cells wide for its options, and Textual's
    wrapping divided by the width (ValueError: range() arg 3 must not be zero)."""
    app = NarrowList()
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.press("down", "pagedown", "up")
        await pilot.pause()
        assert_running(app, "a list of options two cells wide")
