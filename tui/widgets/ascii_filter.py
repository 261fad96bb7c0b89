"""Plain-ASCII mode for the whole screen: a line filter that draws every character as printable
ASCII, after the widgets have rendered.

The views already choose ASCII glyphs that carry meaning (sparklines, chart markers, marks,
bins); this filter catches the rest, which no view draws itself: box-drawing borders and chart
frames, scrollbars, arrows and dashes in text, braille, text from the data. Each character keeps
its width in cells (a wide character becomes two ``?``), so nothing moves.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import get_character_cell_size
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from tui.formatting import ascii_char


@lru_cache(maxsize=4096)
def ascii_cells(text: str) -> str:
    """``text`` in printable ASCII, each character as many cells wide as before."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for char in text:
        width = get_character_cell_size(char)
        if width == 1:
            out.append(ascii_char(char))
        elif width > 1:
            out.append("?" * width)
        # width 0 (combining marks, controls): nothing
    return "".join(out)


class AsciiFilter(LineFilter):
    """Every character on screen as printable ASCII (the ``A`` option)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            s
            if s.control or (s.text.isascii() and s.text.isprintable())
            else Segment(ascii_cells(s.text), s.style, s.control)
            for s in segments
        ]
