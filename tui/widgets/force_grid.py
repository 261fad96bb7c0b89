"""What the Forces and Compare tables share: one row per force on a :class:`Grid`, totals fixed at
the top, a row cursor, and headers that ask for a sort.

Both views keep one cursor, sort and selection model this way: the screen owns the
:class:`SortState`, a header click posts :class:`ForceGrid.SortRequested`, Enter posts
:class:`Grid.RowSelected`, and :attr:`ForceGrid.current_force` names the row under the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
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


def arrowed(column: GridColumn, arrow: str) -> str:
    """``column``'s label with ``arrow`` after it, whole in its width if a label can be."""
    for label in (column.label, column.short):
        if label and len(label) + 2 <= column.width:
            return f"{label} {arrow}"
    return f"{column.short or column.label} {arrow}"


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
        """``columns`` with the sort arrow in the sorted column's label, after its short label
        where the full one and the arrow do not fit (``Change ▼`` in six cells read ``Chang…``,
        the arrow lost); the status line names the sort in full."""
        return [
            replace(c, label=arrowed(c, sort.arrow)) if c.key == sort.key else c for c in columns
        ]

    def reveal_column(self, key: str) -> None:
        """Scroll sideways the least that brings the column ``key`` into view whole (sorted by a
        column out of view, its arrow was nowhere to be seen)."""
        if not self.size.width or self.shows_column(key):
            return
        edges = self.column_edges()
        edge = edges.get(key)
        if edge is None:
            return
        end = edge + next(c.outer for c in self.columns if c.key == key)
        if edge < self.start_x:
            target = edge
        else:  # the first edge from which it fits whole at the right
            target = min((e for e in edges.values() if e >= end - self.scroll_room), default=edge)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False, immediate=True, force=True)

    def on_grid_header_clicked(self, event: Grid.HeaderClicked) -> None:
        """Turn a header click into a sort request."""
        event.stop()
        self.post_message(self.SortRequested(self.HEADER_SORTS.get(event.key, event.key)))


__all__ = ["ForceGrid", "SortState"]
