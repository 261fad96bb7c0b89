"""The marks of ``ox show``'s % column, as Compare marks its changes: ``~`` after a change within
chance variation, ``†`` after one between figures from different releases, with a legend line.

Headless: no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.formatting import fmt_pct
from tui.model.results.detail_types import SeriesPoint
from tui.model.stats.chance import METHOD
from tui.model.stats.changes import change_marks

Record = dict[str, object]


def _pct(v: object) -> str:
    return fmt_pct(float(v) if isinstance(v, (int, float)) else None)


CHANCE_MARK = "~"
RELEASE_MARK = "†"
SHOW_CHANCE_NOTE = (
    f"{CHANCE_MARK} after a %: the change from the year before is within chance variation (its "
    f"95% interval includes no change). Method: {METHOD}. See README, Methods."
)
SHOW_RELEASE_NOTE = (
    f"{RELEASE_MARK} after a %: the two years' figures come from different releases (a change "
    "between releases may reflect revised figures, not only a change in offences)."
)


def chance_and_release(before: SeriesPoint | None, p: SeriesPoint) -> Record:
    """Whether a year's change is beyond chance (``None`` where no change is computed) and
    whether its two figures come from different releases (as Compare marks them), by the model's
    :func:`~tui.model.stats.changes.change_marks`, as the detail view marks them."""
    significant, crosses = change_marks(before, p)
    return {"significant": significant, "crosses_releases": crosses}


def marked_pct(record: Record) -> str:
    """A % change with ``†`` when it crosses releases and ``~`` when it is within chance."""
    text = _pct(record.get("pct_change"))
    if record.get("pct_change") is None:
        return text
    if record.get("crosses_releases"):
        text += RELEASE_MARK
    return text + (CHANCE_MARK if record.get("significant") is False else "")


def mark_notes(records: Sequence[Record]) -> list[str]:
    """The legend of the marks the % column shows."""
    notes = []
    if any(r.get("significant") is False and r.get("pct_change") is not None for r in records):
        notes.append(SHOW_CHANCE_NOTE)
    if any(r.get("crosses_releases") and r.get("pct_change") is not None for r in records):
        notes.append(SHOW_RELEASE_NOTE)
    return notes
