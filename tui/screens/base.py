"""What every explorer view offers the app: its current table as a report, for export and copy."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.screen import Screen

from tui.model import Dataset, OffenceSelection
from tui.reports import Report


@dataclass(frozen=True)
class ViewContext:
    """What a view shows: the dataset, the offence selection and the display options."""

    dataset: Dataset
    selection: OffenceSelection
    include_national: bool = False
    ascii_only: bool = False


@dataclass
class ForceChosen(Message):
    """The user chose a force (Enter on a row): the app opens its detail view."""

    force: str


def only_force(report: Report | None, force: str | None) -> Report | None:
    """``report`` narrowed to the records of one force (for copying the row under the cursor)."""
    if report is None or force is None:
        return None
    report.records = [r for r in report.records if r.get("force") == force]
    return report


class ExplorerScreen(Screen[None]):
    """A view of the explorer. Subclasses fill in the report hooks and react to context changes."""

    context: ViewContext | None = None

    def set_context(self, context: ViewContext) -> None:
        """Show another dataset, offence or option set (called by the app)."""
        self.context = context

    def report(self) -> Report | None:
        """The whole current view as a report (for ``e`` export and ``C`` copy), or ``None``."""
        return None

    def row_report(self) -> Report | None:
        """The row under the cursor as a one-record report (for ``c`` copy), or ``None``."""
        return None

    def export_stem(self) -> str:
        """A file-name stem describing the view, e.g. ``forces-homeoffice-86``."""
        return "offence-explorer"
