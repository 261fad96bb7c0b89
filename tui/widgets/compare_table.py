"""The Compare table: two years side by side with change, % change, rank move and a small bar."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

from tui.formatting import bar, fmt_change, fmt_count, fmt_pct, fmt_rank, fmt_rank_change
from tui.model.types import CompareRow, Comparison
from tui.widgets.cells import number, plain
from tui.widgets.force_table import SortState, partial_mark

RELEASE_MARK = "†"
RELEASE_MARK_ASCII = "r"


def release_mark(ascii_only: bool) -> str:
    """The marker after a % change between figures from different releases."""
    return RELEASE_MARK_ASCII if ascii_only else RELEASE_MARK


BAR_WIDTH = 10


@dataclass(frozen=True)
class BarStyles:
    """Colours for rises and falls, taken from the theme by the screen."""

    rise: str
    fall: str


class CompareTableView(DataTable[Text]):
    """Totals fixed at the top, then every force."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="compare-down-vim"),
        Binding("k", "cursor_up", "Up", show=False, id="compare-up-vim"),
    ]

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

    @dataclass
    class SortRequested(Message):
        """The user clicked a column header."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._bar_width = BAR_WIDTH

    @property
    def current_force(self) -> str | None:
        """The force under the cursor (``total:NAME`` for a totals row)."""
        if not self.row_count:
            return None
        try:
            return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
        except CellDoesNotExist:
            return None

    def show(
        self,
        cmp: Comparison,
        rows: list[CompareRow],
        sort: SortState,
        styles: BarStyles,
        ascii_only: bool,
    ) -> None:
        # The bar takes what is left of the width (the other columns need about 74 cells).
        self._bar_width = max(3, min(16, self.size.width - 74))
        """Fill the table, the cursor on the first force."""
        labels = {"a": cmp.label_a, "b": cmp.label_b}
        scale = max((abs(r.pct_change) for r in rows if r.pct_change is not None), default=0.0)
        with self.app.batch_update():
            self.clear(columns=True)
            for key, label in self.COLUMNS:
                text = labels.get(key, label)
                if key == sort.key:
                    text = f"{text} {sort.arrow}"
                numeric = key not in ("force", "bar")
                self.add_column(Text(text, justify="right" if numeric else "left"), key=key)
            self.fixed_rows = len(cmp.totals)
            for r in cmp.totals:
                self.add_row(
                    *self._cells(r, 0.0, styles, ascii_only, "bold"), key=f"total:{r.force.name}"
                )
            for r in rows:
                self.add_row(*self._cells(r, scale, styles, ascii_only, ""), key=r.force.name)
        # A new order or pair of years is read from the top: the cursor goes to the first force.
        if self.row_count:
            self.scroll_home(animate=False)
            self.move_cursor(row=len(cmp.totals) if rows else 0, animate=False)

    def _cells(
        self, r: CompareRow, scale: float, styles: BarStyles, ascii_only: bool, style: str
    ) -> list[Text]:
        pct_style = style
        if r.pct_change is not None and r.pct_change != 0:
            pct_style = f"{style} {styles.rise if r.pct_change > 0 else styles.fall}".strip()
        marker = ""
        if r.pct_change and not style:
            marker = (
                ("+" if ascii_only else "▲") if r.pct_change > 0 else ("-" if ascii_only else "▼")
            )
        bar_text = bar(r.pct_change, scale, self._bar_width, ascii_only) if scale else ""
        partial = partial_mark(ascii_only)
        crossed = (
            release_mark(ascii_only) if r.crosses_releases and r.pct_change is not None else ""
        )
        return [
            plain(r.force.name + ("" if r.force.ranked or style else " *"), style=style),
            number(fmt_count(r.count_a) + (partial if r.short_a else ""), style=style),
            number(fmt_count(r.count_b) + (partial if r.short_b else ""), style=style),
            number(fmt_change(r.change), style=style),
            number(fmt_pct(r.pct_change) + crossed, style=pct_style),
            number(fmt_rank(r.rank_b), style=style),
            number(fmt_rank_change(r.rank_change), style=style),
            Text(f"{marker}{bar_text}", style=pct_style),
        ]

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Turn a header click into a sort request."""
        event.stop()
        key = str(event.column_key.value)
        self.post_message(self.SortRequested({"bar": "pct", "rank": "b"}.get(key, key)))
