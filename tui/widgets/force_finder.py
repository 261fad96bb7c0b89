"""``/`` in a force's detail view: a box to find another force and open its detail.

``/`` did nothing there, so what was typed after it acted as commands: ``/`` ``e`` Enter wrote
a CSV. Now ``/`` opens this box at once (a priority binding) and every key after it is typed
into it, however fast it arrives, until Enter (open the force found) or Esc (back, no change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label

from tui.formatting import safe_text
from tui.model.data.search import rank
from tui.widgets.search_bar import SearchInput

Candidates = Callable[[], Iterable[tuple[str, Sequence[str]]]]
"""Each force that can be found: its name and the texts it is found by (aliases, code)."""


class FinderInput(SearchInput):
    """The box: Enter opens the force found, Esc (or ↓) leaves it; both as they arrive."""

    BINDINGS = [
        Binding("enter", "choose", "Open the force found", id="finder-open", priority=True),
        Binding("escape", "leave_now", "Back (no change)", id="finder-leave", priority=True),
    ]

    chosen: Callable[[], None] | None = None
    """Called when Enter is pressed."""

    def action_choose(self) -> None:
        """Open the force found: once the letters typed before Enter are in the box (a priority
        binding runs as Enter arrives, before this box has taken the keys queued ahead of it);
        the keys after Enter go to the view again at once."""
        if self.chosen is not None:
            self.call_later(self.chosen)
        self.action_leave()

    def action_leave_now(self) -> None:
        """Back to the view, nothing opened."""
        self.action_leave()


class ForceFinder(Horizontal):
    """Hidden until ``/``: finds a force as it is typed (name, alias, code; the best match is
    shown beside the box) and opens it on Enter (``found`` with its name)."""

    DEFAULT_CSS = """
    ForceFinder {
        display: none;
        height: 1;
    }
    ForceFinder.-open {
        display: block;
    }
    ForceFinder > .finder-match {
        width: auto;
        max-width: 50%;
        padding: 0 0 0 1;
    }
    """

    def __init__(self, find: Candidates, found: Callable[[str], object]) -> None:
        super().__init__(classes="jump")
        self._find, self._found = find, found
        self._best: str | None = None
        self._candidates: list[tuple[str, Sequence[str]]] = []
        self._back_to: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Label("/", classes="jump-prompt")
        box = FinderInput(placeholder="find a force · Enter opens it · Esc", classes="jump-input")
        box.on_query = self._query
        box.when_left = self.close
        box.chosen = self._choose
        yield box
        yield Label("", classes="finder-match")

    def name_rows(self, word: str) -> None:
        """Say what a row is ("council area" for Scotland's)."""
        self.query_one(FinderInput).placeholder = f"find a {word} · Enter opens it · Esc"

    @property
    def is_open(self) -> bool:
        """Whether the box is shown (and has the keys)."""
        return self.has_class("-open")

    @property
    def best(self) -> str | None:
        """The name of the force Enter would open."""
        return self._best

    def open(self) -> None:
        """Show the box and give it the keys now (``focus()`` would wait for the next refresh,
        and keys already on their way would act as commands)."""
        self._back_to = self.screen.focused
        self.add_class("-open")
        box = self.query_one(FinderInput)
        self._candidates = list(self._find())
        box.value = ""
        self._query("")
        self.screen.set_focus(box)

    def close(self) -> None:
        """Hide the box; the keys go back to the view."""
        self.remove_class("-open")
        back = self._back_to if self._back_to is not None and self._back_to.is_attached else None
        self.screen.set_focus(back)
        if back is None:
            self.screen.focus_next()
        self._back_to = None

    def _query(self, query: str) -> None:
        candidates = self._candidates
        hits = rank(query, candidates) if query.strip() else []
        self._best = hits[0].item if hits else None
        if self._best is not None:
            said = f"→ {self._best}"
        elif not candidates:
            said = "(the data is still loading)"
        else:
            said = "no force matches" if query.strip() else ""
        self.query_one(".finder-match", Label).update(Text(said))

    def _choose(self) -> None:
        if self._best is None:
            typed = self.query_one(FinderInput).value.strip()
            self.app.bell()
            said = f"No force matches “{typed}”" if typed else "No force typed"
            self.notify(safe_text(said), markup=False, timeout=4)
            return
        self._found(self._best)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()


__all__ = ["FinderInput", "ForceFinder"]
