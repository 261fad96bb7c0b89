"""What the explorer shows before the data is loaded: the Forces table from the derived-data store
(painted before Polars is imported), and, on Enter on a row, the force's detail from the store at
once; the app's keys that need the data wait for it there. Everything about it is here and in the
detail view's early mode (``ForceDetailScreen(None, force, early=...)``).

Measured with ``benchmarks/pty_bench.py --only-ox --runs 7 --downs 2 --baseline OX`` (``northam``
typed at the first frame, Enter, until Northamptonshire's 2016/17 and 2017/18 figures are on
screen): 1.41 s with it, 2.72 s without it (median of 7 in one interleaved run, load average ~5
on 2 cores): it saves the wait for the data, so it stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.model.store.derived_store import opening_table as stored_opening_table
from tui.model.store.derived_store import stored_detail
from tui.screens.base import ExplorerScreen

if TYPE_CHECKING:
    from textual.app import App

    from tui.config import Settings
    from tui.model.results.types import ForceTable


def opening_table(settings: Settings, offence: str | None) -> ForceTable | None:
    """The opening table from the derived-data store, if it is exactly right now."""
    if settings.measure != "count":
        return None
    return stored_opening_table(settings.dataset, offence, settings.include_national)


NEEDS_DATA = {
    "pick_offence": "the offences",
    "compare": "Compare",
    "map": "the map",
    "export": "export",
    "copy_row": "copy",
    "copy_table": "copy",
    "cite": "cite",
    "reproduce": "the command",
}
"""The app's actions (by name) that need the data, and what the user is told is waiting."""


def import_early_detail() -> None:
    """Import the detail view (in the app's load worker, before Polars, once the opening table
    is shown): Enter on a row then opens it from the store at once. Without this the answer took
    2.95 s instead of 2.17 s (the same pty bench, 7 runs, load average ~6): the view's import
    (plotext, the charts) on the UI thread took turns with Polars' import in the worker."""
    import tui.screens.detail  # noqa: F401  (133-178 ms: never before the first frame)


async def open_early(app: App[Any], settings: Settings, offence: str | None, name: str) -> bool:
    """Open the detail of the force called ``name`` from the derived-data store, if it holds
    exactly this force of this data file and ``offence`` (see ``tui.model.store.derived_store``);
    whether it did. The view follows the data once it is loaded, like any view."""
    from tui.screens.detail import ForceDetailScreen  # (imported by the worker, or now)

    early = stored_detail(settings.dataset, offence, name)
    if early is None:
        return False
    force = early.detail.series.force
    await app.push_screen(ForceDetailScreen(None, force, early=early, ascii_only=settings.ascii))
    return True


def kept_for_later(app: App[Any], action: object, again: Any) -> bool:
    """Whether the view shown keeps the app's ``action`` (a name) for once the data is loaded
    (the early detail does; it then calls ``again``)."""
    what = NEEDS_DATA.get(action) if isinstance(action, str) else None
    screen = app.screen
    return (
        what is not None
        and isinstance(screen, ExplorerScreen)
        and screen.wait_for_data(what, again)
    )
