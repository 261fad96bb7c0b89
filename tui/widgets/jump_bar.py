"""``/`` in a table view: a box that moves the table to the force typed (see :class:`JumpBar`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label

from tui.model.data.search import rank
from tui.widgets.grid import Grid
from tui.widgets.search_bar import SearchInput


class JumpInput(SearchInput):
    """The box. Enter, Esc and ↓ leave it as they arrive (priority bindings), so the keys typed
    after them go to the table again, however fast they come."""

    BINDINGS = [
        Binding(
            "escape,enter,down", "leave_now", "Back to the table", id="jump-leave", priority=True
        )
    ]

    def action_leave_now(self) -> None:
        """Back to the table (the cursor stays on the force found)."""
        self.action_leave()


class JumpBar(Horizontal):
    """``/`` in a table view (Compare, the release diff, the multi-force chart): a box that
    moves the table to the first force matching what is typed, and leaves it with Enter, Esc or
    ↓. Hidden until ``/``; while it is open every key goes to it (letters that are commands in
    the table, such as ``n`` or ``a``, are typed, however fast they arrive).

    It searches the rows of ``grid`` (their :attr:`GridRow.find` texts) and moves its cursor to
    the best match, unless the owner gives ``find`` (each candidate's key and the texts it may
    be found by: name, aliases, code) and ``found`` (what to do with the best match's key)."""

    DEFAULT_CSS = """
    JumpBar {
        display: none;
        height: 1;
    }
    JumpBar.-open {
        display: block;
    }
    """

    def __init__(
        self,
        grid: str,
        *,
        find: Callable[[], Iterable[tuple[str, Sequence[str]]]] | None = None,
        found: Callable[[str], None] | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(id=id, classes="jump")
        self._grid = grid
        self._find, self._found = find or self._rows, found or self._to_row
        self._back_to: Widget | None = None

    @property
    def grid(self) -> Grid:
        """The table the box moves."""
        return self.screen.query_one(f"#{self._grid}", Grid)

    def _rows(self) -> Iterable[tuple[str, Sequence[str]]]:
        grid = self.grid
        return ((row.key, row.find) for row in (*grid.fixed, *grid.rows) if row.find)

    def _to_row(self, key: str) -> None:
        grid = self.grid
        grid.move_cursor(grid.keys.index(key))

    def compose(self) -> ComposeResult:
        yield Label("/", classes="jump-prompt")
        box = JumpInput(placeholder="find a force · Enter or Esc to leave", classes="jump-input")
        box.on_query = self._query
        box.when_left = self.close
        yield box

    def name_rows(self, word: str) -> None:
        """Say what a row is ("council area" for Scotland's)."""
        self.input.placeholder = f"find a {word} · Enter or Esc to leave"

    @property
    def input(self) -> JumpInput:
        """The input widget."""
        return self.query_one(JumpInput)

    @property
    def is_open(self) -> bool:
        """Whether the box is shown (and has the keys)."""
        return self.has_class("-open")

    def open(self) -> None:
        """Show the box and give it the keys now (not after the next refresh, as ``focus()``
        would: keys already on their way would reach the table)."""
        self._back_to = self.screen.focused
        self.add_class("-open")
        self.input.value = ""
        self.screen.set_focus(self.input)

    def close(self) -> None:
        """Hide the box; the keys go back to the table."""
        self.remove_class("-open")
        back = self._back_to if self._back_to is not None and self._back_to.is_attached else None
        self.screen.set_focus(back or self.grid)
        self._back_to = None

    def _query(self, query: str) -> None:
        if not query.strip():
            return
        hits = rank(query, self._find())
        if hits:
            self._found(hits[0].item)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
