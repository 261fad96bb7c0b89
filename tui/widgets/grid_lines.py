"""The columns and rows a :class:`~tui.widgets.grid.Grid` shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

PAD = 1
"""Blank cells on each side of a column."""


@dataclass(frozen=True)
class GridColumn:
    """One column: a key, a header label, a width (without padding), and alignment."""

    key: str
    label: str
    width: int
    numeric: bool = False

    @property
    def outer(self) -> int:
        """Width with padding."""
        return self.width + 2 * PAD


@dataclass(frozen=True)
class GridRow:
    """One row: a key and its cells (one ``Text`` per column), optionally bold."""

    key: str
    cells: tuple[Text, ...]
    bold: bool = False

    @cached_property
    def signatures(self) -> tuple[tuple[object, ...], ...]:
        """A hashable digest of each cell (``Text`` itself is not hashable), for the line cache."""
        return tuple((c.plain, tuple(c.spans), str(c.style)) for c in self.cells)


def render_cells(
    console: Console, cells: Sequence[Text], columns: Sequence[GridColumn], style: Style
) -> Strip:
    """One line of cells, each padded (numbers to the right) or cut with an ellipsis."""
    line = Text(style=style, no_wrap=True, end="")
    for cell, column in zip(cells, columns):
        piece = cell.copy()
        piece.truncate(column.width, overflow="ellipsis")
        pad = column.width - piece.cell_len
        line.append(" " * PAD)
        if column.numeric:
            line.append(" " * pad)
            line.append_text(piece)
        else:
            line.append_text(piece)
            line.append(" " * pad)
        line.append(" " * PAD)
    # Every segment gets a style: NO_COLOR's monochrome filter cannot handle a bare one.
    segments = list(Segment.apply_style(line.render(console), style=style))
    width = sum(c.outer for c in columns)
    return Strip(segments).adjust_cell_length(width, style)


def join_line(
    left: Strip, right: Strip, columns: Sequence[GridColumn], x: int, width: int, style: Style
) -> Strip:
    """A line of the grid, ``width`` cells: the pinned cells ``left``, then the whole scrolling
    ``columns`` of ``right`` in view from ``x``.

    Neighbouring segments of one style are joined: the terminal is sent each segment with its
    style and a reset, so a cursor move (two lines) writes ~100 bytes fewer (issue 11)."""
    visible = right.crop(x, whole_columns_end(columns, x, max(0, width - left.cell_length)))
    return Strip.join([left, visible]).adjust_cell_length(width, style).simplify()


def whole_columns_end(columns: Sequence[GridColumn], x: int, room: int) -> int:
    """Where to stop drawing the scrolling ``columns`` seen from ``x`` in ``room`` cells: after
    the last one that fits whole, so no sliver of a column (a lone letter of its header) shows
    at the right edge."""
    end = 0
    for column in columns:
        if end + column.outer > x + room:
            break
        end += column.outer
    return end if end > x else x + room


def column_edges(columns: Sequence[GridColumn]) -> dict[str, int]:
    """Where each of ``columns`` starts, counting from the first."""
    edges: dict[str, int] = {}
    x = 0
    for c in columns:
        edges[c.key] = x
        x += c.outer
    return edges


def column_at(columns: Sequence[GridColumn], pinned: int, x: int, scroll_x: int) -> str | None:
    """The key of the column under cell ``x`` of the view (the first ``pinned`` never scroll)."""
    edge = 0
    for c in columns[:pinned]:
        if x < edge + c.outer:
            return c.key
        edge += c.outer
    x = x - edge + scroll_x
    for c in columns[pinned:]:
        if 0 <= x < c.outer:
            return c.key
        x -= c.outer
    return None
