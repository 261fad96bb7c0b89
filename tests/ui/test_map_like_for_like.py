"""The map's % change honours Compare's like-for-like, and a partial year says why no tile has a
change (never "no figure" for all 43 forces).

Issue 20 (the fresh-eyes trial): v, ] to 2024/25 → 2025/26, l, M, m showed "% change 2024/25 to
2025/26 Q1-Q3 … — no figure (43)" and "Cumbria (CUMB): — · no figure": the map ignored Compare's
like-for-like, and did not say that the reason was the partial year.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.ui.conftest import compare_years, settle, terminal_text, wait_for
from tui.app import OffenceApp
from tui.model.findings.reproduce import command_for
from tui.screens.compare import CompareScreen
from tui.screens.map_view import MapScreen

# Cumbria's code 86 in the shared 23 Apr 2026 release (prc-pfa_230426-release_…parquet):
# 2024/25 Q1-Q3 120 + 98 + 131 = 349; 2025/26 Q1-Q3 110 + 87 + 115 = 312.
CUMBRIA_LIKE_FOR_LIKE = (312 - 349) / 349 * 100  # -10.60 %


async def _compare_then_map(app: OffenceApp, pilot: Pilot[None], *keys: str) -> MapScreen:
    compare = await compare_years(pilot, 2024, 2025)
    for key in keys:
        await pilot.press(key)
    if keys:
        await wait_for(
            pilot,
            lambda: compare.comparison is not None and compare.comparison.quarters is not None,
            "like-for-like",
        )
    return await _map_of_changes(app, pilot)


async def _map_of_changes(app: OffenceApp, pilot: Pilot[None]) -> MapScreen:
    """From Compare: the map (``M``) of % changes (``m``)."""
    await pilot.press("M")
    await wait_for(pilot, lambda: isinstance(app.screen, MapScreen), "the map")
    screen = app.screen
    assert isinstance(screen, MapScreen)
    await pilot.press("m")
    await wait_for(pilot, lambda: _measure(screen) == "change", "the map of changes")
    await settle(pilot)
    return screen


def _measure(screen: MapScreen) -> Any:
    return screen.tile_map.measure if screen.tile_map is not None else None


async def test_the_map_keeps_compares_like_for_like_and_a_partial_year_says_why(
    app: OffenceApp,
) -> None:
    """One Compare, two maps. (1) 120×40, like-for-like in Compare (``l``), then ``M``: the map's
    change is like-for-like, and ``R`` keeps it. (2) Back (Esc), ``l`` off, 80×24, ``M``: a
    partial year says why no tile has a change, and ``L`` gives like-for-like."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _compare_then_map(app, pilot, "l")
        assert screen.tile_map is not None
        cumbria = screen.tile_map.tile("Cumbria")
        assert cumbria is not None and cumbria.value is not None
        assert abs(cumbria.value - CUMBRIA_LIKE_FOR_LIKE) < 0.005, "(1)"
        text = terminal_text(app)
        assert "2024/25 Q1-Q3 to 2025/26 Q1-Q3 (like-for-like)" in text, f"(1) {text}"
        assert "no figure" not in text, f"(1) {text}"
        # R (the command that prints this view) keeps it too.
        spec = screen.view_spec()
        assert spec is not None
        command = command_for(spec)
        assert command.startswith(
            "ox map --measure change --years 2024/25 2025/26 --like-for-like"
        ), f"(1) {command}"

        await pilot.press("escape")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await pilot.press("l")
        await wait_for(
            pilot,
            lambda: compare.comparison is not None and compare.comparison.quarters is None,
            "Compare's whole years",
        )
        await pilot.resize_terminal(80, 24)
        screen = await _map_of_changes(app, pilot)
        text = terminal_text(app)
        assert "no figure" not in text, f"(2) {text}"
        status = text.splitlines()[-2]
        assert "2025/26 has Q1-Q3 only" in status, f"(2) {status}"
        assert "press L for like-for-like" in status, f"(2) {status}"
        assert "no change: 2025/26 has Q1-Q3 only" in text.splitlines()[1]  # under the title
        await pilot.press("L")
        await wait_for(
            pilot,
            lambda: screen.tile_map is not None and screen.tile_map.like_for_like,
            "the like-for-like map",
        )
        await settle(pilot)
        assert screen.tile_map is not None
        cumbria = screen.tile_map.tile("Cumbria")
        assert cumbria is not None and cumbria.value is not None
        assert abs(cumbria.value - CUMBRIA_LIKE_FOR_LIKE) < 0.005, "(2)"
        assert "Cumbria (CUMB): -10.6%" in terminal_text(app), "(2)"
