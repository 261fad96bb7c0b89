"""The Forces table: one row per force with counts, a sparkline trend and the latest change.

It only formats what the screen hands it (a :class:`ForceTable` and the filtered, sorted rows);
the totals rows are fixed at the top so they stay visible while scrolling.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from tui.formatting import fmt_change, fmt_count, fmt_pct, sparkline
from tui.model.ordering import FilteredRow
from tui.model.queries import ForceRow, ForceTable
from tui.widgets.cells import highlighted, number, plain

@dataclass(frozen=True)
class SortState:
    """Which column the rows are sorted by, and which way."""

    key: str
    descending: bool

    @property
    def arrow(self) -> str:
        """The marker shown in the sorted column's header."""
        return "▼" if self.descending else "▲"


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the table."""

    key: str
    label: str
    width: int
    numeric: bool = False


def layout_columns(table: ForceTable, rows: list[ForceRow]) -> list[ColumnSpec]:
    """The columns. Pinned on the left: force, trend and the latest change, so they are in view
    at any width. Then every year, oldest first, and the region; the table opens scrolled to the
    latest years, and older years are a scroll to the left."""
    every = [*table.totals, *rows]
    longest_name = max((len(r.force.display_name) for r in every), default=10)
    specs = [
        ColumnSpec("force", "Force", min(max(longest_name, 12), 24)),
        ColumnSpec("trend", "Trend", max(len(table.trend_years), 5)),
        ColumnSpec("change", "Change", max([len(fmt_change(r.change)) for r in every] + [6]),
                   numeric=True),
        ColumnSpec("pct", "%", max([len(fmt_pct(r.pct_change)) for r in every] + [6]), numeric=True),
    ]
    for i, cov in enumerate(table.years):
        widest = max((len(fmt_count(r.counts[i])) for r in every), default=1)
        specs.append(
            ColumnSpec(f"year:{cov.year}", cov.label, max(widest, len(cov.label) + 2), numeric=True)
        )
    specs.append(
        ColumnSpec("place", "Region / nation",
                   min(max([len(r.force.place) for r in every] + [15]), 24))
    )
    return specs


PINNED = 4
"""Columns that stay in view when scrolling sideways: force, trend, change, %."""


class ForceTableView(DataTable[Text]):
    """The table of forces. Posts :class:`SortRequested` when a header is clicked."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="table-down-vim"),
        Binding("k", "cursor_up", "Up", show=False, id="table-up-vim"),
        Binding("left,h", "scroll_columns(-1)", "Earlier years", show=False, id="table-left"),
        Binding("right,l", "scroll_columns(1)", "Later years", show=False, id="table-right"),
    ]

    @dataclass
    class SortRequested(Message):
        """The user clicked a column header."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, fixed_columns=PINNED)
        self._signature: tuple[object, ...] = ()
        self._specs: list[ColumnSpec] = []
        self._last: tuple[ForceTable, list[FilteredRow], SortState, bool, str] | None = None
        self._pending: float | None | bool = False
        """Sideways position a scheduled restore will set (None: the latest years; False: none
        scheduled)."""

    @property
    def current_force(self) -> str | None:
        """The name of the force under the cursor, if any."""
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except CellDoesNotExist:
            return None
        return str(key.value) if key.value is not None else None

    def show(
        self,
        table: ForceTable,
        rows: list[FilteredRow],
        sort: SortState,
        *,
        ascii_only: bool,
        highlight_style: str,
    ) -> None:
        """Lay out and fill the table, keeping the cursor on the same force where possible."""
        current = self.current_force
        # If a restore is still pending, the real position is the one it will set.
        scroll_x: float | None = self.scroll_x if self._pending is False else self._pending
        self._last = (table, rows, sort, ascii_only, highlight_style)
        # Widths from every row, not just the matches, so typing never re-lays the columns.
        specs = layout_columns(table, list(table.rows))
        signature = (tuple(specs), sort, table.dataset, table.offence)
        with self.app.batch_update():
            if signature != self._signature:
                if not self._signature or self._signature[2:] != signature[2:]:
                    scroll_x = None  # new data: show the latest years
                self.clear(columns=True)
                for spec in specs:
                    label = spec.label
                    if spec.key == sort.key:
                        label = f"{label} {sort.arrow}"
                    self.add_column(
                        Text(label, justify="right" if spec.numeric else "left"),
                        width=spec.width,
                        key=spec.key,
                    )
                self._signature = signature
                self._specs = specs
            else:
                self.clear()
            self.fixed_rows = len(table.totals)
            for total in table.totals:
                self.add_row(
                    *self._cells(table, total, (), "", ascii_only, highlight_style, bold=True),
                    key=f"total:{total.force.name}",
                )
            for f in rows:
                self.add_row(
                    *self._cells(table, f.row, f.positions, f.via, ascii_only, highlight_style),
                    key=f.row.force.name,
                )
        target = len(table.totals) if rows else 0
        if current is not None:
            try:
                target = self.get_row_index(current)
            except RowDoesNotExist:  # the force is no longer listed
                pass
        if self.row_count:
            # No automatic scrolling: for a row cursor it would scroll sideways to column 0.
            self.move_cursor(row=target, animate=False, scroll=False)
        # clear() scrolled home; put the view back once the new size is known.
        self._pending = scroll_x
        self.call_after_refresh(self._restore_view, target)

    def _restore_view(self, row: int) -> None:
        if self._pending is False:
            return  # a later show() already restored the view
        x = self._latest_x() if self._pending is None else self._pending
        self._pending = False
        body_row = row - self.fixed_rows
        visible = max(1, self.scrollable_content_region.height - self.header_height - self.fixed_rows)
        y = self.scroll_y
        if body_row < y:
            y = max(0, body_row)
        elif body_row >= y + visible:
            y = body_row - visible + 1
        self.scroll_to(x=x, y=y, animate=False)

    def on_resize(self) -> None:
        """Lay the columns out again for the new width."""
        if self._last is not None:
            self.show(*self._last[:3], ascii_only=self._last[3], highlight_style=self._last[4])

    def action_scroll_columns(self, step: int) -> None:
        """Scroll sideways by whole columns (the force name stays pinned)."""
        edges = [0]
        for spec in self._specs[PINNED:]:
            edges.append(edges[-1] + spec.width + 2)
        x = self.scroll_x
        if step < 0:
            target = max((e for e in edges if e < x - 0.5), default=0)
        else:
            target = min((e for e in edges if e > x + 0.5), default=self.max_scroll_x)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False)

    def _latest_x(self) -> float:
        """The first sideways position: the last year in view at the right edge, unless that
        hides the year the change is computed to (sparse data), which is then shown from the
        year it is computed from."""
        widths = [spec.width + 2 for spec in self._specs]
        room = self.scrollable_content_region.width - sum(widths[:PINNED])
        starts: dict[str, int] = {}
        x = 0
        for spec, w in zip(self._specs[PINNED:], widths[PINNED:]):
            starts[spec.key] = x
            x += w
        years = [c for c in self._specs if c.key.startswith("year:")]
        if not years:
            return 0.0
        last = years[-1]
        end = starts[last.key] + last.width + 2
        target = min((v for v in starts.values() if v >= end - room), default=0)
        table = self._last[0] if self._last else None
        if table is not None and table.change_to is not None and table.change_from is not None:
            to_key = f"year:{table.change_to.year}"
            if to_key in starts and starts[to_key] < target:
                target = starts.get(f"year:{table.change_from.year}", starts[to_key])
        return float(min(target, self.max_scroll_x))

    def _cells(
        self,
        table: ForceTable,
        row: ForceRow,
        positions: tuple[int, ...],
        via: str,
        ascii_only: bool,
        highlight_style: str,
        bold: bool = False,
    ) -> list[Text]:
        style = "bold" if bold else ""
        cells: list[Text] = []
        by_year = {cov.year: count for cov, count in zip(table.years, row.counts)}
        for spec in self._specs:
            if spec.key == "force":
                shown = row.force.display_name
                name = highlighted(shown, positions if shown == row.force.name else (), highlight_style)
                if via:
                    name.append(f" ~{via}", style="dim")
                name.stylize(style)
                cells.append(name)
            elif spec.key == "place":
                cells.append(plain(row.force.place, style=style))
            elif spec.key.startswith("year:"):
                year = int(spec.key.split(":")[1])
                cells.append(number(fmt_count(by_year.get(year)), style=style))
            elif spec.key == "trend":
                cells.append(plain(sparkline(row.trend, ascii_only), style=style))
            elif spec.key == "change":
                cells.append(number(fmt_change(row.change), style=style))
            elif spec.key == "pct":
                cells.append(number(fmt_pct(row.pct_change), style=style))
        return cells

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Turn a header click into a sort request (the trend sorts by % change)."""
        event.stop()
        key = str(event.column_key.value)
        self.post_message(self.SortRequested("pct" if key == "trend" else key))
