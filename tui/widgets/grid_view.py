"""What a :class:`~tui.widgets.grid.Grid` holds and draws: its columns and rows, which of them are
in view, and each line, cached.

Each row is rendered once into a cached :class:`Strip` (per zebra parity and cursor state), so
re-filtering only re-orders cached lines, and only the lines that changed reach the terminal
(:class:`LineView`). Pinned columns stay in view when scrolling sideways; the header and the fixed
rows (totals) stay in view when scrolling down. Only whole columns are drawn (see
:func:`~tui.widgets.grid_lines.join_line`).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip

from tui.widgets.grid_lines import (
    GridColumn,
    GridRow,
    column_edges,
    column_start,
    fit_columns,
    join_line,
    last_start,
    pins_that_fit,
    render_cells,
)
from tui.widgets.line_view import Lines, LineView


class GridView(LineView):
    """A table's columns, rows and row cursor, drawn a line at a time (the keys are
    :class:`~tui.widgets.grid.Grid`'s)."""

    COMPONENT_CLASSES = {
        "grid--header",
        "grid--cursor",
        "grid--odd",
        "grid--fixed",
    }

    def __init__(self, *, pinned: int = 1, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.pinned = pinned
        """How many leftmost columns stay in view when scrolling sideways (fewer when the view
        is too narrow for them and a whole scrolling column: see :attr:`pins`)."""
        self._fitted_for: int | None = None
        self._pins = pinned
        self._given: list[GridColumn] = []
        self._columns: list[GridColumn] = []
        self.fixed: list[GridRow] = []
        """Rows that stay at the top (totals)."""
        self.rows: list[GridRow] = []
        """The body rows, in display order."""
        self.cursor = 0
        """Index of the highlighted row, counting fixed rows first."""
        self._cache: dict[tuple[object, ...], Strip] = {}
        self._header: tuple[Strip, Strip] | None = None
        self._base_style: Style | None = None

    # ------------------------------------------------------------------ data

    def set_columns(self, columns: Sequence[GridColumn]) -> None:
        """Replace the columns (drops every cached line)."""
        self._given = list(columns)
        self._columns = self._given
        self._fitted_for = None
        self._cache.clear()
        self._header = None
        self._resize_virtual()
        if self.is_mounted and self._view:
            # Repainting only changed rows never reaches the header (a moved sort arrow).
            self.refresh(Region(0, 0, self._view.width, 1))

    def set_rows(
        self, fixed: Sequence[GridRow], rows: Sequence[GridRow], *, keep: str | None
    ) -> None:
        """Replace the rows; the cursor goes to the row keyed ``keep`` if it is still there.

        Only the lines whose content changed are repainted (typing in the search box keeps the
        header, the totals and the rows that stay in place as they are on the terminal)."""
        before = self._drawn_lines()
        self.fixed = list(fixed)
        self.rows = list(rows)
        keys = self.keys
        if keep is not None and keep in keys:
            self.cursor = keys.index(keep)
        else:
            self.cursor = len(self.fixed) if self.rows else 0
        self._resize_virtual()
        self._scroll_cursor_into_view()
        self._refresh_changed(before)

    @property
    def keys(self) -> list[str]:
        """Every row key in display order, fixed rows first."""
        return [r.key for r in self.fixed] + [r.key for r in self.rows]

    @property
    def row_count(self) -> int:
        """Number of rows, fixed rows included."""
        return len(self.fixed) + len(self.rows)

    @property
    def current_key(self) -> str | None:
        """The key of the highlighted row."""
        keys = self.keys
        return keys[self.cursor] if 0 <= self.cursor < len(keys) else None

    def row(self, key: str) -> GridRow:
        """The row with this key (raises ``KeyError``)."""
        for r in (*self.fixed, *self.rows):
            if r.key == key:
                return r
        raise KeyError(key)

    def row_text(self, key: str) -> dict[str, str]:
        """A row's cells as plain text by column key (for tests and copying)."""
        r = self.row(key)
        return {c.key: cell.plain for c, cell in zip(self.columns, r.cells)}

    # ------------------------------------------------------------------ geometry

    @property
    def columns(self) -> list[GridColumn]:
        """The columns as drawn at the view's width (a text column wider than the room beside
        the pinned ones narrowed to it: see :func:`~tui.widgets.grid_lines.fit_columns`)."""
        self._fit()
        return self._columns

    @property
    def pins(self) -> int:
        """How many leftmost columns stay in view now: :attr:`pinned`, or fewer when the view is
        too narrow to show them and a whole scrolling column beside them."""
        self._fit()
        return self._pins

    def _fit(self) -> None:
        """Work out :attr:`pins` and :attr:`columns` for the view's width (once per width)."""
        width = self.scrollable_content_region.width
        if self._fitted_for == width:
            return
        self._fitted_for = width
        pins, columns = self.pinned, self._given
        if width:
            pins = pins_that_fit(self._given, self.pinned, width)
            columns = fit_columns(self._given, pins, width)
        if pins != self._pins or columns != self._columns:
            self._pins, self._columns = pins, columns
            self._cache.clear()
            self._header = None

    @property
    def _scrolling(self) -> list[GridColumn]:
        return self.columns[self.pins :]

    @property
    def _pinned_width(self) -> int:
        return sum(c.outer for c in self.columns[: self.pins])

    @property
    def _scroll_width(self) -> int:
        return sum(c.outer for c in self._scrolling)

    def _resize_virtual(self) -> None:
        self._set_virtual_size(Size(self._pinned_width + self._scroll_width, 1 + self.row_count))

    @property
    def _fixed_lines(self) -> int:
        return 1 + len(self.fixed)

    @property
    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1 - len(self.fixed))

    @property
    def max_scroll_y(self) -> int:
        """Only the body scrolls: the header and the fixed rows are always drawn."""
        return max(0, len(self.rows) - self._body_height)

    @property
    def max_scroll_x(self) -> int:
        """The scrollable columns scroll under the pinned ones, by whole columns: the furthest
        position is the first column edge from which the last column is in view whole."""
        return last_start(self._scrolling, self.scroll_room)

    def column_edges(self) -> dict[str, int]:
        """Where each scrollable column starts, in scroll-x units."""
        return column_edges(self._scrolling)

    @property
    def start_x(self) -> int:
        """Where the scrolling columns are drawn from: the column edge at or after
        ``scroll_x`` (a wheel or a scrollbar can stop between edges; the cut column is left
        out, never drawn in part)."""
        return column_start(self._scrolling, self.scroll_x)

    def shows_column(self, key: str) -> bool:
        """Whether the column ``key`` is in view, whole."""
        if key in (c.key for c in self.columns[: self.pins]):
            return True
        edge = self.column_edges().get(key)
        if edge is None:
            return False
        outer = next(c.outer for c in self._scrolling if c.key == key)
        return self.start_x <= edge and edge + outer <= self.start_x + self.scroll_room

    @property
    def scroll_room(self) -> int:
        """Visible width for the scrollable columns."""
        return max(0, self.scrollable_content_region.width - self._pinned_width)

    # ------------------------------------------------------------------ rendering

    @property
    def _base(self) -> Style:
        """The widget's own style, computed once until the styles change."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def _row_at(self, index: int) -> GridRow:
        nfixed = len(self.fixed)
        return self.fixed[index] if index < nfixed else self.rows[index - nfixed]

    def _striped(self, index: int) -> bool:
        """Zebra stripes: every other body row."""
        return index >= len(self.fixed) and (index - len(self.fixed)) % 2 == 1

    def _line(self, row: GridRow, index: int) -> tuple[Strip, Strip]:
        is_cursor = index == self.cursor
        odd = self._striped(index)
        pins = self.pins
        focused = is_cursor and self.has_focus
        state = (row.key, is_cursor, focused, odd, row.bold, self.app.theme, pins)
        # The two halves are cached apart: typing changes the highlighted name (pinned half)
        # but not the years (scrolling half).
        halves = []
        for part, span in (("pinned", slice(None, pins)), ("scroll", slice(pins, None))):
            key = (part, row.signatures[span], *state)
            strip = self._cache.get(key)
            if strip is None:
                base = self._base
                if row.bold:
                    base = base + self.get_component_rich_style("grid--fixed")
                if odd:
                    base = base + self.get_component_rich_style("grid--odd")
                if is_cursor:
                    base = base + self.get_component_rich_style("grid--cursor")
                strip = render_cells(self.app.console, row.cells[span], self.columns[span], base)
                if len(self._cache) > 8000:
                    self._cache.clear()
                self._cache[key] = strip
            halves.append(strip)
        return halves[0], halves[1]

    def _header_line(self) -> tuple[Strip, Strip]:
        pins = self.pins
        if self._header is None:
            style = self._base + self.get_component_rich_style("grid--header")
            labels = [Text(c.label, style="bold") for c in self.columns]
            self._header = (
                render_cells(self.app.console, labels[:pins], self.columns[:pins], style),
                render_cells(self.app.console, labels[pins:], self.columns[pins:], style),
            )
        return self._header

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            left, right = self._header_line()
        else:
            index = self._line_index(y)
            if index is None:
                return Strip.blank(width, self._base)
            left, right = self._line(self._row_at(index), index)
        return join_line(left, right, self._scrolling, self.start_x, width, self._base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._header = None
        self._base_style = None

    def on_focus(self) -> None:
        self._refresh_cursor_line()

    def on_blur(self) -> None:
        self._refresh_cursor_line()

    def _refresh_cursor_line(self) -> None:
        """The cursor's colour follows the focus; nothing else does."""
        for y in range(1, self._view.height):
            if self._line_index(y) == self.cursor:
                self.refresh(Region(0, y, self._view.width, 1))

    # ------------------------------------------------------------------ cursor and scrolling

    def move_cursor(self, index: int) -> None:
        """Highlight the row at ``index`` (fixed rows first) and scroll it into view."""
        if not self.row_count:
            return
        before = self._drawn_lines()
        self.cursor = max(0, min(index, self.row_count - 1))
        self._scroll_cursor_into_view()
        self._refresh_changed(before)

    # ------------------------------------------------------------------ repainting what changed

    def _line_index(self, y: int) -> int | None:
        """The row drawn on line ``y`` of the widget (fixed rows first), or None (header, blank)."""
        if y <= 0:
            return None
        index = y - 1 if y - 1 < len(self.fixed) else y - 1 + int(self.scroll_y)
        return index if index < self.row_count else None

    def _drawn_lines(self) -> Lines | None:
        """What each line of the widget shows, to compare before and after a change."""
        if not self.is_mounted or not self._view:
            return None
        lines: list[tuple[object, ...]] = [(int(self.scroll_y), self.start_x)]
        for y in range(1, self._view.height):
            index = self._line_index(y)
            if index is None:
                lines.append(())
                continue
            row = self._row_at(index)
            lines.append(
                (row.key, row.signatures, row.bold, index == self.cursor, self._striped(index))
            )
        return lines

    def on_resize(self) -> None:
        """A shorter view (a box opened above it) keeps the cursor's row in view; a new width
        may pin fewer columns or narrow a text column (:meth:`_fit`)."""
        self._resize_virtual()
        self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self) -> None:
        body = self.cursor - len(self.fixed)
        if body < 0:
            return
        # At once, not after the next refresh: a second move before then saw the old top.
        top = int(self.scroll_y)
        if body < top:
            self.scroll_to(y=body, animate=False, immediate=True)
        elif body >= top + self._body_height:
            self.scroll_to(y=body - self._body_height + 1, animate=False, immediate=True)
