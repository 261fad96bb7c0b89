"""``w`` in the map shows its title, legend and status lines whole, as in every other view (issue
20): at 80×24 and 60×20 they were cut at a word with "…" and no key showed them whole."""

from __future__ import annotations

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import OffenceApp
from tui.screens.map_view import MapScreen


def words(text: str) -> str:
    """``text`` with its lines joined and runs of spaces made one (a wrapped line reads whole)."""
    return " ".join(text.split())


async def test_w_shows_the_maps_lines_whole(app: OffenceApp) -> None:
    """The map of rates opened once, at 60×20 then 80×24 (resized): cut, ``w`` whole, ``w``
    cut again."""
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await wait_for(pilot, lambda: getattr(app.screen, "tile_map", None) is not None, "map")
        await pilot.press("m", "m")  # rates: the longest notes (population, City of London)
        await wait_for(
            pilot,
            lambda: getattr(getattr(app.screen, "tile_map", None), "measure", "") == "rate",
            "the map of rates",
        )
        screen = app.screen
        assert isinstance(screen, MapScreen) and screen.tile_map is not None
        tile_map = screen.tile_map
        for size in ((60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot, at_least=2)
            before = terminal_text(app)
            assert words(tile_map.title) not in words(before), size  # cut: the test shows it
            assert "CUMB" in before, size
            await pilot.press("w")
            await settle(pilot, at_least=2)
            painted = terminal_text(app)
            shown = words(painted)
            assert not [row for row in painted.splitlines() if row.rstrip().endswith("…")], (
                size,
                painted,
            )
            assert words(tile_map.title) in shown, (size, shown)
            for note in tile_map.notes:
                assert words(note) in shown, (size, note, shown)
            assert "Cumbria (CUMB): " in shown and " · bin " in shown, (size, shown)
            assert "w the tiles" in shown, size
            await pilot.press("w")  # again: the tiles, each line cut at a word
            await settle(pilot, at_least=2)
            assert "CUMB" in terminal_text(app), size
            assert words(tile_map.title) not in words(terminal_text(app)), size
