"""Columns that fit a table's width whole: a figure is drawn whole or not at all.

A read-only table narrower than its columns used to scroll sideways, so its edge cut whatever
was there: the detail's rate header read ``/10`` and West Yorkshire's rate ``12,032`` for
12,032.8 (issue 20). :func:`fit_columns` chooses what is drawn instead: every column in its
widest form when they fit; else a column's narrower honest form (rates rounded, the header
saying so), right to left; else the columns on the right are left out (the view says which).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

PADDING = 2
"""Cells around each column's text (a DataTable's cell padding, one on either side)."""


@dataclass(frozen=True)
class Column:
    """One column of a table: its key, header and cells (one per row)."""

    key: str
    header: Text
    cells: tuple[Text, ...]
    narrower: Column | None = None
    """The same figures in fewer cells, told honestly (rates rounded to whole numbers under a
    header that says so), or ``None``."""
    note: str = ""
    """What the view says while this form is drawn ("≈ rates rounded to whole numbers")."""

    @property
    def width(self) -> int:
        """Cells the column takes, padding included."""
        return max(c.cell_len for c in (self.header, *self.cells)) + PADDING


def total_width(columns: Sequence[Column]) -> int:
    """Cells ``columns`` take side by side."""
    return sum(c.width for c in columns)


def fit_columns(columns: Sequence[Column], room: int) -> tuple[tuple[Column, ...], tuple[str, ...]]:
    """The columns to draw in ``room`` cells, and the keys of those left out.

    The most columns that fit, each in its widest form that lets them: narrower forms are
    taken right to left before a column is left out, and columns are left out from the right.
    The first column (the row's label) is always drawn."""
    for count in range(len(columns), 0, -1):
        shown = list(columns[:count])
        for i in reversed(range(count)):
            while total_width(shown) > room and shown[i].narrower is not None:
                shown[i] = shown[i].narrower  # type: ignore[assignment]
        if total_width(shown) <= room or count == 1:
            return tuple(shown), tuple(c.key for c in columns[count:])
    return (), tuple(c.key for c in columns)
