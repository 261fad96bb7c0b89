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


ELLIPSIS = "\u2026"

ROOM_AFTER = 5
"""Blanks after a "…" that it may be spread over: a scrollbar's two cells and a space spare."""


def spread_ellipses(line: str) -> str:
    """``line`` (each character one cell) with each "…" written "...", in the same cells: over
    the blanks after it when there are plenty (a widget's line may end under a scrollbar drawn
    over it, so the dots there could be hidden), else over the word it cuts (the two characters
    before it, or after it), else as one ".". A lone "." read as a full stop ("third." for
    "third-party…") where "..." reads as a cut."""
    chars = list(line)
    n = len(chars)
    for i in range(n):
        if chars[i] != ELLIPSIS:
            continue
        j = i + 1
        while j < n and chars[j] == " ":
            j += 1
        blanks = j - i - 1
        if blanks >= ROOM_AFTER:
            chars[i : i + 3] = "..."
        elif i >= 2 and all(c not in (" ", ELLIPSIS) for c in chars[i - 2 : i]):
            chars[i - 2 : i + 1] = "..."  # the end of a word cut: "alarm…" → "ala..."
        elif i + 2 < n and all(c not in (" ", ELLIPSIS) for c in chars[i + 1 : i + 3]):
            chars[i : i + 3] = "..."  # the start of a name cut: "of …230426.ods" → "of ...0426.ods"
        elif i >= 2 and ELLIPSIS not in chars[i - 2 : i]:
            chars[i - 2 : i + 1] = "..."  # "release 23 A…" → "release 23..."
        else:
            chars[i] = "."
    return "".join(chars)


class AsciiFilter(LineFilter):
    """Every character on screen as printable ASCII (the ``A`` option); "…" as "..."."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        out = [
            s
            if s.control or (s.text.isascii() and s.text.isprintable())
            else Segment(
                ELLIPSIS.join(ascii_cells(part) for part in s.text.split(ELLIPSIS)),
                s.style,
                s.control,
            )
            for s in segments
        ]
        if not any(ELLIPSIS in s.text for s in out if not s.control):
            return out
        # "..." may take cells of the segments beside it: spread over the line, cut back.
        text = iter(spread_ellipses("".join(s.text for s in out if not s.control)))
        return [
            s if s.control else Segment("".join(next(text) for _ in s.text), s.style, s.control)
            for s in out
        ]
