"""Monkey test: Hypothesis types random key sequences (and resizes the terminal) at the app.

Whatever is typed, on whichever screen, the app must never exit with an error. One app is started
for the whole test and put back on a fresh Forces view of the example's dataset between examples
(starting an app costs more than a sequence). Keys are sent in bursts, as a fast typist or a
paste sends them, and the app settles between bursts, so races between keys and the workers they
start are exercised too.

CI runs ``MONKEY_EXAMPLES`` sequences (derandomized, so every run types the same keys);
``make soak`` (``HYPOTHESIS_PROFILE=soak``) runs many more with fresh randomness. Every sequence
that ever crashed the app is kept in ``REGRESSIONS`` and replayed first.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Coroutine, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual._context import active_app
from textual.pilot import Pilot

from tests.conftest import write_dataset
from tests.ui.conftest import burst, busy, crash_of
from tui import screens, widgets
from tui.app import OffenceApp, make_app
from tui.config import DEFAULT_THEME
from tui.screens.confirm import ConfirmDialog
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.export_dialog import ExportDialog
from tui.screens.import_screen import ImportScreen
from tui.screens.picker import PickerInput
from tui.widgets.path_input import PathInput
from tui.widgets.search_bar import SearchInput

SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"
MONKEY_EXAMPLES = int(os.environ.get("MONKEY_EXAMPLES", 5000 if SOAK else 200))
MIN_KEYS = 40

HOSTILE = "hostile"
DATASETS = ("homeoffice", "nspcc", HOSTILE)

HOSTILE_FORCES = (
    "Kent",
    "[@click=app.quit]Click me",
    '=HYPERLINK("http://example.invalid","x")',
    "[/]",
    "[bold]Bold[/bold] \\[x]",
    "\x1b[31mRed\x1b[0m \x9b2J",
    "Evil\u202etxt.exe",
    "Very long force name " * 8,
    "🚓 Police ✓",
)
HOSTILE_OFFENCES = (
    ("1", "[red]Murder[/red]", "[/]"),
    ("=2", "=SUM(A1:A9)", "@group"),
    ("3[", "Zero everywhere", "+plus"),
)


def hostile_rows() -> list[dict[str, object]]:
    """A small dataset whose force, offence and group names are markup, formulas and escapes;
    one offence is 0 in every force and year, one year is missing for some forces."""
    rows: list[dict[str, object]] = []
    for f, force in enumerate(HOSTILE_FORCES):
        for code, offence, group in HOSTILE_OFFENCES:
            for year in (2019, 2020, 2021):
                if f % 3 == 1 and year == 2020:
                    continue
                count = 0 if code == "3[" else (f + 1) * (year - 2017) * len(code)
                rows.append(
                    {
                        "force": force,
                        "offence_code": code,
                        "offence": offence,
                        "offence_group": group,
                        "offence_subgroup": f"{group} [sub]",
                        "year": year,
                        "count": count,
                    }
                )
    return rows


def write_hostile(store: Path) -> None:
    """(Re)write the hostile dataset into the store (a monkey may have removed it)."""
    write_dataset(store, HOSTILE, hostile_rows(), title="[@click=app.quit]CLICK.csv [/]")


def bound_keys() -> list[str]:
    """Every key any of our screens, widgets or the app binds (so new bindings are typed too)."""
    classes: list[type[Any]] = [OffenceApp, DatasetPicker, ExportDialog, ImportScreen]
    classes += [ConfirmDialog, PickerInput, PathInput, SearchInput]
    classes += [getattr(screens, n) for n in screens.__all__]
    classes += [getattr(widgets, n) for n in widgets.__all__]
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
SIZES = ((80, 24), (120, 40), (200, 50), (60, 20), (40, 12), (100, 30))

Step = tuple[str, ...]
"""A burst of keys, or ``("resize", "W", "H")``."""

START = (80, 24)
"""The terminal size each example starts at (rendering cost grows with the area)."""

resizes = st.sampled_from(SIZES).map(lambda s: ("resize", str(s[0]), str(s[1])))


@st.composite
def sequences(draw: st.DrawFn) -> list[Step]:
    """``MIN_KEYS``+ keys cut into a few bursts, with up to two resizes in between."""
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=MIN_KEYS, max_size=MIN_KEYS + 4))
    cuts = sorted(set(draw(st.lists(st.integers(1, len(keys) - 1), max_size=3))))
    seq: list[Step] = [tuple(keys[a:b]) for a, b in zip([0, *cuts], [*cuts, len(keys)])]
    for _ in range(draw(st.integers(0, 2))):
        seq.insert(draw(st.integers(0, len(seq))), draw(resizes))
    return seq


def key_count(seq: Sequence[Step]) -> int:
    """How many keys ``seq`` types."""
    return sum(len(s) for s in seq if s[0] != "resize")


@dataclass
class Monkey:
    """One running app, driven from synchronous Hypothesis examples on a private event loop."""

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
        """Reset, type ``seq``, and raise ``AssertionError`` naming the crash, if any."""
        self.loop.run_until_complete(self._in_app(self._play(dataset, seq)))

    async def _in_app(self, work: Coroutine[Any, Any, None]) -> None:
        # Each example runs in a task of its own: give it the app's context (the active app),
        # as ``run_test`` gives the body of its ``async with``.
        if self.pilot is None:
            await self._start()
        assert self.app is not None
        with self.app._context():
            await work

    async def _start(self) -> Pilot[None]:
        app = self.app = make_app(settings_file=self.settings_file)
        original_exit = app.exit

        def exit_unless_crashed(*args: Any, **kwargs: Any) -> None:
            # Quitting (q, Ctrl+Q) is not a crash: note it and keep typing. A crash still exits.
            if app._exception is not None:
                original_exit(*args, **kwargs)
            else:
                self.quits.append(args)

        app.exit = exit_unless_crashed  # type: ignore[method-assign]
        self.runner = app.run_test(size=START)
        self.pilot = await self.runner.__aenter__()
        return self.pilot

    async def _stop(self) -> None:
        if self.runner is not None:
            runner, self.runner, self.app, self.pilot = self.runner, None, None, None
            try:
                await runner.__aexit__(None, None, None)
            except Exception:  # noqa: BLE001 - the crash was reported when it happened
                pass

    async def _settle(self, pilot: Pilot[None]) -> None:
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
        # "Idle" above is judged by CPU time, which a loaded machine fools: also wait until no
        # message, callback, layout or repaint is left.
        for _ in range(20):
            if crash_of(app) is not None or not busy(app):
                break
            await pilot._wait_for_screen()
            await pilot.pause()

    async def _reset(self, dataset: str) -> Pilot[None]:
        pilot = self.pilot if self.pilot is not None else await self._start()
        app = pilot.app
        # Each example runs in a task of its own, whose context lacks the running app that
        # Textual's rendering looks up (run_test set it in the first example's task only).
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
            await self._settle(pilot)  # the opening load (first example) must not land after ours
            app.load(dataset)
            await self._settle(pilot)
        assert app.data is not None and app.dataset is not None
        assert app.dataset.name == dataset
        default = app.data.default_selection()
        if app.selection is None or app.selection.key != default.key:
            app.set_offence(default.key)
        # A load keeps the views shown: close any the last example's keys opened meanwhile.
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

    async def _play(self, dataset: str, seq: Sequence[Step]) -> None:
        pilot = await self._reset(dataset)
        app = pilot.app
        self.played += 1
        done: list[Step] = []
        for step in seq:
            done.append(step)
            if step[0] == "resize":
                await pilot.resize_terminal(int(step[1]), int(step[2]))
            else:
                burst(pilot, *step)
                self.keys += len(step)
            await self._settle(pilot)
            error = crash_of(app)
            if error is not None or app.return_code is not None:
                await self._stop()
                raise AssertionError(
                    f"{dataset}: the app {'crashed' if error else 'exited'} after {done!r}: "
                    f"{type(error).__name__ if error else ''}: {error}"
                )

    def close(self) -> None:
        self.loop.run_until_complete(self._stop())
        self.loop.close()


@pytest.fixture
def monkey(
    store: Path, settings_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Monkey]:
    """A monkey at the keyboard, in a temporary folder (export and import start there)."""
    write_hostile(store)
    monkeypatch.chdir(tmp_path)
    m = Monkey(store, settings_file)
    yield m
    m.close()


REGRESSIONS: list[tuple[str, list[Step]]] = [
    # Found by the monkey under load: a detail closed before it was mounted → NoMatches
    # 'SeriesTable' in its on_mount (tests/ui/test_closed_early.py makes it deterministic).
    (
        "nspcc",
        [
            ("shift+tab",),
            (
                *("right", "escape", "full_stop", "pagedown", "super+c", "V", "P", "k", "enter"),
                *("a", "q", "z", "n", "r", "escape", "left_square_bracket", "X", "s", "9"),
                *("left_square_bracket", "end", "enter", "4", "left_square_bracket", "u", "i"),
                *("a", "b", "S", "escape", "9", "1", "left_square_bracket", "R", "space", "w"),
                *("a", "d", "I", "1"),
            ),
        ],
    ),
    # Issue 9: Compare, a force's detail from it, Compare again → DuplicateIds 'compare'.
    ("homeoffice", [("down",), ("v",), ("enter",), ("v",), ("enter",), ("v",)]),
    # Issue 9: the palette's page keys before its list had a size → KeyError: 0 (_move_page).
    ("homeoffice", [("ctrl+p", "z", "pageup"), ("escape", "escape"), ("ctrl+p", "k", "pagedown")]),
    # Found by the monkey: a selection handled after Esc closed the palette → ScreenStackError.
    ("homeoffice", [("enter", "backspace", "ctrl+p", "w", "escape")]),
    # Found by the monkey: a letter after Enter chose a palette command → NoMatches in its worker.
    (
        "homeoffice",
        [
            ("resize", "40", "12"),
            ("space",),
            (
                *("A", "3", "s", "a", "right_square_bracket", "y", "w", "home", "down", "x", "6"),
                *("down", "backspace", "a", "escape", "z", "o", "n", "A", "C", "7", "4", "o", "a"),
                *("a", "ctrl+p", "enter", "a"),
            ),
        ],
    ),
    # Found by the monkey: the palette closed under a running search → NoMatches in its worker.
    (
        "homeoffice",
        [
            (
                "end",
                "9",
                "pagedown",
                "ctrl+p",
                "left",
                "ctrl+c",
                "O",
                "super+c",
                "j",
                "pagedown",
                "b",
            )
        ],
    ),
    # Issue 9: a force whose series is 0 in every year → ZeroDivisionError in plotext.
    (HOSTILE, [("down",), ("o",), tuple("zero"), ("enter",), ("enter",), ("resize", "80", "24")]),
]


@pytest.mark.parametrize(
    ("dataset", "seq"), REGRESSIONS, ids=[f"regression-{i}" for i in range(len(REGRESSIONS))]
)
def test_sequences_that_once_crashed(monkey: Monkey, dataset: str, seq: list[Step]) -> None:
    monkey.play(dataset, seq)
    assert monkey.app is not None and monkey.app.return_code is None


@pytest.mark.parametrize("dataset", DATASETS)
def test_monkey_never_crashes_the_app(monkey: Monkey, dataset: str) -> None:
    examples = -(-MONKEY_EXAMPLES // len(DATASETS))  # one app per dataset: no reload per example

    @settings(
        max_examples=examples,
        derandomize=not SOAK,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    @given(seq=sequences())
    def type_at_it(seq: list[Step]) -> None:
        monkey.play(dataset, seq)

    type_at_it()
    assert monkey.played >= examples
    assert monkey.keys >= examples * MIN_KEYS
