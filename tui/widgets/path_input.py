"""A file-path input that completes folder and file names as you type (→ or Tab accepts)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.binding import Binding
from textual.suggester import Suggester

from tui.widgets.in_order_input import InOrderInput

IMPORTABLE = (".csv", ".tsv", ".txt", ".parquet", ".xlsx", ".xls", ".ods")

UNREADABLE_PATH = (OSError, ValueError)
"""What looking at a typed path raises when the system cannot look at it: a name longer than the
file system takes (``OSError``: File name too long), a folder on the way that cannot be read, a
NUL character pasted in (``ValueError``). Each dialog that looks at a typed path says why."""


def typed_path(text: str) -> Path:
    """The path typed, with ``~`` expanded where it names a home (``~nosuchuser`` is left as
    typed: ``Path.expanduser`` raised ``RuntimeError`` for it)."""
    return Path(os.path.expanduser(text.strip()))


def unreadable_reason(exc: OSError | ValueError) -> str:
    """Why a typed path cannot be looked at, in words."""
    if isinstance(exc, ValueError):
        return "a path cannot contain a NUL character"
    return exc.strerror or str(exc)


class PathSuggester(Suggester):
    """Suggests the first folder or importable file that completes what has been typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.last: str | None = None
        """The latest suggestion made (for Tab to accept)."""

    async def get_suggestion(self, value: str) -> str | None:
        """The completion of ``value``, or ``None``."""
        self.last = self._complete(value)
        return self.last

    def _complete(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, stem = os.path.split(expanded)
        try:
            entries = sorted(os.scandir(folder or "."), key=lambda e: e.name.lower())
        except UNREADABLE_PATH:
            return None
        for entry in entries:
            if entry.name.startswith(".") and not stem.startswith("."):
                continue
            if not entry.name.startswith(stem) or entry.name == stem:
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if not is_dir and not entry.name.lower().endswith(IMPORTABLE):
                continue
            completion = entry.name[len(stem) :] + ("/" if is_dir else "")
            return value + completion
        return None


class PathInput(InOrderInput):
    """An Input with path completion; Tab accepts the suggestion like →."""

    BINDINGS = [Binding("tab", "accept_suggestion", "Complete", show=False, id="path-complete")]

    def __init__(self, value: str = "", *, id: str | None = None) -> None:  # noqa: A002
        self.completer = PathSuggester()
        super().__init__(
            value,
            placeholder="path to a CSV, Parquet, XLSX or ODS file",
            id=id,
            suggester=self.completer,
        )
        self.prefill = value
        """The folder the box starts with: an absolute path typed or pasted over it replaces it."""

    def insert_text_at_cursor(self, text: str) -> None:
        """Type at the cursor; a path that starts afresh (``/``, ``~``) typed at the end of the
        untouched starting folder replaces it (``/tmp/`` + ``/data/x.csv`` is ``/data/x.csv``)."""
        fresh = text.startswith(("/", "~"))
        if fresh and self.prefill and self.value == self.prefill:
            if self.cursor_position == len(self.value):
                self.value = ""
        super().insert_text_at_cursor(text)

    def action_accept_suggestion(self) -> None:
        """Take the suggested completion, or move focus on when there is none."""
        last = self.completer.last
        if last and last.startswith(self.value) and last != self.value:
            self.value = last
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()

    @property
    def path(self) -> Path:
        """The typed path, with ``~`` expanded."""
        return typed_path(self.value)
