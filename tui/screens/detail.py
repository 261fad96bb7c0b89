"""The force detail view: chart, series, rank, rate, offence breakdown and sources of one force."""

from __future__ import annotations

from collections.abc import Callable
from inspect import isawaitable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.formatting import safe_text
from tui.model.data.errors import ModelError
from tui.model.data.reference import Force
from tui.model.findings.peers import PeerGroup
from tui.model.findings.reproduce import ViewSpec
from tui.model.results.detail_types import ForceDetail
from tui.model.store.derived_store import StoredDetail
from tui.output.compare_report import event_line
from tui.output.reports import Report
from tui.output.show_report import pair_notes, show_report
from tui.screens.base import ExplorerScreen, Followed, ForceChosen, ViewContext
from tui.screens.multi_chart import MultiChartScreen
from tui.widgets.cells import line
from tui.widgets.detail_chart import detail_chart
from tui.widgets.detail_facts import facts_text
from tui.widgets.detail_notes import source_text
from tui.widgets.detail_title import DetailTitle
from tui.widgets.facts_view import FactsScroll, FactsText
from tui.widgets.force_finder import ForceFinder
from tui.widgets.keys_bar import KeysBar
from tui.widgets.peers_panel import PeersPanel, no_peers_text
from tui.widgets.status_line import StatusLine
from tui.widgets.tables import (
    BreakdownTable,
    DetailTop,
    SeriesBox,
    SeriesTable,
    breakdown_title,
    series_marks_legend,
)
from tui.widgets.trend_chart import NATIONAL_MODES, NationalMode, TrendChart

if TYPE_CHECKING:
    from tui.model.results.interface import DatasetView


class ForceDetailScreen(ExplorerScreen):
    """One force in depth."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back", id="detail-back"),
        Binding("p", "toggle_period", "Years/quarters", id="detail-period"),
        Binding("i", "cycle_national", "National trend", id="detail-national"),
        Binding(
            "left_square_bracket",
            "breakdown_year(-1)",
            "Earlier year",
            show=False,
            id="detail-year-back",
        ),
        Binding(
            "right_square_bracket",
            "breakdown_year(1)",
            "Later year",
            show=False,
            id="detail-year-forward",
        ),
        Binding("P", "chart_peers", "Chart with peers", id="detail-peers-chart"),
        Binding("slash", "find_force", "Find a force", id="detail-find", priority=True),
    ]

    def __init__(
        self,
        context: ViewContext | None,
        force: Force,
        *,
        early: StoredDetail | None = None,
        ascii_only: bool = False,
    ) -> None:
        """The detail of ``force``, with the data of ``context``; or, before the data is loaded
        (``context`` is ``None``), from ``early``, the detail stored from the same data and
        reference files (see ``tui.model.store.derived_store``), refreshed once the data loads."""
        super().__init__(id="detail")
        self.context = context
        self.force = force
        self.early = early
        self._early_ascii = ascii_only
        self._deferred: Callable[[], object] | None = None
        """What the user asked before the data was loaded, done once it is."""
        self.detail: ForceDetail | None = None
        self.quarterly = False
        self.national: NationalMode = "off"
        self.breakdown_year: int | None = None
        self._peers_asked = False
        self._peers_known = False
        self._chart_when_peers = False

    def compose(self) -> ComposeResult:
        title = DetailTitle(id="detail-title", classes="context")
        self._show_title(title)
        yield title
        yield ForceFinder(self._forces, lambda name: self.post_message(ForceChosen(name)))
        with DetailTop(id="detail-top"):
            with Vertical(id="detail-chart-box"):
                yield TrendChart(id="detail-chart")
                yield StatusLine("", max_lines=3, id="detail-legend", uncut="legend: w")
            with SeriesBox(id="detail-series-box"):
                yield SeriesTable(id="detail-series")
                yield Static("", id="detail-marks")
        with Horizontal(id="detail-bottom"):
            with FactsScroll(id="detail-facts-scroll"):
                yield FactsText("Loading…", id="detail-facts")
                yield PeersPanel(id="detail-peers")
            with Vertical(id="detail-breakdown-box"):
                yield StatusLine("", max_lines=2, id="detail-breakdown-title")
                yield BreakdownTable(id="detail-breakdown")
        yield StatusLine("", max_lines=2, id="detail-source", wrap=True)
        yield KeysBar()

    def on_mount(self) -> None:
        if self.closed_early:
            return
        self.query_one(SeriesTable).focus()
        self._show_source()
        if self.context is None:  # opened from the cache before the data is loaded
            assert self.early is not None
            self._ready(self.early.detail)
            self.query_one(PeersPanel).show_message("Loading the data…")
            return
        self._load()

    def _show_source(self) -> None:
        """Source and licence above the keys, in view at 80×24."""
        self.query_one("#detail-source", Static).update(source_text(self._about.info))

    @property
    def _about(self) -> DatasetView | StoredDetail:
        """What the view says about the dataset: the loaded one, or the cached detail's."""
        if self.context is not None:
            return self.context.dataset
        assert self.early is not None
        return self.early

    @property
    def _ascii(self) -> bool:
        return self.context.ascii_only if self.context is not None else self._early_ascii

    def _show_title(self, title: DetailTitle) -> None:
        if self.context is not None:
            label = self.context.selection.label
        else:
            assert self.early is not None
            label = self.early.detail.series.offence.label
        title.show_title(self.force, label, self._about.name, self._about.info)

    def follow_dataset(self, context: ViewContext) -> Followed:
        """The same force in the other dataset, if it has the force."""
        if not context.data.has_force(self.force.name):
            return Followed(False, f"{context.dataset.name} has no figures for {self.force.name}")
        self.force = context.data.find_force(self.force.name)
        if self.breakdown_year is not None and context.dataset.year(self.breakdown_year) is None:
            self.breakdown_year = None
        return Followed(True)

    def set_context(self, context: ViewContext) -> None:
        """Show the same force for another offence or dataset."""
        super().set_context(context)
        self._show_title(self.query_one("#detail-title", DetailTitle))
        self._show_source()
        self._load()

    def _load(self) -> None:
        assert self.context is not None
        context, force, year = self.context, self.force, self.breakdown_year
        self.run_query(
            f"collect the figures of {force.name}",
            lambda: context.data.force_detail(force, context.selection, year),
            self._ready,
            group="force-detail",
        )

    def show_failure(self, message: str) -> None:
        self.query_one("#detail-facts", Static).update(line((message, "bold")))
        self._ask_peers()

    def _ready(self, detail: ForceDetail) -> None:
        self.detail = detail
        if detail.breakdown is not None:
            self.breakdown_year = detail.breakdown.year.year
        self._fill_series()
        self._draw_chart()
        self._show_facts()
        self._show_breakdown()
        self._ask_peers()
        if self.context is not None and self._deferred is not None:
            then, self._deferred = self._deferred, None
            self.call_after_refresh(self._do_deferred, then)

    def wait_for_data(self, what: str, then: Callable[[], object]) -> bool:
        """Before the data is loaded: keep ``then`` to do once it is (the last asked wins)."""
        if self.context is not None:
            return False
        self._deferred = then
        self.notify(safe_text(f"Loading the data… ({what} once it is loaded)"), timeout=3)
        return True

    async def _do_deferred(self, then: Callable[[], object]) -> None:
        """Do what was asked before the data loaded, if this view is still the one shown."""
        if self.is_current:
            result = then()
            if isawaitable(result):
                await result

    def _ask_peers(self) -> None:
        """Ask for the peers once the figures are painted: their query (a dozen tables' worth
        of counts) would otherwise share the CPU with the figures' query and first paint."""
        if self.context is not None and not self._peers_asked:
            self._peers_asked = True
            self.call_after_refresh(self._load_peers)

    def _fill_series(self) -> None:
        """The numbers beside the chart: by year, or by quarter when the chart is (``p``)."""
        assert self.detail is not None
        d, table, box = self.detail, self.query_one(SeriesTable), self.query_one(SeriesBox)
        if not (self.quarterly and d.quarters):
            ascii_only = self._ascii  # also before the data (an early detail has no context)
            table.show(d.series.points, d.rates, ascii_only=ascii_only)
            box.show_legend(series_marks_legend(d.series.points, ascii_only))
            return
        table.show_quarters(d.quarters, d.series.points)
        box.show_legend("")

    # ---------------------------------------------------------------- chart

    def _draw_chart(self) -> None:
        assert self.detail is not None
        series = detail_chart(self.detail, self.force.name, self.quarterly, self.national)
        chart = self.query_one(TrendChart)
        chart.show(series, ascii_only=self._ascii)
        self.query_one("#detail-legend", Static).update(Text(safe_text(chart.legend)))

    # ---------------------------------------------------------------- facts and breakdown

    def _show_facts(self) -> None:
        assert self.detail is not None
        facts = facts_text(self.detail, self.force, self._about)
        self.query_one("#detail-facts", Static).update(facts)

    def _show_breakdown(self) -> None:
        assert self.detail is not None
        b = self.detail.breakdown
        self.query_one("#detail-breakdown-title", Static).update(breakdown_title(b))
        table = self.query_one(BreakdownTable)
        table.show(b)
        table.display = b is not None and bool(b.rows)  # no header over no rows

    # ---------------------------------------------------------------- actions

    def action_back(self) -> None:
        """Back to the previous view."""
        self.dismiss(None)

    def action_toggle_period(self) -> None:
        """Chart by year or by quarter."""
        if self.detail is not None and not self.detail.quarters:
            self.notify("This dataset has no quarterly figures.", timeout=3)
            return
        self.quarterly = not self.quarterly
        if self.detail is not None:
            self._fill_series()
            self._draw_chart()

    def action_cycle_national(self) -> None:
        """National trend: off, indexed (first year = 100), or overlaid on a second axis."""
        self.national = NATIONAL_MODES[
            (NATIONAL_MODES.index(self.national) + 1) % len(NATIONAL_MODES)
        ]
        if self.detail is not None:
            self._draw_chart()

    def action_breakdown_year(self, step: int) -> None:
        """Show the breakdown for an earlier or later year."""
        if self.wait_for_data("another year", lambda: self.action_breakdown_year(step)):
            return
        assert self.context is not None
        years = [c.year for c in self.context.dataset.coverage]
        if not years or self.breakdown_year is None:
            return
        i = years.index(self.breakdown_year) if self.breakdown_year in years else len(years) - 1
        j = min(max(i + step, 0), len(years) - 1)
        if j != i:
            self.breakdown_year = years[j]
            self._load()

    def _forces(self) -> list[tuple[str, tuple[str, ...]]]:
        """What ``/`` finds: every force and total of the dataset, by name, aliases and code."""
        forces = self.context.data.listed_forces(True) if self.context is not None else []
        return [(f.name, f.search_texts) for f in forces]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` typed in the open box is a letter, not the box again."""
        return action != "find_force" or not self.query_one(ForceFinder).is_open

    def action_find_force(self) -> None:
        """Open the box to find another force (``/``); every key after it goes to the box."""
        self.query_one(ForceFinder).open()

    # ---------------------------------------------------------------- peers

    def _load_peers(self) -> None:
        """Ask for the force's peer group, ordered by the offence shown's rate."""
        assert self.context is not None
        data, force, selection = self.context.data, self.force, self.context.selection

        def ask() -> PeerGroup | str:
            try:
                return data.peers(force, selection)
            except ModelError as exc:  # no peer group here: said in the panel, not an error
                return no_peers_text(exc, force.name)

        self.run_query(f"find the peers of {force.name}", ask, self._peers_ready, group="peers")

    def _peers_ready(self, answer: PeerGroup | str) -> None:
        assert self.context is not None
        panel = self.query_one(PeersPanel)
        self._peers_known = True
        if isinstance(answer, str):
            panel.show_message(answer)
        else:
            panel.show(answer, ascii_only=self.context.ascii_only)
        if self._chart_when_peers:
            self._chart_when_peers = False
            if self.is_current:
                self.action_chart_peers()

    def action_chart_peers(self) -> None:
        """Open the multi-force chart with this force and its peers (once they are known)."""
        if self.wait_for_data("the chart", self.action_chart_peers):
            return
        if self._peers_asked and not self._peers_known:
            self._chart_when_peers = True  # asked just after the data loaded: once they are in
            return
        panel = self.query_one(PeersPanel)
        names = panel.names
        if self.context is None or len(names) < 2:
            self.notify(panel.why_no_chart, timeout=8)
            return
        self.app.push_screen(
            MultiChartScreen(self.context, names, title=f"{self.force.name} and its peers")
        )

    # ---------------------------------------------------------------- export and copy

    def report(self) -> Report | None:
        if self.detail is None or self.context is None:
            return None
        d = self.detail
        report = show_report(self.context.dataset, d.series, d.quarters if self.quarterly else ())
        report.notes += [event_line(e) for e in d.events]  # the events the chart marks
        report.notes += pair_notes(d.other_measure)  # the other measure the facts show
        return report

    def row_report(self) -> Report | None:
        full = self.report()
        table = self.query_one(SeriesTable)
        if full is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        full.records = [r for r in full.records if r.get("year") == key] or full.records[:1]
        return full

    def export_stem(self) -> str:
        assert self.context is not None
        slug = "".join(c if c.isalnum() else "-" for c in self.force.name.lower()).strip("-")
        return f"{slug}-{self.context.dataset.name}-{self.context.selection.key}"

    def view_spec(self) -> ViewSpec | None:
        """The series as ``ox show`` prints it (by quarter when the chart is)."""
        if self.context is None:
            return None
        return ViewSpec(
            "detail",
            self.context.dataset.name,
            self.context.selection.key,
            forces=(self.force.name,),
            quarters=self.quarterly,
        )
