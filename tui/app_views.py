"""The app's navigation between views: open a force, Compare, the map, the release diff; keep
the views shown when another dataset is loaded; ask before quitting."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.screen import Screen, ScreenResultCallbackType

from tui.config import Settings
from tui.formatting import safe_text
from tui.screens.base import ExplorerScreen, ViewContext
from tui.screens.forces import ForcesScreen

if TYPE_CHECKING:
    from tui.screens.compare import CompareScreen

# The views other than Forces are imported where they are opened (not before the first frame).
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


def view_name(screen: ExplorerScreen) -> str:
    """What the user calls a view (for a notification)."""
    name = type(screen).__name__
    return VIEW_NAMES.get(name, name.removesuffix("Screen").lower())


class ViewActions(App[None]):
    """Opening and closing the views.

    Every view and dialog opens through :meth:`push_screen`, which decides what opening one that
    is already open does (see there).
    """

    settings: Settings
    _pending_force: str | None
    _offence_override: str | None

    def context(self) -> ViewContext | None:
        raise NotImplementedError  # the app builds it

    def push_screen(
        self,
        screen: Screen[Any] | str,
        callback: ScreenResultCallbackType[Any] | None = None,
        wait_for_dismiss: bool = False,
        *,
        mode: str | None = None,
    ) -> Any:
        """Open a view or dialog: every opening goes through here (the app's, the views', and
        Textual's own palettes).

        A view or dialog is open at most once (each kind has its id). Opening one that is already
        open, anywhere on the stack, closes it and everything opened above it, and opens the new
        one in its place, on top: ``↓ Enter`` (a detail), ``M`` (the map), Enter on a tile gives
        Forces > that tile's detail. (The guards looked only at the top screen: the detail below
        the map, or the map below a detail opened from it, clashed: DuplicateIds.) A screen closed
        but not yet removed (its removal completes after the keys that closed it) is waited for
        before its successor opens.
        """
        if wait_for_dismiss:
            return super().push_screen(screen, callback, True, mode=mode)
        if isinstance(screen, str) or screen.id is None or mode is not None:
            return super().push_screen(screen, callback, mode=mode)
        stack = self.screen_stack
        same = next((s for s in stack if s.id == screen.id), None)
        if same is stack[0]:  # the first view stays: it comes to the top
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call]
        if same is not None:
            while same in self.screen_stack:
                self.pop_screen()
        leaving = next((n for n in self._nodes if n.id == screen.id), None)
        if leaving is None:
            return super().push_screen(screen, callback)
        return AwaitComplete(self._push_when_gone(leaving, screen, callback)).call_next(self)

    async def _push_when_gone(
        self, leaving: Any, screen: Screen[Any], callback: ScreenResultCallbackType[Any] | None
    ) -> None:
        """Open ``screen`` once ``leaving`` (of the same id) has been removed."""
        task: asyncio.Task[None] | None = leaving._task
        if task is not None and not task.done():
            await asyncio.wait([task])
        if next((n for n in self._nodes if n is leaving), None) is not None:
            return  # never removed (it was not closed after all): nothing is opened
        await self.push_screen(screen, callback)

    def _remember_settings(self, **changes: object) -> None:
        raise NotImplementedError  # the app saves them

    async def open_force(self, name: str) -> None:
        """Open the detail view of a force (in place of the detail view shown, if any); before
        the data is loaded (a row of the opening table), once it is."""
        context = self.context()
        if context is None:
            self._pending_force = name
            return
        from tui.screens.detail import ForceDetailScreen

        force = context.data.find_force(name)
        await self.push_screen(ForceDetailScreen(context, force))

    async def _pop_to_forces(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ForcesScreen):
            await self.pop_screen()

    async def action_forces(self) -> None:
        """Back to the Forces view."""
        await self._pop_to_forces()
        self._remember_settings(view="forces")

    async def action_compare(self) -> None:
        """Open the Compare view (on the years last compared, else the two latest full years)."""
        await self._open_compare(None)

    def open_compare(self, year_a: int | None = None, year_b: int | None = None) -> None:
        """Open the Compare view, on the given years if any (once the current key is handled)."""
        years = (year_a, year_b) if year_a is not None and year_b is not None else None
        self.call_later(self._open_compare, years)

    async def _open_compare(self, years: tuple[int, int] | None) -> None:
        from tui.screens.compare import CompareScreen

        context = self.context()
        if context is None:
            return
        if isinstance(self.screen, CompareScreen):
            if years:
                self.screen.show_years(*years)
            return
        await self._pop_to_forces()
        await self.push_screen(CompareScreen(context, years or self.settings.compare_years))
        self._remember_settings(view="compare")

    def compare_screen(self) -> CompareScreen | None:
        """The Compare view, if it is open."""
        return shown_compare(self.screen_stack)

    def remember_compare_years(self, years: tuple[int, int]) -> None:
        """Remember the years compared, for the next run."""
        if years != self.settings.compare_years:
            self._remember_settings(compare_years=years)

    def open_diff(self, dataset_a: str, dataset_b: str) -> None:
        """Open the release diff: what changed from dataset A to dataset B."""
        self.call_later(self._open_diff, dataset_a, dataset_b)

    async def _open_diff(self, dataset_a: str, dataset_b: str) -> None:
        from tui.screens.diff_view import DiffScreen

        context = self.context()
        if context is not None:
            await self._pop_to_forces()
            await self.push_screen(DiffScreen(context, dataset_a, dataset_b))

    def action_map(self) -> None:
        """Open the tile map of the 43 forces (a change uses the Compare view's years)."""
        from tui.screens.map_view import MapScreen

        context = self.context()
        if context is None or isinstance(self.screen, MapScreen):
            return
        compare = self.compare_screen()
        self.push_screen(MapScreen(context, compare.years if compare is not None else None))

    def action_confirm_quit(self) -> None:
        """Quit, after asking (a name typed outside the search box must never quit)."""
        from tui.screens.confirm import QuitDialog

        if not isinstance(self.screen, QuitDialog):
            self.push_screen(QuitDialog())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, with its Quit asking first like ``q`` (only Ctrl+Q quits
        at once)."""
        for command in super().get_system_commands(screen):
            if command.callback == self.action_quit:
                command = SystemCommand(
                    "Quit", "Quit the application (asks first)", self.action_confirm_quit
                )
            yield command

    async def follow_dataset(self, context: ViewContext) -> None:
        """Keep the views shown on the newly loaded dataset: each view keeps what it shows where
        the dataset has it (the force, the nearest years); the first view that cannot is closed
        with the views above it, and the user is told which and why."""
        notes: list[str] = []
        views = [s for s in self.screen_stack if isinstance(s, ExplorerScreen)]
        for view in views:
            followed = view.follow_dataset(context)
            if followed.note:
                notes.append(followed.note)
            if not followed.kept:
                while view in self.screen_stack:
                    await self.pop_screen()
                shown = [s for s in self.screen_stack if isinstance(s, ExplorerScreen)]
                below = shown[-1]
                notes.append(f"{view_name(view)} closed; showing {view_name(below)}")
                break
        if notes:
            self.notify(safe_text("; ".join(notes)), timeout=8, markup=False)
