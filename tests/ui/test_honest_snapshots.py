"""Snapshots of the honest-comparison features: the rate toggle (Forces and Compare), the chance
marks in Compare, and the event marks and facts in the detail (NO_COLOR, ASCII, 80×24: see
tests/ui/test_snapshots.py; regenerate with --snapshot-update, and look at each SVG)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_snapshots import SIZE, Snap, snapshot_app, steps


def test_forces_rates(snap_compare: Snap, tmp_path: Path) -> None:
    """m: every figure column in rates per 100,000, sorted by the latest year's rate."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "m"))


def test_compare_rates(snap_compare: Snap, tmp_path: Path) -> None:
    """Compare in rates: the context line names the population estimate."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "v", "m"))


def test_compare_chance_nspcc(snap_compare: Snap, tmp_path: Path) -> None:
    """NSPCC 2016/17 → 2017/18 sorted by % change, beyond chance first (s from the default):
    changes within chance, marked "~", after the beyond-chance ones."""
    app = snapshot_app(tmp_path, dataset="nspcc")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "v", "s"))


def test_detail_events(snap_compare: Snap, tmp_path: Path) -> None:
    """Devon & Cornwall: event marks on the chart (E1…), scrolled to the events in the facts."""
    app = snapshot_app(tmp_path)

    async def facts_to_events(pilot: object) -> None:
        from textual.containers import VerticalScroll

        scroll = app.screen.query_one("#detail-facts-scroll", VerticalScroll)
        scroll.scroll_to(y=12, animate=False)

    assert snap_compare(
        app, terminal_size=SIZE, run_before=steps(*"devon", "enter", after=facts_to_events)
    )
