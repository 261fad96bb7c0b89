"""What a release diff returns, and whether two datasets may be diffed at all: plain values only.

The diff itself (:mod:`tui.model.diff`) needs Polars; its result and the measure check do not, so
the TUI's diff view can show a result, or refuse two datasets of different measures, without
importing Polars (see ``tui.model.interface``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.model.errors import ModelError
from tui.model.measure import measure_id, measure_label

if TYPE_CHECKING:
    from tui.model.catalogue import DatasetInfo


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
    """Cells in both whose figures differ, by size of change (largest first), then force, year."""
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


def measure_problem(info_a: DatasetInfo, info_b: DatasetInfo) -> str | None:
    """Why two datasets cannot be diffed (different or unknown measures), or ``None``."""
    a, b = info_a.name, info_b.name
    ma, mb = measure_id(info_a), measure_id(info_b)
    for info, m in ((info_a, ma), (info_b, mb)):
        if m is None:
            return (
                f"cannot diff '{a}' and '{b}': the measure of '{info.name}' is not "
                "known (it was imported with a column mapping), so it cannot be shown to count the "
                "same thing; ox diff compares two datasets of the same measure, e.g. two releases "
                "of the Home Office tables"
            )
    if ma != mb:
        return (
            f"cannot diff '{a}' and '{b}': they are different measures "
            f"('{a}': {measure_label(info_a)}; '{b}': {measure_label(info_b)}); ox diff compares "
            "two datasets of the same measure, e.g. two releases of the Home Office tables"
        )
    return None
