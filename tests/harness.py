"""What Textual's Pilot waits for, looked at instead of slept for; and CSS parsed once a process.

Installed for the test process by ``tests/conftest.py`` (:func:`install`). ``make soak`` does not
install it: the soak drives the app with Textual's own waits, in real time.

**Waits.** Textual's Pilot waits in two ways, both slow on two cores:

- ``Pilot._wait_for_screen`` posts a callback to the app and to every widget of the screen, and
  waits until each has run: 20-45 messages each time, about 3.5 ms of CPU, and ``pilot.press``,
  ``pilot.pause`` and the tests' ``settle`` wait so about 6,000 times a run (a third of all the
  messages the UI tests handled were these callbacks).
- ``wait_for_idle`` sleeps in polls until one poll passes with almost no CPU used: at least a
  poll per key and per pause, and a key's layout waits for the screen's 60-a-second update timer.
  A test process slept about a third of its time, so the suite ran four processes on two cores, each
  slowed by the others (CPU time per process about a fifth higher).

Here both look at the state itself. The app and every widget of its screen have nothing queued
and are each waiting for their next message, not in the middle of one; the event loop has nothing
else ready to run; and then a screen waiting to lay out or paint does so now (as
``Pilot.pause`` already does), and a one-off timer due within :data:`SOON` (the app's resize
debounce, 1/120 s) is waited for. Workers are waited for as before, by ``settle``. That waits for
at least what Textual's waits did: a test that read the screen too early would fail the same way.

**Animations** are off (``TEXTUAL_ANIMATIONS=none``), except in tests marked ``paints``
(``tests/conftest.py``): a key that scrolls a list or the help waited for the scroll to play out
in real time, 60 frames a second. What a test reads is where the scroll ends either way.

**CSS** is parsed once per process (:func:`_parse_rules_once`).

Measured on two cores, one process, no xdist: six UI test files (journeys, navigation, views,
whole figures, crash classes, snapshots) took 60 s of wall time and 41 s of CPU with Textual's
waits, 34 s and 32.6 s with these; the every-key sweep and the journeys took 35.4 s with these
waits and animations, 29.5 s with animations off.
"""

from __future__ import annotations

import asyncio
import time

import textual.app
import textual.constants
import textual.pilot
from textual._context import active_app
from textual._queue import Queue
from textual.app import App
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation
from textual.message import Message
from textual.message_pump import MessagePump
from textual.pilot import Pilot, WaitForScreenTimeout
from textual.screen import Screen

POLL = 0.004
"""Seconds between two looks while a handler awaits something outside the loop (a thread)."""

TURNS = 20
"""Turns of the event loop taken back to back before looking only every :data:`POLL`."""

SOON = 0.025
"""A one-off timer due within this many seconds is waited for (the resize debounce is 1/120 s);
timers that repeat are not: a screen waiting to be laid out is laid out at once."""

TIMEOUT = 30.0
"""Seconds before a wait gives up, as Textual's ``_wait_for_screen``."""


def handled(pump: MessagePump) -> bool:
    """``pump`` has no message or callback queued and is waiting for its next message (not in
    the middle of handling one, say awaiting a mount); a pump not running has only to have
    nothing queued."""
    queue: Queue[Message | None] = pump._message_queue
    if queue.values or pump._next_callbacks:
        return False
    if not pump._running:
        return True
    return any(not waiter.done() for waiter in queue.ready_event._waiters)


def _all_handled(app: App[object]) -> bool:
    screen = app.screen
    return handled(app) and all(handled(node) for node in screen.walk_children(with_self=True))


async def until_handled(app: App[object], timeout: float = TIMEOUT) -> bool:
    """Wait until the app and its screen have handled everything sent to them and nothing else
    is ready to run. False if the app failed (or has no screen); a timeout raises, as Textual's."""
    loop = asyncio.get_running_loop()
    deadline = time.monotonic() + timeout
    # A key the driver sends reaches the app's queue two turns of the loop later.
    for _ in range(3):
        await asyncio.sleep(0)
    turns = 0
    while True:
        if app._exception is not None:
            return False
        try:
            if not loop._ready and _all_handled(app):  # type: ignore[attr-defined]
                return True
        except Exception:  # noqa: BLE001 - no screen (the app is closing): nothing to wait for
            return False
        if time.monotonic() > deadline:
            raise WaitForScreenTimeout(
                "Timed out while waiting for widgets to process pending messages."
            )
        turns += 1
        await asyncio.sleep(0 if turns < TURNS else POLL)


async def wait_for_screen(pilot: Pilot[object], timeout: float = TIMEOUT) -> bool:
    """``Pilot._wait_for_screen``, by looking (:func:`until_handled`)."""
    return await until_handled(pilot.app, timeout)


def _ticking(app: App[object], screen: Screen[object]) -> set[int]:
    """What the timers that repeat (the screen's update, a cursor's blink) sleep on: not waited
    for (the screen is laid out at once instead; a blink changes nothing a test reads)."""
    return {
        id(timer._task._fut_waiter)  # type: ignore[attr-defined]
        for node in (app, *screen.walk_children(with_self=True))
        for timer in node._timers
        if timer._repeat != 0 and timer._task is not None
    }


async def wait_for_idle(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """``textual._wait.wait_for_idle``, by looking: everything handled, the screen laid out and
    painted, and the timers due within :data:`SOON` run (a few times over, as each may start
    more work)."""
    try:
        app = active_app.get()
    except LookupError:
        await asyncio.sleep(0)
        return
    loop = asyncio.get_running_loop()
    for _ in range(4):
        if not await until_handled(app):
            return
        screen = app.screen
        if screen._layout_required or screen._repaint_required or screen._dirty_widgets:
            screen._on_timer_update()
            continue
        ticking = _ticking(app, screen)
        due = [
            handle.when() - loop.time()
            for handle in loop._scheduled  # type: ignore[attr-defined]
            if not handle._cancelled and not (handle._args and id(handle._args[0]) in ticking)
        ]
        soon = [delay for delay in due if delay <= SOON]
        if not soon:
            return
        await asyncio.sleep(max(0.0, min(soon)) + POLL / 8)


_PARSED: dict[tuple[object, ...], list[RuleSet]] = {}
_parse_rules = Stylesheet._parse_rules


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    """``Stylesheet._parse_rules`` with its cache kept for the whole test process, not per app.

    Textual keeps what it parsed in each app's own stylesheet, so every app a test starts parsed
    the same CSS again (each widget's and the app's, with the same theme variables): about 50 ms
    of the 150 ms of CPU an app took to start and settle. The key is Textual's own with the
    variables added (what a parse substitutes); a source that fails to parse is not kept and
    fails every time, as before. Textual already shares parsed rules between the parses of one
    app, so sharing them between apps asks nothing new of them."""
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
    try:
        return _PARSED[key]
    except KeyError:
        rules = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        _PARSED[key] = rules
        return rules


ANIMATIONS = textual.constants.TEXTUAL_ANIMATIONS
"""The animation level the app would have (``TEXTUAL_ANIMATIONS``, "full" unless set)."""


def install() -> None:
    """Use these waits and the shared CSS cache in this process."""
    Pilot._wait_for_screen = wait_for_screen  # type: ignore[method-assign,assignment]
    textual.pilot.wait_for_idle = wait_for_idle  # type: ignore[attr-defined]
    textual.app.wait_for_idle = wait_for_idle  # type: ignore[attr-defined]
    Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]
    textual.constants.TEXTUAL_ANIMATIONS = "none"  # type: ignore[misc]
