"""The Forces view (start screen): search, sort and scan every force's counts and trend."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from tui.model.data.reference import Force
from tui.model.findings.reproduce import ViewSpec
from tui.model.results.ordering import (
    FilteredRow,
    descending_first,
    filter_rows,
    is_force_sort_key,
    nearest_force,
    sort_force_rows_by,
)
from tui.model.results.types import ForceTable
from tui.screens.base import ExplorerScreen, Followed, ForceChosen, ViewContext, only_force
from tui.screens.marks import Marks, mark_glyph
from tui.widgets.cells import line
from tui.widgets.force_grid import SortState
from tui.widgets.force_table import ForceTableView
from tui.widgets.forces_status import forces_heading, forces_status, found_by_text, sort_label
from tui.widgets.grid import Grid
from tui.widgets.keys_bar import KeysBar
from tui.widgets.measure_legend import measure_status
from tui.widgets.search_bar import SearchBar, SearchInput
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.output.reports import Report

BY_MATCH = SortState("match", True)
"""The order while searching, best match first (no column header shows an arrow)."""


class ForcesScreen(ExplorerScreen):
    """Every force for the chosen offence: type to filter, sort by any column, Enter for detail."""

    BINDINGS = [
        # A priority binding: handled as the key arrives, before the keys typed after it are
        # sent on, so "/leic" typed at once searches for "leic" (issue 20).
        Binding("slash", "focus_search", "Search", id="search", priority=True),
        Binding("escape", "clear_search", "Clear search", show=False, id="forces-clear"),
        Binding("s", "next_sort", "Sort", id="sort"),
        Binding("r", "reverse_sort", "Reverse", show=False, id="sort-reverse"),
        Binding("n", "app.toggle_national", "BTP/fraud", show=False, id="toggle-national"),
        Binding("m", "app.toggle_measure", "Counts/rates", id="forces-measure"),
        Binding("space", "toggle_mark", "Mark", id="forces-mark"),
        Binding("g", "chart_marked", "Chart marked", id="forces-chart"),
        Binding("u", "clear_marks", "Unmark all", show=False, id="forces-unmark"),
    ]

    def __init__(self, opening: ForceTable | None = None, *, ascii_only: bool = False) -> None:
        super().__init__(id="forces")
        self._opening = opening
        """The stored opening table (``store.derived_store``), painted until the data loads."""
        self._opening_ascii = ascii_only
        self.table: ForceTable | None = None
        self.sort: SortState | None = None
        self.filtered: list[FilteredRow] = []
        self._suggested: Force | None = None  # the force a search matching none likely means
        self.marks = Marks()
        """Forces marked for the multi-force chart (``space``; ``g`` charts them)."""
        self.best_first = True
        """While searching, the best match comes first (until ``s``, ``r`` or a header click
        sorts the matches by a column); typing again puts the best match first again."""
        self._left_for_view = False
        """Whether the screen on top is another view (not a dialog): see ``on_screen_resume``."""

    def compose(self) -> ComposeResult:
        yield StatusLine(
            "Loading the bundled data…", max_lines=6, id="forces-context", classes="context"
        )
        yield SearchBar(on_query=self._query_changed, when_left=self._search_left, id="search")
        yield ForceTableView(id="forces-table")
        yield StatusLine("", id="forces-status", classes="status")
        yield KeysBar()

    def on_mount(self) -> None:
        self.query_one(SearchInput).focus()
        if self._opening is not None and self.table is None:
            self._paint_opening(self._opening)

    def on_screen_suspend(self) -> None:
        # Handled once the new screen is shown: a view (a detail, Compare), or a dialog?
        self._left_for_view = isinstance(self.app.screen, ExplorerScreen)

    def on_screen_resume(self) -> None:
        """Back from a view (not a dialog), the focus is on the table, on the force opened."""
        if self._left_for_view and isinstance(self.focused, SearchInput):
            self.query_one(ForceTableView).focus()
        self._left_for_view = False

    def _paint_opening(self, table: ForceTable) -> None:
        """The first frame: the table of this dataset, offence and options from the derived-data
        store, made from the same data and reference files (see ``tui.model.store.derived_store``),
        so the figures are the ones the data will give. Replaced as soon as the data is loaded."""
        self.table, self.sort = table, self._sort_for(table)
        self.refresh_rows()
        self.query_one("#forces-context", Static).update(
            line((table.offence.label, "bold"), "  ·  ", (table.dataset, "bold"), "\nloading…")
        )

    # ---------------------------------------------------------------- context and data

    def follow_dataset(self, context: ViewContext) -> Followed:
        return Followed(True)

    def set_context(self, context: ViewContext) -> None:
        """Rebuild the table for a new dataset, offence or option (in a worker)."""
        new_dataset = self.context is not None and self.context.dataset is not context.dataset
        super().set_context(context)
        if new_dataset:
            self.marks.clear()  # names of another dataset's forces
        self.query_one("#forces-context", Static).update(
            line("Building the table for ", context.selection.label, "…")
        )
        self.run_query(
            f"build the table for {context.selection.label}",
            lambda: context.data.force_table(context.selection, context.include_national),
            self._table_ready,
            group="force-table",
        )

    def _table_ready(self, table: ForceTable) -> None:
        previous = self.table
        if table == previous:  # the opening table said the same: its cells are drawn already
            table = previous
        self.table = table
        if (
            self.sort is None
            or previous is None
            or previous.dataset != table.dataset
            or not self._sort_key_valid(self.sort.key)
        ):
            self.sort = self._default_sort()
        self._update_context_line()
        self.refresh_rows()

    def _default_sort(self) -> SortState:
        """Largest first in the latest year of the table's change, else by name."""
        assert self.table is not None
        return self._sort_for(self.table)

    @staticmethod
    def _sort_for(table: ForceTable) -> SortState:
        """Largest first in the latest year of the table's change, else by name."""
        if table.change_to is not None:
            return SortState(f"year:{table.change_to.year}", True)
        return SortState("force", False)

    def _sort_key_valid(self, key: str) -> bool:
        assert self.table is not None
        if key.startswith("year:"):
            return any(f"year:{y.year}" == key for y in self.table.years)
        return True

    def _update_context_line(self) -> None:
        assert self.table is not None and self.context is not None
        title, rest = forces_heading(
            self.table,
            self.context.dataset,
            measure=self.context.measure,
            ascii_only=self.context.ascii_only,
        )
        self.query_one("#forces-context", StatusLine).show_titled(title, rest)

    def show_failure(self, message: str) -> None:
        self.query_one("#forces-context", Static).update(line((message, "bold")))

    # ---------------------------------------------------------------- rows

    @property
    def by_match(self) -> bool:
        """Whether the rows are in best-match order (a search, and no sort asked for since)."""
        return self.best_first and bool(self.query_one(SearchBar).value.strip())

    def refresh_rows(self, *, to_first: bool = False) -> None:
        """Filter and sort the rows for the current search and show them (with the cursor on
        the first force when ``to_first``, else on the same force where it can)."""
        if self.table is None or self.sort is None:
            return
        # Before the data is loaded, the opening table is shown in counts (see _paint_opening).
        ascii_only = self.context.ascii_only if self.context else self._opening_ascii
        measure = self.context.measure if self.context else "count"
        query = self.query_one(SearchBar).value
        ordered = sort_force_rows_by(
            self.table, self.table.rows, self.sort.key, self.sort.descending, measure
        )
        by_match = self.by_match
        self.filtered = filter_rows(ordered, query, best_first=by_match)
        view = self.query_one(ForceTableView)
        view.measure = measure
        view.show(
            self.table,
            self.filtered,
            BY_MATCH if by_match else self.sort,
            ascii_only=ascii_only,
            highlight_style="bold underline",
            marked=self.marks.as_set,
            mark=mark_glyph(ascii_only),
            keep_cursor=not to_first,
        )
        if self.context is not None:
            self._update_status(query)

    def show_measure(self, measure: str) -> None:
        """Show counts or rates per 100,000 people (the app's ``m``), resorting by them."""
        if self.context is None:
            return
        self.context = replace(self.context, measure=measure)
        if self.table is not None:
            self._update_context_line()
            self._resorted()

    def _update_status(self, query: str) -> None:
        assert self.table is not None and self.context is not None
        self._suggested = None if self.filtered else nearest_force(self.table.rows, query)
        status = forces_status(
            self.table.rows,
            len(self.filtered),
            query,
            sort_label=self._sort_label(),
            include_national=self.context.include_national,
            marks=self.marks.status() if self.marks else "",
            found_by=[found_by_text(f.via, f.row.force) for f in self.filtered if f.via],
            by_match=self.by_match,
            measure_parts=measure_status(self.table, self.context.measure, self.context.ascii_only),
            suggestion=self._suggested.display_name if self._suggested else "",
        )
        # One line of fixed height: no layout (a layout repaints the table's scrollbars).
        self.query_one("#forces-status", Static).update(line(status), layout=False)

    def _sort_label(self) -> str:
        assert self.sort is not None
        return sort_label(self.sort.key, self.sort.arrow, self.table)

    # ---------------------------------------------------------------- events and actions

    def _query_changed(self, query: str) -> None:
        """The search text changed: filter now, so the table repaints with the keystroke, best
        match first and under the cursor (what Enter opens is the highlighted row)."""
        self.best_first = True
        if self.is_mounted:
            self.refresh_rows(to_first=True)

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        force = self.query_one(ForceTableView).current_force
        if event.query.strip() and (force is None or force.startswith("total:")):
            # A search opens the force it found (the best match), never a pinned total.
            force = self.filtered[0].row.force.name if self.filtered else None
            if force is None and self._suggested is not None:
                force = self._suggested.name  # "did you mean Kent? (Enter opens it)"
        if force is not None:
            self.post_message(ForceChosen(force.removeprefix("total:")))

    def _search_left(self) -> None:
        """Down (or Esc on an empty search): the keys go to the table from the next one on."""
        self.set_focus(self.query_one(ForceTableView))

    @on(Grid.RowSelected, "#forces-table")
    def _row_selected(self, event: Grid.RowSelected) -> None:
        self.post_message(ForceChosen(event.key.removeprefix("total:")))

    @on(ForceTableView.SortRequested)
    def _sort_requested(self, event: ForceTableView.SortRequested) -> None:
        if self.sort is not None and self.sort.key == event.key and not self.by_match:
            self.sort = SortState(event.key, not self.sort.descending)
        else:
            self.sort = SortState(event.key, descending_first(event.key))
        self.best_first = False
        self._resorted()

    def _sort_keys(self) -> list[str]:
        if self.table is None:
            return []
        return self.query_one(ForceTableView).sort_keys(is_force_sort_key)

    def action_clear_search(self) -> None:
        """Empty the search box (from the table)."""
        self.query_one(SearchBar).clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` in the search box is a letter of the search (or of another box's text)."""
        return action != "focus_search" or not isinstance(self.focused, Input)

    def action_focus_search(self) -> None:
        """The keys after ``/`` go to the search box, however fast (not after a refresh)."""
        self.set_focus(self.query_one(SearchInput))

    def action_next_sort(self) -> None:
        """Sort by the next column to the right (wrapping round)."""
        keys = self._sort_keys()
        if not keys or self.sort is None:
            return
        if self.by_match:  # from the best match first to the column sort the status line names
            self.best_first = False
            self._resorted()
            return
        i = keys.index(self.sort.key) if self.sort.key in keys else -1
        key = keys[(i + 1) % len(keys)]
        self.sort = SortState(key, descending_first(key))
        self.best_first = False
        self._resorted()

    def action_reverse_sort(self) -> None:
        """Reverse the sort order (of the column sort, when the best match was first)."""
        if self.sort is not None:
            self.sort = SortState(self.sort.key, not self.sort.descending)
            self.best_first = False
            self._resorted()

    def _resorted(self) -> None:
        """A new order: show it from the top (the first force), not scrolled to the old row."""
        self.refresh_rows()
        view = self.query_one(ForceTableView)
        view.move_cursor(len(view.fixed))

    # ---------------------------------------------------------------- marking

    def action_toggle_mark(self) -> None:
        """Mark the force (or total) under the cursor for the multi-force chart, or unmark it."""
        force = self.query_one(ForceTableView).current_force
        if force is None:
            return
        refused = self.marks.toggle(force.removeprefix("total:"))
        if refused:  # the row's marker and the status line's count show the rest
            self.notify(refused, severity="warning", timeout=3, markup=False)
        self.refresh_rows()

    def action_clear_marks(self) -> None:
        """Unmark every force."""
        self.marks.clear()
        self.refresh_rows()

    def action_chart_marked(self) -> None:
        """Open the multi-force chart of the marked forces."""
        from tui.screens.multi_chart import MultiChartScreen  # plotext: 72 ms at start

        if self.context is None:
            return
        if not self.marks:
            self.notify("Mark forces with space first (up to 8).", timeout=3)
            return
        self.app.push_screen(MultiChartScreen(self.context, list(self.marks.names)))

    # ---------------------------------------------------------------- export and copy

    def report(self) -> Report | None:
        from tui.output.table_rates_report import forces_report  # (18 ms at start)

        if self.table is None or self.context is None:
            return None
        return forces_report(
            self.context.dataset,
            self.table,
            [f.row for f in self.filtered],
            measure=self.context.measure,
        )

    def row_report(self) -> Report | None:
        force = self.query_one(ForceTableView).current_force
        return only_force(self.report(), force.removeprefix("total:") if force else None)

    def export_stem(self) -> str:
        if self.table is None:
            return "forces"
        return f"forces-{self.table.dataset}-{self.table.offence.key}"

    def view_spec(self) -> ViewSpec | None:
        """The table as ``ox table`` prints it: same offence, search, sort and national rows."""
        if self.table is None or self.sort is None or self.context is None:
            return None
        query = self.query_one(SearchBar).value
        if query.strip() and not self.filtered:
            return None  # no force shown: nothing to cite
        shown = tuple(f.row.force.name for f in self.filtered) if query.strip() else ()
        return ViewSpec(
            "forces",
            self.table.dataset,
            self.table.offence.key,
            forces=shown,
            sort=None if self.by_match else self.sort.key,  # `ox table QUERY`: best match first
            descending=self.sort.descending,
            include_national=self.context.include_national,
            search=query,
            measure=self.context.measure,
        )
