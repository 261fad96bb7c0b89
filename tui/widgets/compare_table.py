"""The Compare table: two years side by side with change, % change, rank move and a small bar.

Built on the same :class:`ForceGrid` as the Forces table: totals fixed at the top, one row cursor
(↑↓ j k, PgUp PgDn, Home End), Enter to open a force, a header click to sort.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from tui.formatting import bar, fmt_change, fmt_count, fmt_pct, fmt_rank, fmt_rank_change
from tui.model.types import CompareRow, Comparison
from tui.widgets.cells import number, plain
from tui.widgets.force_grid import ForceGrid, SortState
from tui.widgets.force_table import partial_mark
from tui.widgets.grid import GridColumn, GridRow

RELEASE_MARK = "†"
RELEASE_MARK_ASCII = "r"


def release_mark(ascii_only: bool) -> str:
    """The marker after a % change between figures from different releases."""
    return RELEASE_MARK_ASCII if ascii_only else RELEASE_MARK


BAR_WIDTH = 10
COLUMNS = (
    ("force", "Force"),
    ("a", "A"),
    ("b", "B"),
    ("change", "Change"),
    ("pct", "%"),
    ("rank", "Rank"),
    ("rank_change", "Move"),
    ("bar", ""),
)
"""Column keys and labels (A and B are replaced by the years)."""
TEXT_COLUMNS = ("force", "bar")


@dataclass(frozen=True)
class BarStyles:
    """Colours for rises and falls, taken from the theme by the screen."""

    rise: str
    fall: str


class CompareTableView(ForceGrid):
    """Totals fixed at the top, then every force."""

    HEADER_SORTS = {"bar": "pct", "rank": "b"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(pinned=1, id=id)

    def show(
        self,
        cmp: Comparison,
        rows: list[CompareRow],
        sort: SortState,
        styles: BarStyles,
        ascii_only: bool,
    ) -> None:
        """Fill the table, the cursor on the first force (a new order is read from the top)."""
        # The bar takes what is left of the width (the other columns need about 74 cells).
        width = max(3, min(16, self.size.width - 74)) if self.size.width else BAR_WIDTH
        scale = max((abs(r.pct_change) for r in rows if r.pct_change is not None), default=0.0)
        fixed = [
            GridRow(f"total:{r.force.name}", self._cells(r, 0.0, width, styles, ascii_only, "bold"))
            for r in cmp.totals
        ]
        body = [
            GridRow(r.force.name, self._cells(r, scale, width, styles, ascii_only, ""))
            for r in rows
        ]
        labels = {"a": cmp.label_a, "b": cmp.label_b}
        columns = []
        for i, (key, label) in enumerate(COLUMNS):
            text = labels.get(key, label)
            shown = text + (f" {sort.arrow}" if key == sort.key else "")
            widest = max((r.cells[i].cell_len for r in (*fixed, *body)), default=0)
            columns.append(
                GridColumn(key, text, max(widest, len(shown)), numeric=key not in TEXT_COLUMNS)
            )
        self.set_columns(self.headed(columns, sort))
        self.set_rows(fixed, body, keep=None)
        self.scroll_to(x=0, y=0, animate=False)

    def _cells(
        self,
        r: CompareRow,
        scale: float,
        bar_width: int,
        styles: BarStyles,
        ascii_only: bool,
        style: str,
    ) -> tuple[Text, ...]:
        pct_style = style
        if r.pct_change is not None and r.pct_change != 0:
            pct_style = f"{style} {styles.rise if r.pct_change > 0 else styles.fall}".strip()
        marker = ""
        if r.pct_change and not style:
            marker = (
                ("+" if ascii_only else "▲") if r.pct_change > 0 else ("-" if ascii_only else "▼")
            )
        bar_text = bar(r.pct_change, scale, bar_width, ascii_only) if scale else ""
        partial = partial_mark(ascii_only)
        crossed = (
            release_mark(ascii_only) if r.crosses_releases and r.pct_change is not None else ""
        )
        return (
            plain(r.force.name + ("" if r.force.ranked or style else " *"), style=style),
            number(fmt_count(r.count_a) + (partial if r.short_a else ""), style=style),
            number(fmt_count(r.count_b) + (partial if r.short_b else ""), style=style),
            number(fmt_change(r.change), style=style),
            number(fmt_pct(r.pct_change) + crossed, style=pct_style),
            number(fmt_rank(r.rank_b), style=style),
            number(fmt_rank_change(r.rank_change), style=style),
            Text(f"{marker}{bar_text}", style=pct_style),
        )
