"""What every explorer view shares: its context, the query-in-a-worker helper, and report hooks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import count
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on
from textual.events import Mount
from textual.message import Message

from tui.formatting import safe_text
from tui.screens.dialog import ClosesOnce
from tui.widgets.row_names import name_rows

if TYPE_CHECKING:
    from tui.model.data.offences import OffenceSelection
    from tui.model.findings.reproduce import ViewSpec
    from tui.model.findings.view_citation import ShownView
    from tui.model.results.interface import DataQueries, DatasetView
    from tui.output.reports import Report

R = TypeVar("R")
_tokens = count(1)


@dataclass(frozen=True)
class ViewContext:
    """What a view shows: the loaded data, the offence selection and the display options."""

    data: DataQueries
    selection: OffenceSelection
    include_national: bool = False
    ascii_only: bool = False
    measure: str = "count"
    """``count`` or ``rate``: what the Forces and Compare tables show (``m`` switches)."""

    @property
    def dataset(self) -> DatasetView:
        """The dataset being shown."""
        return self.data.dataset


@dataclass(frozen=True)
class Followed:
    """Whether a view can show another dataset (see :meth:`ExplorerScreen.follow_dataset`)."""

    kept: bool
    note: str = ""
    """What the user should know: what changed to stay (other years), or why it was closed."""


@dataclass
class ForceChosen(Message):
    """The user chose a force (Enter on a row): the app opens its detail view."""

    force: str


@dataclass
class QueryAnswered(Message):
    """A view's query finished in its worker (delivered to the view that asked)."""

    token: int
    group: str
    result: Any = field(repr=False)


@dataclass
class QueryFailed(Message):
    """A view's query raised in its worker."""

    token: int
    group: str
    what: str
    reason: str


def describe_error(exc: BaseException) -> str:
    """One line for the user: the exception's message, or its kind when it has none."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text or type(exc).__name__


def only_force(report: Report | None, force: str | None) -> Report | None:
    """``report`` narrowed to the records of one force (for copying the row under the cursor)."""
    if report is None or force is None:
        return None
    report.records = [r for r in report.records if r.get("force") == force]
    return report


class ExplorerScreen(ClosesOnce[None]):
    """A view of the explorer (it closes once: see :mod:`tui.screens.dialog`). Subclasses fill in
    the report hooks and react to context changes."""

    context: ViewContext | None = None

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._current: dict[str, int] = {}
        self._answers: dict[int, Callable[[Any], None]] = {}
        self._rows_named_for: DatasetView | None = None
        """The dataset whose word for a row (force, council area) the view's keys and boxes
        say (see :func:`~tui.widgets.row_names.name_rows`)."""

    @property
    def closed_early(self) -> bool:
        """True when the view was closed before its mount handler ran (a key that closed it was
        handled first): it is off the screen stack and its containers' widgets were never
        mounted, so the handler must do nothing."""
        return not self.is_attached or self not in self.app.screen_stack

    @on(Mount)
    def _follow_the_app(self) -> None:
        """Show what the app shows: its ``view_context`` is set by the app only, and every view
        watches it (from its mount on; a view opened with an older one gets the new one now)."""
        if hasattr(self.app, "view_context"):
            self.watch(self.app, "view_context", self._context_changed)

    def _context_changed(self, context: ViewContext | None) -> None:
        if context is None or self.closed_early:
            return
        if self.is_attached and context.dataset is not self._rows_named_for:
            ds = self._rows_named_for = context.dataset  # "Find a council area" for Scotland's
            name_rows(self, (ds.reference.force(name) for name in ds.forces))
        if context == self.context:
            return
        if self.context is not None and replace(self.context, measure=context.measure) == context:
            self.show_measure(context.measure)  # counts or rates: no new query
        else:
            self.set_context(context)

    def set_context(self, context: ViewContext) -> None:
        """Show another dataset, offence or option set (the app's, see :meth:`_follow_the_app`)."""
        self.context = context

    def show_measure(self, measure: str) -> None:
        """Show counts or rates per 100,000 people (the app's ``m``): only the measure changed."""
        if self.context is not None:
            self.context = replace(self.context, measure=measure)

    def wait_for_data(self, what: str, then: Callable[[], object]) -> bool:
        """Before the data is loaded, whether this view keeps ``then`` (the user's ``what``, e.g.
        "export") to do once it is, and says so (the detail opened early does: see
        ``tui.before_data``); by default not."""
        return False

    def follow_dataset(self, context: ViewContext) -> Followed:
        """Get ready to show the newly loaded dataset of ``context`` (the app calls
        :meth:`set_context` next), or say why this view cannot (the app then closes it, and the
        views above it). By default a view is closed."""
        return Followed(False)

    # ---------------------------------------------------------------- queries in workers

    def run_query(
        self, what: str, query: Callable[[], R], answered: Callable[[R], None], *, group: str
    ) -> None:
        """Run ``query`` in a thread worker and hand its result to ``answered`` on the UI thread.

        A newer query of the same ``group`` makes an older one stale: its result is dropped. When
        the query raises, the user is told what failed (``what``, e.g. "compare 2016/17 and
        2017/18") and why, the view shows it in place of its figures (:meth:`show_failure`), and
        the error is logged; the app keeps running.
        """
        token = next(_tokens)
        self._current[group] = token
        self._answers[token] = answered

        def work() -> None:
            try:
                result = query()
            except Exception as exc:  # noqa: BLE001 - every failure is shown to the user below
                self.post_message(QueryFailed(token, group, what, describe_error(exc)))
                return
            self.post_message(QueryAnswered(token, group, result))

        self.run_worker(
            work, name=what, group=group, thread=True, exclusive=True, exit_on_error=False
        )

    @on(QueryAnswered)
    def _query_answered(self, event: QueryAnswered) -> None:
        event.stop()
        answered = self._answers.pop(event.token, None)
        if answered is not None and self._current.get(event.group) == event.token:
            answered(event.result)

    @on(QueryFailed)
    def _query_failed(self, event: QueryFailed) -> None:
        event.stop()
        self._answers.pop(event.token, None)
        if self._current.get(event.group) != event.token:
            return
        self.log.error(f"query failed: {event.what}: {event.reason}")
        message = f"Could not {event.what}: {event.reason}"
        self.notify(safe_text(message), title="Query failed", severity="error", markup=False)
        self.show_failure(message)

    def show_failure(self, message: str) -> None:
        """Show in the view that its figures could not be built (subclasses place it)."""

    # ---------------------------------------------------------------- export and copy

    def nothing_to(self, verb: str) -> str:
        """What to say when there is nothing to ``verb`` (export, copy, cite) in this view."""
        return f"Nothing to {verb} here yet."

    def report(self) -> Report | None:
        """The whole current view as a report (for ``e`` export and ``C`` copy), or ``None``."""
        return None

    def row_report(self) -> Report | None:
        """The row under the cursor as a one-record report (for ``c`` copy), or ``None``."""
        return None

    def export_stem(self) -> str:
        """A file-name stem describing the view, e.g. ``forces-homeoffice-86``."""
        return "offence-explorer"

    # ---------------------------------------------------------------- cite and reproduce

    def view_spec(self) -> ViewSpec | None:
        """What the view shows, as the ``ox`` command that prints the same figures needs it
        (``K`` cites it, ``R`` shows the command), or ``None`` while there is nothing to show."""
        return None

    def shown_view(self) -> ShownView | None:
        """What the view shows, for its citation: the spec, the offence and years as labelled on
        screen (every year of the dataset unless the spec names some), and the dataset."""
        from tui.model.findings.view_citation import ShownView  # (9 ms: not at start)

        spec = self.view_spec()
        if spec is None or self.context is None:
            return None
        ds = self.context.dataset
        years = [ds.year(y) for y in spec.years] if spec.years else list(ds.coverage)
        labels = tuple(y.label for y in years if y is not None)
        return ShownView(spec, self.context.selection.label, labels, (ds.info,))
