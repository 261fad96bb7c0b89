"""The detail's numbers follow its chart (years or quarters), and its source and licence are in
view at 80×24 without scrolling."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tests.ui.test_journeys import row_cells
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import SeriesTable


async def test_source_in_view_and_p_shows_the_quarters_as_numbers_too(tmp_path: Path) -> None:
    """One detail at 80×24, two checks. (1) Its source and licence are on the terminal, above
    the keys. (2) Northamptonshire, code 86, 2017/18: 60 + 61 + 71 + 77 = 269 (the source's
    quarters); ``p`` shows them; 2025/26 has Q1-Q3 only and is labelled a partial year."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        assert isinstance(app.screen, ForceDetailScreen)

        text = terminal_text(app)  # the 24 rows on the terminal
        assert len(text.splitlines()) <= 24, "source: more than 24 rows"
        assert "Source Home Office" in text, "source: not in view"
        assert "Open Government Licence v3.0" in text, "source: no licence in view"
        bottom = app.screen.query_one("#detail-source").region.bottom
        assert bottom <= 23, "source: under the keys"

        table = app.screen.query_one(SeriesTable)
        assert row_cells(table, "2017/18")["count"].strip() == "269"
        await pilot.press("p")
        await settle(pilot)
        quarters = {q: row_cells(table, f"2017Q{q}")["count"].strip() for q in (1, 2, 3, 4)}
        assert quarters == {1: "60", 2: "61", 3: "71", 4: "77"}
        latest = row_cells(table, "2025Q1")
        assert latest["year"] == "2025/26 Q1" and latest["note"] == "partial year"
        assert row_cells(table, "2017Q1")["note"] == ""
        assert str(table.ordered_columns[0].label) == "Quarter"
        await pilot.press("p")  # back to years
        await settle(pilot)
        assert row_cells(table, "2017/18")["count"].strip() == "269"
