"""What a release diff returns, and whether two datasets may be diffed at all: plain values only.

The diff itself (:mod:`tui.model.findings.diff`) needs Polars; its result and the measure check do
not, so the TUI's diff view can show a result, or refuse two datasets of different measures, without
importing Polars (see ``tui.model.results.interface``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.model.data.errors import ModelError
from tui.model.data.measure import measure_id, measure_label

if TYPE_CHECKING:
    from tui.model.data.catalogue import DatasetInfo


CHANGED = "changed"
"""The same offences in both, a figure revised."""
RENAMED = "renamed"
"""Compared across a change of name (a group matched by its codes, a code's new description)."""
SPLIT = "split"
"""One combined code in one dataset, its parts in the other (added up and compared)."""
MOVED = "moved"
"""Codes in the selection in one dataset and elsewhere in the other: their own row."""
ADDED = "added"
"""A figure in B only, in a year both cover."""
REMOVED = "removed"
"""A figure in A only, in a year both cover."""
STATUSES = (CHANGED, RENAMED, SPLIT, MOVED, ADDED, REMOVED)


class MeasureMismatchError(ModelError):
    """Two datasets count different things (or one's measure is unknown): no diff is made."""


@dataclass(frozen=True)
class DiffRow:
    """One cell whose figure differs between dataset A and dataset B."""

    force: str
    year: str
    """The financial year, with the quarters compared when not all four: ``2023/24 Q1``."""
    offence: str
    """The offence code (or the selection's key: ``all``, ``group:NAME``)."""
    value_a: int | None
    value_b: int | None
    change: int | None
    """``value_b - value_a``; ``None`` when either is missing."""
    start_year: int
    quarters: tuple[int, ...]
    """The quarters compared; empty for whole-year figures."""
    status: str = CHANGED
    """What happened (one of :data:`STATUSES`). For ``moved`` the change is what the codes
    moving out (in) take from (add to) the selection's total, and the other value is ``None``."""
    note: str = ""
    """The codes involved and how, in words (empty for a plain revision)."""


@dataclass(frozen=True)
class DiffCell:
    """A cell with a figure in one dataset only (added or removed), or not compared."""

    force: str
    year: str
    offence: str
    value: int | None
    note: str = ""


@dataclass(frozen=True)
class DatasetDiff:
    """Every difference between two datasets of the same measure, largest first."""

    dataset_a: str
    dataset_b: str
    measure: str
    offence: str
    """What was compared: "every offence code" or the selection's label."""
    rows: tuple[DiffRow, ...]
    """Cells in both whose figures differ (changed, renamed, split, moved), by size of change
    (largest first), then force, year; then cells added or removed in years both cover."""
    unchanged: int
    added: tuple[DiffCell, ...]
    """Cells with a figure in B only."""
    removed: tuple[DiffCell, ...]
    """Cells with a figure in A only."""
    quarters_differ: tuple[DiffCell, ...]
    """Cells compared on the quarters both datasets have (listed for the notes)."""
    not_compared: tuple[DiffCell, ...]
    """Cells whose periods do not overlap (different quarters, or a whole year against part)."""
    left_out: tuple[str, ...]
    """Bodies left out (BTP, fraud bodies, unknown names) unless ``include_national``."""
    years_a: tuple[str, ...] = ()
    """The financial years dataset A covers, as labelled (``2023/24 Q1``), oldest first."""
    years_b: tuple[str, ...] = ()
    """The financial years dataset B covers."""
    forces: tuple[str, ...] = ()
    """The forces asked for (``--force``); empty for every force."""
    folded: tuple[str, ...] = ()
    """Codes one dataset counts in another code (code 90 in code 81 from 2021/22) and how they are
    compared, one line each (:mod:`tui.model.findings.diff_merged`)."""

    def count(self, status: str) -> int:
        """How many rows have this status."""
        return sum(1 for r in self.rows if r.status == status)


def measure_problem(info_a: DatasetInfo, info_b: DatasetInfo) -> str | None:
    """Why two datasets cannot be diffed (different or unknown measures), or ``None``."""
    a, b = info_a.name, info_b.name
    ma, mb = measure_id(info_a), measure_id(info_b)
    for info, m in ((info_a, ma), (info_b, mb)):
        if m is None:
            return (
                f"cannot diff '{a}' and '{b}': the measure of '{info.name}' is not "
                "known (it was imported with a column mapping), so it cannot be shown to count the "
                "same thing; if it is a release of the Home Office tables, say so and import it "
                f"again: ox import FILE --name {info.name} --replace --measure homeoffice (with "
                "the same --map options; its codes and forces are checked)"
            )
    if ma != mb:
        return (
            f"cannot diff '{a}' and '{b}': they are different measures "
            f"('{a}': {measure_label(info_a)}; '{b}': {measure_label(info_b)}); ox diff compares "
            "two datasets of the same measure, e.g. two releases of the Home Office tables"
        )
    return None
