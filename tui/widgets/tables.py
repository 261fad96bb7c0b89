"""Small read-only tables of the detail view: a force's series, and its offence breakdown."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from tui.formatting import fmt_count, fmt_rate
from tui.model.data.years import quarters_label
from tui.model.results.detail_types import Breakdown, QuarterPoint, Rate, SeriesPoint
from tui.widgets.cells import number, plain
from tui.widgets.compare_cells import CHANCE_MARK, chance_pct_cell, release_mark
from tui.widgets.measure_legend import CHANCE_METHOD
from tui.widgets.status_line import ELLIPSIS, whole_lines


class VimTable(DataTable[Text]):
    """A row-cursor DataTable with j/k as hidden aliases for down/up."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="vim-down"),
        Binding("k", "cursor_up", "Up", show=False, id="vim-up"),
        Binding(
            "w", "whole_lines", "Notes and status lines whole", show=False, id="vim-whole-lines"
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def action_whole_lines(self) -> None:
        """Show the view's notes and status lines whole (wrapped), or cut at a word again."""
        whole_lines(self.screen)


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
        self.clear(columns=True)
        self.add_column(Text("Year"), key="year")
        self.add_column(Text("Count", justify="right"), key="count")
        self.add_column(Text("%", justify="right"), key="pct")
        if rates:
            self.add_column(Text("/100k", justify="right"), key="rate")
        for i in reversed(range(len(points))):
            p = points[i]
            crossed = release_mark(ascii_only) if p.crosses_releases else ""
            cells = [
                plain(p.label),
                number(fmt_count(p.count)),
                chance_pct_cell(p.pct_change, p.significant, crossed),
            ]
            if rates:
                rate = rates[i] if i < len(rates) else None
                cells.append(number(fmt_rate(rate.per_100k if rate else None)))
            self.add_row(*cells, key=p.year.fy)

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
        self.clear(columns=True)
        self.add_column(Text("Quarter"), key="year")
        self.add_column(Text("Count", justify="right"), key="count")
        if partial:
            self.add_column(Text("Year"), key="note")
        for q in reversed(quarters):
            cells = [plain(q.label), number(fmt_count(q.count))]
            if partial:
                cells.append(plain(partial.get(q.year, ""), style="dim"))
            self.add_row(*cells, key=f"{q.year}Q{q.quarter}")


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
