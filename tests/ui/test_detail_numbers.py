"""The detail at 60×20 and 80×24: its title keeps the dataset and its release in view (issue 20:
at 80×24 it was cut to ``code 86: Obscene publications etc  ·  homeoffice…``), its source and
licence are in view at 80×24 without scrolling, its numbers follow its chart (years or quarters),
Home and End go to the first and last row of each table (issue 20: End did nothing, 2012/13 Q1
could not be reached with it; DataTable's own keys scroll sideways), and without colour the
focused table is seen: its cursor row reversed, the other's underlined."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tests.ui.test_detail_title_release import DATE, check_title_words
from tests.ui.test_journeys import row_cells
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import BreakdownTable, SeriesTable, VimTable


def current_key(table: VimTable) -> str:
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def cursor(table: VimTable) -> tuple[bool, bool]:
    """Whether the table's cursor row is reversed, and whether it is underlined."""
    style = table.get_component_rich_style("datatable--cursor")
    reversed_ = style.bgcolor == table.rich_style.color  # the text colour behind
    return reversed_, bool(style.underline)


async def test_the_detail_title_source_numbers_and_table_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Northamptonshire's detail (code 86), opened once without colour (``NO_COLOR``; nothing
    else here depends on it), five checks:

    (1) title, at 60×20 then 80×24 (resized): its words whole, the release in view; ``w`` shows
    it whole, and again cuts it. (2) source: at 80×24 its source and licence are on the terminal,
    above the keys. (3) numbers: 2017/18: 60 + 61 + 71 + 77 = 269 (the source's quarters); ``p``
    shows them; 2025/26 has Q1-Q3 only and is labelled a partial year. (4) Home and End in each
    table, by year and by quarter. (5) colour: which table has the focus is seen."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=tmp_path / "s.json")
    assert app.no_color
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northants")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)

        for size in ((60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert check_title_words(app), f"(1) {size}"
            second = terminal_text(app).splitlines()[1]
            assert second.strip().startswith("code 86: Obscene"), f"(1) {size} {second}"
            assert f"homeoffice · {DATE}" in second, f"(1) {size} {second}"
            await pilot.press("w")
            await settle(pilot)
            text = " ".join(terminal_text(app).split())
            assert f"homeoffice · {DATE}, third-party copy of …230426.ods" in text, f"(1) {size}"
            await pilot.press("w")  # cut again
            await settle(pilot)

        text = terminal_text(app)  # the 24 rows on the terminal
        assert len(text.splitlines()) <= 24, "(2) more than 24 rows"
        assert "Source Home Office" in text, "(2) the source is not in view"
        assert "Open Government Licence v3.0" in text, "(2) the licence is not in view"
        assert screen.query_one("#detail-source").region.bottom <= 23, "(2) under the keys"

        series = screen.query_one(SeriesTable)
        breakdown = screen.query_one(BreakdownTable)
        assert screen.focused is series, "(4) the series table has not the focus"
        assert cursor(series) == (True, False), "(5) series focused"
        assert cursor(breakdown) == (False, True), "(5) breakdown not focused"

        assert row_cells(series, "2017/18")["count"].strip() == "269", "(3)"
        await pilot.press("end")
        assert current_key(series) == "2012/13", "(4)"  # the oldest year, last in the table
        await pilot.press("home")
        assert current_key(series) == "2025/26", "(4)"
        await pilot.press("p")  # by quarter
        await settle(pilot)
        quarters = {q: row_cells(series, f"2017Q{q}")["count"].strip() for q in (1, 2, 3, 4)}
        assert quarters == {1: "60", 2: "61", 3: "71", 4: "77"}, "(3)"
        latest = row_cells(series, "2025Q1")
        assert latest["year"] == "2025/26 Q1" and latest["note"] == "partial year", "(3)"
        assert row_cells(series, "2017Q1")["note"] == "", "(3)"
        assert str(series.ordered_columns[0].label) == "Quarter", "(3)"
        await pilot.press("end")
        assert current_key(series) == "2012Q1", "(4)"  # 2012/13 Q1
        await pilot.press("home")
        assert current_key(series).startswith("2025Q"), "(4)"
        await pilot.press("p")  # back to years
        await settle(pilot)
        assert row_cells(series, "2017/18")["count"].strip() == "269", "(3)"

        breakdown.focus()
        await settle(pilot)
        assert cursor(series) == (False, True), "(5) series not focused"
        assert cursor(breakdown) == (True, False), "(5) breakdown focused"
        await pilot.press("end")
        assert breakdown.cursor_row == breakdown.row_count - 1 > 0, "(4)"
        await pilot.press("home")
        assert breakdown.cursor_row == 0, "(4)"
