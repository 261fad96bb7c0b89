"""Snapshots of the multi-force chart, the peers panel and the map at 80×24 and 120×40, in colour,
without colour (``NO_COLOR``) and in plain ASCII (regenerate with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.test_snapshots import SIZES, Snap, steps
from tui.app import OffenceApp, make_app

MODES = ["colour", "no_color", "ascii"]


def app_for(mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OffenceApp:
    """The app in a display mode."""
    if mode == "no_color":
        monkeypatch.setenv("NO_COLOR", "1")
    return make_app(settings_file=tmp_path / "s.json", ascii_only=mode == "ascii")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
def test_multi_force_chart(
    snap_compare: Snap,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    mode: str,
) -> None:
    """Three forces marked with space (the rows after the first, largest first in 2022/23) and
    charted with g: a marker per line, the legend in words, the numbers beside."""
    app = app_for(mode, tmp_path, monkeypatch)
    keys = ("down", "down", "space", "down", "space", "down", "space", "g")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
def test_multi_force_chart_indexed(
    snap_compare: Snap,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    mode: str,
) -> None:
    """Kent and its peers (P in Kent's detail), indexed to 2012/13 = 100 (m)."""
    app = app_for(mode, tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=size, run_before=steps(*"kent", "enter", "P", "m"))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
def test_peers_panel(
    snap_compare: Snap,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    mode: str,
) -> None:
    """Kent's detail with its peers panel scrolled into view: Kent 3rd of 8 by rate."""

    async def show_peers(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#detail-facts-scroll").scroll_end(animate=False)

    app = app_for(mode, tmp_path, monkeypatch)
    assert snap_compare(
        app, terminal_size=size, run_before=steps(*"kent", "enter", after=show_peers)
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
def test_map(
    snap_compare: Snap,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    mode: str,
) -> None:
    """The tile map of code 86 counts in 2022/23, Durham highlighted."""
    app = app_for(mode, tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=size, run_before=steps("down", "M", "right", "down"))
