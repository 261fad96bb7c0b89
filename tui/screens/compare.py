"""The Compare view: any two years, every force side by side, largest year-B counts first."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from tui.formatting import forces_count, safe_text
from tui.model.data.years import YearCoverage, fy_label, nearest_pair
from tui.model.findings.reproduce import ViewSpec
from tui.model.results.compare_order import SIG, sort_rows
from tui.model.results.comparison_types import Comparison
from tui.model.results.ordering import COMPARE_SORT_KEYS, descending_first
from tui.output.compare_report import honest_compare_report
from tui.output.reports import Report
from tui.screens.base import ExplorerScreen, Followed, ForceChosen, ViewContext, only_force
from tui.screens.picker import Choice, Picker
from tui.widgets.cells import line
from tui.widgets.compare_notes import (
    compare_notes,
    compare_notes_line,
    compare_status,
    interval_for,
)
from tui.widgets.compare_table import CompareTableView
from tui.widgets.detail_title import dataset_tails
from tui.widgets.force_grid import SortState
from tui.widgets.grid import Grid
from tui.widgets.jump_bar import JumpBar
from tui.widgets.keys_bar import KeysBar
from tui.widgets.status_line import StatusLine, TitleParts

DEFAULT_SORT = COMPARE_SORT_KEYS[0]
SORT_CYCLE = (COMPARE_SORT_KEYS[0], SIG, *COMPARE_SORT_KEYS[1:])
"""The order ``s`` steps through: the first % order it reaches (and the % header's) puts changes
beyond chance first; the next is the plain % order."""
SORT_LABELS = {
    "sig": "% change, beyond chance first",
    "pct": "% change",
    "change": "change",
    "b": "year B",
    "a": "year A",
    "rank_change": "rank move",
    "force": "force",
}
CHANGE_SORTS = frozenset({"sig", "pct", "change", "rank_change"})
"""Sorts by a change, which a partial-year comparison does not have."""


class CompareScreen(ExplorerScreen):
    """Two years side by side for every force, with totals at the top."""

    BINDINGS = [
        Binding("a", "pick_year('a')", "Year A", id="compare-year-a"),
        Binding("b", "pick_year('b')", "Year B", id="compare-year-b"),
        Binding("left_square_bracket", "shift_years(-1)", "Both earlier", id="compare-earlier"),
        Binding("right_square_bracket", "shift_years(1)", "Both later", id="compare-later"),
        Binding("s", "next_sort", "Sort", id="compare-sort"),
        Binding("r", "reverse_sort", "Reverse", show=False, id="compare-reverse"),
        Binding("l", "toggle_like_for_like", "Like-for-like", show=False, id="compare-lfl"),
        Binding("n", "app.toggle_national", "BTP/fraud", show=False, id="compare-national"),
        Binding("m", "app.toggle_measure", "Counts/rates", id="compare-measure"),
        Binding("escape", "back", "Back", id="compare-back"),
    ]

    def __init__(self, context: ViewContext, years: tuple[int, int] | None = None) -> None:
        """Compare ``years`` (the nearest the dataset has), else the default pair."""
        super().__init__(id="compare")
        self.context = context
        self.years = nearest_pair(years, context.dataset.coverage) if years else None
        """The years shown; ``None`` until the default pair is computed (in the worker)."""
        self.like_for_like = False
        # The same default as `ox compare`: largest count in year B first (a % change on a small
        # count would put the smallest forces on top).
        self.sort = SortState(DEFAULT_SORT, True)
        self.comparison: Comparison | None = None

    @staticmethod
    def _years_for(context: ViewContext) -> tuple[int, int]:
        """The default pair (the Forces view's latest change), else the two latest years."""
        pair = context.data.default_compare_pair(context.selection)
        if pair is not None:
            return pair
        years = [c.year for c in context.dataset.coverage] or [0]
        return (years[-2] if len(years) > 1 else years[-1], years[-1])

    def compose(self) -> ComposeResult:
        yield StatusLine("Comparing…", max_lines=6, id="compare-context", classes="context")
        yield JumpBar("compare-table")
        yield CompareTableView(id="compare-table")
        yield StatusLine("", id="compare-interval", classes="status")
        yield StatusLine("", id="compare-status", classes="status")
        yield KeysBar()

    def on_mount(self) -> None:
        if self.closed_early:
            return
        self.query_one(CompareTableView).focus()
        # The rise/fall colours come from the theme: redraw when it changes.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._rerender())
        self._load()

    def _rerender(self) -> None:
        if self.comparison is not None:
            self._show_comparison()

    @dataclass
    class YearsShown(Message):
        """The view shows these years (the app remembers them for the next run)."""

        years: tuple[int, int]

    def follow_dataset(self, context: ViewContext) -> Followed:
        """The same years in another dataset, or the nearest ones it has."""
        if self.years is None:
            return Followed(True)
        wanted, self.years = self.years, nearest_pair(self.years, context.dataset.coverage)
        if self.years == wanted:
            return Followed(True)
        now = f"{fy_label(self.years[0])} → {fy_label(self.years[1])}" if self.years else "—"
        was = f"{fy_label(wanted[0])} → {fy_label(wanted[1])}"
        return Followed(True, f"{context.dataset.name} has no {was}: comparing {now}")

    def set_context(self, context: ViewContext) -> None:
        """Recompare for another offence, option or dataset (the same years where it has them,
        see :meth:`follow_dataset`, else the default)."""
        super().set_context(context)
        if not all(context.dataset.year(y) for y in self.years or ()):
            self.years = None
        self._load()

    def show_years(self, year_a: int, year_b: int) -> None:
        """Compare another pair of years (from the palette)."""
        if self._has_years((year_a, year_b)):
            self.years = (year_a, year_b)
            self._load()

    def _has_years(self, pair: tuple[int, int]) -> bool:
        """The open dataset has both years; else say so and keep the pair shown (a palette or a
        year picker offered them before another dataset opened)."""
        assert self.context is not None
        missing = [y for y in pair if self.context.dataset.year(y) is None]
        if missing:
            name = self.context.dataset.name
            said = f"{name} has no {fy_label(missing[0])}: the years shown are kept."
            self.notify(safe_text(said), timeout=4, markup=False)
        return not missing

    def _load(self) -> None:
        assert self.context is not None
        context, wanted, like_for_like = self.context, self.years, self.like_for_like

        def compare() -> tuple[tuple[int, int], Comparison]:
            years = wanted or self._years_for(context)
            return years, context.data.compare(
                years[0],
                years[1],
                context.selection,
                include_national=context.include_national,
                like_for_like=like_for_like,
            )

        what = "compare the years" if wanted is None else f"compare {wanted[0]} and {wanted[1]}"
        self.run_query(what, compare, self._ready, group="compare")

    def show_failure(self, message: str) -> None:
        self.query_one("#compare-context", Static).update(line((message, "bold")))

    def _ready(self, answer: tuple[tuple[int, int], Comparison]) -> None:
        self.years, self.comparison = answer
        self.post_message(self.YearsShown(self.years))
        self._show_comparison()

    def _show_comparison(self) -> None:
        assert self.comparison is not None and self.context is not None
        cmp = self.comparison
        measure = self.context.measure
        rows = sort_rows(cmp.rows, self.sort.key, self.sort.descending, measure)
        view = self.query_one(CompareTableView)
        styles = view.bar_styles()
        view.measure = measure
        view.show(cmp, rows, self.sort, styles, self.context.ascii_only)
        ds = self.context.dataset
        # The offence, then the dataset and its release; where they do not fit the release
        # goes, then the offence is cut at a word, never dropped: cut at its last " · ", the
        # line read "Compare 2023/24 → 2024/25 · homeoffice…" at 60 columns (and with partial
        # years' labels at 80), naming no offence.
        title = TitleParts(
            line(("Compare ", "bold"), (cmp.label_a, "bold"), " → ", (cmp.label_b, "bold"), " · "),
            line((cmp.offence.label, "bold")),
            dataset_tails(ds.name, ds.info),
            tail_last=True,
        )
        header = Text()
        if cmp.unlike_quarters:
            header.append_text(
                line(
                    "\n⚠ partial year: no change or rank computed · ",
                    ("l compares like-for-like quarters", "bold"),
                )
            )
        elif cmp.quarters is not None:
            header.append_text(
                line("\nlike-for-like: both years count the same quarters (l to undo)")
            )
        notes = compare_notes(cmp, rows, measure)
        marks = compare_notes_line(cmp, self.context.ascii_only)
        if not (notes.plain or marks) and cmp.quarters is None and not cmp.unlike_quarters:
            # The keys are in the footer too: the hint gives way to notes on a small screen.
            header.append_text(line("\na / b pick years · [ ] step both · s sort · Enter force"))
        header.append_text(notes)
        if marks:
            header.append_text(line("\n", marks))
        self.query_one("#compare-context", StatusLine).show_titled(title, header)
        # The sort and what the ranks are among come first, so they show at 80 columns; then
        # the chance method (the biggest rise and fall are among changes beyond chance).
        default = " (default)" if self.sort == SortState(DEFAULT_SORT, True) else ""
        sorted_by = f"sorted by {SORT_LABELS[self.sort.key]} {self.sort.arrow}{default}"
        if cmp.unlike_quarters and self.sort.key in CHANGE_SORTS:
            # No change is computed against a partial year: the rows keep year B's order.
            sorted_by = f"sorted by {cmp.label_b} count (no change to sort by: partial year)"
        status = compare_status(cmp, measure, sorted_by)
        self.query_one("#compare-status", Static).update(line(status))

    @on(CompareTableView.CursorMoved)
    def _show_interval(self, event: CompareTableView.CursorMoved) -> None:
        """The change of the row under the cursor with its 95 % interval."""
        if self.comparison is not None and self.context is not None:
            text = interval_for(self.comparison, event.key, self.context.measure)
            for box in self.query("#compare-interval").results(Static):  # none once closing
                box.update(line(text))

    # ---------------------------------------------------------------- events and actions

    @on(Grid.RowSelected, "#compare-table")
    def _row_selected(self, event: Grid.RowSelected) -> None:
        self.post_message(ForceChosen(event.key.removeprefix("total:")))

    @on(CompareTableView.SortRequested)
    def _sort_requested(self, event: CompareTableView.SortRequested) -> None:
        # The % header sorts changes beyond chance first (s reaches the plain % order).
        key = SIG if event.key == "pct" else event.key
        if self.sort.key == key:
            self.sort = SortState(key, not self.sort.descending)
        else:
            self.sort = SortState(key, descending_first(key))
        if self.comparison is not None:
            self._show_comparison()

    def action_next_sort(self) -> None:
        """Sort by the next of: year B, % change beyond chance first, % change, change, year A,
        rank move, force."""
        keys = SORT_CYCLE
        i = keys.index(self.sort.key) if self.sort.key in keys else -1
        key = keys[(i + 1) % len(keys)]
        self.sort = SortState(key, descending_first(key))
        if self.comparison is not None:
            self._show_comparison()

    def show_measure(self, measure: str) -> None:
        """Show counts or rates per 100,000 people (the app's ``m``), sorted by them."""
        if self.context is None:
            return
        self.context = replace(self.context, measure=measure)
        if self.comparison is not None:
            self._show_comparison()

    def action_reverse_sort(self) -> None:
        """Reverse the order (biggest falls first)."""
        self.sort = SortState(self.sort.key, not self.sort.descending)
        if self.comparison is not None:
            self._show_comparison()

    def action_toggle_like_for_like(self) -> None:
        """Compare only the quarters both years have."""
        self.like_for_like = not self.like_for_like
        self._load()

    def action_shift_years(self, step: int) -> None:
        """Move both years one year earlier or later."""
        assert self.context is not None
        if self.years is None:
            return
        a, b = self.years[0] + step, self.years[1] + step
        ds = self.context.dataset
        if ds.year(a) is None or ds.year(b) is None:
            self.notify("No figures for those years.", timeout=2)
            return
        self.years = (a, b)
        self._load()

    def action_pick_year(self, which: str) -> None:
        """Choose year A or year B from the years of the dataset."""
        assert self.context is not None
        if self.years is None:
            return
        current = self.years[0] if which == "a" else self.years[1]

        def choice(c: YearCoverage) -> Choice[int]:
            hint = "partial year" if c.partial else forces_count(c.forces)
            return Choice(line(c.label), c.year, hint)

        choices = [choice(c) for c in reversed(self.context.dataset.coverage)]

        def chosen(year: int | None) -> None:
            if year is None or self.years is None:
                return
            pair = (year, self.years[1]) if which == "a" else (self.years[0], year)
            if pair[0] == pair[1]:
                # The same year twice is no comparison: keep the pair shown.
                self.notify(
                    f"Year A and year B would both be {fy_label(year)}: pick another year.",
                    severity="warning",
                    timeout=4,
                )
                return
            if self._has_years(pair):
                self.years = pair
                self._load()

        self.app.push_screen(
            Picker(
                f"Year {which.upper()}", choices, current=current, picker_id=f"pick-year-{which}"
            ),
            chosen,
        )

    def action_back(self) -> None:
        """Back to the Forces view."""
        self.app.call_later(self.app.action_forces)  # type: ignore[attr-defined]

    # ---------------------------------------------------------------- export and copy

    def report(self) -> Report | None:
        if self.comparison is None or self.context is None:
            return None
        measure = self.context.measure
        rows = sort_rows(self.comparison.rows, self.sort.key, self.sort.descending, measure)
        return honest_compare_report(self.context.dataset, self.comparison, rows, measure=measure)

    def row_report(self) -> Report | None:
        force = self.query_one(CompareTableView).current_force
        return only_force(self.report(), force.removeprefix("total:") if force else None)

    def export_stem(self) -> str:
        if self.comparison is None:
            return "compare"
        c = self.comparison
        return (
            f"compare-{c.dataset}-{c.offence.key}-"
            f"{c.year_a.fy.replace('/', '-')}-vs-{c.year_b.fy.replace('/', '-')}"
        )

    def view_spec(self) -> ViewSpec | None:
        """The comparison as ``ox compare`` prints it: same years, sort and options."""
        if self.context is None or self.years is None or self.comparison is None:
            return None
        return ViewSpec(
            "compare",
            self.context.dataset.name,
            self.context.selection.key,
            years=self.years,
            sort=self.sort.key,
            descending=self.sort.descending,
            include_national=self.context.include_national,
            like_for_like=self.like_for_like,
            measure=self.context.measure,
        )
