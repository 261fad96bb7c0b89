"""Snapshots of the multi-force chart, the peers panel and the map (regenerate with
--snapshot-update, and look at each SVG); one more of the chart in colour with Unicode markers,
where colour tells its lines apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.test_snapshots import SIZE, Snap, snapshot_app, steps

MARK_THREE = ("down", "down", "space", "down", "space", "down", "space", "g")
"""Three forces marked with space (the rows after the first) and charted with g."""


def test_multi_force_chart(snap_compare: Snap, tmp_path: Path) -> None:
    """Three forces marked with space (the rows after the first, largest first in 2022/23) and
    charted with g: a marker per line, the legend in words, the numbers beside."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*MARK_THREE))


def test_multi_force_chart_colour(
    snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colour and glyphs are the point: the same chart in the default theme's colours, with
    Unicode markers and lines."""
    monkeypatch.delenv("NO_COLOR")
    app = snapshot_app(tmp_path, ascii_only=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*MARK_THREE))


def test_multi_force_chart_indexed(snap_compare: Snap, tmp_path: Path) -> None:
    """Kent and its peers (P in Kent's detail), indexed to 2012/13 = 100 (m)."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*"kent", "enter", "P", "m"))


def test_peers_panel(snap_compare: Snap, tmp_path: Path) -> None:
    """Kent's detail with its peers panel scrolled into view: Kent 3rd of 8 by rate."""

    async def show_peers(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#detail-facts-scroll").scroll_end(animate=False)

    app = snapshot_app(tmp_path)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=steps(*"kent", "enter", after=show_peers)
    )


def test_map(snap_compare: Snap, tmp_path: Path) -> None:
    """The tile map of code 86 counts in 2022/23, Durham highlighted."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "M", "right", "down"))
