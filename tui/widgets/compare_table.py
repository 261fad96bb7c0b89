"""The Compare table: two years side by side with change, % change, rank move and a small bar.

Built on the same :class:`ForceGrid` as the Forces table: totals fixed at the top, one row cursor
(↑↓ j k, PgUp PgDn, Home End), Enter to open a force, a header click to sort.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message

from tui.formatting import partial_mark
from tui.model.data.reference import area_words
from tui.model.results.compare_order import SIG, pct_of
from tui.model.results.comparison_types import CompareRow, Comparison
from tui.widgets.compare_cells import honest_cells, interval_cells, release_mark
from tui.widgets.force_grid import ForceGrid, SortState
from tui.widgets.grid import GridColumn, GridRow

BAR_WIDTH = 10
COLUMNS = (
    ("force", "Force"),
    ("a", "A"),
    ("b", "B"),
    ("change", "Change"),
    ("pct", "%"),
    ("rank", "Rank"),
    ("rank_change", "Move"),
    ("bar", "% bar"),  # the % change as a bar, scaled to the largest (it had no header)
)
"""Column keys and labels (A and B are replaced by the years)."""
TEXT_COLUMNS = ("force", "bar")
INTERVAL_COLUMNS = (("ci_low", "95% low"), ("ci_high", "95% high"))
"""The 95 % interval of the % change in counts, before the bar where the width allows."""
INTERVAL_WIDTH = 130
"""From this many cells wide, counts show their interval as columns (with a bar still beside)."""


@dataclass(frozen=True)
class BarStyles:
    """Styles for rises and falls (Rich style text), from the ``compare--rise`` and
    ``compare--fall`` component classes: colours, or weight and underline without colour."""

    rise: str
    fall: str


class CompareTableView(ForceGrid):
    """Totals fixed at the top, then every force."""

    HEADER_SORTS = {"bar": "pct", "rank": "b", "ci_low": "pct", "ci_high": "pct"}
    COMPONENT_CLASSES = ForceGrid.COMPONENT_CLASSES | {"compare--rise", "compare--fall"}

    @dataclass
    class CursorMoved(Message):
        """Another row is under the cursor (Compare shows its 95 % interval)."""

        key: str
        """The row's key (``total:NAME`` for a totals row)."""

    def move_cursor(self, index: int) -> None:
        before = self.cursor
        super().move_cursor(index)
        if self.cursor != before:
            self.post_message(self.CursorMoved(self.current_force or ""))

    def bar_styles(self) -> BarStyles:
        """How rises and falls look, from the stylesheet (see ``app.tcss``)."""
        rise = self.get_component_rich_style("compare--rise", partial=True)
        fall = self.get_component_rich_style("compare--fall", partial=True)
        return BarStyles(rise=str(rise), fall=str(fall))

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(pinned=1, id=id)
        self.measure = "count"
        """``count`` or ``rate``: the figures the year, change and % columns show."""
        self._intervals = False
        """The 95 % interval columns are shown (wide enough, counts)."""

    def show(
        self,
        cmp: Comparison,
        rows: list[CompareRow],
        sort: SortState,
        styles: BarStyles,
        ascii_only: bool,
    ) -> None:
        """Fill the table, the cursor on the first force (a new order is read from the top)."""
        # The interval as columns where there is room (counts: it is the counts' interval); the
        # bar takes what is left of the width (the other columns need about 74 cells).
        self._intervals = self.measure == "count" and self.size.width >= INTERVAL_WIDTH
        used = 74 + (20 if self._intervals else 0)
        width = max(3, min(16, self.size.width - used)) if self.size.width else BAR_WIDTH
        pcts = [pct_of(r, self.measure) for r in rows]
        scale = max((abs(p) for p in pcts if p is not None), default=0.0)
        fixed = [
            GridRow(
                f"total:{r.force.name}",
                self._cells(r, 0.0, width, styles, ascii_only, "bold"),
                find=r.force.search_texts,
            )
            for r in cmp.totals
        ]
        body = [
            GridRow(
                r.force.name,
                self._cells(r, scale, width, styles, ascii_only, ""),
                find=r.force.search_texts,
            )
            for r in rows
        ]
        forces = (r.force for r in (*cmp.totals, *rows))
        labels = {"a": cmp.label_a, "b": cmp.label_b, "force": area_words(forces)[0]}
        # The beyond-chance order is an order of the % column: its header carries the arrow.
        headed = SortState("pct", sort.descending) if sort.key == SIG else sort
        columns = []
        layout = COLUMNS[:-1] + (INTERVAL_COLUMNS if self._intervals else ()) + COLUMNS[-1:]
        for i, (key, label) in enumerate(layout):
            text = labels.get(key, label)
            shown = text + (f" {headed.arrow}" if key == headed.key else "")
            widest = max((r.cells[i].cell_len for r in (*fixed, *body)), default=0)
            columns.append(
                GridColumn(key, text, max(widest, len(shown)), numeric=key not in TEXT_COLUMNS)
            )
        self.set_columns(self.headed(columns, headed))
        self.set_rows(fixed, body, keep=None)
        self.scroll_to(x=0, y=0, animate=False)
        self.post_message(self.CursorMoved(self.current_force or ""))  # a new first row

    def _cells(
        self,
        r: CompareRow,
        scale: float,
        bar_width: int,
        styles: BarStyles,
        ascii_only: bool,
        style: str,
    ) -> tuple[Text, ...]:
        """A row's cells in the measure shown: changes within chance marked "~", partial
        force-years and changes across releases marked."""
        crossed = (
            release_mark(ascii_only) if r.crosses_releases and r.pct_change is not None else ""
        )
        cells = honest_cells(
            r,
            self.measure,
            scale,
            styles,
            ascii_only,
            style,
            bar_width,
            partial=partial_mark(ascii_only),
            crossed=crossed,
        )
        if self._intervals:
            cells[-1:-1] = interval_cells(r, style)
        return tuple(cells)
