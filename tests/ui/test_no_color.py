"""Without colour (``NO_COLOR``) every state that colour marked is still seen (issue #8): Textual
turns colours into greys (a rise was grey 240 on 234, 2.4:1), so weight, reverse, underline and
glyphs mark rises and falls, the chosen export format, the cursor and the chart's two lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import OptionList, RadioButton, RadioSet

from tests.ui.conftest import settle, type_text, wait_for
from tui.app import OffenceApp, make_app
from tui.widgets.compare_table import CompareTableView
from tui.widgets.grid import Grid
from tui.widgets.trend_chart import TrendChart

PCT = 4
"""The % column of the Compare table."""


@pytest.fixture
def plain_app(monkeypatch: pytest.MonkeyPatch, settings_file: Path) -> OffenceApp:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=settings_file)
    assert app.no_color
    return app


def contrast(style: Style) -> float:
    """The WCAG contrast ratio of a style's text on its background, as the monochrome filter
    leaves them (reverse swaps the two)."""
    assert style.color is not None and style.bgcolor is not None

    def luminance(colour: Color) -> float:
        r, g, b = (c / 255 for c in colour.monochrome.rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    fg = luminance(Color.from_rich_color(style.color))
    bg = luminance(Color.from_rich_color(style.bgcolor))
    hi, lo = max(fg, bg), min(fg, bg)
    return (hi + 0.05) / (lo + 0.05)


async def test_every_state_colour_marked_is_seen_without_it(plain_app: OffenceApp) -> None:
    """One app without colour, five checks (each a function below, named in its failure): the
    table cursor, the highlighted option, the chosen export format (80x24); rises and falls in
    Compare (120x40); the national line's marker in a detail (100x30)."""
    app = plain_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        the_table_cursor_is_drawn_reversed(app.screen.query_one(Grid))
        await pilot.press("o", "down")
        await settle(pilot)
        cursor_and_highlight_are_reversed(app.screen.query_one(OptionList))
        await pilot.press("escape", "e")
        await settle(pilot)
        buttons = {b.id: b for b in app.screen.query(RadioButton)}
        the_chosen_export_format_is_seen(buttons)
        await pilot.press("tab", "down")  # the cursor on Markdown, CSV still chosen
        await settle(pilot)
        assert app.screen.query_one(RadioSet).has_focus, "export: the formats have the focus"
        the_export_cursor_is_seen(buttons)
        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await rises_and_falls_differ_by_weight_not_by_grey(pilot)
        await pilot.press("f")
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        await the_national_line_has_its_own_marker(pilot)


def the_chosen_export_format_is_seen(buttons: dict[str | None, RadioButton]) -> None:
    chosen = buttons["fmt-csv"].get_component_rich_style("toggle--label")
    other = buttons["fmt-json"].get_component_rich_style("toggle--label")
    assert chosen.bold and chosen.underline and not (other.bold or other.underline), "export"
    # The other formats' dots are not drawn (the dot's colour is its background's).
    dot = buttons["fmt-json"].get_component_rich_style("toggle--button", partial=True)
    back = buttons["fmt-json"].get_component_rich_style("toggle--button")
    assert dot.color == back.bgcolor, "export: the other formats' dots"


def the_export_cursor_is_seen(buttons: dict[str | None, RadioButton]) -> None:
    other = buttons["fmt-json"].get_component_rich_style("toggle--label")
    cursor = buttons["fmt-markdown"].get_component_rich_style("toggle--label")
    assert contrast(cursor) >= 7 and cursor != other, "export: the cursor on Markdown"


async def rises_and_falls_differ_by_weight_not_by_grey(pilot: Pilot[None]) -> None:
    """2019/20 → 2020/21, code 86: Merseyside 488 → 791 (+62.1 %) and South Wales 736 → 643
    (−12.6 %), both beyond chance."""
    app = pilot.app
    app.open_compare(2019, 2020)  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: bool(app.screen.query(CompareTableView)), "Compare")
    view = app.screen.query_one(CompareTableView)
    await wait_for(pilot, lambda: "Merseyside" in view.keys, "the comparison")
    assert view.row_text("Merseyside")["pct"].startswith("+62.1%")
    rise = view.row("Merseyside").cells[PCT].style
    fall = view.row("South Wales").cells[PCT].style
    rise_style = Style.parse(rise) if isinstance(rise, str) else rise
    fall_style = Style.parse(fall) if isinstance(fall, str) else fall
    assert rise_style.bold and not fall_style.bold, "Compare: a rise bold, a fall not"
    assert fall_style.underline and not rise_style.underline, "Compare: a fall underlined"


def cursor_and_highlight_are_reversed(options: OptionList) -> None:
    highlighted = options.get_component_rich_style("option-list--option-highlighted")
    assert contrast(highlighted) >= 7, "the offence picker's highlighted option"


async def the_national_line_has_its_own_marker(pilot: Pilot[None]) -> None:
    await pilot.press("slash")
    await type_text(pilot, "kent")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("i", "i")  # national trend overlaid
    await settle(pilot)
    chart = pilot.app.screen.query_one(TrendChart)
    drawn = chart.plt.build()
    assert "•" in drawn, "the detail's chart: the national line"  # Kent's is braille
    assert any(0x2801 <= ord(ch) <= 0x28FF for ch in drawn), "the detail's chart: Kent's line"


def the_table_cursor_is_drawn_reversed(grid: Grid) -> None:
    """README: cursors are reversed. A "reverse" text style on the Grid's cursor was drawn bold
    only (the terminal showed no swap), so the cursor spells reverse out as colours: dark text on
    the light foreground colour."""
    assert grid.has_focus, "the table has the focus"
    cursor = grid.get_component_rich_style("grid--cursor")
    assert not cursor.reverse and cursor.bold, "the table cursor"
    assert cursor.color is not None and cursor.bgcolor is not None, "the table cursor"
    text = Color.from_rich_color(cursor.color).monochrome.brightness
    ground = Color.from_rich_color(cursor.bgcolor).monochrome.brightness
    assert ground > text and contrast(cursor) >= 7, "the table cursor"
