"""The explorer app: one class that loads the data, keeps the settings and sets ``view_context``,
which every view watches. Its keys are plain functions it binds (``tui.navigation``, ``options``,
``choices``, ``sharing``, ``before_data``). Views are in ``tui/screens``, each owning its own
actions; figures come from ``tui/model``."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.reactive import var
from textual.screen import Screen, ScreenResultCallbackType

from tui import choices, mouse, navigation, notices, options, sharing
from tui.before_data import import_early_detail, kept_for_later, open_early, opening_table
from tui.commands import ExplorerCommands, open_palette, open_theme_palette
from tui.config import DEFAULT_THEME, Settings
from tui.formatting import safe_text
from tui.messages import DatasetLoaded, DatasetLoadFailed
from tui.model.data.errors import ModelError
from tui.model.data.offences import OffenceSelection
from tui.model.results.interface import DataQueries, DatasetView
from tui.preferences import Preferences
from tui.screens.base import ForceChosen, ViewContext
from tui.screens.forces import ForcesScreen
from tui.widgets.ascii_filter import AsciiFilter

if TYPE_CHECKING:
    from tui.screens.compare import CompareScreen

ASCII_FILTER = AsciiFilter()
KEY_NAMES = {"⏎": "enter", "↑": "up", "↓": "down", "←": "left", "→": "right", "⇥": "tab"}  # ASCII


class OffenceApp(App[None]):
    """offence-explorer: police-recorded offences by force, year and offence."""

    CSS_PATH = "app.tcss"
    TITLE = "offence-explorer"
    COMMANDS = App.COMMANDS | {ExplorerCommands}

    BINDINGS = [
        Binding("q", "confirm_quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("o", "pick_offence", "Offence", id="offence"),
        Binding("d", "pick_dataset", "Dataset", id="dataset"),
        Binding("v", "compare", "Compare", id="compare"),
        Binding("M", "map", "Map", id="map-view"),
        Binding("f", "forces", "Forces", show=False, id="forces"),
        Binding("e", "export", "Export", id="export"),
        Binding("c", "copy_row", "Copy row", show=False, id="copy-row"),
        Binding("C", "copy_table", "Copy table", show=False, id="copy-table"),
        Binding("t", "toggle_theme", "Theme", show=False, id="theme"),
        Binding("A", "toggle_ascii", "ASCII charts", show=False, id="ascii"),
        Binding("I", "import_file", "Import file", show=False, id="import"),
        Binding("K", "cite", "Cite this view", show=False, id="cite"),
        Binding("R", "reproduce", "Command that prints this view", show=False, id="reproduce"),
    ]

    # The actions that open a dialog or act on the view shown: plain functions of the app.
    action_pick_offence = choices.pick_offence
    action_pick_dataset = choices.pick_dataset
    action_import_file = choices.import_file
    action_map = navigation.open_map
    action_help = navigation.open_help
    action_confirm_quit = navigation.confirm_quit
    action_export = sharing.export_view
    action_copy_row = sharing.copy_row
    action_copy_table = sharing.copy_table
    action_cite = sharing.cite
    action_reproduce = sharing.reproduce
    action_toggle_theme = options.toggle_theme
    action_toggle_ascii = options.toggle_ascii
    action_toggle_national = options.toggle_national
    action_toggle_measure = options.toggle_measure
    action_command_palette = open_palette  # ours (its page keys never crash), and for
    search_themes = open_theme_palette  # Textual's theme switcher
    on_event = mouse.steady_on_event  # a mouse event over a widget that is gone: dropped
    on_notify = notices.one_of_each  # a notice already on screen is not stacked again

    view_context: var[ViewContext | None] = var(None)
    """What every view shows: the data, the offence and the display options (``None`` until the
    first dataset is loaded). Set here only; every view watches it (``ExplorerScreen``)."""

    def __init__(
        self, prefs: Preferences, *, offence: str | None = None, read_only: bool = False
    ) -> None:
        super().__init__()
        self.prefs = prefs
        self.read_only = read_only
        """Served to a browser without ``--allow-import``: no imports, no dataset removal."""
        self._offence_override = offence
        self.data: DataQueries | None = None
        """The loaded dataset and its queries (``None`` until the first load)."""
        self.selection: OffenceSelection | None = None
        self._first_load = True
        self._early_possible = False
        self._pending_force: str | None = None
        """A row of the opening table chosen before the data loaded: its detail opens once it is."""

    @property
    def settings(self) -> Settings:
        """The settings shown (see ``tui.preferences``)."""
        return self.prefs.settings

    @property
    def dataset(self) -> DatasetView | None:
        """The dataset shown, or ``None`` before the first load."""
        return self.data.dataset if self.data is not None else None

    # ---------------------------------------------------------------- start-up and loading

    def get_default_screen(self) -> Screen[None]:
        offence = self._offence_override or self.settings.offences.get(self.settings.dataset)
        opening = opening_table(self.settings, offence)
        self._early_possible = opening is not None  # Enter on a row before the data is loaded
        return ForcesScreen(opening, ascii_only=self.settings.ascii)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            said = f"Unknown theme '{self.settings.theme}'; using {DEFAULT_THEME}."
            self.notify(safe_text(said), severity="warning", markup=False)
        if self.prefs.problem:
            self.notify(safe_text(self.prefs.problem), severity="warning", timeout=10, markup=False)
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        # Loaded once the first frame is on screen: the load (Polars' import, the file read) runs
        # in a thread, and would otherwise take turns with the first paint for the interpreter.
        self.call_after_refresh(self.load, self.settings.dataset)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self, name: str) -> None:
        """Load a dataset in a thread and report back with a message."""
        if self._early_possible and self._first_load:
            import_early_detail()  # first: Enter on a row opens it without waiting for Polars
        from tui.model.session import open_session  # Polars: 0.41 s before the first frame

        try:
            session = open_session(name)
        except ModelError as exc:
            self.post_message(DatasetLoadFailed(name, str(exc)))
            return
        # The dataset lives as long as the app: the garbage collector need not re-scan its objects
        # on every keystroke (fewer long pauses while typing). Unfrozen first, so the dataset this
        # one replaces can be collected (no growth per switch). Off the UI thread.
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.post_message(DatasetLoaded(session))
        from tui.model.store.derived_build import keep  # (Polars: 0.25-0.39 s at start)

        keep(session.dataset)  # the loader's step: the derived-data store, once per dataset

    @on(DatasetLoaded)
    async def _dataset_loaded(self, event: DatasetLoaded) -> None:
        self.data = data = event.data
        try:
            self.selection = self._start_selection(data)
        except ModelError as exc:
            said = safe_text(f"{exc}; showing the default offence.")
            self.notify(said, severity="warning", markup=False)
            self.selection = data.default_selection()
        self._offence_override = None
        context = self._new_context()
        # The views shown stay (as near as the data allows), then show the data.
        await navigation.follow_dataset(self, context)
        self.view_context = context
        comparing = self.compare_screen() is not None
        view = self.settings.view if self._first_load else ("compare" if comparing else "forces")
        self.remember_settings(dataset=data.dataset.name, view=view)
        first, self._first_load = self._first_load, False
        if first and self.settings.view == "compare":
            await self._open_compare(None)
        pending, self._pending_force = self._pending_force, None
        if pending is not None:  # a row of the opening table chosen before the data loaded, not
            # in the detail cache (a detail opened from the cache has followed the data above)
            try:
                await self.open_force(pending)
            except ModelError as exc:  # a force of last session's table this data does not have
                self.notify(safe_text(exc), severity="warning", markup=False)
        if first:  # the other views, in a thread: the first Enter, ``v`` or ``M`` opens at once
            self.run_worker(
                navigation.preload_views, thread=True, group="preload", exit_on_error=False
            )
        sharing.name_the_page(self, data.dataset.info)

    def _start_selection(self, data: DataQueries) -> OffenceSelection:
        """The offence a newly loaded dataset opens on: the one asked for on the command line,
        else the one last shown in this dataset, else its default (ModelError: not in it)."""
        wanted = self._offence_override or self.settings.offences.get(data.dataset.name)
        return data.pick_offence(wanted) if wanted else data.default_selection()

    @on(DatasetLoadFailed)
    def _dataset_failed(self, event: DatasetLoadFailed) -> None:
        self.notify(
            safe_text(f"Could not open dataset '{event.name}': {event.reason}"),
            severity="error",
            timeout=10,
            markup=False,
        )
        if self.dataset is None and event.name != "homeoffice":
            self.load("homeoffice")

    # ---------------------------------------------------------------- state and settings

    def _new_context(self) -> ViewContext:
        """What every view is to show now (once a dataset is loaded)."""
        assert self.data is not None and self.selection is not None
        s = self.settings
        return ViewContext(self.data, self.selection, s.include_national, s.ascii, s.measure)

    def remember_settings(self, **changes: object) -> None:
        self.prefs.change(**changes)
        if self.dataset is not None and self.selection is not None:
            self.prefs.settings = self.settings.with_offence(self.dataset.name, self.selection.key)
        if self.prefs.remember:
            self._save_settings()

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_settings(self) -> None:
        problem = self.prefs.save()
        if problem:
            self.call_from_thread(self.notify, safe_text(problem), severity="warning", markup=False)

    def show_everywhere(self, **changes: object) -> None:
        """Remember these settings, and show the offence and display options in every view."""
        self.remember_settings(**changes)
        if self.data is not None and self.selection is not None:
            self.view_context = self._new_context()

    # ---------------------------------------------------------------- display options

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (``NO_COLOR``), and in ASCII mode one that draws every character on
        screen as printable ASCII (borders, scrollbars, chart frames, arrows, dashes)."""
        filters = super().get_line_filters()
        return [*filters, ASCII_FILTER] if self.settings.ascii else filters

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer shows it; in ASCII mode by name ("enter", not "⏎")."""
        shown = super().get_key_display(binding)
        if self.settings.ascii and not shown.isascii():
            return KEY_NAMES.get(shown, binding.key)
        return shown

    # ---------------------------------------------------------------- opening views

    def push_screen(
        self,
        screen: Screen[Any] | str,
        callback: ScreenResultCallbackType[Any] | None = None,
        wait_for_dismiss: bool = False,
        *,
        mode: str | None = None,
    ) -> Any:
        """Open a view or dialog: every opening goes through here (the app's, the views', and
        Textual's own palettes); each is open at most once (see ``tui.navigation.push_once``)."""
        return navigation.push_once(
            self, super().push_screen, screen, callback, wait_for_dismiss, mode
        )

    @on(ForceChosen)
    async def _force_chosen(self, event: ForceChosen) -> None:
        await self.open_force(event.force)

    async def open_force(self, name: str) -> None:
        """Open the detail view of a force (in place of the detail view shown, if any); before
        the data is loaded (a row of the opening table), once it is."""
        from tui.screens.detail import ForceDetailScreen  # (plotext, charts: 133-178 ms at start)

        if self.view_context is None:  # a row of the opening table: from the cache, or once loaded
            offence = self._offence_override or self.settings.offences.get(self.settings.dataset)
            if not await open_early(self, self.settings, offence, name):
                self._pending_force = name
            return
        force = self.view_context.data.find_force(name)
        await self.push_screen(ForceDetailScreen(self.view_context, force))

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action; before the data is loaded, the detail opened early keeps one of the
        app's that need the data for once it is (see ``tui.before_data``)."""
        if (
            self.view_context is None
            and default_namespace in (None, self)
            and kept_for_later(self, action, partial(self.run_action, action))
        ):
            return True
        return await super().run_action(action, default_namespace, namespaces)

    async def action_forces(self) -> None:
        """Back to the Forces view."""
        await navigation.pop_to_forces(self)
        self.remember_settings(view="forces")

    async def action_compare(self) -> None:
        """Open the Compare view (on the years last compared, else the two latest full years)."""
        await self._open_compare(None)

    def open_compare(self, year_a: int | None = None, year_b: int | None = None) -> None:
        """Open the Compare view, on the given years if any (once the current key is handled)."""
        years = (year_a, year_b) if year_a is not None and year_b is not None else None
        self.call_later(self._open_compare, years)

    async def _open_compare(self, years: tuple[int, int] | None) -> None:
        if await navigation.open_compare(
            self, self.view_context, years or self.settings.compare_years
        ):
            self.remember_settings(view="compare")

    def compare_screen(self) -> CompareScreen | None:
        """The Compare view, if it is open."""
        return navigation.shown_compare(self.screen_stack)

    def on_compare_screen_years_shown(self, event: CompareScreen.YearsShown) -> None:
        """The Compare view shows other years (handled by name: the view is imported lazily):
        remembered for the next run."""
        if event.years != self.settings.compare_years:
            self.remember_settings(compare_years=event.years)

    def open_diff(self, dataset_a: str, dataset_b: str) -> None:
        """Open the release diff: what changed from dataset A to dataset B."""
        self.call_later(navigation.open_diff, self, self.view_context, dataset_a, dataset_b)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, with its Quit asking first like ``q`` (only Ctrl+Q quits
        at once)."""
        for command in super().get_system_commands(screen):
            if command.callback == self.action_quit:
                command = SystemCommand(
                    "Quit", "Quit the application (asks first)", self.action_confirm_quit
                )
            yield command

    # ---------------------------------------------------------------- choices

    def switch_dataset(self, name: str) -> None:
        """Load another dataset (the views follow when it has loaded)."""
        self.notify(safe_text(f"Opening {name}…"), timeout=2, markup=False)
        # As at start, typing finds a force (``northants`` in the table ran n, o, r… as commands)
        self.call_later(navigation.focus_forces_search, self)
        self.load(name)

    def set_offence(self, key: str) -> None:
        """Show another offence selection everywhere."""
        if self.data is None:
            return
        try:
            self.selection = self.data.pick_offence(key)
        except ModelError as exc:
            self.notify(safe_text(exc), severity="error", markup=False)
            return
        self.show_everywhere()

    def copy_to_clipboard(self, text: str) -> None:
        """Copy ``text`` (OSC 52); in a browser, also as a download (see ``sharing``)."""
        super().copy_to_clipboard(text)
        sharing.also_download(self, text)


def make_app(
    *,
    dataset: str | None = None,
    offence: str | None = None,
    ascii_only: bool | None = None,
    theme: str | None = None,
    settings_file: Path | None = None,
    remember: bool = True,
    plain_terminal: bool = False,
    read_only: bool = False,
) -> OffenceApp:
    """Build the app for the CLI, the tests and the snapshots alike: the saved settings (from
    ``settings_file``, default the user's config folder) with these choices on top (see
    ``Preferences.load``); ``offence``: open on this offence (default: the one last used for the
    dataset); ``read_only``: no imports and no dataset removal (``ox serve`` without
    ``--allow-import``)."""
    prefs = Preferences.load(
        settings_file,
        dataset=dataset,
        ascii_only=ascii_only,
        theme=theme,
        remember=remember,
        plain_terminal=plain_terminal,
    )
    return OffenceApp(prefs, offence=offence, read_only=read_only)
