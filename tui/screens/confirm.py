"""A yes/no question: y or Enter says yes, n or Esc says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.widgets.cells import line


class ConfirmDialog(ModalScreen[bool]):
    """Ask before doing something that cannot be undone."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__(id="confirm")
        self._question = question
        self._detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(line((self._question, "bold")), classes="dialog-title")
            if self._detail:
                yield Label(line(self._detail))
            yield Label(line(("y / Enter: yes · n / Esc: no", "dim")), classes="dialog-help")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
