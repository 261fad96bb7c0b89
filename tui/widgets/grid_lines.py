"""The columns and rows a :class:`~tui.widgets.grid.Grid` shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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
    short: str = ""
    """A shorter label for when the sort arrow does not fit beside ``label`` (``Chg ▼``)."""

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
    find: tuple[str, ...] = ()
    """What ``/`` finds the row by (a force's name, aliases and code); nothing when empty."""

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
    """A line of the grid, ``width`` cells: the pinned cells ``left``, then the scrolling
    ``columns`` of ``right`` that fit whole from ``x`` (an edge: see :func:`column_start`).

    A column that does not fit whole is not drawn: a figure is shown whole or not at all (a
    year column cut at the right edge once showed "35" for 35,383).

    Neighbouring segments of one style are joined: the terminal is sent each segment with its
    style and a reset, so a cursor move (two lines) writes ~100 bytes fewer (issue 11)."""
    visible = right.crop(x, whole_columns_end(columns, x, max(0, width - left.cell_length)))
    return Strip.join([left, visible]).adjust_cell_length(width, style).simplify()


def whole_columns_end(columns: Sequence[GridColumn], x: int, room: int) -> int:
    """Where to stop drawing the scrolling ``columns`` seen from ``x`` in ``room`` cells: after
    the last one that fits whole (``x`` itself when none does), so no sliver of a column (a
    lone letter of its header, the last digits of a count) shows at the right edge."""
    end = 0
    for column in columns:
        if end + column.outer > x + room:
            break
        end += column.outer
    return max(end, x)


def column_start(columns: Sequence[GridColumn], x: float) -> int:
    """The edge the scrolling ``columns`` are drawn from when scrolled to ``x``: the first column
    edge at or after it (a mouse wheel or a scrollbar can stop between edges; the column it
    stopped in is not drawn cut, it is left out)."""
    edge = 0
    for column in columns:
        if edge >= x - 0.5:
            return edge
        edge += column.outer
    return edge


def last_start(columns: Sequence[GridColumn], room: int) -> int:
    """The furthest edge worth scrolling to: the first from which every remaining column fits
    whole in ``room`` cells (0 when they all fit), and never past the last column's own edge
    (scrolled further, nothing but the pinned columns would show)."""
    total = sum(c.outer for c in columns)
    last = total - columns[-1].outer if columns else 0
    edge = 0
    for column in columns:
        if total - edge <= room:
            return edge
        edge += column.outer
    return min(edge, last)


TEXT_AT_LEAST = 12
"""The fewest cells (with padding) a text column that scrolls is drawn in, cut with "…"."""


def _room_needed(column: GridColumn) -> int:
    """The room a scrolling column needs: a figure's whole width (it is never cut); a text
    column can be drawn narrower, cut with "…" (see :func:`fit_columns`)."""
    return column.outer if column.numeric else min(column.outer, TEXT_AT_LEAST)


def pins_that_fit(columns: Sequence[GridColumn], pinned: int, width: int) -> int:
    """How many of the ``pinned`` leftmost columns can stay in view in ``width`` cells: as many
    as leave room beside them for the widest figure column of the others (a text column, such
    as a 24-letter region, is cut to the room instead: :func:`fit_columns`). At 60 columns the
    Forces table's four pinned columns left no room for a whole year; then fewer stay pinned and
    the others scroll away like the years. At 80 the region column (26 cells) once unpinned
    the % column though every year fitted beside it."""
    for k in range(min(pinned, len(columns)), 0, -1):
        need = max((_room_needed(c) for c in columns[k:]), default=0)
        if sum(c.outer for c in columns[:k]) + need <= width:
            return k
    return 0


def fit_columns(columns: Sequence[GridColumn], pins: int, width: int) -> list[GridColumn]:
    """``columns`` as drawn in ``width`` cells with ``pins`` of them pinned: a scrolling text
    column wider than the room beside the pinned ones is narrowed to it (its cells are cut with
    "…"), so scrolled to the far right it is still drawn; figure columns keep their width."""
    room = width - sum(c.outer for c in columns[:pins])
    fitted = list(columns[:pins])
    for column in columns[pins:]:
        if not column.numeric and column.outer > room:
            column = replace(column, width=max(1, room - 2 * PAD))
        fitted.append(column)
    return fitted


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
