"""The detail chart's event labels, read from the terminal, name every event once, in order,
and never run into each other (issue 20: at 80×24 ``E1–E5 E6–E9│ E11–EE15–E18``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.trend_chart import TrendChart

LABEL = re.compile(r"E(\d+)(?:(–|-|,)E(\d+))?")


def named(token: str) -> list[str]:
    """The events a label names: "E3–E7" is E3 to E7, "E1,E2" E1 and E2."""
    m = LABEL.fullmatch(token)
    assert m, f"{token!r} is not a whole event label"
    first, sep, last = m.groups()
    if sep is None:
        return [f"E{first}"]
    if sep == ",":
        return [f"E{first}", f"E{last}"]
    return [f"E{n}" for n in range(int(first), int(last) + 1)]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
@pytest.mark.parametrize("ascii_only", [False, True])
async def test_event_labels_are_whole_and_apart(
    tmp_path: Path, size: tuple[int, int], ascii_only: bool
) -> None:
    app = make_app(settings_file=tmp_path / "s.json", offence="all", ascii_only=ascii_only)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for force in ("west york", "kent", "northam"):
            await pilot.press("slash", *force, "enter")
            await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ForceDetailScreen)
            chart = screen.query_one(TrendChart)
            series = chart._series
            assert series is not None and series.marks
            region = chart.content_region
            lines = terminal_text(app).splitlines()[region.y : region.bottom]
            rows = [line[region.x : region.right] for line in lines]
            row = next((r for r in rows if "E1" in r), "")
            tokens = [t for t in re.split(r"[^E0-9–,-]+", row) if "E" in t]
            if tokens:  # else no room for even one label at this width
                shown = [e for t in tokens for e in named(t)]
                assert shown == [label for _, label in series.marks], row
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("escape")  # out of the search box
            await settle(pilot)
