"""The detail view's facts panel: its lines wrap, but a web address is never wrapped mid-string.

In a 38-cell panel an event's address ran on over three lines, broken anywhere
("https://hmicfrs.justiceinspectorates.gov.uk/news/new" then "s-feed/…"), so it could be neither
read nor copied as one. A line that ends in an address is drawn on one line, cut with "…" when
it does not fit; ``w`` shows it whole (as every notes line: see
:func:`~tui.widgets.status_line.whole_lines`), and the export and ``ox show`` list it in full.
"""

from __future__ import annotations

import re

from rich.console import Console, ConsoleOptions, RenderResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from tui.widgets.status_line import ELLIPSIS, Fitted, StatusLine, whole_lines

ADDRESS = re.compile(r"\bhttps?://\S+$")
"""A web address at the end of a line."""


class FactLines(Fitted):
    """What :class:`FactsText` draws: its lines wrapped to the width, those ending in an address
    cut with "…" (unless ``whole``). As a string it is the whole text."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for row in self.text.split("\n"):
            if self.whole or row.cell_len <= width or not ADDRESS.search(row.plain.rstrip()):
                yield row
                continue
            cut = row[: max(0, width - len(ELLIPSIS))]
            cut.append(ELLIPSIS)
            cut.no_wrap = True
            yield cut


class FactsText(StatusLine):
    """The facts, wrapped to the panel, with each address on one line (cut unless whole)."""

    def render(self) -> FactLines:
        return FactLines(self._full, 0, whole=self.whole, ascii_only=False)


class FactsScroll(VerticalScroll):
    """The facts panel's scroll (``Tab`` into it); ``w`` shows cut lines whole here too."""

    BINDINGS = [
        Binding(
            "w",
            "whole_lines",
            "Web addresses, offence names and notes whole",
            show=False,
            id="facts-whole-lines",
        ),
    ]

    def action_whole_lines(self) -> None:
        """Show the view's cut lines whole (wrapped), or cut them again."""
        whole_lines(self.screen)


__all__ = ["FactsScroll", "FactsText"]
