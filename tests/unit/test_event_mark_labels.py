"""Event labels on the detail chart are read whole: a run of events sharing a place is written
as a range (``E3–E27``), so a label cut at the chart's edge can never read as another (a cut
``E10`` read ``E1``: England and Wales at 80×24, the new-user trial)."""

from __future__ import annotations

from tui.widgets.event_marks import marks_text


def test_one_or_two_labels_are_listed() -> None:
    assert marks_text(["E1"]) == "E1"
    assert marks_text(["E1", "E2"]) == "E1,E2"


def test_a_run_is_a_range() -> None:
    assert marks_text([f"E{n}" for n in range(3, 28)]) == "E3–E27"
