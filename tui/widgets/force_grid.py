"""What the Forces and Compare tables share: one row per force on a :class:`Grid`, totals fixed at
the top, a row cursor, and headers that ask for a sort.

Both views keep one cursor, sort and selection model this way: the screen owns the
:class:`SortState`, a header click posts :class:`ForceGrid.SortRequested`, Enter posts
:class:`Grid.RowSelected`, and :attr:`ForceGrid.current_force` names the row under the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.message import Message

from tui.widgets.grid import Grid, GridColumn


@dataclass(frozen=True)
class SortState:
    """Which column the rows are sorted by, and which way."""

    key: str
    descending: bool

    @property
    def arrow(self) -> str:
        """The marker shown in the sorted column's header."""
        return "▼" if self.descending else "▲"


class ForceGrid(Grid):
    """A grid of forces (``total:NAME`` keys for the fixed totals rows) with sortable headers."""

    HEADER_SORTS: ClassVar[dict[str, str]] = {}
    """Header columns that sort by another key (a sparkline sorts by its % change)."""

    @dataclass
    class SortRequested(Message):
        """The user clicked a column header."""

        key: str

    @property
    def current_force(self) -> str | None:
        """The key of the row under the cursor (``total:NAME`` for a totals row)."""
        return self.current_key

    def sort_keys(self, sortable: Callable[[str], bool]) -> list[str]:
        """The keys of the columns that ``sortable`` accepts, left to right (for ``s``)."""
        return [c.key for c in self.columns if sortable(c.key)]

    @staticmethod
    def headed(columns: list[GridColumn], sort: SortState) -> list[GridColumn]:
        """``columns`` with the sort arrow in the sorted column's label."""
        return [
            GridColumn(c.key, f"{c.label} {sort.arrow}", c.width, c.numeric)
            if c.key == sort.key
            else c
            for c in columns
        ]

    def on_grid_header_clicked(self, event: Grid.HeaderClicked) -> None:
        """Turn a header click into a sort request."""
        event.stop()
        self.post_message(self.SortRequested(self.HEADER_SORTS.get(event.key, event.key)))


__all__ = ["ForceGrid", "SortState"]
