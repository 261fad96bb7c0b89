"""Snapshots of every view (regenerate with --snapshot-update, and look at each SVG).

Snapshots are taken without colour (``NO_COLOR``, set for every test that takes one by
``tests/ui/conftest.py``) and in plain ASCII, at one size, ``SIZE``: a theme's colours or a glyph
change then moves no snapshot, and what a snapshot holds is the words and numbers laid out. A test
whose point is colour, a glyph or a size says so and sets its own."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import settle
from tui.app import OffenceApp, make_app

SIZE = (80, 24)
"""The one size snapshots are taken at: a common terminal, where a cut or wrapped line shows
first."""
Snap = Callable[..., bool]


def snapshot_app(tmp_path: Path, **options: Any) -> OffenceApp:
    """The app as snapshots take it: in plain ASCII (unless ``ascii_only`` says otherwise), with
    settings in a file of the test's own."""
    options.setdefault("ascii_only", True)
    return make_app(settings_file=tmp_path / "s.json", **options)


def steps(*keys: str, after: Callable[[Pilot[None]], Awaitable[None]] | None = None) -> Any:
    """A run_before that waits for the data, presses keys, and waits again."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if after is not None:
            await after(pilot)
            await settle(pilot)
        await settle(pilot, at_least=4)  # what the snapshot shows: every later refresh done
        await until_still(pilot)

    return run


async def until_still(pilot: Pilot[None], tries: int = 10) -> None:
    """Wait until two screenshots a settle apart are the same: a refresh that lands after the
    app looked idle (a scrollbar sized late on a busy machine) is in the shot, not after it."""
    before = pilot.app.export_screenshot()
    for _ in range(tries):
        await settle(pilot)
        now = pilot.app.export_screenshot()
        if now == before:
            return
        before = now


def test_forces_view(snap_compare: Snap, tmp_path: Path) -> None:
    """The start screen: code 86, totals pinned, latest years in view, partial year labelled."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps())


def test_forces_search(snap_compare: Snap, tmp_path: Path) -> None:
    """Typing 'northam' leaves the Northamptonshire row, its match underlined."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*"northam"))


def test_force_detail(snap_compare: Snap, tmp_path: Path) -> None:
    """Northamptonshire: chart, series, latest change, rank, rate and breakdown."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*"northam", "enter"))


def test_force_detail_quarters_indexed(snap_compare: Snap, tmp_path: Path) -> None:
    """The same force by quarter, with the national trend indexed."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*"northam", "enter", "p", "i"))


def test_compare_view(snap_compare: Snap, tmp_path: Path) -> None:
    """Compare 2021/22 with 2022/23: totals first, then the largest year-B counts (default)."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "v"))


def test_compare_nspcc(snap_compare: Snap, tmp_path: Path) -> None:
    """NSPCC 2016/17 vs 2017/18: UK 18,522 → 22,724, forces without figures shown as —."""

    async def open_compare(pilot: Pilot[None]) -> None:
        pilot.app.open_compare(2016, 2017)  # type: ignore[attr-defined]

    app = snapshot_app(tmp_path, dataset="nspcc")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(after=open_compare))


def test_help(snap_compare: Snap, tmp_path: Path) -> None:
    """The help screen lists the keys."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "question_mark"))


def test_offence_picker(snap_compare: Snap, tmp_path: Path) -> None:
    """The offence picker fits the screen, its current choice (code 86 ✓) in view."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "o"))


def test_dataset_picker(snap_compare: Snap, tmp_path: Path) -> None:
    """The dataset picker: both bundled datasets, its help wrapped, not cut."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "d"))


def test_light_theme_ascii(
    snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colour is the point: the light theme's colours, with plain-ASCII sparklines and chart
    markers, at 120×40 (Kent's detail: chart, series and facts at once)."""
    monkeypatch.delenv("NO_COLOR")
    app = snapshot_app(tmp_path, theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 40), run_before=steps(*"kent", "enter"))
