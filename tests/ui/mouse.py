"""The monkey's mouse and pastes: what a terminal sends for a click, a drag, the wheel, a move or a
bracketed paste, sent as one burst (none handled before the next arrives).

A mouse step is ``(KIND, X, Y)`` or, for a drag, ``(KIND, X, Y, X2, Y2)``: a cell of the
terminal, a negative one counted from the right or the bottom (``-1`` is the last row: the key
bar), clipped to the terminal's size when played (a step is drawn before the size it meets is
known). Kinds: ``click``, ``double`` (two clicks), ``drag``, ``wheel`` (down, three notches),
``wheel-up``, ``move``. A paste step is ``("paste", TEXT)``.
"""

from __future__ import annotations

import random

from textual import events
from textual.pilot import Pilot

MOUSE = ("click", "double", "drag", "wheel", "wheel-up", "move")
PASTED: tuple[str, ...] = ("kent", "northants", "86", "zzzz", "[b]x[/b]", "two\nlines", "=1+1")
PASTED += ("é🙂" * 12, "", "x" * 300, "a\0b/", "~nosuchuser/x.csv", "\x1b[2J")
"""Texts pasted in one piece (a bracketed paste: one event, not a key per letter); in a path box
a name too long for the file system, a NUL, an unknown ``~user`` (each once ended the app)."""

Step = tuple[str, ...]


def random_mouse_step(rng: random.Random) -> Step:
    """A mouse step or a paste: often on the last row (the key bar) or the first few (titles,
    a table's header), else anywhere."""
    if rng.random() < 0.12:
        return ("paste", rng.choice(PASTED))
    roll = rng.random()
    y = -1 if roll < 0.3 else rng.randint(0, 4) if roll < 0.45 else rng.randint(0, 69)
    kind = rng.choice(MOUSE)
    cell = (str(rng.randint(0, 249)), str(y))
    if kind == "drag":
        return (kind, *cell, str(rng.randint(0, 249)), str(rng.randint(0, 69)))
    return (kind, *cell)


def mouse_burst(pilot: Pilot[None], step: Step) -> None:
    """Send one mouse or paste step, as the terminal sends it."""
    app = pilot.app
    width, height = app.size

    def send(event: events.Event) -> None:
        # Into the app's queue at once, as the driver puts what the terminal sent (its
        # ``send_message`` takes a turn of the loop first: the screen could repaint meanwhile).
        event.set_sender(app)
        app.post_message(event)

    kind = step[0]
    if kind == "paste":
        send(events.Paste(step[1]))
        return

    def cell(x: str, y: str) -> tuple[int, int]:
        col, row = int(x), int(y)
        col, row = (col if col >= 0 else width + col), (row if row >= 0 else height + row)
        return max(0, min(width - 1, col)), max(0, min(height - 1, row))

    def mouse(kind: type[events.MouseEvent], at: tuple[int, int], button: int = 1) -> None:
        x, y = at
        send(kind(None, x, y, 0, 0, button, False, False, False, screen_x=x, screen_y=y))

    at = cell(step[1], step[2])
    if kind in ("click", "double"):
        for _ in range(2 if kind == "double" else 1):
            mouse(events.MouseDown, at)
            mouse(events.MouseUp, at)
    elif kind == "drag":
        to = cell(step[3], step[4])
        mouse(events.MouseDown, at)
        mouse(events.MouseMove, ((at[0] + to[0]) // 2, (at[1] + to[1]) // 2))
        mouse(events.MouseMove, to)
        mouse(events.MouseUp, to)
    elif kind in ("wheel", "wheel-up"):
        for _ in range(3):
            mouse(events.MouseScrollDown if kind == "wheel" else events.MouseScrollUp, at, 0)
    elif kind == "move":
        mouse(events.MouseMove, at, 0)
    else:
        raise ValueError(f"not a mouse step: {step!r}")
