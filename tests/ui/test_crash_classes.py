"""The crash classes key storms found (issue 19), each tested where it arises, not per sequence.

- A line view (Forces, Compare) at any height, 0 rows too: its fixed lines (header, totals) can be
  taller than the view (``IndexError`` in ``LineView._refresh_changed`` at 7–9 terminal rows).
- A view or dialog opened while it is already open below the top (``DuplicateIds``).
- A dialog answered twice (``ScreenStackError``, ``InvalidStateError``).
- Page keys in a list of options with no height yet (``KeyError`` in ``OptionList._move_page``),
  in the app's pickers and in Textual's theme switcher.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.ui.conftest import assert_running, burst, settle
from tui.app import OffenceApp, make_app
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.screens.map_view import MapScreen
from tui.screens.picker import Picker
from tui.widgets.grid import Grid, GridColumn, GridRow
from tui.widgets.option_list import SafeOptionList

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
    than what is left of the view); PgDn, End and a refresh after a resize the same."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for rows_ in (7, 8, 9):
            await pilot.resize_terminal(80, rows_)
            await settle(pilot)
            for view in ("forces", "compare"):
                for key in ("down", "down", "pagedown", "end", "pageup"):
                    await pilot.press(key)
                    await settle(pilot)
                    assert_running(app, f"{key} in {view} at 80x{rows_}")
                await pilot.resize_terminal(80, rows_ + 1)
                await settle(pilot)
                await pilot.resize_terminal(80, rows_)
                await settle(pilot)
                assert_running(app, f"a resize in {view}")
                await pilot.press("v" if view == "forces" else "f")
                await settle(pilot)
            assert isinstance(app.screen, ForcesScreen)


# ------------------------------------------------------------------ a view opened twice


async def open_detail_then_map(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("down", "enter")  # the first force's detail
    await settle(pilot)
    assert isinstance(pilot.app.screen, ForceDetailScreen)
    await pilot.press("M")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MapScreen)


def stack_kinds(app: App[None]) -> list[str]:
    return [type(s).__name__ for s in app.screen_stack]


async def test_a_detail_opened_from_the_map_over_a_detail(app: OffenceApp) -> None:
    """↓ Enter (a detail), M (the map), Enter (a tile): the detail below the map is replaced
    (it raised DuplicateIds 'detail')."""
    async with app.run_test(size=(100, 34)) as pilot:
        await open_detail_then_map(pilot)
        chosen = pilot.app.screen.current  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert_running(app, "Enter on a tile over a detail")
        assert stack_kinds(app) == ["ForcesScreen", "ForceDetailScreen"]
        assert isinstance(app.screen, ForceDetailScreen) and app.screen.force.name == chosen


async def test_the_map_opened_from_a_detail_over_the_map(app: OffenceApp) -> None:
    """↓ M Enter M: the map below the detail is replaced (it raised DuplicateIds 'map')."""
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        for key in ("down", "M", "enter", "M"):
            await pilot.press(key)
            await settle(pilot)
            assert_running(app, key)
        assert stack_kinds(app) == ["ForcesScreen", "MapScreen"]


async def test_a_view_reopened_while_it_is_still_closing(app: OffenceApp) -> None:
    """Open, close, open again before the closed one has left the app (its removal completes
    after the keys that closed it): help, the palette, the cite dialog raised DuplicateIds."""
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        for opener in ("help", "command_palette", "cite", "map", "confirm_quit"):
            action = getattr(app, f"action_{opener}")
            action()
            await settle(pilot)
            opened = type(app.screen)
            assert opened is not ForcesScreen
            app.screen.dismiss()
            action()
            await settle(pilot)
            assert_running(app, (opener, "close", opener))
            assert stack_kinds(app) == ["ForcesScreen", opened.__name__]
            await app.pop_screen()
            await settle(pilot)


# ------------------------------------------------------------------ a dialog answered twice


async def open_dataset_picker(pilot: Pilot[None]) -> DatasetPicker:
    await settle(pilot)
    await pilot.press("down", "d")
    await settle(pilot)
    picker = pilot.app.screen
    assert isinstance(picker, DatasetPicker)
    return picker


async def test_a_picker_answered_twice_answers_once(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``d``, a dataset, Enter Enter sent together: both reach the list before the first closes
    the picker (the second answer popped the Forces view: ScreenStackError)."""
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await open_dataset_picker(pilot)
        switched: list[str] = []
        monkeypatch.setattr(app, "switch_dataset", switched.append)
        options = picker.query_one(OptionList)
        options.highlighted = [c.value for c in picker._shown].index("nspcc")
        options.action_select()
        options.action_select()
        await settle(pilot)
        assert_running(app, "Enter Enter")
        assert stack_kinds(app) == ["ForcesScreen"] and switched == ["nspcc"]


@pytest.mark.parametrize("cancel_first", [False, True])
async def test_a_dialog_answered_then_cancelled(app: OffenceApp, cancel_first: bool) -> None:
    """Enter then Esc (or Esc then Enter) handled by the same picker: it answers once."""
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await open_dataset_picker(pilot)
        answers = [lambda: picker.dismiss("nspcc"), picker.action_cancel]
        for answer in reversed(answers) if cancel_first else answers:
            answer()
        await settle(pilot)
        assert_running(app, "two answers")
        assert stack_kinds(app) == ["ForcesScreen"]


async def test_a_view_closed_twice_closes_once(app: OffenceApp) -> None:
    """Esc Esc reaching a detail before the first closed it: the Forces view stays."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ForceDetailScreen)
        detail.action_back()
        detail.action_back()
        await settle(pilot)
        assert_running(app, "Esc Esc")
        assert stack_kinds(app) == ["ForcesScreen"]


# ------------------------------------------------------------------ page keys with no height


async def test_page_keys_in_a_picker_with_no_height(app: OffenceApp) -> None:
    """At 80×6 a picker's list has no height: ``↓ v a PgUp`` raised KeyError: 2, ``↓ d ↓ PgDn``
    KeyError: 1."""
    async with app.run_test(size=(80, 6)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        for keys in (("v", "a"), ("d", "down")):
            for page in ("pageup", "pagedown"):
                for key in (*keys, page, page):
                    await pilot.press(key)
                    await settle(pilot)
                assert_running(app, ("down", *keys, page))
                assert isinstance(app.screen, Picker)
                await pilot.press("escape", "f")
                await settle(pilot)


async def test_page_keys_in_the_theme_switcher_before_it_has_a_size(app: OffenceApp) -> None:
    """Textual's theme switcher (the palette's "Theme") with a letter and a page key typed as it
    opens: KeyError: 0 in ``OptionList._move_page``."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for rows_ in (5, 24):
            await pilot.resize_terminal(80, rows_)
            for page in ("pageup", "pagedown"):
                app.action_change_theme()
                burst(pilot, "a", page)
                await settle(pilot)
                assert_running(app, ("theme switcher", "a", page))
                await pilot.press("escape", "escape")
                await settle(pilot)


# ------------------------------------------------------------------ a search after the palette


@pytest.mark.parametrize("palette", ["command_palette", "change_theme"])
async def test_a_palette_search_after_its_list_is_gone(app: OffenceApp, palette: str) -> None:
    """A letter typed as the palette (or Textual's theme switcher) closes starts a search that
    runs after its list was removed: NoMatches 'CommandList' in the search worker."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        getattr(app, f"action_{palette}")()
        await settle(pilot)
        shown = app.screen
        assert isinstance(shown, CommandPalette)
        await shown.query_one(CommandList).remove()
        shown.dismiss()
        shown._gather_commands("a")
        await settle(pilot)
        assert_running(app, f"a search in the closed {palette}")
        assert stack_kinds(app) == ["ForcesScreen"]


# ------------------------------------------------------------------ every theme


async def test_the_map_and_the_chart_in_every_theme(settings_file: Path) -> None:
    """Theme colours given with an alpha (the ANSI theme's ``"ansi_default 50%"``) ended the app
    when the map (a tile with no figure: NSPCC's FOI answers are sparse) or the chart of several
    forces drew with them (ColorParseError, found by a key storm)."""
    app = make_app(dataset="nspcc", settings_file=settings_file)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("down", "space", "down", "space", "g")
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert stack_kinds(app) == ["ForcesScreen", "MultiChartScreen", "MapScreen"]
        themes = sorted(app.available_themes)
        # Every theme over the map, then every theme over the chart (shown again once, not
        # reopened per theme: a theme change redraws the view on top).
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


async def test_a_palette_closed_before_it_has_mounted(app: OffenceApp) -> None:
    """Ctrl+P and Esc faster than the palette opens (a 20×5 storm): it left the stack before its
    Mount was handled, and Textual's ``_on_mount`` took ``screen_stack[-2]`` (IndexError with only
    the Forces view left)."""
    async with app.run_test(size=(20, 5)) as pilot:
        await settle(pilot)
        app.action_command_palette()
        app.pop_screen()  # before the palette's Mount is handled
        await settle(pilot)
        assert_running(app, "a palette closed before it mounted")
        assert stack_kinds(app) == ["ForcesScreen"]


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
