"""The app's loading of a dataset: in a thread after the first frame, then handed to every view
shown, the other views imported in the background."""

from __future__ import annotations

import gc

from textual import on, work
from textual.screen import Screen

from tui.app_views import ViewActions
from tui.formatting import safe_text
from tui.messages import DatasetLoaded, DatasetLoadFailed
from tui.model.errors import ModelError
from tui.model.interface import DataQueries, DatasetView
from tui.model.offences import OffenceSelection

# Only the start screen is imported before the first frame: every other view and dialog is
# imported where it is first opened (see ``tui.screens``), or in the background once the first
# dataset is shown (see ``OffenceApp._preload_views``).
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


class LoadingActions(ViewActions):
    """Loading datasets (mixed into the app)."""

    data: DataQueries | None
    selection: OffenceSelection | None
    _first_load: bool
    _pending_force: str | None

    @property
    def dataset(self) -> DatasetView | None:
        raise NotImplementedError  # the app's

    def _broadcast(self, screens: list[Screen[object]] | None = None) -> None:
        raise NotImplementedError  # the app hands every view the new context

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self, name: str) -> None:
        """Load a dataset in a thread and report back with a message."""
        # Polars is imported here, in the worker, so the first frame never waits for it.
        from tui.model.session import open_session

        try:
            session = open_session(name)
        except ModelError as exc:
            self.post_message(DatasetLoadFailed(name, str(exc)))
            return
        # The dataset lives as long as the app: keep the garbage collector from re-scanning its
        # objects on every keystroke (fewer long pauses while typing). Done here, off the UI thread.
        # Unfrozen first, so the dataset this one replaces can be collected (no growth per switch).
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.post_message(DatasetLoaded(session))

    @on(DatasetLoaded)
    async def _dataset_loaded(self, event: DatasetLoaded) -> None:
        self.data = data = event.data
        ds = data.dataset
        try:
            self.selection = self._start_selection(data)
        except ModelError as exc:
            self.notify(
                safe_text(f"{exc}; showing the default offence."), severity="warning", markup=False
            )
            self.selection = data.default_selection()
        self._offence_override = None
        context = self.context()
        assert context is not None
        await self.follow_dataset(context)  # the views shown stay (as near as the data allows)
        comparing = self.compare_screen() is not None
        view = self.settings.view if self._first_load else ("compare" if comparing else "forces")
        self._remember_settings(dataset=ds.name, view=view)
        self._broadcast()
        if self._first_load and self.settings.view == "compare":
            await self._open_compare(None)
        first, self._first_load = self._first_load, False
        pending, self._pending_force = self._pending_force, None
        if pending is not None:  # a row of the opening table chosen before the data loaded
            try:
                await self.open_force(pending)
            except ModelError as exc:  # a force of last session's table this data does not have
                self.notify(safe_text(exc), severity="warning", markup=False)
        if first:
            self._preload_views()

    @work(thread=True, group="preload", exit_on_error=False)
    def _preload_views(self) -> None:
        """Import the other views and dialogs in a thread, so the first Enter, ``v`` or ``M``
        opens its view as fast as when they were imported at start-up (before the first frame).
        A view opened meanwhile imports its module itself (Python's import lock keeps it once)."""
        from importlib import import_module

        for name in LATER_VIEWS:
            import_module(name)

    def _start_selection(self, data: DataQueries) -> OffenceSelection:
        """The offence a newly loaded dataset opens on: the one asked for on the command line,
        else the one last shown in this dataset, else its default.

        Raises:
            ModelError: the offence asked for is not in the dataset.
        """
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
