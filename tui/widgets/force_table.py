"""The Forces table: one row per force with counts, a sparkline trend and the latest change.

It only formats what the screen hands it (a :class:`ForceTable` and the filtered, sorted rows);
the totals rows are fixed at the top so they stay visible while scrolling.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size

from tui.formatting import (
    CAVEAT_MARK,
    CAVEAT_MARK_ASCII,
    fmt_change,
    fmt_count,
    fmt_pct,
    fmt_rate,
    partial_mark,
    sparkline,
)
from tui.model.data.reference import area_words
from tui.model.results.ordering import FilteredRow
from tui.model.results.types import ForceRow, ForceTable
from tui.widgets.cells import highlighted, number, plain
from tui.widgets.compare_cells import chance_pct_cell, release_mark
from tui.widgets.force_grid import ForceGrid, SortState
from tui.widgets.forces_status import ALIAS_MARK, trend_span
from tui.widgets.grid import GridColumn, GridRow
from tui.widgets.rate_cells import fmt_rate_change, rate_cells
from tui.widgets.status_line import ELLIPSIS


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the table."""

    key: str
    label: str
    width: int
    numeric: bool = False
    short: str = ""
    """The label beside the sort arrow where ``label`` and the arrow do not fit."""


def layout_columns(
    table: ForceTable, rows: list[ForceRow], measure: str = "count"
) -> list[ColumnSpec]:
    """The columns. Pinned on the left: force, trend and the latest change, so they are in view
    at any width. Then every year, oldest first, and the region; the table opens scrolled to the
    latest years, and older years are a scroll to the left. Each figure column is as wide as the
    widest figure of the ``measure`` shown (by rates, City of London's change of -3,786.6 read
    "-3,786…" in a column sized for the counts)."""
    every = [*table.totals, *rows]
    longest_name = max((len(r.force.display_name) for r in every), default=10)
    if measure == "rate":
        changes = [fmt_rate_change(r.rate_change) for r in every]
        pcts = [len(fmt_pct(r.rate_pct_change)) + 1 for r in every]
    else:
        changes = [fmt_change(r.change) for r in every]
        pcts = [len(fmt_pct(r.pct_change)) + 1 + r.crosses_releases for r in every]
    specs = [
        ColumnSpec("force", area_words(r.force for r in every)[0], min(max(longest_name, 12), 24)),
        ColumnSpec("trend", "Trend", max(len(table.trend_years[trend_span(table)]), 5)),
        # Six wide ("+2,152"); sorted by it, the header reads "Chg ▼" (eight cells for
        # "Change ▼" pushed the partial year's column off screen at 80×24).
        ColumnSpec(
            "change",
            "Change",
            max([len(c) for c in changes] + [6]),
            numeric=True,
            short="Chg",
        ),
        # Room for the marks after a %: "†" across releases, "~" within chance.
        ColumnSpec("pct", "%", max(pcts + [6]), numeric=True),
    ]
    for i, cov in enumerate(table.years):
        if measure == "rate":
            figures = [len(fmt_rate(r.rates[i] if i < len(r.rates) else None)) for r in every]
        else:
            figures = [len(fmt_count(r.counts[i])) + bool(r.short_in(i)) for r in every]
        widest = max(figures, default=1)
        specs.append(
            ColumnSpec(f"year:{cov.year}", cov.label, max(widest, len(cov.label) + 2), numeric=True)
        )
    specs.append(
        ColumnSpec(
            "place", "Region / nation", min(max([len(r.force.place) for r in every] + [15]), 24)
        )
    )
    return specs


PINNED = 4
"""Columns that stay in view when scrolling sideways: force, trend, change, %."""
NAME_AT_LEAST = 10
"""The fewest letters of a force's name kept beside the alias it was found by."""


class ForceTableView(ForceGrid):
    """The table of forces. Posts :class:`ForceGrid.SortRequested` when a header is clicked."""

    BINDINGS = [
        Binding("h", "scroll_columns(-1)", "Earlier columns", show=False, id="forces-left-vim"),
        Binding("l", "scroll_columns(1)", "Later columns", show=False, id="forces-right-vim"),
    ]
    HEADER_SORTS = {"trend": "pct"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(pinned=PINNED, id=id)
        self._signature: tuple[object, ...] = ()
        self._specs: list[ColumnSpec] = []
        self._table: ForceTable | None = None
        self._sized_for = 0
        self._rest_cache: dict[tuple[object, ...], tuple[Text, ...]] = {}
        self._layout: list[ColumnSpec] = []
        self._layout_for: tuple[ForceTable, str] | None = None
        self.measure = "count"
        """``count`` or ``rate``: the figures the year, change and % columns show."""
        self._marked: frozenset[str] = frozenset()
        self._mark = "*"
        self._trend = slice(None)
        """The years of each row's trend the table draws (see :func:`trend_span`)."""

    def show(
        self,
        table: ForceTable,
        rows: list[FilteredRow],
        sort: SortState,
        *,
        ascii_only: bool,
        highlight_style: str,
        marked: frozenset[str] = frozenset(),
        mark: str = "*",
        keep_cursor: bool = True,
    ) -> None:
        """Fill the table, keeping the cursor on the same force where possible (else, or unless
        ``keep_cursor``, on the first force); the rows of the ``marked`` force names start with
        ``mark``."""
        current = self.current_force
        self._marked, self._mark = marked, mark
        self._table = table
        # Widths from every row, not just the matches, so typing never re-lays the columns.
        done = self._layout_for
        if done is None or done[0] is not table or done[1] != self.measure:
            self._layout = layout_columns(table, list(table.rows), self.measure)
            self._layout_for = (table, self.measure)
            self._trend = trend_span(table)
        specs = self._layout
        signature = (tuple(specs), sort, table.dataset, table.offence, ascii_only)
        new_data = not self._signature or self._signature[2:] != signature[2:]
        before = self._signature[1] if self._signature else None
        if signature != self._signature:
            self.set_columns(
                self.headed(
                    [
                        GridColumn(spec.key, spec.label, spec.width, spec.numeric, spec.short)
                        for spec in specs
                    ],
                    sort,
                )
            )
            if signature[:1] + signature[2:] != self._signature[:1] + self._signature[2:]:
                self._rest_cache.clear()  # (a new sort alone draws the same cells in a new order)
            self._signature = signature
            self._specs = specs
        fixed = [
            GridRow(
                f"total:{t.force.name}", self._cells(table, t, (), "", ascii_only, ""), bold=True
            )
            for t in table.totals
        ]
        body = [
            GridRow(
                f.row.force.name,
                self._cells(table, f.row, f.positions, f.via, ascii_only, highlight_style),
            )
            for f in rows
        ]
        self.set_rows(fixed, body, keep=current if keep_cursor else None)
        if new_data:
            self._sized_for = 0
            self._scroll_to_latest()
        elif sort != before:
            self.reveal_column(sort.key)

    def _scroll_to_latest(self) -> None:
        """Scroll to the latest years now, before anything is painted (a scroll after the
        next refresh showed 2012/13–2017/18 for a frame, then jumped); before the first layout
        there is no width yet, and :meth:`_size_updated` does it."""
        width = self.scrollable_content_region.width
        if not width or self._table is None:
            return
        self._sized_for = width
        self.scroll_to(x=self._latest_x(), animate=False, immediate=True, force=True)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """A new width (the first layout, or a resize): the latest years in view again, in the
        same frame."""
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.scrollable_content_region.width != self._sized_for:
            self._scroll_to_latest()
        return changed

    def _latest_x(self) -> float:
        """The first sideways position: the last year in view at the right edge, unless that
        hides the year the change is computed to (sparse data), which is then shown from the
        year it is computed from; with no change, the last year any row has a figure in (an
        NSPCC breakdown code, stated for 2017/18 only, opened on six years of "—")."""
        starts = self.column_edges()
        years = [c for c in self._specs if c.key.startswith("year:")]
        if not years:
            return 0.0
        last = years[-1]
        table = self._table
        if table is not None and table.change_to is None:
            rows = (*table.totals, *table.rows)
            held = [
                i for i in range(len(table.years)) if any(r.counts[i] is not None for r in rows)
            ]
            if held:
                last = next(
                    (c for c in years if c.key == f"year:{table.years[held[-1]].year}"), last
                )
        end = starts[last.key] + last.width + 2
        target = min((v for v in starts.values() if v >= end - self.scroll_room), default=0)
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
    ) -> tuple[Text, ...]:
        shown = row.force.display_name
        name = highlighted(shown, positions if shown == row.force.name else (), highlight_style)
        caveat = ""
        if self.measure == "rate" and row.rate_caveat:
            caveat = f" {CAVEAT_MARK_ASCII if ascii_only else CAVEAT_MARK}"
        if via:
            # The alias or code it was found by stays in view (the status line names it too):
            # whole, the name cut with "…" to make room where it must ("Metropolitan Polic…" hid
            # "=Met" at 80 columns), or a bare mark where the name would keep too few letters
            # (an ONS code beside "Northamptonshire").
            room = self._name_width() - len(caveat) - (2 if row.force.name in self._marked else 0)
            tag = f" {ALIAS_MARK}{via}"
            if len(shown) + len(tag) > room and room - len(tag) - 1 < NAME_AT_LEAST:
                tag = f" {ALIAS_MARK}"
            if len(shown) + len(tag) > room:
                name = name[: max(1, room - len(tag) - 1)]
                name.rstrip()
                name.append(ELLIPSIS)
            name.append(tag, style="dim")
        if caveat:
            name.append(caveat, style="bold")
        if row.force.name in self._marked:
            name = Text.assemble((f"{self._mark} ", "bold"), name)
        # Everything but the name is the same on every keystroke: build it once per table.
        key = (id(table), row.force.name, ascii_only, self.measure)
        rest = self._rest_cache.get(key)
        if rest is None:
            rest = self._rest_cells(table, row, ascii_only)
            self._rest_cache[key] = rest
        return (name, *rest)

    def _name_width(self) -> int:
        return next((spec.width for spec in self._layout if spec.key == "force"), 24)

    def _rest_cells(self, table: ForceTable, row: ForceRow, ascii_only: bool) -> tuple[Text, ...]:
        if self.measure == "rate":
            return rate_cells(self._specs[1:], table, row, ascii_only, self._trend)
        cells: list[Text] = []
        index = {cov.year: i for i, cov in enumerate(table.years)}
        for spec in self._specs[1:]:
            if spec.key == "place":
                cells.append(plain(row.force.place))
            elif spec.key.startswith("year:"):
                i = index[int(spec.key.split(":")[1])]
                mark = partial_mark(ascii_only) if row.short_in(i) else ""
                cells.append(number(fmt_count(row.counts[i]) + mark))
            elif spec.key == "trend":
                cells.append(plain(sparkline(row.trend[self._trend], ascii_only)))
            elif spec.key == "change":
                cells.append(number(fmt_change(row.change)))
            elif spec.key == "pct":
                crossed = row.crosses_releases and row.pct_change is not None
                cells.append(
                    chance_pct_cell(
                        row.pct_change, row.significant, release_mark(ascii_only) if crossed else ""
                    )
                )
        return tuple(cells)
