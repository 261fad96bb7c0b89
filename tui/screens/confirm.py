"""A yes/no question: y or Enter says yes, n or Esc says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Label

from tui.screens.dialog import Dialog
from tui.widgets.cells import line


class ConfirmDialog(Dialog[bool]):
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


class QuitDialog(Dialog[None]):
    """``q`` asks before quitting, so a force name typed outside the search box never quits.

    Only its own keys act: q again, y or Enter quits; n or Esc stays; any other key (the rest of
    a name typed by mistake) does nothing. Ctrl+Q quits without asking.
    """

    BINDINGS = [
        Binding("q,y,enter", "app.quit", "Quit", id="quit-yes"),
        Binding("n,escape", "cancel", "Stay", id="quit-no"),
    ]

    def __init__(self) -> None:
        super().__init__(id="confirm-quit")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(line(("Quit offence-explorer?", "bold")), classes="dialog-title")
            yield Label(
                line(("q again, y or Enter: quit · n or Esc: stay · Ctrl+Q quits at once", "dim")),
                classes="dialog-help",
            )

    def on_key(self, event: Key) -> None:
        """Keys other than the dialog's go nowhere (not to the view or the app below)."""
        if event.key not in self._bindings.key_to_bindings:
            event.stop()
            event.prevent_default()

    def action_cancel(self) -> None:
        """Stay."""
        self.dismiss(None)
