"""Recording events as marks on the detail chart: a vertical line at the event's year, labelled
E1, E2… (the detail's facts list them in words under the same labels)."""

from __future__ import annotations

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
