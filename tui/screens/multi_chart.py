"""The multi-force chart: up to eight forces (or totals) on one chart, with their numbers beside it.

Opened from the Forces view (``g`` on the marked forces) or from a force's detail (``P``: the force
and its peers). ``m`` switches the measure (count, index with a chosen base year = 100, rate per
100,000); ``[`` and ``]`` move the index's base year. Every line has its own marker character, so
the chart reads in ASCII and without colour; the legend names each marker in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from tui.formatting import fmt_count, fmt_rate, forces_count
from tui.model.data.names import name_list
from tui.model.findings.reproduce import ViewSpec
from tui.model.results.multi_series import (
    MEASURE_LABELS,
    MEASURES,
    MeasureTable,
    MultiSeries,
    index_bases,
    measure_table,
)
from tui.output.reports import Column, Report, dataset_lines
from tui.screens.base import ExplorerScreen, ViewContext
from tui.widgets.cells import line, number, plain
from tui.widgets.detail_title import dataset_tails
from tui.widgets.grid import Grid, GridColumn, GridRow
from tui.widgets.jump_bar import JumpBar
from tui.widgets.keys_bar import KeysBar
from tui.widgets.multi_chart import ChartLine, MultiChart, series_style
from tui.widgets.status_line import StatusLine, TitleParts


def fmt_measure(measure: str, value: float | None) -> str:
    """A value of the measure as the table shows it ("—" for missing)."""
    if measure == "count":
        return fmt_count(None if value is None else round(value))
    if measure == "rate":
        return fmt_rate(value)
    return "—" if value is None else f"{value:,.1f}"


class MultiChartScreen(ExplorerScreen):
    """Several forces' series on one chart, and the numbers in a table beside it."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back", id="multi-back"),
        Binding("m", "next_measure", "Measure", id="multi-measure"),
        Binding(
            "left_square_bracket",
            "base_year(-1)",
            "Base earlier",
            show=False,
            id="multi-base-back",
        ),
        Binding(
            "right_square_bracket",
            "base_year(1)",
            "Base later",
            show=False,
            id="multi-base-forward",
        ),
        *(
            Binding(
                str(n), f"highlight({n - 1})", f"Highlight line {n}", False, id=f"multi-line-{n}"
            )
            for n in range(1, 9)
        ),
        Binding("0", "highlight(-1)", "No highlight", show=False, id="multi-no-highlight"),
    ]

    def __init__(self, context: ViewContext, forces: Sequence[str], *, title: str = "") -> None:
        super().__init__(id="multi-chart")
        self.context = context
        self.forces = tuple(forces)
        """The force (or total) names, in legend order."""
        self.title = title
        self.series: MultiSeries | None = None
        self.measure = "count"
        self.base_year: int | None = None
        self.shown: MeasureTable | None = None

    def compose(self) -> ComposeResult:
        title = StatusLine(max_lines=3, id="multi-title", classes="context")
        title.show_titled(*self._title_text())
        yield title
        with Horizontal(id="multi-top"):
            yield MultiChart(id="multi-plot")
            yield Grid(id="multi-table")
        yield JumpBar("multi-table", find=self._find, found=self._found)
        yield Static("", id="multi-legend")
        yield StatusLine("Loading…", id="multi-status", classes="status")
        yield KeysBar()

    def on_mount(self) -> None:
        if self.closed_early:
            return
        self.query_one(Grid).focus()
        self._load()

    def _title_text(self) -> tuple[TitleParts, Text]:
        """The title line (the forces, the offence, the dataset and its release: the offence
        cut at a word where they do not fit, never dropped, as "3 forces…" named none at 80
        columns) and the measure's line."""
        assert self.context is not None
        what = self.title or forces_count(len(self.forces))
        dataset = self.context.dataset
        title = TitleParts(
            line((what, "bold"), " · "),
            line((self.context.selection.label, "bold")),
            dataset_tails(dataset.name, dataset.info),
            tail_last=True,
        )
        measure = line(
            "\n",
            f"{MEASURE_LABELS[self.measure]}",
            (f": {self.shown.base_year.label} = 100", "")
            if self.shown is not None and self.shown.base_year is not None
            else "",
        )
        return title, measure

    def set_context(self, context: ViewContext) -> None:
        """The same forces for another offence or option."""
        super().set_context(context)
        self._load()

    def _load(self) -> None:
        assert self.context is not None
        data, selection, names = self.context.data, self.context.selection, self.forces

        def ask() -> MultiSeries:
            return data.several_series([data.find_force(n) for n in names], selection)

        self.run_query(
            f"collect the figures of {name_list(names)}", ask, self._ready, group="multi-series"
        )

    def show_failure(self, message: str) -> None:
        self.query_one("#multi-status", Static).update(line((message, "bold")))

    def _ready(self, series: MultiSeries) -> None:
        self.series = series
        bases = [b.year for b in index_bases(series)]
        if self.base_year not in bases:
            self.base_year = bases[0] if bases else None
        self._redraw()

    # ---------------------------------------------------------------- drawing

    def _redraw(self) -> None:
        assert self.context is not None
        if self.series is None:
            return
        ascii_only = self.context.ascii_only
        table = measure_table(self.series, self.measure, self.base_year)
        self.shown = table
        self.query_one("#multi-title", StatusLine).show_titled(*self._title_text())
        charted = [i for i, cov in enumerate(table.years) if not cov.partial]
        lines = tuple(
            ChartLine(force.name, tuple(values[i] for i in charted))
            for force, values in zip(table.forces, table.values)
        )
        y_label = "index" if self.measure == "index" else ""
        self.query_one(MultiChart).show(
            tuple(table.years[i].label for i in charted),
            lines,
            y_label=y_label,
            ascii_only=ascii_only,
            whole_numbers=self.measure != "rate",
        )
        self._fill_table(table, ascii_only)
        self._show_legend(table, ascii_only)

    def _fill_table(self, table: MeasureTable, ascii_only: bool) -> None:
        """One row per year, one column per force (its marker and the start of its name); the
        year stays in view and the forces scroll by whole columns."""
        grid = self.query_one(Grid)
        rows = [
            GridRow(
                str(cov.year),
                (
                    plain(cov.label),
                    *(number(fmt_measure(table.measure, values[j])) for values in table.values),
                ),
            )
            for j, cov in enumerate(table.years)
        ]
        year = GridColumn("year", "Year", max([4, *(len(c.label) for c in table.years)]))
        columns = [year]
        # The table may take 55% of the screen (app.tcss), less its scrollbar.
        room = self.size.width * 55 // 100 - 2
        for i, force in enumerate(table.forces):
            marker, _ = series_style(i, ascii_only)
            # The short name Compare and the legend use, whole: cut to 9 letters, "South Y…",
            # "South W…" and "West Mi…" could not be told apart. Where it would leave no room
            # for the year beside it (the year then scrolled away, and 1,197 for 2025/26 Q1-Q3
            # read as a fall, at 60x20), the marker and the line's number, as the legend gives.
            figures = max(row.cells[i + 1].cell_len for row in rows) if rows else 1
            header = f"{marker} {force.display_name}"
            if year.outer + max(len(header), figures) + 2 > room:
                header = f"{marker} {i + 1}"
            widest = max(len(header), figures)
            columns.append(GridColumn(f"force:{force.name}", header, widest, numeric=True))
        grid.set_columns(columns)
        grid.set_rows([], rows, keep=grid.current_key)

    def _show_legend(self, table: MeasureTable, ascii_only: bool) -> None:
        chart = self.query_one(MultiChart)
        room = max(20, self.size.width - 2)
        legend = Text()
        used = 0
        for i, force in enumerate(table.forces):
            marker, colour = series_style(i, ascii_only)
            name = plain(force.display_name, style="reverse" if chart.highlight == i else "")
            width = len(name) + 4
            if used and used + 3 + width > room:  # an item is never split across lines
                legend.append("\n")
                used = 0
            elif used:
                legend.append("   ")
                used += 3
            r, g, b = chart.colour(colour)
            legend.append(f"{i + 1} ", style="dim")  # the key that highlights it
            legend.append(f"{marker} ", style=f"bold #{r:02x}{g:02x}{b:02x}")
            legend.append_text(name)
            used += width
        self.query_one("#multi-legend", Static).update(legend)
        keys = "m measure" + (" · [ ] base year" if self.measure == "index" else "")
        keys += f" · 1–{len(table.forces)} highlight · / find"
        status = " · ".join([keys, *table.notes[:1]]) if table.notes else keys
        self.query_one("#multi-status", Static).update(line(status))

    def on_resize(self) -> None:
        """Re-pack the legend, and head the table's columns, for the new width."""
        if self.shown is not None and self.context is not None:
            self._fill_table(self.shown, self.context.ascii_only)
            self._show_legend(self.shown, self.context.ascii_only)

    # ---------------------------------------------------------------- actions

    def action_back(self) -> None:
        """Back to the previous view."""
        self.dismiss(None)

    def action_next_measure(self) -> None:
        """Count, then an index (base year = 100), then a rate per 100,000."""
        self.measure = MEASURES[(MEASURES.index(self.measure) + 1) % len(MEASURES)]
        self._redraw()

    def action_highlight(self, index: int) -> None:
        """Draw the ``index``-th force's line on top in its colour (the others faint), and
        scroll its column into view; -1 (or the highlighted one again) for none."""
        chart = self.query_one(MultiChart)
        if index < 0 or index >= len(self.forces) or chart.highlight == index:
            chart.highlight = None
        else:
            chart.highlight = index
            grid = self.query_one(Grid)
            edge = grid.column_edges().get(f"force:{self.forces[index]}")
            if edge is not None and not grid.shows_column(f"force:{self.forces[index]}"):
                grid.scroll_to(x=min(edge, grid.max_scroll_x), animate=False, immediate=True)
        chart.replot()
        if self.shown is not None and self.context is not None:
            self._show_legend(self.shown, self.context.ascii_only)

    def _find(self) -> list[tuple[str, tuple[str, ...]]]:
        """What ``/`` finds: the forces of the chart, by name, aliases and code."""
        if self.shown is None:
            return []
        return [(str(i), f.search_texts) for i, f in enumerate(self.shown.forces)]

    def _found(self, key: str) -> None:
        if self.query_one(MultiChart).highlight != int(key):
            self.action_highlight(int(key))

    def action_base_year(self, step: int) -> None:
        """Move the index's base year to an earlier or later year (switches to the index)."""
        if self.series is None:
            return
        bases = [b.year for b in index_bases(self.series)]
        if not bases:
            self.notify("No year in which every force has a count: no index.", timeout=3)
            return
        self.measure = "index"
        i = bases.index(self.base_year) if self.base_year in bases else 0
        self.base_year = bases[min(max(i + step, 0), len(bases) - 1)]
        self._redraw()

    # ---------------------------------------------------------------- export and copy

    def report(self) -> Report | None:
        """Every figure shown, one record per force and year (as ``ox show F1 F2 -f json``)."""
        if self.shown is None or self.context is None:
            return None
        table, measure = self.shown, self.shown.measure

        def cell(v: float | None) -> float | int | None:
            return None if v is None else (round(v) if measure == "count" else v)

        def shown(v: object) -> str:
            return fmt_measure(measure, float(v) if isinstance(v, (int, float)) else None)

        records: list[dict[str, object]] = [
            {"force": force.name, "year": cov.fy, measure: cell(v), "partial": cov.partial}
            for force, values in zip(table.forces, table.values)
            for cov, v in zip(table.years, values)
        ]
        columns = [
            Column("force", "Force"),
            Column("year", "Year"),
            Column(measure, MEASURE_LABELS[measure], shown, numeric=True),
        ]
        title = f"{name_list(f.name for f in table.forces)}: {self.context.selection.label}"
        return Report(
            title, columns, records, dataset_lines(self.context.dataset.info), list(table.notes)
        )

    def export_stem(self) -> str:
        assert self.context is not None
        return f"forces-{len(self.forces)}-{self.context.dataset.name}-{self.context.selection.key}"

    def view_spec(self) -> ViewSpec | None:
        """The forces' series as ``ox show F1 F2 ...`` prints them (counts, with each year's
        rate; an index is computed from those counts)."""
        if self.context is None or self.series is None:
            return None
        return ViewSpec(
            "several",
            self.context.dataset.name,
            self.context.selection.key,
            forces=self.forces,
        )
