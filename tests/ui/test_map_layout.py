"""The map at the sizes users open it: every tile's value is drawn when values are shown, and a
bin's range is read whole (beside the map, below it, or in the status line), never wrapped.

Issue 20: at 80×24 the bottom row of tiles (Sussex, Kent) had no values (three title lines left
the map one row short); at 60×20 the legend was squeezed into four columns, so ``1,416 to 3,012``
read ``1,4`` / ``16`` / ``to`` / ``3,0`` / ``12`` down the screen.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import settle, terminal_text, wait_for
from tests.ui.test_journeys import cli_json
from tui.app import make_app
from tui.formatting import fmt_count
from tui.screens.map_view import MapScreen

MAP_SIZES = [(80, 24), (60, 16), (60, 20), (120, 40)]


async def test_values_and_bin_ranges_are_whole_and_changes_between_compares_years(
    settings_file: Path,
) -> None:
    """One map. (1) Opened at 80×24, then resized to each other size (laid out again at each):
    every value and the top bin's range whole. (2) Compare last showed 2016/17 → 2017/18 (v
    reopens it there; the settings say so): ``m``, the map's % change is between those years,
    not Compare's default (the new-user trial saw 2023/24 to 2024/25)."""
    tiles = {str(t["force"]): t for t in cli_json("map")}
    kent = fmt_count(int(str(tiles["Kent"]["value"])))
    cumbria = fmt_count(int(str(tiles["Cumbria"]["value"])))
    settings_file.write_text(json.dumps({"compare_years": [2016, 2017]}), encoding="utf-8")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=MAP_SIZES[0]) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await wait_for(pilot, lambda: getattr(app.screen, "tile_map", None) is not None, "map")
        screen = app.screen
        for size in MAP_SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot, at_least=2)
            assert app.screen is screen and app.size == size
            text = terminal_text(app)
            if size[1] >= 24:  # room for a value under each label: the bottom row has them too
                assert kent in text, (size, text)
            assert "1,416 to 3,012" in text or size[1] < 20, (size, text)  # the top bin, whole
            status = text.splitlines()[-2].strip()
            assert status.startswith(f"Cumbria (CUMB): {cumbria}"), (size, status)
            if "Bins (quantiles)" not in text:  # no legend: the status line gives the bin's range
                assert " to " in status, (size, status)

        assert app.size == (120, 40)
        await pilot.press("m")
        await wait_for(
            pilot,
            lambda: getattr(getattr(app.screen, "tile_map", None), "measure", "") == "change",
            "the map of changes",
        )
        assert isinstance(screen, MapScreen) and screen.tile_map is not None
        title = screen.tile_map.title
        assert "2016/17" in title and "2017/18" in title, f"(2) {title}"
