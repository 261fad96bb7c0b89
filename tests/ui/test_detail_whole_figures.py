"""The detail's series table draws every figure whole, or leaves its column out (issue 20).

All offences, West Yorkshire, 80×24: the rate header read ``/10`` and the rates ``12,032`` for
12,032.8 (the 42-cell box cut them); at 20×5 the count of 2025/26 Q1-Q3 read ``2`` for 2,451.
Read from the terminal as the compositor draws it, not from the table's own cells.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.pilot import Pilot

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import OffenceApp, make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import SeriesTable

DATA = Path(__file__).resolve().parents[2] / "data"

WEST_YORKSHIRE_2023_24 = 289_831
"""West Yorkshire's recorded offences (all offences, excluding fraud) in 2023/24, Home Office
PRC, 23 Apr 2026 release."""


FRAME = " │|#▁▂▃▄▅▆▇█▔▕▏"
"""The cursor's bar and the scrollbar beside a table's text."""


def population(force: str, year: int) -> int:
    with (DATA / "population_series.csv").open(newline="") as f:
        return next(
            int(r["population"])
            for r in csv.DictReader(f)
            if r["force"] == force and int(r["year"]) == year
        )


def drawn_series(app: OffenceApp, table: SeriesTable) -> list[str]:
    """The series table's lines as the terminal shows them (cut to the screen and the box)."""
    assert table.parent is not None
    region = table.region.intersection(app.screen.region)
    lines = terminal_text(app).splitlines()
    return [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]


def check_whole(app: OffenceApp, table: SeriesTable) -> dict[str, list[str]]:
    """Every figure drawn is one of its row's cells whole, every header a whole label; returns
    the figures drawn by row key."""
    lines = drawn_series(app, table)
    headers = {c.label.plain for c in table.ordered_columns}
    assert all(h in lines[0] for h in headers), lines[0]
    for token in re.split(r"\s{2,}", lines[0].strip(FRAME)):
        assert token in headers, f"header {token!r} is not a column label: {lines[0]!r}"
    seen: dict[str, list[str]] = {}
    for y, drawn in enumerate(lines[1:]):
        index = y + int(table.scroll_y)
        if index >= table.row_count or not drawn.strip():
            continue
        key = str(table.coordinate_to_cell_key(Coordinate(index, 0)).row_key.value)
        whole = {cell.plain.strip() for cell in table.get_row(key)}
        tokens = re.split(r"\s{2,}", drawn.strip(FRAME))
        for token in tokens:
            if any(ch.isdigit() for ch in token):
                assert token in whole, f"{token!r} is not a cell of {key}: {drawn!r}"
        seen[key] = tokens
    return seen


async def open_west_yorkshire(pilot: Pilot[None]) -> SeriesTable:
    app = pilot.app
    await settle(pilot)
    await pilot.press(*"west york", "enter")
    await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
    await settle(pilot)
    assert isinstance(app.screen, ForceDetailScreen)
    return app.screen.query_one(SeriesTable)


@pytest.mark.parametrize("size", [(20, 5), (60, 20), (80, 24), (120, 40)])
async def test_all_offences_series_is_whole_at_every_size(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(settings_file=tmp_path / "s.json", offence="all")
    async with app.run_test(size=size) as pilot:
        table = await open_west_yorkshire(pilot)
        seen = check_whole(app, table)
        assert seen  # some rows drawn
        rate = WEST_YORKSHIRE_2023_24 / population("West Yorkshire", 2023) * 100_000
        headers = [c.label.plain for c in table.ordered_columns]
        row = seen.get("2023/24")
        if size[0] >= 80:  # room for every column, rates with their decimal
            assert headers == ["Year", "Count", "%", "/100k"]
            assert row is not None and f"{rate:,.1f}" in row and "12,032.8" in row
        elif size[0] >= 60:  # rates rounded, and the header and the line under it say so
            assert headers[-1] == "≈/100k"
            assert row is not None and f"{rate:,.0f}" in row and "12,033" in row
            assert "≈ rates rounded to whole numbers" in terminal_text(app)
        else:  # no room for a figure: the year alone, no count cut to its first digit
            assert headers == ["Year"]
        for _ in range(3):  # resized, it fits again
            await pilot.resize_terminal(80, 24)
            await settle(pilot)
            check_whole(app, table)
            await pilot.resize_terminal(*size)
            await settle(pilot)
            check_whole(app, table)


async def test_ascii_rounded_rates_say_so_in_ascii(tmp_path: Path) -> None:
    """In ASCII "~" marks a change within chance: rounded rates are headed "c./100k"."""
    app = make_app(settings_file=tmp_path / "s.json", offence="all", ascii_only=True)
    async with app.run_test(size=(60, 20)) as pilot:
        table = await open_west_yorkshire(pilot)
        check_whole(app, table)
        assert table.ordered_columns[-1].label.plain == "c./100k"
        assert "c. rates rounded to whole numbers" in terminal_text(app)


async def test_quarters_are_whole_too(tmp_path: Path) -> None:
    app = make_app(settings_file=tmp_path / "s.json", offence="all")
    async with app.run_test(size=(60, 20)) as pilot:
        table = await open_west_yorkshire(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert table.ordered_columns[0].label.plain == "Quarter"
        check_whole(app, table)
        await pilot.resize_terminal(24, 8)
        await settle(pilot)
        check_whole(app, table)
