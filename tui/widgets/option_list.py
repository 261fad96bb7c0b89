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
    """An ``OptionList`` whose PageUp/PageDown wait until it has lines to page by."""

    def _move_page(self, direction: Literal[-1, 1]) -> None:
        if can_page(self):
            super()._move_page(direction)
