"""The Forces table's figure columns are as wide as the figures of the measure they show.

Issue 20: all offences by rates, City of London's change (-3,786.6 per 100,000) read
``-3,786…``: the columns were sized for the counts (a change of -99,378 is seven characters,
-3,786.6 eight). A number with an ellipsis is still a cut number.
"""

from __future__ import annotations

import re
from pathlib import Path

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


async def test_every_figure_fits_its_column_by_counts_and_by_rates(tmp_path: Path) -> None:
    """One app: all offences, then code 86 (chosen in the app); each by counts, by rates per
    100,000 (``m``), and by counts again. By rates, all offences: City of London's change
    (-3,786.6 per 100,000) is drawn whole on the terminal."""
    app = make_app(settings_file=tmp_path / "s.json", offence="all")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(ForceTableView)
        for offence in ("all", "86"):
            if offence == "86":
                app.set_offence("86")
                await settle(pilot)
            assert app.selection is not None and app.selection.key == offence
            assert app.screen.table is not None and app.screen.table.offence.key == offence  # type: ignore[attr-defined]
            assert figures_fit(grid), offence
            await pilot.press("escape", "m")  # rates per 100,000
            await settle(pilot)
            assert grid.measure == "rate"
            assert figures_fit(grid), offence
            if offence == "all":
                change = grid.row_text("London, City of")["change"].strip()
                # -3,786.6 in the 2026 release
                assert re.fullmatch(r"[+-]\d,\d{3}\.\d", change), change
                line = next(t for t in terminal_text(app).splitlines() if "London, City of" in t)
                assert f" {change} " in line and "…" not in line, line
            await pilot.press("m")  # and back to counts
            await settle(pilot)
            assert grid.measure == "count"
            assert figures_fit(grid), offence
