"""The detail's series table draws every figure whole, or leaves its column out (issue 20).

All offences, West Yorkshire, 80×24: the rate header read ``/10`` and the rates ``12,032`` for
12,032.8 (the 42-cell box cut them); at 20×5 the count of 2025/26 Q1-Q3 read ``2`` for 2,451.
Read from the terminal as the compositor draws it, not from the table's own cells.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from textual.coordinate import Coordinate
from textual.pilot import Pilot

from tests.ui.conftest import settle, terminal_lines, terminal_text, type_text, wait_for
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
    return terminal_lines(app, table.region)


def check_whole(app: OffenceApp, table: SeriesTable, at: object) -> dict[str, list[str]]:
    """Every figure drawn is one of its row's cells whole, every header a whole label; returns
    the figures drawn by row key. ``at`` says where (for the message)."""
    lines = drawn_series(app, table)
    headers = {c.label.plain for c in table.ordered_columns}
    assert all(h in lines[0] for h in headers), (at, lines[0])
    for token in re.split(r"\s{2,}", lines[0].strip(FRAME)):
        assert token in headers, f"{at}: header {token!r} is not a column label: {lines[0]!r}"
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
                assert token in whole, f"{at}: {token!r} is not a cell of {key}: {drawn!r}"
        seen[key] = tokens
    return seen


async def open_west_yorkshire(pilot: Pilot[None]) -> SeriesTable:
    app = pilot.app
    await settle(pilot)
    await type_text(pilot, "west york")
    await pilot.press("enter")
    await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
    assert isinstance(app.screen, ForceDetailScreen)
    return app.screen.query_one(SeriesTable)


async def resized(pilot: Pilot[None], size: tuple[int, int]) -> None:
    await pilot.resize_terminal(*size)
    await settle(pilot)


SIZES = [(20, 5), (60, 20), (80, 24), (120, 40)]


async def test_all_offences_series_is_whole_at_every_size_in_ascii_and_by_quarter(
    tmp_path: Path,
) -> None:
    """One detail (West Yorkshire, all offences, opened at 80×24), resized: at each size every
    figure whole with the columns that fit (and again after going to 80×24 and back, three
    times; at 80×24 itself there is no going and back: it was resized to the size it had six
    times, and read the same six times more); then at 60×20 in ASCII (``A``) the rounded rates
    are headed "c./100k" ("~" marks a change within chance there); then by quarter (``p``) at
    60×20 and 24×8."""
    app = make_app(settings_file=tmp_path / "s.json", offence="all", ascii_only=False)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_west_yorkshire(pilot)
        rate = WEST_YORKSHIRE_2023_24 / population("West Yorkshire", 2023) * 100_000
        for size in SIZES:
            await resized(pilot, size)
            seen = check_whole(app, table, size)
            assert seen, size  # some rows drawn
            headers = [c.label.plain for c in table.ordered_columns]
            row = seen.get("2023/24")
            if size[0] >= 80:  # room for every column, rates with their decimal
                assert headers == ["Year", "Count", "%", "/100k"], size
                assert row is not None and f"{rate:,.1f}" in row and "12,032.8" in row, size
            elif size[0] >= 60:  # rates rounded, and the header and the line under it say so
                assert headers[-1] == "≈/100k", size
                assert row is not None and f"{rate:,.0f}" in row and "12,033" in row, size
                assert "≈ rates rounded to whole numbers" in terminal_text(app), size
            else:  # no room for a figure: the year alone, no count cut to its first digit
                assert headers == ["Year"], size
            for round_ in range(3 if size != (80, 24) else 0):  # resized, it fits again
                await resized(pilot, (80, 24))
                check_whole(app, table, f"80x24 after {size}, round {round_}")
                await resized(pilot, size)
                check_whole(app, table, f"{size} again, round {round_}")

        await resized(pilot, (60, 20))
        await pilot.press("A")  # ASCII
        await settle(pilot)
        check_whole(app, table, "ASCII 60x20")
        assert table.ordered_columns[-1].label.plain == "c./100k"
        assert "c. rates rounded to whole numbers" in terminal_text(app)

        await pilot.press("A", "p")  # Unicode again; by quarter
        await settle(pilot)
        assert table.ordered_columns[0].label.plain == "Quarter"
        check_whole(app, table, "quarters 60x20")
        await resized(pilot, (24, 8))
        check_whole(app, table, "quarters 24x8")
