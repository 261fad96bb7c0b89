"""The Forces table's figure columns are as wide as the figures of the measure they show.

Issue 20: all offences by rates, City of London's change (-3,786.6 per 100,000) read
``-3,786…``: the columns were sized for the counts (a change of -99,378 is seven characters,
-3,786.6 eight). A number with an ellipsis is still a cut number.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.conftest import settle, terminal_text
from tui.app import make_app
from tui.widgets.force_table import ForceTableView
from tui.widgets.grid import Grid


def figures_fit(grid: Grid) -> int:
    """Every figure cell fits its column whole; returns how many were checked."""
    checked = 0
    for row in (*grid.fixed, *grid.rows):
        for column, cell in zip(grid.columns, row.cells):
            if column.numeric:
                assert cell.cell_len <= column.width, (row.key, column.key, cell.plain)
                checked += 1
    return checked


@pytest.mark.parametrize("offence", ["all", "86"])
async def test_every_figure_fits_its_column_by_counts_and_by_rates(
    tmp_path: Path, offence: str
) -> None:
    app = make_app(settings_file=tmp_path / "s.json", offence=offence)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(ForceTableView)
        assert figures_fit(grid)
        await pilot.press("escape", "m")  # rates per 100,000
        await settle(pilot)
        assert grid.measure == "rate"
        assert figures_fit(grid)
        await pilot.press("m")  # and back to counts
        await settle(pilot)
        assert grid.measure == "count"
        assert figures_fit(grid)


async def test_city_of_londons_rate_change_is_drawn_whole(tmp_path: Path) -> None:
    app = make_app(settings_file=tmp_path / "s.json", offence="all")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "m")
        await settle(pilot)
        grid = app.screen.query_one(ForceTableView)
        change = grid.row_text("London, City of")["change"].strip()
        assert re.fullmatch(r"[+-]\d,\d{3}\.\d", change), change  # -3,786.6 in the 2026 release
        line = next(t for t in terminal_text(app).splitlines() if "London, City of" in t)
        assert f" {change} " in line and "…" not in line, line
