"""The detail's tables: Home and End go to the first and last row (issue 20: End did nothing,
2012/13 Q1 could not be reached with it; DataTable's own keys scroll sideways), and without
colour the focused table is seen: its cursor row reversed, the other's underlined."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, type_text, wait_for
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import BreakdownTable, SeriesTable, VimTable


def current_key(table: VimTable) -> str:
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_home_end_and_the_focused_table_without_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One detail, without colour (``NO_COLOR``; Home and End do not depend on it), two checks:
    Home and End in each table, then which table has the focus is seen."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=tmp_path / "s.json")
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        assert isinstance(app.screen, ForceDetailScreen)
        series = app.screen.query_one(SeriesTable)
        breakdown = app.screen.query_one(BreakdownTable)

        def cursor(table: VimTable) -> tuple[bool, bool]:
            style = table.get_component_rich_style("datatable--cursor")
            reversed_ = style.bgcolor == table.rich_style.color  # the text colour behind
            return reversed_, bool(style.underline)

        # Without colour the focused table is seen: its cursor reversed, the other's underlined.
        assert app.screen.focused is series
        assert cursor(series) == (True, False), "colour: series focused"
        assert cursor(breakdown) == (False, True), "colour: breakdown not focused"
        breakdown.focus()
        await settle(pilot)
        assert cursor(series) == (False, True), "colour: series not focused"
        assert cursor(breakdown) == (True, False), "colour: breakdown focused"

        # Home and End go to the first and last row.
        series.focus()
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert current_key(series) == "2012/13"  # the oldest year, last in the table
        await pilot.press("home")
        await settle(pilot)
        assert current_key(series) == "2025/26"
        await pilot.press("p", "end")  # by quarter
        await settle(pilot)
        assert current_key(series) == "2012Q1"  # 2012/13 Q1
        await pilot.press("home")
        await settle(pilot)
        assert current_key(series).startswith("2025Q")
        breakdown.focus()
        await pilot.press("end")
        await settle(pilot)
        assert breakdown.cursor_row == breakdown.row_count - 1 > 0
        await pilot.press("home")
        await settle(pilot)
        assert breakdown.cursor_row == 0
