"""Helpers for driving the app with Textual's Pilot."""

from __future__ import annotations

import asyncio
import io
import threading
import time
import types
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual import events
from textual._context import visible_screen_stack
from textual.app import App
from textual.geometry import Region
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerState

from tui.app import OffenceApp, make_app
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen

SETTLE_ROUNDS = 8
"""At most this many rounds of "wait for the workers, then for the app to be idle": a message a
worker posts may start another worker, whose message may start another, and so on."""


def busy(app: App[Any], *, except_group: str | None = None) -> bool:
    """A worker is pending or running (other than those of ``except_group``), the screen has to
    lay out or repaint, or a message or callback is waiting to be handled."""
    active = (WorkerState.PENDING, WorkerState.RUNNING)
    if any(w.state in active and w.group != except_group for w in app.workers):
        return True
    screen = app.screen
    if screen._layout_required or screen._repaint_required or screen._dirty_widgets:
        return True
    if screen._callbacks:  # ``call_after_refresh`` callbacks not yet run
        return True
    # A message posted while the screen was painted (a resize, a scroll) is still to be handled.
    nodes = (app, *screen.walk_children(with_self=True))
    return any(node._message_queue.qsize() or node._next_callbacks for node in nodes)


async def settle(pilot: Pilot[None], at_least: int = 1) -> None:
    """Wait until every worker is done and every message it posted has been handled.

    Each round waits for the workers, then for the app to be idle (its messages handled and the
    screen painted); it stops at the first round after which nothing is left to do (after
    ``at_least`` rounds), instead of always paying for a fixed number of idle waits. Snapshots
    ask for more rounds: a table's scrollbar is sized on a later refresh than its rows."""
    app = pilot.app
    for done in range(1, SETTLE_ROUNDS + 1):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # an exclusive worker replaced by a newer one (e.g. a fallback dataset load)
        await pilot.pause()  # waits for the screen's messages, then for idle, then paints
        if done >= at_least and not busy(app):
            break
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False  # a blinking cursor makes snapshots flaky


async def resize_to(pilot: Pilot[None], size: tuple[int, int]) -> None:
    """Resize the terminal to ``size`` and settle, unless it has that size already: a resize to
    the size it has changes nothing, and lays out every widget again."""
    if pilot.app.size != size:
        await pilot.resize_terminal(*size)
        await settle(pilot)


def hold_the_data(monkeypatch: pytest.MonkeyPatch, timeout: float = 30) -> threading.Event:
    """Make loading a dataset wait until the returned event is set (so what shows before the
    data can be looked at, and typed at)."""
    from tui.model import session as session_module

    release = threading.Event()
    real = session_module.open_session

    def held(name: str) -> session_module.Session:
        release.wait(timeout=timeout)
        return real(name)

    monkeypatch.setattr(session_module, "open_session", held)
    return release


POLL = 0.02
"""Seconds between two looks at a condition (a timer such as the import preview's debounce has to
run out in real time)."""


async def wait_for(
    pilot: Pilot[None], condition: Callable[[], object], what: str, timeout: float = 15.0
) -> None:
    """Wait until ``condition()`` holds (workers done, messages handled), else fail."""
    deadline = time.monotonic() + timeout
    while True:
        await settle(pilot)
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(POLL)


@pytest.fixture(autouse=True)
def snapshots_without_colour(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test that takes a snapshot takes it with ``NO_COLOR`` set (a test whose point is colour
    unsets it); see ``tests/ui/test_snapshots.py``."""
    if "snap_compare" in request.fixturenames:
        monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(autouse=True)
def no_full_collection_per_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dataset load does not collect all the garbage of the test process.

    The app's loader unfreezes, collects and freezes every object of the process once a dataset
    is loaded (``OffenceApp.load``: fewer collector pauses while typing in a long session). In a
    test process that is everything pytest and every test module loaded: about 0.12 s of CPU per
    load, for an effect (pause times) no test measures. The app's logic is not touched."""
    import tui.app

    monkeypatch.setattr(
        tui.app,
        "gc",
        types.SimpleNamespace(unfreeze=lambda: None, collect=lambda: 0, freeze=lambda: None),
    )


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    """A settings file of this test's own."""
    return tmp_path / "settings.json"


@pytest.fixture
def app(settings_file: Path) -> OffenceApp:
    """The app as the CLI builds it, with settings in a temporary file."""
    return make_app(settings_file=settings_file)


def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send ``keys`` as one burst, as a fast typist or a paste does: none is handled before the
    next arrives (``pilot.press`` waits for each key to be handled before sending the next)."""
    app = pilot.app
    assert app._driver is not None
    for key in keys:
        event = events.Key(key, key_character(key))
        event.set_sender(app)
        app._driver.send_message(event)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` as a paste arrives (one burst), then wait until every key is handled.

    For a query typed into the palette or a search box: ``pilot.press`` waits for the app to go
    idle after each letter, and each letter starts a search of its own."""
    burst(pilot, *(_character_to_key(ch) if not ch.isalnum() else ch for ch in text))
    await settle(pilot)


def key_character(key: str) -> str | None:
    """The character a key types (``"slash"`` → ``"/"``), as ``pilot.press`` works it out."""
    name = REPLACED_KEYS.get(key, key)
    try:
        return unicodedata.lookup(_get_unicode_name_from_key(name))
    except KeyError:
        return key if len(key) == 1 else None


def crash_of(app: App[Any]) -> BaseException | None:
    """The unhandled exception that ended the app, if any (Textual keeps the first one)."""
    return app._exception


def assert_running(app: App[Any], after: object) -> None:
    """The app has neither crashed nor exited; ``after`` says what was done (for the message)."""
    error = crash_of(app)
    assert error is None, f"crashed after {after!r}: {type(error).__name__}: {error}"
    assert app.return_code is None and app.is_running, f"exited after {after!r}"


async def open_import_preview(pilot: Pilot[None], path: Path) -> Any:
    """From the Forces view, open the import screen on ``path`` and wait for its preview;
    returns the screen (an ``ImportScreen``)."""
    from tui.screens.import_screen import ImportScreen
    from tui.widgets.path_input import PathInput

    await settle(pilot)
    await pilot.press("down", "I")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ImportScreen)
    screen.query_one(PathInput).value = str(path)
    # The preview starts after a pause in typing.
    await wait_for(pilot, lambda: screen._preview is not None, "the preview", timeout=30)
    return screen


def terminal_text(app: App[Any]) -> str:
    """The text on the terminal now, as the compositor draws it (line filters applied; dialogs
    over the screens below them), one line per terminal row."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        legacy_windows=False,
        color_system=None,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def terminal_lines(app: App[Any], area: Region) -> list[str]:
    """The text on the terminal in ``area`` (one string of ``area.width`` cells per row), as
    :func:`terminal_text` has it there, drawing only what shows in ``area``: front to back as
    the compositor lays widgets over each other (a dialog or a toast over a table is read, not
    the table under it), each widget draws only its lines and columns in ``area``, and one
    wholly behind those in front of it (the screen and the containers under a table) is not
    drawn. For a test that reads one table or one line, at a fraction of the cost of drawing the
    whole terminal."""
    area = area.intersection(app.screen.region)
    cells = [[" "] * area.width for _ in range(area.height)]
    shown = [bytearray(area.width) for _ in range(area.height)]  # 1 where a cell is drawn
    visible_screen_stack.set(app._background_screens)
    for widget, (region, clip) in app.screen._compositor.visible_widgets.items():  # front first
        drawn = region.intersection(clip).intersection(area)
        left, right = drawn.x - area.x, drawn.right - area.x
        lines = range(drawn.y - area.y, drawn.bottom - area.y)
        if all(shown[y].find(0, left, right) == -1 for y in lines):
            continue  # nothing of it shows (or it has no room in the area)
        crop = Region(drawn.x - region.x, drawn.y - region.y, drawn.width, drawn.height)
        for y, strip in zip(lines, widget.render_lines(crop)):
            row, mask = cells[y], shown[y]
            text = "".join(segment.text for segment in strip if not segment.control)
            if mask.find(1, left, right) == -1 and cell_len(text) == len(text):
                width = min(len(text), area.width - left)  # a cell per character, all shown
                row[left : left + width] = text[:width]
                mask[left : left + width] = b"\x01" * width
                continue
            x = left
            for ch in text:
                width = cell_len(ch)
                if width and x < area.width and not mask[x]:
                    row[x], mask[x] = ch, 1
                    for pad in range(x + 1, min(x + width, area.width)):
                        if not mask[pad]:  # the right half of a wide character
                            row[pad], mask[pad] = "", 1
                x += width
    return ["".join(row) for row in cells]


OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release, bundled beside the default: tests that quote its rows (the shared
prc_pfa_tidy.csv, PROVENANCE.md's checks) open the app on it."""


@pytest.fixture
def oct23_app(settings_file: Path) -> OffenceApp:
    """The app as the CLI builds it, opened on the Oct 2023 release (``--dataset
    homeoffice-2023-10``), with settings in a temporary file."""
    return make_app(settings_file=settings_file, dataset=OCT23)


async def compare_years(pilot: Pilot[None], year_a: int, year_b: int) -> CompareScreen:
    """Once the data is loaded, open Compare on ``year_a`` against ``year_b`` over Forces and
    wait for its comparison; returns the screen."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    await wait_for(pilot, lambda: app.data is not None, "the dataset")
    forces = app.screen
    assert isinstance(forces, ForcesScreen) and forces.context is not None
    await app.push_screen(CompareScreen(forces.context, years=(year_a, year_b)))
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    await wait_for(pilot, lambda: screen.comparison is not None, "the comparison")
    return screen


async def open_compare(pilot: Pilot[None]) -> CompareScreen:
    """From Forces, open Compare (↓ v) and wait for its first comparison; returns the screen."""
    app = pilot.app
    await settle(pilot)
    await pilot.press("down", "v")
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    await wait_for(pilot, lambda: screen.comparison is not None, "the comparison")
    await settle(pilot)
    return screen
