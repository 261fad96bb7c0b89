"""The release diff view: what a newer release revised (``ox diff`` in the TUI).

Lists every force x financial year whose figure differs from dataset A to dataset B for the offence
chosen (``o``), with both values and the change, largest first, and counts of unchanged, added and
removed cells. Two datasets of different measures (NSPCC FOI figures and Home Office recorded
crime) are refused with the reason, before anything is computed. Opened from the dataset picker
(``D``: the highlighted dataset against the open one) or the palette ("Compare releases").
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.model.data.catalogue import DatasetInfo, find_dataset
from tui.model.data.errors import ModelError
from tui.model.data.reference import Force
from tui.model.findings.diff_types import DatasetDiff, measure_problem
from tui.model.findings.reproduce import ViewSpec
from tui.model.findings.view_citation import ShownView
from tui.output.diff_report import diff_report, summary_lines
from tui.output.reports import Report
from tui.screens.base import ExplorerScreen, ViewContext
from tui.widgets.cells import line
from tui.widgets.diff_table import DiffTable, row_key
from tui.widgets.jump_bar import JumpBar
from tui.widgets.keys_bar import KeysBar
from tui.widgets.status_line import StatusLine, TitleParts


class DiffScreen(ExplorerScreen):
    """Every force x year whose figure differs between two datasets of the same measure."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back", id="diff-back"),
        Binding("n", "app.toggle_national", "BTP/fraud", show=False, id="diff-national"),
    ]

    def __init__(self, context: ViewContext, dataset_a: str, dataset_b: str) -> None:
        super().__init__(id="diff")
        self.context = context
        self.dataset_a, self.dataset_b = dataset_a, dataset_b
        self.infos: tuple[DatasetInfo, DatasetInfo] | None = None
        self.refusal: str | None = None
        """Why the two datasets are not diffed (different measures, unknown dataset), if so."""
        self.diff: DatasetDiff | None = None
        self._notes: list[str] = []
        self._row_notes: dict[str, str] = {}
        """Row key → what happened to that row, in words (rows with a note only)."""

    def compose(self) -> ComposeResult:
        yield StatusLine(self._title(), max_lines=3, id="diff-context", classes="context")
        yield JumpBar("diff-table")
        yield DiffTable(id="diff-table")
        # Wrapped in its five lines, the last cut at a word with "…" (a list of cells once
        # stopped mid-list with no mark); ``w`` shows it whole.
        yield StatusLine("", max_lines=5, id="diff-notes", wrap=True)
        yield KeysBar()

    def _title(self, second: str = "") -> Text:
        return line(
            ("Compare releases: ", "bold"),
            (self.dataset_a, "bold"),
            " vs ",
            (self.dataset_b, "bold"),
            second,
        )

    def on_mount(self) -> None:
        if self.closed_early:
            return
        self.query_one(DiffTable).focus()
        try:
            infos = (find_dataset(self.dataset_a), find_dataset(self.dataset_b))
        except ModelError as exc:
            self._refuse(str(exc))
            return
        problem = measure_problem(*infos)
        if problem is not None:
            self._refuse(problem[0].upper() + problem[1:] + ".")
            return
        self.infos = infos
        self._load()

    def set_context(self, context: ViewContext) -> None:
        """Diff again for another offence or option."""
        super().set_context(context)
        if self.is_mounted and self.infos is not None:
            self._load()

    def _load(self) -> None:
        assert self.context is not None
        context, a, b = self.context, self.dataset_a, self.dataset_b
        self.diff = None  # until the new answer: nothing stale is cited or exported
        self.query_one("#diff-notes", Static).update(
            line(f"Comparing {a} with {b} for ", context.selection.label, "…")
        )
        self.run_query(
            f"compare releases {a} and {b}",
            lambda: context.data.diff_releases(
                a, b, context.selection.key, include_national=context.include_national
            ),
            self._ready,
            group="diff",
        )

    def _refuse(self, message: str) -> None:
        self.refusal = message
        self.query_one("#diff-context", Static).update(self._title("  ·  not compared"))
        self.query_one(DiffTable).display = False  # the reason takes its place
        self.query_one("#diff-notes", Static).update(line((message, "bold")))

    def show_failure(self, message: str) -> None:
        self.query_one("#diff-notes", Static).update(line((message, "bold")))

    def _ready(self, diff: DatasetDiff) -> None:
        self.diff = diff
        a, b = diff.dataset_a, diff.dataset_b
        self.query_one(DiffTable).show(diff.rows, a, b, self._forces(diff))
        # The offence cut at a word where the line does not fit, never dropped (cut at its last
        # " · ", the line named the releases and not the offence at 80 columns).
        title = TitleParts(self._title("  ·  "), line((diff.offence, "bold")))
        self.query_one("#diff-context", StatusLine).show_titled(
            title, line(f"\n{diff.measure}, largest change first")
        )
        others = "".join(
            f"{diff.count(s):,} {s} · " for s in ("renamed", "split", "moved") if diff.count(s)
        )
        counts = (
            f"{diff.count('changed'):,} changed · {diff.unchanged:,} unchanged · {others}"
            f"{len(diff.added):,} added (only in {b}) · {len(diff.removed):,} removed (only in {a})"
        )
        if not diff.rows:
            counts = f"No figure differs · {counts}"
        self._notes = [counts, *summary_lines(diff)[1:]]
        self._row_notes = {
            row_key(r.force, r.year, r.offence, r.status): f"This row ({r.status}): {r.note}."
            for r in diff.rows
            if r.note
        }
        self._show_notes()

    def _show_notes(self) -> None:
        """The counts and notes, the note of the row under the cursor first (what happened)."""
        key = self.query_one(DiffTable).current_key
        note = self._row_notes.get(key) if key is not None else None
        notes = [note, *self._notes] if note else self._notes
        self.query_one("#diff-notes", Static).update(line("\n".join(notes)))

    def on_diff_table_cursor_moved(self) -> None:
        if self.diff is not None:
            self._show_notes()

    def _forces(self, diff: DatasetDiff) -> dict[str, Force]:
        """Each row's force (for its short name), where the open dataset knows it."""
        assert self.context is not None
        found = {}
        for name in {r.force for r in diff.rows}:
            try:
                found[name] = self.context.data.find_force(name)
            except ModelError:
                pass  # shown by its name as the diff gives it
        return found

    def action_back(self) -> None:
        """Back to the previous view."""
        self.dismiss(None)

    # ---------------------------------------------------------------- export, copy, cite

    def nothing_to(self, verb: str) -> str:
        if self.refusal is not None:
            return f"Nothing to {verb}: {self.dataset_a} and {self.dataset_b} were not compared."
        return super().nothing_to(verb)

    def report(self) -> Report | None:
        if self.diff is None or self.infos is None:
            return None
        return diff_report(self.infos[0], self.infos[1], self.diff)

    def row_report(self) -> Report | None:
        report, key = self.report(), self.query_one(DiffTable).current_key
        if report is None or key is None:
            return None
        report.records = [
            r
            for r in report.records
            if row_key(r["force"], r["year"], r["offence"], r["status"]) == key
        ]
        return report

    def export_stem(self) -> str:
        offence = self.context.selection.key if self.context else "all"
        return f"diff-{self.dataset_a}-{self.dataset_b}-{offence}"

    def view_spec(self) -> ViewSpec | None:
        """The diff as ``ox diff A B --offence KEY`` prints it."""
        if self.context is None or self.infos is None:
            return None
        return ViewSpec(
            "diff",
            self.dataset_a,
            self.context.selection.key,
            dataset_b=self.dataset_b,
            include_national=self.context.include_national,
        )

    def shown_view(self) -> ShownView | None:
        """Both datasets are cited, each with every year it covers."""
        spec, diff = self.view_spec(), self.diff
        if spec is None or self.infos is None or diff is None:
            return None
        return ShownView(spec, diff.offence, (), self.infos, (diff.years_a, diff.years_b))
