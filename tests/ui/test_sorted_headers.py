"""A sorted column's header is whole, arrow included, at every size (issue 20, the new-user trial):
sorted by Change the Forces header read ``Chang…`` at 80×24 and the arrow was lost. Widening
the column pushed the partial year's column off screen at 80×24, so the arrow takes a shorter
label (``Chg ▼``) where the full one does not fit, and the status line names the sort in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, terminal_text
from tui.app import make_app
from tui.screens.forces import ForcesScreen

SIZES = [(60, 20), (80, 24), (120, 40)]


def header(text: str) -> str:
    """The Forces table's header line as painted."""
    return next(line for line in text.splitlines() if line.lstrip().startswith("Force "))


@pytest.mark.parametrize("size", SIZES)
async def test_sorted_by_change_the_header_reads_whole(
    settings_file: Path, size: tuple[int, int]
) -> None:
    """``Chang…`` at 80×24 on main: the arrow is lost and the label cut."""
    app = make_app(settings_file=settings_file, dataset="homeoffice")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        forces = app.screen
        assert isinstance(forces, ForcesScreen)
        await pilot.press("down")
        for _ in range(20):
            await pilot.press("s")
            await settle(pilot)
            if forces.sort is not None and forces.sort.key == "change":
                break
        line = header(terminal_text(app))
        assert "Chang…" not in line and ("Chg ▼" in line or "Change ▼" in line), line


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("size", SIZES)
async def test_every_sortable_header_is_whole_with_its_arrow(
    settings_file: Path, size: tuple[int, int], ascii_only: bool
) -> None:
    app = make_app(settings_file=settings_file, dataset="homeoffice", ascii_only=ascii_only)
    down, up = ("v", "^") if ascii_only else ("▼", "▲")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        forces = app.screen
        assert isinstance(forces, ForcesScreen)
        await pilot.press("down")
        seen: set[str] = set()
        for _ in range(40):  # every column `s` sorts by, once round
            await pilot.press("s")
            await settle(pilot)
            assert forces.sort is not None
            if forces.sort.key in seen:
                break
            seen.add(forces.sort.key)
            painted = terminal_text(app)
            line = header(painted)
            assert "…" not in line and "..." not in line, (forces.sort.key, line)
            assert line.count(down) + line.count(up) == 1, (forces.sort.key, line)
        assert "change" in seen
        # Sorted by change: the header says so in a word a reader knows, with the arrow.
        while forces.sort is not None and forces.sort.key != "change":
            await pilot.press("s")
            await settle(pilot)
        line = header(terminal_text(app))
        assert f"Chg {down}" in line or f"Change {down}" in line, line
        await pilot.press("r")
        await settle(pilot)
        painted = terminal_text(app)
        line = header(painted)
        assert f"Chg {up}" in line or f"Change {up}" in line, line
        if size[0] >= 80:  # the status line names it in full (at 60 it is one key away, w)
            assert f"sorted by change {up}" in painted.splitlines()[-2], painted


async def test_the_partial_year_stays_in_reach_at_80x24(settings_file: Path) -> None:
    """The Change column kept its width: at 80×24 the partial year's column shows whole beside
    the pinned Change and % columns."""
    app = make_app(settings_file=settings_file, dataset="homeoffice", ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        for _ in range(6):
            line = header(terminal_text(app))
            if "2025/26" in line:
                break
            await pilot.press("right")
            await settle(pilot)
        assert "Change" in line and "  %  " in line and "2025/26 Q1-Q3" in line, line
