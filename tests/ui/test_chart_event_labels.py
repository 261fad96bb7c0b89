"""The detail chart's event labels, read from the terminal, name every event once, in order,
and never run into each other (issue 20: at 80×24 ``E1–E5 E6–E9│ E11–EE15–E18``)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.screen import Screen

from tests.ui.conftest import burst, resize_to, settle, terminal_lines, type_text, wait_for
from tui.app import OffenceApp, make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.trend_chart import TrendChart

LABEL = re.compile(r"E(\d+)(?:(–|-|,)E(\d+))?")

SIZES = [(60, 20), (80, 24), (120, 40)]


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


def label_failure(app: OffenceApp, screen: ForceDetailScreen) -> str | None:
    """What is wrong with the chart's event labels as the terminal shows them, if anything."""
    chart = screen.query_one(TrendChart)
    series = chart._series
    if series is None or not series.marks:
        return "no series or no event marks"
    rows = terminal_lines(app, chart.content_region)
    row = next((r for r in rows if "E1" in r), "")
    tokens = [t for t in re.split(r"[^E0-9–,-]+", row) if "E" in t]
    if not tokens:  # no room for even one label at this width
        return "no event label drawn" if app.size.width >= 80 else None
    if bad := [t for t in tokens if not LABEL.fullmatch(t)]:
        return f"{bad[0]!r} is not a whole event label: {row!r}"
    shown = [e for t in tokens for e in named(t)]
    expected = [label for _, label in series.marks]
    return None if shown == expected else f"{shown} != {expected}: {row!r}"


async def test_event_labels_are_whole_and_apart(tmp_path: Path) -> None:
    """Three forces' all-offences details (each opened once, the next found by ``/``), each at
    60×20, 80×24 and 120×40, in Unicode and in ASCII (``A`` at each size): 18 checks, each
    failure named. From 80 columns there is room for the labels: some must be drawn.

    The sizes go up for one force and down for the next, so each detail is checked first at the
    size it opened at (no resize to the size it has): 60×20 and 120×40 are each checked both
    where a detail opened and after a resize, 80×24 after one."""
    app = make_app(settings_file=tmp_path / "s.json", offence="all", ascii_only=False)
    failures: list[str] = []
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        shown: Screen[object] = app.screen  # Forces
        await type_text(pilot, "west york")  # the first from Forces, the others by ``/``
        await pilot.press("enter")
        for turn, force in enumerate(("west york", "kent", "northam")):
            if force != "west york":
                burst(pilot, "slash", *force, "enter")
            await wait_for(pilot, lambda: app.screen is not shown, force)  # noqa: B023
            screen = shown = app.screen
            assert isinstance(screen, ForceDetailScreen)
            await wait_for(pilot, lambda: screen.detail is not None, force)  # noqa: B023
            for size in SIZES if turn % 2 == 0 else SIZES[::-1]:
                await resize_to(pilot, size)
                for ascii_only in (app.settings.ascii, not app.settings.ascii):  # A between
                    if app.settings.ascii != ascii_only:
                        await pilot.press("A")
                        app.clear_notifications()  # no toast over the chart
                        await settle(pilot)
                    if problem := label_failure(app, screen):
                        failures.append(f"{force}, {size}, ascii={ascii_only}: {problem}")
    assert not failures, "\n".join(failures)
