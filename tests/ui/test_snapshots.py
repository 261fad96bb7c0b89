"""Snapshots of every view (regenerate with --snapshot-update, and look at each SVG).

Snapshots are taken without colour (``NO_COLOR``, set for every test that takes one by
``tests/ui/conftest.py``) and in plain ASCII, at one size, ``SIZE``: a theme's colours or a glyph
change then moves no snapshot, and what a snapshot holds is the words and numbers laid out. A test
whose point is colour, a glyph or a size says so and sets its own.

Starting an app and opening a view is what a snapshot costs (Textual's layout and drawing), so
the views are taken along a few journeys, each on one app: a :class:`Shot` says what to do, what
the snapshot named after it shows, and is taken as ``snap_compare`` takes one (every refresh done,
two screenshots a settle apart the same). Each journey compares every shot it took, and names the
ones that differ. A journey goes on from where the one before left the app only where the view
then is the same as opened afresh (checked: each was its own test's snapshot, byte for byte)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_textual_snapshot import SVGImageExtension
from syrupy.assertion import SnapshotAssertion
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.strip import Strip

from tests.ui.conftest import settle, type_text
from tui.app import OffenceApp, make_app
from tui.model.importing.api import import_file

SIZE = (80, 24)
"""The one size snapshots are taken at: a common terminal, where a cut or wrapped line shows
first."""
Snap = Callable[..., bool]
Step = Callable[[Pilot[None]], Awaitable[None]]

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"
MARK_THREE = ("down", "down", "space", "down", "space", "down", "space", "g")
"""Three forces marked with space (the rows after the first) and charted with g."""


def snapshot_app(tmp_path: Path, **options: Any) -> OffenceApp:
    """The app as snapshots take it: in plain ASCII (unless ``ascii_only`` says otherwise), with
    settings in a file of the test's own."""
    options.setdefault("ascii_only", True)
    return make_app(settings_file=tmp_path / "s.json", **options)


def steps(*keys: str, after: Step | None = None) -> Any:
    """A run_before that waits for the data, presses keys, and waits again."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await press(pilot, *keys)
        if after is not None:
            await after(pilot)
            await settle(pilot)
        await settle(pilot, at_least=4)  # what the snapshot shows: every later refresh done
        await until_still(pilot)

    return run


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def until_still(pilot: Pilot[None], tries: int = 10) -> None:
    """Wait until two frames a settle apart are the same: a refresh that lands after the app
    looked idle (a scrollbar sized late on a busy machine) is in the shot, not after it.

    A frame is every line the compositor draws, segment by segment with its style (what the
    screenshot is made from, without making an SVG of it each time: that was a fifth of the
    snapshots' CPU)."""
    before = frame(pilot.app)
    for _ in range(tries):
        await settle(pilot)
        now = frame(pilot.app)
        if now == before:
            return
        before = now


def frame(app: App[Any]) -> list[list[Strip]]:
    """The screen as the compositor draws it for a screenshot (dialogs over the screens below)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert isinstance(update, LayoutUpdate)
    return [list(line) for line in update.strips]


@dataclass(frozen=True)
class Shot:
    """A step of a journey, then a snapshot (named ``name``) of what it shows (``shows``)."""

    name: str
    shows: str
    keys: tuple[str, ...] = ()
    typed: str = ""
    """Typed as a paste arrives, before ``keys`` (and after ``first``)."""
    first: tuple[str, ...] = ()
    then: Callable[[OffenceApp], object] | None = None
    """Called with the app after the keys (a view opened by its method, a scroll)."""


async def screenshot(pilot: Pilot[None]) -> str:
    """The screen as ``snap_compare`` takes it (``textual._doc.take_svg_screenshot``)."""
    await settle(pilot, at_least=4)
    await until_still(pilot)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    return pilot.app.export_screenshot(simplify=True)


@pytest.fixture
def svg_snapshot(snapshot: SnapshotAssertion, snap_compare: Snap) -> SnapshotAssertion:
    """syrupy's snapshot, stored as ``snap_compare`` stores it (an SVG file per snapshot).
    (``snap_compare`` is asked for so that ``tests/ui/conftest.py`` sets what it sets for every
    snapshot: ``NO_COLOR`` and Textual's own idle poll.)"""
    return snapshot.use_extension(SVGImageExtension)


async def journey(app: OffenceApp, snapshot: SnapshotAssertion, *shots: Shot) -> None:
    """Take ``shots`` in turn on one app (run as ``snap_compare`` runs it: tooltips and
    notifications shown), then compare each with its snapshot; fail naming every one that
    differs."""
    taken: list[tuple[Shot, str]] = []
    # A toast stays until the next shot begins (not its 2-8 s: a busy machine can take that
    # between a key and its shot), so a shot shows the toasts of its own keys, and only those.
    notify = app.notify

    def lasting(*args: Any, **kwargs: Any) -> None:
        notify(*args, **{**kwargs, "timeout": 3600})

    app.notify = lasting  # type: ignore[method-assign]
    async with app.run_test(size=SIZE, tooltips=True, notifications=True) as pilot:
        await settle(pilot)
        for shot in shots:
            app.clear_notifications()
            await press(pilot, *shot.first)
            if shot.typed:
                await type_text(pilot, shot.typed)
            await press(pilot, *shot.keys)
            if shot.then is not None:
                shot.then(app)
                await settle(pilot)
            taken.append((shot, await screenshot(pilot)))
    differ = [f"{s.name} ({s.shows})" for s, svg in taken if not snapshot(name=s.name) == svg]
    assert not differ, "differ from their snapshots: " + "; ".join(differ)


def scroll_facts(y: int | None) -> Callable[[OffenceApp], object]:
    """Scroll the detail's facts to line ``y`` (to the end with None)."""

    def scroll(app: OffenceApp) -> None:
        facts = app.screen.query_one("#detail-facts-scroll", VerticalScroll)
        if y is None:
            facts.scroll_end(animate=False)
        else:
            facts.scroll_to(y=y, animate=False)

    return scroll


async def test_forces_search_detail_and_release_diffs(
    svg_snapshot: SnapshotAssertion, store: Path, tmp_path: Path
) -> None:
    import_file(FIXTURE_201718, name="prc201718")
    await journey(
        snapshot_app(tmp_path),
        svg_snapshot,
        Shot("forces_view", "the start screen: code 86, totals pinned, latest years in view, "
             "partial year labelled"),
        Shot("forces_search", "typing 'northam' leaves the Northamptonshire row, its match "
             "underlined", typed="northam"),
        Shot("force_detail", "Northamptonshire: chart, series, latest change, rank, rate and "
             "breakdown", keys=("enter",)),
        Shot("force_detail_quarters_indexed", "the same force by quarter, with the national "
             "trend indexed", keys=("p", "i")),
        Shot("release_diff", "the 2017/18 release against the bundled one: changed cells "
             "largest first, the counts",
             then=lambda app: app.open_diff("prc201718", "homeoffice")),
        Shot("release_diff_refused", "NSPCC figures against Home Office recorded crime: "
             "refused, with the reason", keys=("escape",),
             then=lambda app: app.open_diff("nspcc", "homeoffice")),
    )  # fmt: skip


async def test_rates_map_and_compare(svg_snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    """(A toast from the key before a shot (``m``'s "Showing rates…") is in the shot only when
    that key is the shot's own, as it was in each view's snapshot taken afresh: it goes after
    2 s, which a busy machine can take between two shots.)"""
    await journey(
        snapshot_app(tmp_path),
        svg_snapshot,
        Shot("forces_rates", "m: every figure column in rates per 100,000, sorted by the "
             "latest year's rate", keys=("down", "m")),
        Shot("map", "the tile map of code 86 counts in 2022/23, Durham highlighted",
             keys=("m", "M", "right", "down"), then=lambda app: app.clear_notifications()),
        Shot("compare_view", "Compare 2021/22 with 2022/23: totals first, then the largest "
             "year-B counts (default)", keys=("escape", "v")),
        Shot("reproduce_compare", "R on the Compare view: the ox compare command, and the ox "
             "cite command", keys=("R",)),
        Shot("compare_rates", "Compare in rates (m): the context line names the population "
             "estimate", keys=("escape", "m")),
    )  # fmt: skip


async def test_chart_and_dialogs(svg_snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    await journey(
        snapshot_app(tmp_path),
        svg_snapshot,
        Shot("multi_force_chart", "three forces marked with space (the rows after the first, "
             "largest first in 2022/23) and charted with g: a marker per line, the legend in "
             "words, the numbers beside", keys=MARK_THREE),
        Shot("help", "the help screen lists the keys", keys=("escape", "u", "question_mark")),
        Shot("offence_picker", "the offence picker fits the screen, its current choice (code "
             "86 ✓) in view", keys=("escape", "o")),
        Shot("dataset_picker", "the dataset picker: both bundled datasets, its help wrapped, "
             "not cut", keys=("escape", "d")),
        Shot("cite_dialog_text", "K on the Forces view: the Home Office release, the selection "
             "and the OGL attribution", keys=("escape", "K")),
        Shot("cite_dialog_bibtex", "f switches the format: the same citation as a BibTeX "
             "entry", keys=("f",)),
    )  # fmt: skip


async def test_kent_and_devon(svg_snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    await journey(
        snapshot_app(tmp_path),
        svg_snapshot,
        Shot("peers_panel", "Kent's detail with its peers panel scrolled into view: Kent 3rd "
             "of 8 by rate", typed="kent", keys=("enter",), then=scroll_facts(None)),
        Shot("multi_force_chart_indexed", "Kent and its peers (P in Kent's detail), indexed "
             "to 2012/13 = 100 (m)", keys=("P", "m")),
        Shot("detail_events", "Devon & Cornwall: event marks on the chart (E1…), scrolled to "
             "the events in the facts", first=("escape", "escape", "escape", "slash"),
             typed="devon", keys=("enter",), then=scroll_facts(12)),
    )  # fmt: skip


async def test_nspcc_compare(svg_snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    await journey(
        snapshot_app(tmp_path, dataset="nspcc"),
        svg_snapshot,
        Shot("compare_nspcc", "NSPCC 2016/17 vs 2017/18: UK 18,522 → 22,724, forces without "
             "figures shown as —", then=lambda app: app.open_compare(2016, 2017)),
        Shot("compare_chance_nspcc", "sorted by % change, beyond chance first (s from the "
             "default): changes within chance, marked '~', after the beyond-chance ones",
             keys=("s",)),
    )  # fmt: skip


def test_light_theme_ascii(
    snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colour is the point: the light theme's colours, with plain-ASCII sparklines and chart
    markers, at 120×40 (Kent's detail: chart, series and facts at once)."""
    monkeypatch.delenv("NO_COLOR")
    app = snapshot_app(tmp_path, theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 40), run_before=steps(*"kent", "enter"))


def test_multi_force_chart_colour(
    snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colour and glyphs are the point: the chart of three marked forces in the default theme's
    colours, with Unicode markers and lines."""
    monkeypatch.delenv("NO_COLOR")
    app = snapshot_app(tmp_path, ascii_only=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*MARK_THREE))
