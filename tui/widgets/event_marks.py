"""Recording events as marks on the detail chart: a vertical line at the event's year, labelled
E1, E2… (the detail's facts list them in words under the same labels)."""

from __future__ import annotations

import math
from typing import Literal

from tui.model.data.events import Event
from tui.model.data.years import fy_label


def chart_marks(events: tuple[Event, ...], labels: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """``(x position, "E1")`` for each event whose year is on the chart (x counts from 1).

    On a quarterly chart an event marks the first quarter of its financial year.
    """
    marks: list[tuple[int, str]] = []
    for number, event in enumerate(events, start=1):
        fy = fy_label(event.year)
        at = next((i for i, label in enumerate(labels, start=1) if label.startswith(fy)), None)
        if at is not None:
            marks.append((at, f"E{number}"))
    return tuple(marks)


def marks_text(labels: list[str]) -> str:
    """Event labels sharing a place: ``E1,E2``, or a run as ``E3–E22`` (the events are numbered
    in order, so those between are in it): twenty labels in a row were cut at the chart's edge,
    and a cut ``E10`` read ``E1``."""
    return ",".join(labels) if len(labels) <= 2 else f"{labels[0]}–{labels[-1]}"


def mark_column(x: float, points: int, canvas: int) -> int:
    """The cell of the chart's canvas (``canvas`` cells wide, counting from 0) that x position
    ``x`` of ``points`` is drawn in: plotext's own mapping for the chart's x limits (0.7 to
    ``points`` + 0.3)."""
    lo, hi = 0.7, points + 0.3
    return math.floor(round(0.5 + (canvas - 1) * (x - lo) / (hi - lo), 8))


Placed = tuple[int, str, Literal["left", "right"]]


def place_marks(marks: tuple[tuple[int, str], ...], points: int, canvas: int) -> tuple[Placed, ...]:
    """Where to write the event labels on the chart's top row: ``(x, text, alignment)``, each
    starting at its line (``left``), or ending at its last line (``right``) where it would run
    past the canvas, with a blank between two labels. Labels that would touch or overwrite
    each other are merged into one (``E11–E18``: at 80×24 ``E11–E14`` was overwritten by
    ``E15–E18`` drawn from the right, "E11–EE15–E18"). None when even one label for all of
    them does not fit (the facts panel lists the events)."""
    groups: list[list[tuple[int, str]]] = []

    def span(group: list[tuple[int, str]]) -> tuple[int, int, Placed]:
        text = marks_text([label for _, label in group])
        start = mark_column(group[0][0], points, canvas)
        if start + len(text) <= canvas:
            return start, start + len(text), (group[0][0], text, "left")
        end = mark_column(group[-1][0], points, canvas) + 1
        return end - len(text), end, (group[-1][0], text, "right")

    for mark in sorted(marks, key=lambda m: m[0]):  # by place, each place's in number order
        groups.append([mark])
        while len(groups) > 1 and span(groups[-2])[1] + 1 > span(groups[-1])[0]:
            last = groups.pop()
            groups[-1].extend(last)
    spans = [span(g) for g in groups]
    if any(start < 0 for start, _, _ in spans):
        return ()
    return tuple(placed for _, _, placed in spans)
