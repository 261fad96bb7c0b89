"""Small read-only tables of the detail view: a force's series, and its offence breakdown."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.formatting import MISSING, fmt_count, fmt_rate
from tui.model.data.years import quarters_label
from tui.model.results.detail_types import Breakdown, QuarterPoint, Rate, SeriesPoint
from tui.widgets.cells import number, plain
from tui.widgets.compare_cells import CHANCE_MARK, chance_pct_cell, release_mark
from tui.widgets.data_table import SafeDataTable
from tui.widgets.fitted_columns import Column, fit_columns, total_width
from tui.widgets.measure_legend import CHANCE_METHOD
from tui.widgets.status_line import ELLIPSIS, whole_lines


class VimTable(SafeDataTable[Text]):
    """A row-cursor DataTable with j/k as hidden aliases for down/up. Filled with :meth:`fill`,
    it draws only the columns that fit its width whole (see :func:`fit_columns`), again at
    each new width: a figure is whole or not drawn, never cut at the table's edge."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="vim-down"),
        Binding("k", "cursor_up", "Up", show=False, id="vim-up"),
        # DataTable's own Home and End scroll sideways (a row cursor does not move): the first
        # and last row, as in every other table (2012/13 Q1 could not be reached with End).
        Binding("home", "scroll_top", "First row", show=False, id="vim-first"),
        Binding("end", "scroll_bottom", "Last row", show=False, id="vim-last"),
        Binding(
            "w", "whole_lines", "Notes and status lines whole", show=False, id="vim-whole-lines"
        ),
    ]

    class Fitted(Message):
        """The table was drawn again (new rows, or a new width): the columns it wants and
        those it draws may have changed."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns: tuple[Column, ...] = ()
        self._keys: tuple[str, ...] = ()
        self._drawn_for = -1
        self.shown: tuple[Column, ...] = ()
        """The columns drawn, in the form drawn."""
        self.left_out: tuple[str, ...] = ()
        """The headers of the columns too wide to draw at this width."""

    def action_whole_lines(self) -> None:
        """Show the view's notes and status lines whole (wrapped), or cut at a word again."""
        whole_lines(self.screen)

    @property
    def wanted_width(self) -> int:
        """Cells the table takes with every column in its widest form (and its scrollbar)."""
        return total_width(self._columns) + self.styles.scrollbar_size_vertical

    @property
    def fit_notes(self) -> list[str]:
        """What the view says about the columns as drawn: a narrower form's note, and which
        columns were left out for want of room."""
        notes = [c.note for c in self.shown if c.note]
        if self.left_out:
            notes.append(f"{', '.join(self.left_out)}: no room at this width")
        return notes

    def fill(self, columns: Sequence[Column], keys: Sequence[str]) -> None:
        """Show ``columns`` (each with a cell per row of ``keys``) as wide as they fit."""
        self._columns, self._keys = tuple(columns), tuple(keys)
        self._draw()

    def on_resize(self) -> None:
        # Textual calls each class's handler: a table filled otherwise (BreakdownTable) keeps
        # its own.
        if self._columns and self.size.width != self._drawn_for:
            self._draw()

    def _draw(self) -> None:
        row = self.cursor_row
        self._drawn_for = self.size.width
        # Room for the vertical scrollbar, whether or not it is drawn (it comes with the rows).
        room = self.size.width - self.styles.scrollbar_size_vertical
        left_out: tuple[str, ...] = ()
        if self.size.width <= 0:  # not laid out yet: everything, fitted once it is
            self.shown = self._columns
        else:
            self.shown, left_out = fit_columns(self._columns, room)
        headers = {c.key: c.header.plain for c in self._columns}
        self.left_out = tuple(headers[k] for k in left_out)
        self.clear(columns=True)
        for column in self.shown:
            self.add_column(column.header, key=column.key)
        for i, key in enumerate(self._keys):
            self.add_row(*(c.cells[i] for c in self.shown), key=key)
        if self.row_count:
            self.move_cursor(row=min(max(row, 0), self.row_count - 1))
        self.post_message(self.Fitted())


class SeriesBox(Vertical):
    """The series table and the line under it: what its marks mean, and its columns as drawn
    (rates rounded, a column left out)."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:  # noqa: A002
        super().__init__(*children, id=id)
        self.legend = ""
        """What the marks in the table mean (see :func:`series_marks_legend`)."""

    def show_legend(self, legend: str) -> None:
        """Say what the table's marks mean under it."""
        self.legend = legend
        self._show_notes()

    def on_vim_table_fitted(self) -> None:
        self._show_notes()

    def _show_notes(self) -> None:
        notes = [*self.query_one(SeriesTable).fit_notes, *filter(None, [self.legend])]
        marks = self.query_one("#detail-marks", Static)
        marks.update(Text("\n".join(notes)))
        marks.display = bool(notes)


class DetailTop(Horizontal):
    """The detail's chart and series side by side: the series :attr:`SERIES_WIDTH` cells
    wide, or as wide as its table's columns want, up to three fifths of the width (or
    :attr:`SERIES_MOST`), never wider than the screen; the chart has the rest. At 80 columns all
    offences' rates fit with their decimal (the box was 42 cells: "/10", "12,032" for 12,032.8)."""

    SERIES_WIDTH = 42
    SERIES_MOST = 44

    def on_resize(self) -> None:
        self._size_series()

    def on_vim_table_fitted(self) -> None:
        self._size_series()

    def _size_series(self) -> None:
        width = self.size.width
        if width <= 0:
            return
        box = self.query_one(SeriesBox)
        wanted = max(box.query_one(SeriesTable).wanted_width, self.SERIES_WIDTH)
        box.styles.width = min(wanted, max(self.SERIES_MOST, width * 3 // 5), width)


def rate_column(rates: Sequence[Rate | None], ascii_only: bool) -> Column:
    """Rates per 100,000 with one decimal; narrower, rounded to whole numbers under a header
    that says so ("≈/100k"; "c./100k" in ASCII, where "~" marks a change within chance)."""
    approx = "c." if ascii_only else "≈"
    rounded = Column(
        "rate",
        Text(f"{approx}/100k", justify="right"),
        tuple(number(MISSING if r is None else f"{r.per_100k:,.0f}") for r in rates),
        note=f"{approx} rates rounded to whole numbers",
    )
    cells = tuple(number(fmt_rate(r.per_100k if r else None)) for r in rates)
    return Column("rate", Text("/100k", justify="right"), cells, narrower=rounded)


class SeriesTable(VimTable):
    """Year, count and % change of one force (partial years labelled, missing as "—")."""

    def show(
        self,
        points: tuple[SeriesPoint, ...],
        rates: tuple[Rate | None, ...] = (),
        *,
        ascii_only: bool = False,
    ) -> None:
        """Fill the table, newest year first; with ``rates`` (one per point), a column of rates
        per 100,000 people ("—" for a partial year or without a population). Each % change
        carries the marks ``ox show`` gives it (:func:`series_marks_legend` says what they
        mean): "~" within chance, "†" ("r" in ASCII) across releases."""
        newest = points[::-1]
        columns = [
            Column("year", Text("Year"), tuple(plain(p.label) for p in newest)),
            Column(
                "count",
                Text("Count", justify="right"),
                tuple(number(fmt_count(p.count)) for p in newest),
            ),
            Column(
                "pct",
                Text("%", justify="right"),
                tuple(
                    chance_pct_cell(
                        p.pct_change,
                        p.significant,
                        release_mark(ascii_only) if p.crosses_releases else "",
                    )
                    for p in newest
                ),
            ),
        ]
        if rates:
            by_point = [rates[i] if i < len(rates) else None for i in range(len(points))]
            columns.append(rate_column(by_point[::-1], ascii_only))
        self.fill(columns, [p.year.fy for p in newest])

    def show_quarters(
        self, quarters: tuple[QuarterPoint, ...], points: tuple[SeriesPoint, ...]
    ) -> None:
        """Fill the table with the quarters, newest first: each quarter's count ("—" when there
        is none), and beside the quarters of a partial year (of ``points``, the years) what
        makes it partial ("partial year", or the force's "Q1-Q2 only")."""
        partial = {}
        for p in points:
            if p.year.partial:
                partial[p.year.year] = "partial year"
            elif p.partial:
                partial[p.year.year] = f"{quarters_label(p.quarters)} only"
        newest = quarters[::-1]
        columns = [
            Column("year", Text("Quarter"), tuple(plain(q.label) for q in newest)),
            Column(
                "count",
                Text("Count", justify="right"),
                tuple(number(fmt_count(q.count)) for q in newest),
            ),
        ]
        if partial:
            notes = tuple(plain(partial.get(q.year, ""), style="dim") for q in newest)
            columns.append(Column("note", Text("Year"), notes))
        self.fill(columns, [f"{q.year}Q{q.quarter}" for q in newest])


def series_marks_legend(points: tuple[SeriesPoint, ...], ascii_only: bool) -> str:
    """What the marks the series table shows mean, one line each (empty when it shows none):
    ``"~ within chance (exact Poisson test, 95%)"``, ``"† figures from different releases"``."""
    shown = [p for p in points if p.pct_change is not None]
    lines = []
    if any(p.significant is False for p in shown):
        lines.append(f"{CHANCE_MARK} within chance ({CHANCE_METHOD})")
    if any(p.crosses_releases for p in shown):
        lines.append(f"{release_mark(ascii_only)} figures from different releases")
    return "\n".join(lines)


def breakdown_title(b: Breakdown | None) -> Text:
    """The line over a force's offences in a year: the year and its total; "—" and why where
    there is no breakdown (an NSPCC answer that states only a total showed a table header with
    nothing under it, issue 20)."""
    if b is None:
        return Text.assemble(("Offences", "bold"), ": —\nno year with a figure")
    if not b.rows:
        why = (
            f"only a total is stated ({fmt_count(b.total)})"
            if b.total is not None
            else f"no figure for {b.year.label}"
        )
        return Text.assemble((f"Offences in {b.year.label}", "bold"), f": —\n{why} · [ ] year")
    return Text.assemble(
        (f"Offences in {b.year.label}", "bold"),
        f" · of {fmt_count(b.total)} ({b.total_label}) · [ ] year",
    )


class BreakdownTable(VimTable):
    """A force's largest offences in one year, with their share of its total. An offence name
    too long for the panel is cut with "…" (it was cut at the edge with no mark: "105A Assault
    without in"); ``w`` shows the names whole (the table then scrolls sideways)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.whole = False
        self._breakdown: Breakdown | None = None
        self._filled_for = -1

    def show(self, breakdown: Breakdown | None) -> None:
        """Fill the table (empty when there is no breakdown)."""
        self._breakdown = breakdown
        self._fill()

    def show_whole(self, whole: bool) -> None:
        """Offence names whole, or cut to the width again."""
        self.whole = whole
        self._fill()

    def on_resize(self) -> None:
        if self.size.width != self._filled_for:
            self._fill()

    def _fill(self) -> None:
        breakdown, row = self._breakdown, self.cursor_row
        self._filled_for = self.size.width
        # Room for the vertical scrollbar, whether or not it is drawn (it comes with the rows).
        width = self.size.width - self.styles.scrollbar_size_vertical
        self.clear(columns=True)
        self.add_column(Text("Count", justify="right"), key="count")
        self.add_column(Text("Share", justify="right"), key="share")
        self.add_column(Text("Offence"), key="offence")
        if breakdown is None:
            return
        counts = [fmt_count(r.count) for r in breakdown.rows]
        shares = ["—" if r.share is None else f"{r.share:.1f}%" for r in breakdown.rows]
        # Each column has a cell of padding on either side.
        room = width - max(map(len, [*counts, "Count"])) - max(map(len, [*shares, "Share"])) - 6
        for r, count, share in zip(breakdown.rows, counts, shares):
            name = plain(f"{r.code} {r.description}")
            if not self.whole and room > len(ELLIPSIS) and name.cell_len > room:
                name = name[: room - len(ELLIPSIS)]
                name.rstrip()
                name.append(ELLIPSIS)
            self.add_row(number(count), number(share), name, key=r.code)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))
