"""A figure on screen is whole or absent: at every width and sideways scroll position, every
number a table draws is one of its row's cells whole, and every header one of its labels whole.

Issue 20: at 60×20 the Forces table's header read ``202`` and England and Wales ``35`` (35,383);
at 120×40, scrolled to the oldest years, ``/21`` and ``185`` (30,185). Read from the terminal as
the compositor draws it, not from the grid's own cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.strip import Strip

from tests.ui.conftest import burst, resize_to, settle, terminal_lines, terminal_text, wait_for
from tests.ui.test_diff_view import FIXTURE_201718
from tui.app import OffenceApp
from tui.widgets.force_table import ForceTableView
from tui.widgets.grid import Grid

SIZES = [(80, 24), (60, 20), (97, 30), (120, 40)]
"""80×24 first: the Forces table's first frame at that size is checked too."""


def drawn_cells(app: OffenceApp, grid: Grid) -> int:
    """Check what ``grid`` shows on the terminal; returns how many figures were checked."""
    region = grid.scrollable_content_region
    lines = terminal_lines(app, region)
    labels = {c.label for c in grid.columns}
    checked = 0
    for y in range(region.height):
        drawn = lines[y]
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


def header_line(app: OffenceApp, grid: Grid) -> str:
    """The terminal's line (the whole width) on which ``grid`` draws its header."""
    return terminal_lines(app, Region(0, grid.scrollable_content_region.y, app.size.width, 1))[0]


async def every_position(
    pilot: Pilot[None], grid: Grid, at_end: Callable[[], None] | None = None
) -> None:
    """Check the grid where it opened, at each step left to its start, each step right to its
    end (then ``at_end()``, if given), and stopped between two column edges (as a mouse wheel
    leaves it)."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    assert drawn_cells(app, grid) > 0
    grid.focus()
    for key in ("left", "right"):
        for _ in range(60):
            before = grid.start_x
            burst(pilot, key)  # (settled below)
            await settle(pilot)
            assert drawn_cells(app, grid) > 0
            assert any(grid.shows_column(c.key) for c in grid.columns[grid.pins :])
            if grid.start_x == before:
                break
    assert grid.start_x == grid.max_scroll_x
    if at_end is not None:
        at_end()
    for edge in sorted(grid.column_edges().values())[:4]:
        grid.scroll_to(x=edge + 3, animate=False, immediate=True)
        await settle(pilot)
        assert drawn_cells(app, grid) > 0


async def test_forces_table_draws_whole_figures(app: OffenceApp) -> None:
    """One app resized to each size; counts then rates per 100,000 at one size, rates then
    counts at the next (``m``), so each size shows both in turn.

    It opens at 80×24, where the % column was scrolled away in the first frame: the pinned
    columns gave way for the 26-cell region column, though two whole years fitted beside all
    four. The region is cut with "…" instead, and scrolled to the far right it is still drawn."""
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        grid = app.screen.query_one("#forces-table", Grid)
        header = header_line(app, grid)
        assert grid.pins == 4
        assert re.search(r"Change +% +2023/24 +2024/25", header), header

        def region_at_the_far_right() -> None:
            assert grid.shows_column("place")
            assert "Region / nation" in header_line(app, grid)

        shown: list[tuple[tuple[int, int], str]] = []
        for size in SIZES:
            await resize_to(pilot, size)  # (not at the size it opened at)
            assert app.size == size
            for _ in range(2):
                at_end = region_at_the_far_right if not shown else None  # 80×24, counts
                await every_position(pilot, grid, at_end)
                shown.append((size, app.settings.measure))
                await pilot.press("m")  # counts <-> rates per 100,000
                await settle(pilot)
        assert {measure for _, measure in shown} == {"count", "rate"}, shown
        assert shown[0] == ((80, 24), "count"), shown


async def test_compare_table_draws_whole_figures(app: OffenceApp) -> None:
    """One app, resized from 60×20 to 80×24."""
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("down", "v")
        await settle(pilot)
        for size in ((60, 20), (80, 24)):
            await resize_to(pilot, size)  # (not at the size it opened at)
            assert app.size == size
            await every_position(pilot, app.screen.query_one(Grid))


@pytest.mark.paints  # what the first frame draws is the point
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


async def open_multi_chart(pilot: Pilot[None], *forces: str) -> Grid:
    """Mark ``forces`` in the Forces view and chart them; returns the chart's table."""
    from tui.screens.multi_chart import MultiChartScreen

    app = pilot.app
    await settle(pilot)
    for force in forces:
        burst(pilot, "slash", *(ch if ch.isalnum() else _character_to_key(ch) for ch in force))
        await settle(pilot)
        await pilot.press("down", "space")
        await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    assert isinstance(app.screen, MultiChartScreen)
    return app.screen.query_one(Grid)


async def test_multi_force_table_scrolls_by_whole_columns_and_highlights_a_line(
    app: OffenceApp,
) -> None:
    """The multi-force table scrolled by character (a DataTable): it shows whole columns (at
    60×20, then resized to 80×24). Then, at 80×24, the chart highlights a line with its number
    (again: none) or by ``/`` and its name."""
    from tui.widgets.multi_chart import MultiChart

    async with app.run_test(size=(60, 20)) as pilot:
        grid = await open_multi_chart(pilot, "kent", "essex", "surrey", "sussex", "norfolk")
        for size in ((60, 20), (80, 24)):
            await resize_to(pilot, size)  # (not at the size it opened at)
            assert app.size == size
            assert grid.max_scroll_x > 0  # five forces do not fit: there is something to scroll
            await every_position(pilot, grid)
        chart = app.screen.query_one(MultiChart)
        assert chart.highlight is None
        await pilot.press("5")
        await settle(pilot)
        assert chart.highlight == 4
        assert grid.shows_column("force:Norfolk")  # scrolled into view
        legend = str(app.screen.query_one("#multi-legend").render())
        assert "5 ● Norfolk" in legend.replace("■", "●").replace("+", "●") or "5 " in legend
        await pilot.press("5")  # again: none
        await settle(pilot)
        assert chart.highlight is None
        burst(pilot, "slash", "e", "s", "s", "e", "x", "enter")  # "e" is Export elsewhere
        await settle(pilot)
        assert chart.highlight == 1 and app.screen.focused is grid


async def test_diff_labels_forces_by_short_name_and_draws_whole_figures(
    store: Path, settings_file: Path
) -> None:
    """The diff once showed forces cut to five letters ("North", "South" ×2, "West" ×2) and
    years as "2017": every force and year label is drawn whole, at 60×20 too."""
    from tui.app import make_app
    from tui.model.importing.api import import_file
    from tui.screens.diff_view import DiffScreen

    import_file(FIXTURE_201718, name="prc201718")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        app.open_diff("prc201718", "homeoffice")
        await wait_for(pilot, lambda: getattr(app.screen, "diff", None) is not None, "the diff")
        screen = app.screen
        assert isinstance(screen, DiffScreen)
        grid = screen.query_one(Grid)
        lines = terminal_text(app).splitlines()
        region = grid.scrollable_content_region
        names = set()
        for y in range(1, region.height):
            index = grid._line_index(y)
            if index is None:
                continue
            force, year = (c.plain for c in grid._row_at(index).cells[:2])
            drawn = lines[region.y + y][region.x : region.right]
            assert drawn.startswith(f" {force} ") and f" {year} " in drawn, drawn
            names.add(force)
        assert {"North Wales", "South Wales", "West Midlands"} <= names or len(names) > 5
        await every_position(pilot, grid)
        burst(pilot, "slash", "n", "o", "r", "t", "h", "a", "m")
        await settle(pilot)
        assert grid.current_key is not None and grid.current_key.startswith("Northamptonshire")


async def test_the_multi_force_table_heads_and_pins(app: OffenceApp) -> None:
    """One app, two charts (Esc, ``u`` unmarks all, new marks).

    At 60×20 the Metropolitan Police's whole name left no room for the Year column beside it:
    scrolled right, the figures stood with no year (1,197, 2025/26 Q1-Q3, read as a fall). The
    year stays pinned; a column too wide for the room is headed by its marker and number (the
    legend names them), and by the whole name again when the terminal is wide enough.

    At 80×24 the headers were cut to nine letters: "South Y…" and "South W…", "West Mi…" and
    "West Yo…" could not be told apart. Each is the short name Compare and the legend use,
    whole."""
    from tui.screens.forces import ForcesScreen

    async with app.run_test(size=(60, 20)) as pilot:
        grid = await open_multi_chart(pilot, "metropolitan", "west midlands", "kent")
        await pilot.press("end", "right", "right", "right", "right")
        await settle(pilot)
        screen = terminal_text(app)
        assert "Year" in screen and "2025/26 Q1-Q3" in screen, screen
        assert grid.pins == 1
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert "Metropolitan Police" in " ".join(c.label for c in grid.columns)

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)
        await pilot.press("u")  # unmark all
        await pilot.resize_terminal(80, 24)
        grid = await open_multi_chart(pilot, "south york", "south wal", "west york", "west mid")
        names = {c.label.split(" ", 1)[1] for c in grid.columns[1:]}
        assert names == {"South Yorkshire", "South Wales", "West Yorkshire", "West Midlands"}
        header = header_line(app, grid)
        assert any(f" {name}" in header for name in names), header
