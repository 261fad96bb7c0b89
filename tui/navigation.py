"""Opening views, which views are shown, and what a newly loaded dataset does to them: plain
functions the app calls (each view decides whether it can follow the data)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen, ScreenResultCallbackType

from tui.formatting import safe_text
from tui.model.data.years import nearest_pair
from tui.screens.base import ExplorerScreen, ViewContext
from tui.screens.confirm import QuitDialog
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen
from tui.widgets.row_names import row_word

if TYPE_CHECKING:
    from tui.app import OffenceApp
    from tui.screens.compare import CompareScreen  # (57-93 ms: never before the first frame)

# Only the start screen is imported before the first frame: every other view and dialog is
# imported where it is first opened, or in the background once the first dataset is shown.
# Measured: importing them all costs 0.19-0.25 s more before the first frame (of 0.32 s for
# ``tui.app``; ``python -c 'import tui.app'`` then the modules below, 3 runs, load average 3.6).
LATER_VIEWS = (
    "tui.screens.detail",
    "tui.screens.compare",
    "tui.screens.help_sections",
    "tui.screens.help",
    "tui.screens.offence_picker",
    "tui.screens.dataset_picker",
    "tui.screens.confirm",
    "tui.screens.export_dialog",
    "tui.screens.import_screen",
)
"""The modules of the other views and dialogs, most often opened first (with what they import:
the charts' plotext, the map, the release diff, the multi-force chart, the citation dialog)."""

VIEW_NAMES = {
    "ForcesScreen": "Forces",
    "CompareScreen": "Compare",
    "ForceDetailScreen": "detail",
    "MapScreen": "map",
    "MultiChartScreen": "chart of several forces",
    "DiffScreen": "release diff",
}
"""What the user calls each view, by its class name."""


def shown_compare(screens: Iterable[Screen[Any]]) -> CompareScreen | None:
    """The Compare view among ``screens``, if any (checked without importing it: before its
    module is imported, no Compare view can be open; nor while another thread, the background
    import of the views, is still running the module and has not yet defined the class)."""
    module = sys.modules.get("tui.screens.compare")
    kind: type[CompareScreen] | None = getattr(module, "CompareScreen", None)
    if kind is None:
        return None
    return next((s for s in screens if isinstance(s, kind)), None)


def preload_views() -> None:
    """Import the other views and dialogs (the app runs this in a thread once the first dataset
    is shown). A view opened meanwhile imports its module itself (Python's import lock keeps it
    once)."""
    for name in LATER_VIEWS:
        import_module(name)


def view_name(screen: ExplorerScreen) -> str:
    """What the user calls a view (for a notification)."""
    name = type(screen).__name__
    return VIEW_NAMES.get(name, name.removesuffix("Screen").lower())


async def follow_dataset(app: App[Any], context: ViewContext) -> None:
    """Keep the views shown on the newly loaded dataset of ``context``: each view keeps what it
    shows where the dataset has it (the force, the nearest years); the first view that cannot is
    closed with the views above it, and the user is told which and why. (The app then hands the
    views kept the new context.)"""
    notes: list[str] = []
    views = [s for s in app.screen_stack if isinstance(s, ExplorerScreen)]
    for view in views:
        followed = view.follow_dataset(context)
        if followed.note:
            notes.append(followed.note)
        if not followed.kept:
            while view in app.screen_stack:
                await app.pop_screen()
            shown = [s for s in app.screen_stack if isinstance(s, ExplorerScreen)]
            notes.append(f"{view_name(view)} closed; showing {view_name(shown[-1])}")
            break
    if notes:
        app.notify(safe_text("; ".join(notes)), timeout=8, markup=False)


def push_once(
    app: App[Any],
    push: Callable[..., Any],
    screen: Screen[Any] | str,
    callback: ScreenResultCallbackType[Any] | None,
    wait_for_dismiss: bool,
    mode: str | None,
) -> Any:
    """``App.push_screen`` (``push``, Textual's own), with each view or dialog open at most once.

    Each kind has its id. Opening one that is already open, anywhere on the stack, closes it and
    everything opened above it, and opens the new one in its place, on top: ``↓ Enter`` (a
    detail), ``M`` (the map), Enter on a tile gives Forces > that tile's detail. (The guards
    looked only at the top screen: the detail below the map, or the map below a detail opened from
    it, clashed: DuplicateIds.) A screen closed but not yet removed (its removal completes after
    the keys that closed it) is waited for before its successor opens.
    """
    if wait_for_dismiss:
        return push(screen, callback, True, mode=mode)
    if isinstance(screen, str) or screen.id is None or mode is not None:
        return push(screen, callback, mode=mode)
    stack = app.screen_stack
    same = next((s for s in stack if s.id == screen.id), None)
    if same is stack[0]:  # the first view stays: it comes to the top
        while len(app.screen_stack) > 1:
            app.pop_screen()
        return AwaitComplete.nothing()  # type: ignore[no-untyped-call]
    if same is not None:
        while same in app.screen_stack:
            app.pop_screen()
    leaving = next((n for n in app._nodes if n.id == screen.id), None)
    if leaving is None:
        return push(screen, callback)
    return AwaitComplete(_push_when_gone(app, leaving, screen, callback)).call_next(app)


async def _push_when_gone(
    app: App[Any],
    leaving: Any,
    screen: Screen[Any],
    callback: ScreenResultCallbackType[Any] | None,
) -> None:
    """Open ``screen`` once ``leaving`` (of the same id) has been removed."""
    task: asyncio.Task[None] | None = leaving._task
    if task is not None and not task.done():
        await asyncio.wait([task])
    if next((n for n in app._nodes if n is leaving), None) is not None:
        return  # never removed (it was not closed after all): nothing is opened
    await app.push_screen(screen, callback)


async def pop_to_forces(app: App[Any]) -> None:
    """Close every view above the Forces view."""
    while len(app.screen_stack) > 1 and not isinstance(app.screen, ForcesScreen):
        await app.pop_screen()


async def open_compare(
    app: App[Any], context: ViewContext | None, years: tuple[int, int] | None
) -> bool:
    """Open the Compare view on ``years`` (``None``: the two latest full years) above the Forces
    view; if it is shown, show ``years`` there. Whether it was opened."""
    from tui.screens.compare import CompareScreen  # (57-93 ms: never before the first frame)

    if context is None:
        return False
    if isinstance(app.screen, CompareScreen):
        if years:
            app.screen.show_years(*years)
        return False
    await pop_to_forces(app)
    await app.push_screen(CompareScreen(context, years))
    return True


async def open_diff(app: App[Any], context: ViewContext | None, a: str, b: str) -> None:
    """Open the release diff (what changed from dataset ``a`` to ``b``) above the Forces view."""
    from tui.screens.diff_view import DiffScreen  # (57-107 ms: never before the first frame)

    if context is not None:
        await pop_to_forces(app)
        await app.push_screen(DiffScreen(context, a, b))


def open_map(app: OffenceApp) -> None:
    """Open the tile map of the 43 forces (a change uses the Compare view's years if it is open,
    else the years it would open on: the ones last compared, else its default)."""
    from tui.screens.map_view import MapScreen  # (39-50 ms: never before the first frame)

    context = app.view_context
    if context is None or isinstance(app.screen, MapScreen):
        return
    compare = shown_compare(app.screen_stack)
    years = compare.years if compare is not None else app.settings.compare_years
    if compare is None and years is not None:
        years = nearest_pair(years, context.dataset.coverage)
    # Compare's like-for-like too: the map's change is the one Compare shows (issue 20).
    like_for_like = compare.like_for_like if compare is not None else False
    app.push_screen(MapScreen(context, years, like_for_like=like_for_like))


def focus_forces_search(app: App[Any]) -> None:
    """The keys go to the Forces search box, as at start, when Forces is the view in front (a
    dataset was chosen over it: its table is to be another)."""
    if isinstance(app.screen, ForcesScreen):
        app.screen.action_focus_search()


def open_help(app: App[Any]) -> None:
    """Show every key: the app's and every view's."""
    from tui.screens.help_sections import help_sections  # (every view: 0.40 s at start)

    if isinstance(app.screen, HelpScreen):
        return
    context = getattr(app, "view_context", None)
    word = "force"
    if context is not None:  # "Find a council area" for Scotland's, as the key bar says
        ds = context.dataset
        word = row_word(ds.reference.force(name) for name in ds.forces)
    app.push_screen(HelpScreen(help_sections(list(app.BINDINGS), word)))


def confirm_quit(app: App[Any]) -> None:
    """Quit, after asking (a name typed outside the search box must never quit)."""
    if not isinstance(app.screen, QuitDialog):
        app.push_screen(QuitDialog())
