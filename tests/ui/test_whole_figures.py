"""A figure on screen is whole or absent: at every width and sideways scroll position, every
number a table draws is one of its row's cells whole, and every header one of its labels whole.

Issue 20: at 60×20 the Forces table's header read ``202`` and England and Wales ``35`` (35,383);
at 120×40, scrolled to the oldest years, ``/21`` and ``185`` (30,185). Read from the terminal as
the compositor draws it, not from the grid's own cells.
"""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot
from textual.strip import Strip

from tests.ui.conftest import settle, terminal_text
from tui.app import OffenceApp
from tui.widgets.force_table import ForceTableView
from tui.widgets.grid import Grid

SIZES = [(60, 20), (80, 24), (97, 30), (120, 40)]


def drawn_cells(app: OffenceApp, grid: Grid) -> int:
    """Check what ``grid`` shows on the terminal; returns how many figures were checked."""
    lines = terminal_text(app).splitlines()
    region = grid.scrollable_content_region
    labels = {c.label for c in grid.columns}
    checked = 0
    for y in range(region.height):
        drawn = lines[region.y + y][region.x : region.right]
        if y == 0:
            whole, what = labels, "a column label"
        else:
            index = grid._line_index(y)
            if index is None:
                continue
            whole = {cell.plain.strip() for cell in grid._row_at(index).cells}
            what = f"a cell of {grid._row_at(index).key}"
        for token in re.split(r"\s{2,}", drawn.strip()):
            if any(ch.isdigit() for ch in token):
                assert token in whole, f"{token!r} at x={grid.scroll_x} is not {what}: {drawn!r}"
                checked += 1
    return checked


async def every_position(pilot: Pilot[None], grid: Grid) -> None:
    """Check the grid where it opened, at each step left to its start, each step right to its
    end, and stopped between two column edges (as a mouse wheel leaves it)."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    assert drawn_cells(app, grid) > 0
    grid.focus()
    for key in ("left", "right"):
        for _ in range(60):
            before = grid.start_x
            await pilot.press(key)
            await settle(pilot)
            assert drawn_cells(app, grid) > 0
            if grid.start_x == before:
                break
    assert grid.start_x == grid.max_scroll_x
    for edge in sorted(grid.column_edges().values())[:4]:
        grid.scroll_to(x=edge + 3, animate=False, immediate=True)
        await settle(pilot)
        assert drawn_cells(app, grid) > 0


@pytest.mark.parametrize("size", SIZES)
async def test_forces_table_draws_whole_figures(app: OffenceApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        grid = app.screen.query_one("#forces-table", Grid)
        await every_position(pilot, grid)
        await pilot.press("m")  # rates per 100,000
        await settle(pilot)
        await every_position(pilot, grid)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_compare_table_draws_whole_figures(app: OffenceApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("down", "v")
        await settle(pilot)
        await every_position(pilot, app.screen.query_one(Grid))


async def test_forces_table_opens_on_the_latest_years_in_its_first_frame(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 120×40 the table showed 2012/13–2017/18 in its first frame, then jumped: every header
    the table draws with years in it is drawn scrolled to the latest years."""
    drawn: list[float] = []
    real = ForceTableView.render_line

    def render_line(self: ForceTableView, y: int) -> Strip:
        if y == 0 and any(c.key.startswith("year:") for c in self.columns):
            drawn.append(self.scroll_x)
        return real(self, y)

    monkeypatch.setattr(ForceTableView, "render_line", render_line)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        grid = app.screen.query_one("#forces-table", Grid)
        assert grid.scroll_x > 0
        assert drawn and set(drawn) == {grid.scroll_x}, drawn
