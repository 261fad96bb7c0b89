"""The settings the explorer shows, and keeping them for the next run: read once at start (with
the command line's choices on top), changed on the UI thread, saved in a thread."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from tui.config import Settings, load_settings, save_settings


class Preferences:
    """The settings shown (``settings``) and their saving (the app calls :meth:`save` in a
    thread: one write at a time, each writing the settings as they are when it runs, so the last
    choice is the one kept)."""

    def __init__(
        self,
        settings: Settings,
        file: Path | None = None,
        *,
        remember: bool = True,
        problem: str | None = None,
    ) -> None:
        self.settings = settings
        self.file = file
        """Where they are saved (``None``: the user's config folder)."""
        self.remember = remember
        """Save choices for the next run."""
        self.problem = problem
        """What was wrong with the settings file, to tell the user."""
        self.ascii_for_terminal: bool | None = None
        """The ASCII setting to save while ASCII is on only because the terminal cannot show
        more (``None``: save the setting shown)."""
        self._lock = threading.Lock()

    @classmethod
    def load(
        cls,
        file: Path | None = None,
        *,
        dataset: str | None = None,
        ascii_only: bool | None = None,
        theme: str | None = None,
        remember: bool = True,
        plain_terminal: bool = False,
    ) -> Preferences:
        """The saved settings with the command line's choices on top (``plain_terminal``: the
        terminal cannot show "—" or "▁": ASCII for this run, not saved)."""
        settings, problem = load_settings(file)
        saved_ascii = settings.ascii
        if dataset:
            settings = replace(settings, dataset=dataset)
        if theme:
            settings = replace(settings, theme=theme)
        prefs = cls(settings, file, remember=remember, problem=problem)
        run_ascii = True if plain_terminal else saved_ascii if ascii_only is None else ascii_only
        if run_ascii != saved_ascii:
            # ``--ascii`` (or a terminal that cannot show more) is for this run: the saved
            # setting stays what the user chose with A.
            prefs.settings = replace(settings, ascii=run_ascii)
            prefs.ascii_for_terminal = saved_ascii
        return prefs

    def change(self, **changes: object) -> None:
        """Show other settings (saved by :meth:`save`); ASCII chosen with A is saved."""
        if "ascii" in changes:
            self.ascii_for_terminal = None
        self.settings = replace(self.settings, **changes)  # type: ignore[arg-type]

    def save(self) -> str | None:
        """Write the settings (in a thread: the write is synced to disk); what went wrong, if
        anything."""
        settings = self.settings
        if self.ascii_for_terminal is not None:  # ASCII for this terminal only, not a choice
            settings = replace(settings, ascii=self.ascii_for_terminal)
        with self._lock:
            return save_settings(settings, self.file)
