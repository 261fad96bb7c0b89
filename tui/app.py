"""The explorer app: wiring only. Views are in ``tui/screens``; figures come from ``tui/model``."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import ThemeProvider

from tui.app_loading import LoadingActions
from tui.app_options import OptionActions
from tui.app_sharing import SharingActions
from tui.commands import ExplorerCommands, ExplorerPalette
from tui.config import DEFAULT_THEME, Settings, load_settings, save_settings
from tui.formatting import safe_text
from tui.messages import DatasetLoaded
from tui.model.errors import ModelError
from tui.model.interface import DataQueries, DatasetView, FileImporter
from tui.model.offences import OffenceSelection
from tui.model.types import ForceTable
from tui.screens.base import ExplorerScreen, ForceChosen, ViewContext
from tui.screens.forces import ForcesScreen

if TYPE_CHECKING:
    from tui.screens.compare import CompareScreen

READ_ONLY_IMPORT = (
    "Imports are off in this served explorer: an import reads a file on the server and writes a "
    "dataset to its disk. Whoever runs the server can allow them (ox serve --allow-import)."
)
PALETTE = "--command-palette"
"""The id of every command palette (Ctrl+P, the theme switcher): one is open at a time."""


class OffenceApp(OptionActions, SharingActions, LoadingActions):
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

    def __init__(
        self,
        settings: Settings,
        *,
        settings_problem: str | None = None,
        offence: str | None = None,
        remember: bool = True,
        settings_file: Path | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.read_only = read_only
        """Served to a browser without ``--allow-import``: no imports, no dataset removal."""
        self.settings = settings
        self._settings_file = settings_file
        self._settings_problem = settings_problem
        self._offence_override = offence
        self._remember = remember
        self.data: DataQueries | None = None
        """The loaded dataset and its queries (``None`` until the first load)."""
        self.selection: OffenceSelection | None = None
        self._first_load = True
        self._settings_lock = threading.Lock()
        self._pending_force: str | None = None
        self.ascii_for_terminal: bool | None = None
        """The ASCII setting to save while ASCII is on only because the terminal cannot show
        more (``None``: save the setting shown)."""

    @property
    def dataset(self) -> DatasetView | None:
        """The dataset shown, or ``None`` before the first load."""
        return self.data.dataset if self.data is not None else None

    # ---------------------------------------------------------------- start-up and loading

    def get_default_screen(self) -> Screen[None]:
        return ForcesScreen(self._opening_table(), ascii_only=self.settings.ascii)

    def _opening_table(self) -> ForceTable | None:
        """Last session's opening table, if it is still exactly right (see ``opening_for``)."""
        from tui.model.opening_cache import opening_for

        if self.settings.measure != "count":
            return None
        offence = self._offence_override or self.settings.offences.get(self.settings.dataset)
        return opening_for(self.settings.dataset, offence, self.settings.include_national)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(
                safe_text(f"Unknown theme '{self.settings.theme}'; using {DEFAULT_THEME}."),
                severity="warning",
                markup=False,
            )
        if self._settings_problem:
            self.notify(
                safe_text(self._settings_problem), severity="warning", timeout=10, markup=False
            )
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        # Loaded once the first frame is on screen: the load (Polars' import, the file read) runs
        # in a thread, and would otherwise take turns with the first paint for the interpreter.
        self.call_after_refresh(self.load, self.settings.dataset)

    def context(self) -> ViewContext | None:
        """What every view shows now."""
        if self.data is None or self.selection is None:
            return None
        return ViewContext(
            self.data,
            self.selection,
            self.settings.include_national,
            self.settings.ascii,
            self.settings.measure,
        )

    def _broadcast(self, screens: list[Screen[object]] | None = None) -> None:
        """Give the views shown (or ``screens``) what they are to show now."""
        context = self.context()
        if context is None:
            return
        for screen in self.screen_stack if screens is None else screens:
            if isinstance(screen, ExplorerScreen):
                screen.set_context(context)

    def _remember_settings(self, **changes: object) -> None:
        from dataclasses import replace

        self.settings = replace(self.settings, **changes)  # type: ignore[arg-type]
        if self.dataset is not None and self.selection is not None:
            self.settings = self.settings.with_offence(self.dataset.name, self.selection.key)
        if self._remember:
            self._save_settings()

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_settings(self) -> None:
        """Save the settings in a thread (the write is synced to disk); one save at a time, each
        writing the settings as they are when it runs, so the last choice is the one kept."""
        from dataclasses import replace

        settings = self.settings
        if self.ascii_for_terminal is not None:  # ASCII for this terminal only, not a choice
            settings = replace(settings, ascii=self.ascii_for_terminal)
        with self._settings_lock:
            problem = save_settings(settings, self._settings_file)
        if problem:
            self.call_from_thread(self.notify, safe_text(problem), severity="warning", markup=False)

    # ---------------------------------------------------------------- navigation

    @on(ForceChosen)
    async def _force_chosen(self, event: ForceChosen) -> None:
        await self.open_force(event.force)

    def on_dataset_loaded(self, event: DatasetLoaded) -> None:
        """In a browser (``ox serve``), the page's title names the dataset shown (textual-serve
        passes the message on; the page sets its title from it)."""
        driver = self._driver
        if self.is_web and driver is not None and hasattr(driver, "write_meta"):
            info = event.data.dataset.info
            title = f"offence-explorer — {info.name}: {info.title}"
            driver.write_meta({"type": "title", "title": title})

    def on_compare_screen_years_shown(self, event: CompareScreen.YearsShown) -> None:
        """The Compare view shows other years (handled by name: the view is imported lazily)."""
        self.remember_compare_years(event.years)

    def action_command_palette(self) -> None:
        """Open the command palette (ours: its page keys never crash)."""
        if self.use_command_palette and not isinstance(self.screen, ExplorerPalette):
            self.push_screen(ExplorerPalette(id=PALETTE))

    def search_themes(self) -> None:
        """Textual's theme switcher (the palette's "Theme"), in our palette (its page keys never
        crash: Textual's own raised KeyError at 80×6)."""
        self.push_screen(
            ExplorerPalette(providers=[ThemeProvider], placeholder="Search for themes…", id=PALETTE)
        )

    def action_help(self) -> None:
        """Show every key."""
        from tui.screens.help import HelpScreen
        from tui.screens.help_sections import help_sections

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_sections(list(self.BINDINGS))))

    # ---------------------------------------------------------------- choices

    def switch_dataset(self, name: str) -> None:
        """Load another dataset (the views follow when it has loaded)."""
        self.notify(safe_text(f"Opening {name}…"), timeout=2, markup=False)
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
        self._remember_settings()
        self._broadcast()

    def action_pick_offence(self) -> None:
        """Choose the offence: a code, a group, a subgroup, or all offences."""
        from tui.screens.offence_picker import offence_picker

        ds = self.dataset
        if ds is None:
            return
        current = self.selection.key if self.selection else None
        self.push_screen(
            offence_picker(ds.offences, current),
            lambda key: self.set_offence(key) if key else None,
        )

    def action_pick_dataset(self) -> None:
        """Choose the dataset (or import a file, or remove an imported dataset)."""
        from tui.screens.dataset_picker import DIFF, IMPORT, DatasetPicker

        current = self.dataset.name if self.dataset else None

        def chosen(name: str | None) -> None:
            if name == IMPORT:
                self.action_import_file()
            elif name and name.startswith(DIFF) and current:
                self.open_diff(name.removeprefix(DIFF), current)
            elif name and name != current:
                self.switch_dataset(name)

        self.push_screen(DatasetPicker(current, self.importer()), chosen)

    def importer(self) -> FileImporter:
        """The importer (loaded on first use: it brings in Polars)."""
        from tui.model.importing.service import Importer

        return Importer()

    def action_import_file(self) -> None:
        """Import a file as a dataset: path, preview, confirm (``ox import`` does the same)."""
        from tui.screens.import_screen import ImportScreen

        if self.read_only:
            self.notify(READ_ONLY_IMPORT, severity="warning", timeout=8)
            return
        self.push_screen(
            ImportScreen(self.importer()), lambda name: self.switch_dataset(name) if name else None
        )


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
    """Build the app for the CLI, the tests and the snapshots alike.

    Args:
        dataset: open this dataset (default: the one last used, else ``homeoffice``).
        offence: open on this offence (default: the one last used for the dataset).
        ascii_only: plain-ASCII charts (default: as last used).
        theme: a Textual theme name (default: as last used).
        settings_file: where settings are read and saved (default: the user's config folder).
        remember: save choices for the next run.
        plain_terminal: the terminal cannot show "—" or "▁": ASCII for this run, not saved.
        read_only: no imports and no dataset removal (``ox serve`` without ``--allow-import``).
    """
    from dataclasses import replace

    settings, problem = load_settings(settings_file)
    if dataset:
        settings = replace(settings, dataset=dataset)
    if ascii_only is not None:
        settings = replace(settings, ascii=ascii_only)
    if theme:
        settings = replace(settings, theme=theme)
    saved_ascii = settings.ascii
    if plain_terminal:
        settings = replace(settings, ascii=True)
    app = OffenceApp(
        settings,
        settings_problem=problem,
        offence=offence,
        remember=remember,
        settings_file=settings_file,
        read_only=read_only,
    )
    if plain_terminal and not saved_ascii:
        app.ascii_for_terminal = saved_ascii
    return app
