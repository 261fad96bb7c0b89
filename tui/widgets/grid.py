"""A fast read-only, keyboard-first table for views that re-filter on every keystroke: the keys and
the mouse (what it holds and draws is :class:`~tui.widgets.grid_view.GridView`'s). Forces,
Compare, the release diff and the multi-force chart use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textual import events
from textual.binding import Binding
from textual.message import Message

from tui.widgets.grid_lines import GridColumn, GridRow, column_at
from tui.widgets.grid_view import GridView
from tui.widgets.status_line import whole_lines


@runtime_checkable
class Opens(Protocol):
    """What ``/`` opens: the screen's box to find a force (a JumpBar, class ``jump``)."""

    def open(self) -> None: ...


@dataclass
class GridMessage(Message):
    """Something happened to the row or column ``key`` of ``grid``."""

    grid: Grid
    key: str

    @property
    def control(self) -> Grid:
        """The grid, for ``@on(..., "#id")`` selectors."""
        return self.grid


class Grid(GridView, can_focus=True):
    """A keyboard-first table: a row cursor, pinned columns, a fixed header and fixed rows."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="grid-up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="grid-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="grid-page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="grid-page-down"),
        Binding("home", "first", "First", show=False, id="grid-first"),
        Binding("end", "last", "Last", show=False, id="grid-last"),
        Binding("left", "scroll_columns(-1)", "Earlier columns", show=False, id="grid-left"),
        Binding("right", "scroll_columns(1)", "Later columns", show=False, id="grid-right"),
        Binding("enter", "select", "Open", show=False, id="grid-select"),
        # A priority binding: handled as the key arrives, before the keys after it are sent to
        # the table, so "/nha" typed at once searches for "nha" (see JumpBar).
        Binding("slash", "jump", "Find a force", id="grid-jump", priority=True),
        Binding(
            "w", "whole_lines", "Notes and status lines whole", show=False, id="grid-whole-lines"
        ),
    ]

    class RowSelected(GridMessage):
        """Enter (or a second click) on a row."""

    class HeaderClicked(GridMessage):
        """A column header was clicked."""

    def action_cursor_up(self) -> None:
        """Up one row."""
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Down one row."""
        self.move_cursor(self.cursor + 1)

    def action_page_up(self) -> None:
        """Up one screen."""
        self.move_cursor(self.cursor - self._body_height)

    def action_page_down(self) -> None:
        """Down one screen."""
        self.move_cursor(self.cursor + self._body_height)

    def action_first(self) -> None:
        """To the first row, with the body scrolled to its top."""
        self.scroll_to(y=0, animate=False)
        self.move_cursor(0)

    def action_last(self) -> None:
        """To the last row."""
        self.move_cursor(self.row_count - 1)

    def action_scroll_columns(self, step: int) -> None:
        """Scroll sideways by whole columns."""
        edges = sorted(self.column_edges().values())
        x = self.start_x
        if step < 0:
            target = max((e for e in edges if e < x), default=0)
        else:
            target = min((e for e in edges if e > x), default=self.max_scroll_x)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False, immediate=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` is the table's only where its screen has a :class:`JumpBar` (the Forces view's
        search box has its own)."""
        if action == "jump":
            return bool(self.screen.query(".jump"))
        return True

    def action_jump(self) -> None:
        """Open the screen's box to find a force (``/``)."""
        for bar in self.screen.query(".jump"):
            if isinstance(bar, Opens):  # the JumpBar (which imports this module: it moves a Grid)
                bar.open()
                return

    def action_whole_lines(self) -> None:
        """Show the view's notes and status lines whole (wrapped), or cut at a word again."""
        whole_lines(self.screen)

    def action_select(self) -> None:
        """Open the highlighted row."""
        key = self.current_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    # ------------------------------------------------------------------ mouse

    def on_click(self, event: events.Click) -> None:
        """Header click: sort by that column; row click: highlight, second click: open."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x, y = offset
        if y == 0:
            key = column_at(self.columns, self.pins, x, self.start_x)
            if key is not None:
                self.post_message(self.HeaderClicked(self, key))
            return
        index = self._line_index(y)
        if index is None:
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.move_cursor(index)


__all__ = ["Grid", "GridColumn", "GridRow"]
