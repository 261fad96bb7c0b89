"""Snapshots of every view at 80×24 and 120×40 (regenerate with --snapshot-update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import settle
from tui.app import make_app

SIZES = [(80, 24), (120, 40)]
Snap = Callable[..., bool]


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


@pytest.mark.parametrize("size", SIZES)
def test_forces_view(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """The start screen: code 86, totals pinned, latest years in view, partial year labelled."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_forces_search(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """Typing 'northam' leaves the Northamptonshire row, its match underlined."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps(*"northam"))


@pytest.mark.parametrize("size", SIZES)
def test_force_detail(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """Northamptonshire: chart, series, latest change, rank, rate and breakdown."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps(*"northam", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_force_detail_quarters_indexed(
    snap_compare: Snap, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The same force by quarter, with the national trend indexed."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps(*"northam", "enter", "p", "i"))


@pytest.mark.parametrize("size", SIZES)
def test_compare_view(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """Compare 2021/22 with 2022/23: totals first, then the largest year-B counts (default)."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps("down", "v"))


@pytest.mark.parametrize("size", SIZES)
def test_compare_nspcc(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """NSPCC 2016/17 vs 2017/18: UK 18,522 → 22,724, forces without figures shown as —."""

    async def open_compare(pilot: Pilot[None]) -> None:
        pilot.app.open_compare(2016, 2017)  # type: ignore[attr-defined]

    app = make_app(dataset="nspcc", settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps(after=open_compare))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """The help screen lists the keys."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps("down", "question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_offence_picker(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """The offence picker fits the screen, its current choice (code 86 ✓) in view."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps("down", "o"))


@pytest.mark.parametrize("size", SIZES)
def test_dataset_picker(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """The dataset picker: both bundled datasets, its help wrapped, not cut."""
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=size, run_before=steps("down", "d"))


def test_light_theme_ascii(snap_compare: Snap, tmp_path: Path) -> None:
    """Light theme with plain-ASCII sparklines and chart markers."""
    app = make_app(settings_file=tmp_path / "s.json", theme="textual-light", ascii_only=True)
    assert snap_compare(app, terminal_size=(120, 40), run_before=steps(*"kent", "enter"))


def test_no_color(snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR: Textual renders in monochrome."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=tmp_path / "s.json")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps("down", "v"))
