"""Textual's ``OptionList`` with page keys that never crash.

``OptionList`` pages by its laid-out lines, which it builds only once it has a size: at 80×6 a
picker's list has no height, and PageUp raised ``KeyError`` in ``OptionList._move_page`` (the
highlighted option had no line yet; Textual 8.2). Page keys do nothing until the list has lines.
The command palettes (Ctrl+P and Textual's theme switcher) use the same test
(:func:`can_page`, in ``tui.commands.ExplorerPalette``); every other list of options the app shows
is this one.
"""

from __future__ import annotations

from typing import Literal

from textual.widgets import OptionList


def can_page(options: OptionList) -> bool:
    """Whether ``options`` has a size, hence lines to page by."""
    return bool(options.scrollable_content_region)


class SafeOptionList(OptionList):
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
