"""Textual's ``OptionList`` with page keys that never crash.

``OptionList`` pages by its laid-out lines, which it builds only once it has a size: at 80×6 a
picker's list has no height, and PageUp raised ``KeyError`` in ``OptionList._move_page`` (the
highlighted option had no line yet; Textual 8.2). Page keys do nothing until the list has lines.
The command palettes (Ctrl+P and Textual's theme switcher) use the same test
(:func:`can_page`, in ``tui.commands.ExplorerPalette``); every other list of options the app shows
is this one.

A click names the option by its place in the list when the mouse was released. A click handled
after the list was refilled (a picker's filter typed as the click arrived, the palette's results
replaced) named a place in the old list: Textual's click handler indexed the new one with it
(``IndexError`` with fewer options, found by a mouse storm through ``ox serve``; another option
than the one clicked with as many). A click aimed at the list before its last refill does
nothing, here and in the palettes' list (:class:`SafeCommandList`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from textual import events
from textual._time import get_time
from textual.command import CommandList
from textual.widgets import OptionList
from textual.widgets._option_list import OptionListContent
from typing_extensions import Self


def can_page(options: OptionList) -> bool:
    """Whether ``options`` has a size, hence lines to page by."""
    return bool(options.scrollable_content_region)


class ClicksWhatWasDrawn(OptionList):
    """An ``OptionList`` that acts on a click only if the list was not refilled after it."""

    _refilled_at = float("-inf")

    def clear_options(self) -> Self:
        self._refilled_at = get_time()
        return super().clear_options()

    def set_options(self, options: Iterable[OptionListContent]) -> Self:
        self._refilled_at = get_time()
        return super().set_options(options)

    async def _on_click(self, event: events.Click) -> None:
        # Runs before Textual's own handler, which reads the option from the click's place.
        index = event.style.meta.get("option")
        if index is None:
            return
        if event.time <= self._refilled_at or not 0 <= index < self.option_count:
            event.prevent_default()


class SafeCommandList(CommandList, ClicksWhatWasDrawn):  # (Textual's first: its CSS and name)
    """The palettes' list of results, whose clicks on the results they replaced do nothing."""


class SafeOptionList(ClicksWhatWasDrawn):
    """An ``OptionList`` whose PageUp/PageDown wait until it has lines to page by, and whose
    ↑ at the top (↓ at the bottom) stays there: Textual's went round to the other end, so a
    user going up to the first dataset found the highlight on the last."""

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: Literal[-1, 1]) -> None:
        """The next enabled option up or down, if there is one (else the highlight stays)."""
        count = self.option_count
        at = self.highlighted
        index = (0 if direction == 1 else count - 1) if at is None else at + direction
        while 0 <= index < count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def _move_page(self, direction: Literal[-1, 1]) -> None:
        if can_page(self):
            super()._move_page(direction)
