"""The monkey at the keyboard: what it types, and one running app it types at.

A sequence is a list of steps; a step is a burst of keys (sent together, as a fast typist or a
paste sends them: none is handled before the next arrives), or one of

- ``("resize", W, H)``: the terminal is resized (20×5 to 250×70, often 5–9 rows);
- ``("load", DATASET, *keys)``: a dataset is loaded and the keys are typed while it loads;
- ``("themes", *keys)``: Textual's theme switcher (the palette's "Theme") opens and the keys are
  typed as it opens;
- ``("restart", *keys)``: a fresh app, typed at before its first frame and while it loads;
- ``("+", *keys)``: keys sent before the step before has settled (typed while it is handled);
- a mouse step (a click, a double click, a drag, the wheel, a move: ``tests/ui/mouse.py``) or
  ``("paste", TEXT)`` (a bracketed paste: one event).

The app shows notifications and tooltips, as on a terminal (``run_test`` hides both unless
asked): a click on a notification as it timed out once ended the app.

The app settles (workers done, messages handled, painted) after each step but one followed by
a ``+`` step. ``random_sequence``
draws sequences from a seeded ``random.Random``: a seed gives the same sequences on every machine.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Coroutine, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual._context import active_app
from textual.pilot import Pilot

from tests.ui.conftest import burst, busy, crash_of
from tests.ui.hostile_dataset import HOSTILE, write_hostile
from tests.ui.mouse import MOUSE, mouse_burst, random_mouse_step
from tui.app import OffenceApp, make_app
from tui.config import DEFAULT_THEME
from tui.screens.base import ExplorerScreen, ForceChosen, ViewContext
from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.confirm import ConfirmDialog
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.detail import ForceDetailScreen
from tui.screens.diff_view import DiffScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen
from tui.screens.import_screen import ImportScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.screens.picker import Choice, Picker, PickerInput
from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_grid import SortState
from tui.widgets.force_table import ForceTableView
from tui.widgets.path_input import PathInput
from tui.widgets.search_bar import SearchBar, SearchInput
from tui.widgets.tables import BreakdownTable, SeriesTable
from tui.widgets.trend_chart import TrendChart

DATASETS = ("homeoffice", "nspcc", HOSTILE)


def bound_keys() -> list[str]:
    """Every key any of our screens, widgets or the app binds (so new bindings are typed too)."""
    classes: list[type[Any]] = [OffenceApp, DatasetPicker, ExportDialog, ImportScreen]
    classes += [ConfirmDialog, PickerInput, PathInput, SearchInput]
    classes += [Choice, CiteDialog, CompareScreen, DiffScreen, ExplorerScreen, ExportDialog]
    classes += [ForceChosen, ForceDetailScreen, ForcesScreen, HelpScreen, MapScreen]
    classes += [MultiChartScreen, Picker, ViewContext]
    classes += [BreakdownTable, CompareTableView, ForceTableView, SearchBar, SeriesTable]
    classes += [SortState, TrendChart]
    keys: dict[str, None] = {}
    for cls in classes:
        for binding in getattr(cls, "BINDINGS", []):
            for key in getattr(binding, "key", "").split(","):
                if key.strip():
                    keys[key.strip()] = None
    return list(keys)


PLAIN_KEYS = [
    *"abcdefghijklmnopqrstuvwxyz",
    *"ACINOSVX",
    *"0123456789",
    *("up", "down", "left", "right", "pageup", "pagedown", "home", "end"),
    *("enter", "escape", "tab", "shift+tab", "backspace", "delete", "space", "ctrl+p"),
    *("slash", "question_mark", "left_square_bracket", "right_square_bracket", "full_stop"),
]
KEYS = list(dict.fromkeys([*PLAIN_KEYS, *bound_keys()]))
NAVIGATION = ("up", "down", "pageup", "pagedown", "home", "end", "enter", "escape", "tab")
"""Keys typed more often than the others (they move between and inside views)."""

PASTES = ("kent", "nspcc", "theme", "northants", "met", "86", "2017", "e23000022", "zero")
"""Words pasted (their letters arrive together)."""

MACROS: tuple[tuple[str, ...], ...] = (
    ("down", "M"),  # the map
    ("down", "M", "enter"),  # a tile's detail
    ("down", "enter", "M", "enter"),  # a detail, the map over it, a tile
    ("down", "space", "down", "space", "g"),  # the chart of several forces
    ("down", "enter", "P"),  # a force with its peers
    ("down", "d", "down", "D"),  # the release diff
    ("down", "d", "end", "x"),  # remove a dataset: the question
    ("down", "v", "a"),  # Compare, year A
    ("down", "v", "b"),
    ("down", "o"),  # the offence picker
    ("down", "e"),  # export
    ("down", "I"),  # import
    ("down", "K"),  # cite
    ("down", "R"),  # the command
    ("question_mark",),
    ("down", "q"),
    ("ctrl+p",),
    ("ctrl+p", *"theme", "enter"),
)
"""Bursts that reach every view and dialog."""

SIZES = ((80, 24), (120, 40), (200, 50), (60, 20), (40, 12), (100, 30), (250, 70), (20, 5))
SHORT = (5, 6, 7, 8, 9)

Step = tuple[str, ...]


def random_size(rng: random.Random) -> tuple[int, int]:
    """A terminal size from 20×5 to 250×70: often a usual one, often 5–9 rows, else any."""
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(SIZES)
    if roll < 0.7:
        return rng.randint(20, 250), rng.choice(SHORT)
    return rng.randint(20, 250), rng.randint(5, 70)


def random_step(rng: random.Random) -> Step:
    """One step: mostly bursts of keys (random, navigation, a double tap, a paste, a way to a
    view or dialog), sometimes the mouse or a paste, a resize, a load, the theme switcher or a
    restart."""
    if rng.random() < 0.12:
        return random_mouse_step(rng)
    roll = rng.random()
    if roll < 0.22:
        return tuple(rng.choice(KEYS) for _ in range(rng.randint(1, 8)))
    if roll < 0.30:
        return ("+", *(rng.choice(KEYS + list(NAVIGATION)) for _ in range(rng.randint(1, 4))))
    if roll < 0.42:
        return tuple(rng.choice(NAVIGATION) for _ in range(rng.randint(1, 4)))
    if roll < 0.52:
        key = rng.choice(KEYS if rng.random() < 0.5 else NAVIGATION)
        return (key,) * rng.randint(2, 3)
    if roll < 0.58:
        return tuple(rng.choice(PASTES))
    if roll < 0.75:
        return rng.choice(MACROS) + tuple(rng.choice(KEYS) for _ in range(rng.randint(0, 3)))
    if roll < 0.88:
        return ("resize", *map(str, random_size(rng)))
    tail = tuple(rng.choice(KEYS + list(NAVIGATION)) for _ in range(rng.randint(1, 5)))
    if roll < 0.93:
        return ("load", rng.choice(DATASETS), *tail)
    if roll < 0.985:
        return ("themes", *tail)
    return ("restart", *tail)


def random_sequence(rng: random.Random, steps: tuple[int, int] = (4, 14)) -> list[Step]:
    """A sequence: a starting size, then steps."""
    seq: list[Step] = [("resize", *map(str, random_size(rng)))]
    seq += [random_step(rng) for _ in range(rng.randint(*steps))]
    return seq


def key_count(seq: Sequence[Step]) -> int:
    """How many keys ``seq`` types."""
    special = {"resize": 3, "load": 2, "themes": 1, "restart": 1, "+": 1}
    return sum(len(s) - special.get(s[0], 0) for s in seq if s[0] not in (*MOUSE, "paste"))


START = (80, 24)
"""The terminal size each sequence starts at before its own first step."""
STEP_TIMEOUT = 90.0
"""Seconds a step may take to settle before the monkey calls it a hang."""


class Hang(Exception):
    """The app did not settle after a step."""


class Crash(AssertionError):
    """The app crashed (or exited, or hung) while the monkey typed."""

    def __init__(self, dataset: str, size: str, steps: list[Step], error: BaseException | None):
        what = "crashed" if error else "exited"
        kind = type(error).__name__ if error else ""
        super().__init__(f"{dataset}: the app {what} at {size} after {steps!r}: {kind}: {error}")
        self.dataset, self.size, self.steps, self.error = dataset, size, steps, error

    @property
    def signature(self) -> str:
        """The kind of crash: the exception's type and the innermost line of the app's code or
        Textual's that raised it (two sequences with the same signature found the same bug)."""
        if self.error is None:
            return "exited"
        where = ""
        tb = self.error.__traceback__
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if "/tui/" in name or "/textual/" in name:
                short = name.rsplit("/tui/", 1)[-1] if "/tui/" in name else name.rsplit("/", 2)[-1]
                where = f"{short}:{tb.tb_lineno} {tb.tb_frame.f_code.co_name}"
            tb = tb.tb_next
        return f"{type(self.error).__name__} at {where}" if where else type(self.error).__name__


@dataclass
class Monkey:
    """One running app, driven from synchronous code on a private event loop."""

    store: Path
    settings_file: Path
    loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    app: OffenceApp | None = None
    pilot: Pilot[None] | None = None
    runner: AbstractAsyncContextManager[Pilot[None]] | None = None
    quits: list[object] = field(default_factory=list)
    played: int = 0
    keys: int = 0

    def play(self, dataset: str, seq: Sequence[Step]) -> None:
        """Reset, play ``seq``, and raise ``AssertionError`` naming the crash, if any."""
        self.loop.run_until_complete(self._in_app(self._play(dataset, seq)))

    async def _in_app(self, work: Coroutine[Any, Any, None]) -> None:
        # Each sequence runs in a task of its own: give it the app's context (the active app),
        # as ``run_test`` gives the body of its ``async with``.
        if self.pilot is None:
            await self._start()
        assert self.app is not None
        with self.app._context():
            await work

    async def _start(self, size: tuple[int, int] = START) -> Pilot[None]:
        app = self.app = make_app(settings_file=self.settings_file)
        original_exit = app.exit

        def exit_unless_crashed(*args: Any, **kwargs: Any) -> None:
            # Quitting (q, Ctrl+Q) is not a crash: note it and keep typing. A crash still exits.
            if app._exception is not None:
                original_exit(*args, **kwargs)
            else:
                self.quits.append(args)

        app.exit = exit_unless_crashed  # type: ignore[method-assign]
        self.runner = app.run_test(size=size, notifications=True, tooltips=True)
        self.pilot = await self.runner.__aenter__()
        active_app.set(app)
        return self.pilot

    async def _stop(self) -> None:
        if self.runner is not None:
            runner, self.runner, self.app, self.pilot = self.runner, None, None, None
            try:
                await runner.__aexit__(None, None, None)
            except Exception:  # noqa: BLE001 - the crash was reported when it happened
                pass

    async def _settle(self, pilot: Pilot[None]) -> None:
        try:
            await asyncio.wait_for(self._settle_now(pilot), STEP_TIMEOUT)
        except asyncio.TimeoutError:
            raise Hang(f"the app did not settle within {STEP_TIMEOUT:.0f} s") from None

    async def _settle_now(self, pilot: Pilot[None]) -> None:
        """Wait until the keys are handled and the workers they started are done, then render."""
        app = pilot.app
        for _ in range(20):
            await pilot._wait_for_screen()
            if crash_of(app) is not None or not any(w.is_running for w in app.workers):
                break
            try:
                await app.workers.wait_for_complete()
            except Exception:  # noqa: BLE001 - a cancelled worker; the app reports real errors
                pass
        await pilot.pause()
        # "Idle" above is judged by CPU time under ``make soak`` (Textual's own waits), which a
        # loaded machine fools: also wait until no message, callback, layout or repaint is left.
        for _ in range(20):
            if crash_of(app) is not None or not busy(app):
                break
            await pilot._wait_for_screen()
            await pilot.pause()

    async def _reset(self, dataset: str) -> Pilot[None]:
        pilot = self.pilot if self.pilot is not None else await self._start()
        app = pilot.app
        # Each sequence runs in a task of its own, whose context lacks the running app that
        # Textual's rendering looks up (run_test set it in the first sequence's task only).
        active_app.set(app)
        assert isinstance(app, OffenceApp)
        if not (self.store / f"{HOSTILE}.json").exists():
            write_hostile(self.store)
        if app.size != START:
            await pilot.resize_terminal(*START)
        if len(app.screen_stack) > 1:
            while len(app.screen_stack) > 1:
                await app.pop_screen()
            await self._settle(pilot)
        if app.settings.ascii:
            app.action_toggle_ascii()
        if app.settings.include_national:
            app.action_toggle_national()
        if app.theme != DEFAULT_THEME:
            app.theme = DEFAULT_THEME
        if app.dataset is None or app.dataset.name != dataset:
            await self._settle(pilot)  # the opening load (first sequence) must not land after ours
            app.load(dataset)
            await self._settle(pilot)
        assert app.data is not None and app.dataset is not None
        assert app.dataset.name == dataset
        default = app.data.default_selection()
        if app.selection is None or app.selection.key != default.key:
            app.set_offence(default.key)
        # A load keeps the views shown: close any the last sequence's keys opened meanwhile.
        while len(app.screen_stack) > 1:
            await app.pop_screen()
        search = app.screen.query_one(SearchInput)
        if search.value:
            search.value = ""
        if app.screen.focused is not search:
            search.focus()
        await self._settle(pilot)
        self.quits.clear()
        return pilot

    async def _step(self, pilot: Pilot[None], step: Step) -> Pilot[None]:
        """Play one step; returns the pilot (a new one after a restart)."""
        kind, rest = step[0], step[1:]
        app = pilot.app
        assert isinstance(app, OffenceApp)
        if kind == "resize":
            await pilot.resize_terminal(int(rest[0]), int(rest[1]))
            return pilot
        if kind in (*MOUSE, "paste"):
            mouse_burst(pilot, step)
            return pilot
        if kind == "load":
            app.load(rest[0])
            rest = rest[1:]
        elif kind == "themes":
            app.action_change_theme()
        elif kind == "restart":
            size = app.size
            await self._stop()
            pilot = await self._start((size.width, size.height))
        elif kind != "+":
            rest = step
        burst(pilot, *rest)
        self.keys += len(rest)
        return pilot

    async def _play(self, dataset: str, seq: Sequence[Step]) -> None:
        pilot = await self._reset(dataset)
        self.played += 1
        done: list[Step] = []
        for i, step in enumerate(seq):
            done.append(step)
            failure: BaseException | None = None
            try:
                pilot = await self._step(pilot, step)
                if i + 1 == len(seq) or seq[i + 1][0] != "+":
                    await self._settle(pilot)
            except Hang as exc:
                failure = exc
            app = pilot.app
            error = failure or crash_of(app)
            if error is not None or app.return_code is not None:
                size = f"{app.size.width}x{app.size.height}"
                await self._stop()
                raise Crash(dataset, size, done, error)

    def close(self) -> None:
        self.loop.run_until_complete(self._stop())
        self.loop.close()
