"""The key bar (``tui/widgets/keys_bar.py``): one widget that draws what Textual's footer drew.

Textual's footer was a dozen widgets per view (about half of a view's widgets), styled, laid out
and mounted again each time a view opened; the bar draws the same line as one widget (issue 22).
The lines below are what Textual's footer drew on these views (captured from it before the
change), so the bar is checked against that, not against itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

import tui
from tests.ui.conftest import settle, terminal_text, type_text
from tui.app import OffenceApp
from tui.screens.detail import ForceDetailScreen
from tui.screens.help import HelpScreen
from tui.widgets.keys_bar import BarKey, KeysBar, keys_that_fit

FOOTER_AT_80 = {
    "search box": " esc Clear search  f1 Help" + " " * 42 + "▏^p palette ",
    "table": " / Search  s Sort  m Counts/rates  space Mark  g Chart marked       ▏^p palette ",
    "detail": " esc Back  p Years/quarters  i National trend  P Chart with peers   ▏^p palette ",
}
"""Textual's footer on Forces (search box, then table) and on Kent's detail, at 80 columns."""

ASCII_MAP_AT_60 = " esc Back  enter Open force  m Measure  q Quit  |^p palette "
"""Textual's footer on the map at 60 columns in ASCII mode: "enter" is wider than "⏎", so
"? Help" no longer fits whole and is left out, as are the keys after it."""


def bar_line(app: OffenceApp) -> str:
    return terminal_text(app).splitlines()[-1]


async def test_the_bar_draws_what_the_footer_drew_and_follows_the_focus(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert bar_line(app) == FOOTER_AT_80["search box"]
        await pilot.press("down")
        await settle(pilot)
        assert bar_line(app) == FOOTER_AT_80["table"]
        await type_text(pilot, "/kent")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        assert bar_line(app) == FOOTER_AT_80["detail"]
        # The screen says its bindings may have changed (as on each focus change); the keys are
        # the same, so the bar is not drawn again. Nor when moving in the series table.
        repaints: list[KeysBar] = []
        real = KeysBar.refresh

        def counted(bar: KeysBar, *args: Any, **kwargs: Any) -> KeysBar:
            repaints.append(bar)
            return real(bar, *args, **kwargs)

        monkeypatch.setattr(KeysBar, "refresh", counted)
        app.screen.refresh_bindings()
        await pilot.press("down", "down", "up")
        await settle(pilot)
        assert repaints == []
        # A click on a key presses it: "?" opens the help.
        bar = app.screen.query_one(KeysBar)
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        x = bar_line(app).index(" ? Help ")
        await pilot.click(bar, offset=(x + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_in_ascii_at_60_columns_a_key_that_does_not_fit_whole_is_left_out(
    app: OffenceApp,
) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("down", "A")
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert bar_line(app) == ASCII_MAP_AT_60


def test_keys_fit_from_the_first_and_stop_at_the_first_that_does_not() -> None:
    keys = tuple(BarKey(k, k, d, True, "") for k, d in [("a", "Apple"), ("b", "Be"), ("c", "C")])
    # " a Apple " is 9 cells, " b Be " 6, " c C " 5.
    assert [keys_that_fit(keys, w) for w in (0, 8, 9, 14, 15, 19, 20, 99)] == [
        0,
        0,
        1,
        1,
        2,
        2,
        3,
        3,
    ]


class Disabled(App[None]):
    """A bar with a key whose action is disabled (shown dim; a click rings the bell), styled by
    the app's stylesheet."""

    CSS_PATH = str(Path(tui.__file__).parent / "app.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "first", "First", id="first"),
        Binding("y", "second", "Second", id="second"),
    ]

    def compose(self) -> ComposeResult:
        yield KeysBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "second" else True

    def action_second(self) -> None:
        raise AssertionError("a disabled key was pressed")


async def test_a_disabled_key_is_dim_and_a_click_on_it_rings_the_bell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Disabled()
    bells: list[None] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeysBar)
        line = bar.render()
        second = line.plain.index("Second")
        assert line.get_style_at_offset(app.console, second).dim
        assert not line.get_style_at_offset(app.console, line.plain.index("First")).dim
        await pilot.click(bar, offset=(second, 0))
        await pilot.pause()
        assert bells == [None]


async def test_the_key_under_the_mouse_is_lit_by_a_shade_of_the_bar_not_white(
    app: OffenceApp,
) -> None:
    """The hover colour (``$block-hover-background``, translucent) is blended over the bar: in
    the dark theme it was drawn white behind the light text (a new-user trial)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeysBar)
        plain = bar.render().plain
        await pilot.hover(bar, offset=(plain.index("Help"), 0))
        await settle(pilot)
        line = bar.render()
        lit = line.get_style_at_offset(app.console, line.plain.index("Help"))
        unlit = line.get_style_at_offset(app.console, line.plain.index("Clear"))
        assert lit.bgcolor is not None and unlit.bgcolor is not None
        assert lit.bgcolor != unlit.bgcolor, "the key under the mouse is not lit"
        lit_rgb, bar_rgb = lit.bgcolor.get_truecolor(), unlit.bgcolor.get_truecolor()
        # A shade of the bar: within a fifth of the way to white, not white.
        assert all(abs(a - b) <= 51 for a, b in zip(lit_rgb, bar_rgb)), (lit_rgb, bar_rgb)
