"""The detail's tables: Home and End go to the first and last row (issue 20: End did nothing,
2012/13 Q1 could not be reached with it; DataTable's own keys scroll sideways), and without
colour the focused table is seen: its cursor row reversed, the other's underlined."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, wait_for
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import BreakdownTable, SeriesTable, VimTable


def current_key(table: VimTable) -> str:
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_home_and_end_go_to_the_first_and_last_row(tmp_path: Path) -> None:
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"northam", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        series = app.screen.query_one(SeriesTable)
        assert app.screen.focused is series
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
        breakdown = app.screen.query_one(BreakdownTable)
        breakdown.focus()
        await pilot.press("end")
        await settle(pilot)
        assert breakdown.cursor_row == breakdown.row_count - 1 > 0
        await pilot.press("home")
        await settle(pilot)
        assert breakdown.cursor_row == 0


async def test_without_colour_the_focused_table_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=tmp_path / "s.json")
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"northam", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        await settle(pilot)
        series = app.screen.query_one(SeriesTable)
        breakdown = app.screen.query_one(BreakdownTable)

        def cursor(table: VimTable) -> tuple[bool, bool]:
            style = table.get_component_rich_style("datatable--cursor")
            reversed_ = style.bgcolor == table.rich_style.color  # the text colour behind
            return reversed_, bool(style.underline)

        assert app.screen.focused is series
        assert cursor(series) == (True, False) and cursor(breakdown) == (False, True)
        breakdown.focus()
        await settle(pilot)
        assert cursor(series) == (False, True) and cursor(breakdown) == (True, False)
