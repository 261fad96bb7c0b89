"""A view or dialog closes once, whatever arrives after; dialogs share one base.

Keys typed together reach a screen before the first of them has closed it: Enter Enter in a
picker chose twice (the second ``dismiss`` popped the screen below: ``ScreenStackError`` with only
the Forces view left), Enter then Esc answered twice (``InvalidStateError``: the answer was already
given). Here the first ``dismiss`` wins and every later one does nothing; so does a ``dismiss`` of
a screen that is no longer open (closed by the app meanwhile, e.g. when a dataset loads), and of
the first view (there is nothing below it to show).
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

from tui.screens.styled_once import StyledOnce

R = TypeVar("R")


def nothing() -> AwaitComplete:
    """An ``AwaitComplete`` already done (nothing to wait for)."""
    done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
    return done


class ClosesOnce(StyledOnce[R]):
    """A screen whose ``dismiss`` acts once. Screens opened above it (a help, a palette opened
    while a key that closes it was on its way) close with it."""

    _dismissed = False
    """Set by the first ``dismiss`` (not ``_closing``: Textual's message pump has one)."""

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        stack = self.app.screen_stack
        if self._dismissed or self not in stack or stack[0] is self:
            return nothing()
        self._dismissed = True
        while self.app.screen is not self:
            self.app.pop_screen()
        return super().dismiss(result)


class Dialog(ModalScreen[R], ClosesOnce[R]):
    """A dialog over the views (a picker, a question, help, cite, export, import): answered
    once. (Textual's class comes first: a screen's CSS is inherited along its first bases.)"""
