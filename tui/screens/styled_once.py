"""A screen that opens is styled once, as its widgets mount, not a second time as it shows.

Textual styles each widget as it mounts, then, when the new screen shows (its first
``ScreenResume``), works out the styles of every widget of it again. Opening a force's detail
spent an eighth of its time on that second pass (cProfile of ``Enter`` ``Esc`` on a force: 2.7 s
of 20.3 s), which changes nothing here: what it would catch are styles that depend on where a
widget is among its siblings (``:first-child``, ``:last-child``, ``:odd``, ``:even``,
``:first-of-type``, ``:last-of-type``, ``:empty``), which can change as later siblings mount,
and neither the app's stylesheet nor the CSS of the Textual widgets it uses has such a rule
(``tests/ui/test_styled_once.py`` checks both, and that every widget of every view has the
styles the second pass would give it). A screen shown again later, and a screen whose styles
were asked for again for any other reason, is restyled as Textual does.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import Screen

R = TypeVar("R")

SIBLING_PSEUDO_CLASSES = frozenset(
    {"first-child", "last-child", "odd", "even", "first-of-type", "last-of-type", "empty"}
)
"""Pseudo-classes whose truth can change as a widget's siblings mount."""


class StyledOnce(Screen[R]):
    """A screen not restyled as a whole when it first shows."""

    _skip_restyle = False
    """Set just before Textual's first-show handler asks for the restyle that is skipped."""

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's handler (a subclass's runs first), which asks for the restyle.
        self._skip_restyle = self.stack_updates == 0 and event.refresh_styles and self.is_attached

    def update_node_styles(self, animate: bool = True) -> None:
        if self._skip_restyle:
            self._skip_restyle = False  # only the first show's own restyle is skipped
            return
        super().update_node_styles(animate=animate)
