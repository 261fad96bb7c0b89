"""A sorted column's header is whole, arrow included, at every size (issue 20, the new-user trial):
sorted by Change the Forces header read ``Chang…`` at 80×24 and the arrow was lost. Widening
the column pushed the partial year's column off screen at 80×24, so the arrow takes a shorter
label (``Chg ▼``) where the full one does not fit, and the status line names the sort in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from tests.ui.conftest import resize_to, settle, terminal_lines
from tui.app import OffenceApp, make_app
from tui.screens.forces import ForcesScreen
from tui.widgets.grid import Grid

SIZES = [(80, 24), (60, 20), (120, 40)]
"""80×24 first: the app opens at that size (the partial year's check is of its first frame)."""


def header(app: OffenceApp) -> str:
    """The Forces table's header line as painted (the terminal's whole line)."""
    grid = app.screen.query_one("#forces-table", Grid)
    line = terminal_lines(app, Region(0, grid.scrollable_content_region.y, app.size.width, 1))[0]
    assert line.lstrip().startswith("Force "), line
    return line


def status_line(app: OffenceApp) -> str:
    """The terminal's last line but one, the status line, as painted."""
    return terminal_lines(app, Region(0, app.size.height - 2, app.size.width, 1))[0]


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_every_sortable_header_is_whole_with_its_arrow(
    settings_file: Path, ascii_only: bool
) -> None:
    """One app per glyph set, resized to each size in ``SIZES``; at each size ``s`` goes once
    round every sortable column (each header whole with one arrow); on Change, ``Chg ▼`` or
    ``Change ▼`` (never ``Chang…``: that was main at 80×24), then ``r``: ``▲``, named in full on
    the status line at 80 columns and wider. In ASCII, first, at 80×24: the partial year's
    column shows whole beside the pinned Change and % columns."""
    app = make_app(settings_file=settings_file, dataset="homeoffice", ascii_only=ascii_only)
    down, up = ("v", "^") if ascii_only else ("▼", "▲")
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        forces = app.screen
        assert isinstance(forces, ForcesScreen)
        await pilot.press("down")
        await settle(pilot)
        if ascii_only:
            grid = forces.query_one("#forces-table", Grid)
            opened_at, moved = grid.start_x, 0
            for _ in range(6):
                line = header(app)
                if "2025/26" in line:
                    break
                await pilot.press("right")
                await settle(pilot)
                moved += 1
            assert "Change" in line and "  %  " in line and "2025/26 Q1-Q3" in line, line
            await pilot.press(*["left"] * moved)  # back where it opened
            await settle(pilot)
            assert grid.start_x == opened_at
        for size in SIZES:
            await resize_to(pilot, size)  # (not at the size it opened at)
            assert app.size == size
            seen: set[str] = set()
            for _ in range(40):  # every column `s` sorts by, once round
                await pilot.press("s")
                await settle(pilot)
                assert forces.sort is not None
                key = forces.sort.key
                if key in seen:
                    break
                seen.add(key)
                line = header(app)
                assert "…" not in line and "..." not in line, (size, key, line)
                assert line.count(down) + line.count(up) == 1, (size, key, line)
                if key != "change":
                    continue
                # Sorted by change: the header says so in a word a reader knows, with the
                # arrow; reversed (``r``), the other arrow. (The next ``s`` goes on round.)
                assert "Chang…" not in line, (size, line)
                assert f"Chg {down}" in line or f"Change {down}" in line, (size, line)
                await pilot.press("r")
                await settle(pilot)
                line = header(app)
                assert f"Chg {up}" in line or f"Change {up}" in line, (size, line)
                if size[0] >= 80:  # the status line names it in full (at 60 it is one key away)
                    status = status_line(app)
                    assert f"sorted by change {up}" in status, (size, status)
            assert "change" in seen, size
