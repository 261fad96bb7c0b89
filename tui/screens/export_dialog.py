"""The export dialog: a file name (default in the current folder) and a format."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, RadioButton, RadioSet

from tui.atomic_file import target_kind
from tui.output.export import SUFFIX, format_for, with_format
from tui.output.render import Format
from tui.screens.dialog import Dialog
from tui.widgets.cells import line
from tui.widgets.in_order_input import InOrderInput
from tui.widgets.path_input import UNREADABLE_PATH, typed_path, unreadable_reason

FORMAT_ORDER: tuple[Format, ...] = ("csv", "markdown", "json")


class ExportDialog(Dialog[tuple[Path, int] | None]):
    """Ask where to export the current view and in which format, and write it there.

    Dismissed with (the file written, rows written), or ``None`` when cancelled. A file that
    cannot be written keeps the dialog open with the reason, so the path typed is not lost.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(
        self,
        stem: str,
        rows: int,
        write: Callable[[Path, Format], int],
        *,
        download: bool = False,
    ) -> None:
        super().__init__(id="export-dialog")
        self._write = write
        self._download = download
        """In a browser: a file name only, and the file goes to the browser as a download."""
        self._default = Path(f"{stem}{SUFFIX['csv']}")
        if not download:
            self._default = Path.cwd() / self._default
        self._rows = rows
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            verb = "Download" if self._download else "Export"
            yield Label(
                line((f"{verb} this view ({self._rows} rows)", "bold")), classes="dialog-title"
            )
            yield InOrderInput(str(self._default), id="export-path")
            with Horizontal(id="export-formats"):
                with RadioSet(id="export-format"):
                    yield RadioButton("CSV", value=True, id="fmt-csv")
                    yield RadioButton("Markdown", id="fmt-markdown")
                    yield RadioButton("JSON", id="fmt-json")
            yield Label("", id="export-message")
            act = "downloads" if self._download else "exports"
            yield Label(
                line((f"Enter in the file name {act} · Tab to format · Esc cancels", "dim")),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def _format(self) -> Format:
        pressed = self.query_one(RadioSet).pressed_index
        return FORMAT_ORDER[pressed if pressed >= 0 else 0]

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        box = self.query_one("#export-path", Input)
        box.value = str(with_format(Path(box.value or str(self._default)), self._format))
        self._confirm_overwrite = None

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._confirm_overwrite = None
        self.query_one("#export-message", Label).update("")
        self.query_one(".dialog-help").display = True

    @on(Input.Submitted, "#export-path")
    def _submit(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        message = self.query_one("#export-message", Label)
        if not text:
            message.update(line(("Give a file name.", "bold")))
            return
        if self._download:  # a name for the browser's download, never a path on the server
            name = Path(text).name
            if not name:
                message.update(line(("Give a file name.", "bold")))
                return
            message.update(line(f"Sending {name}…"))
            self._write_file(Path(name), format_for(Path(name), self._format))
            return
        path = typed_path(text)
        if not path.is_absolute():
            path = Path.cwd() / path
        refused = _refusal(path)
        if refused:
            message.update(line((refused, "bold")))
            return
        if not path.parent.is_dir():
            message.update(line((f"Folder {path.parent} does not exist.", "bold")))
            return
        existing = _regular_file(path)
        if existing is not None and self._confirm_overwrite != path:
            self._confirm_overwrite = path
            # The whole instruction in view at 60×20 and 80×24 (it was cut after "(a regular
            # file of"): the message wraps, a name longer than a line is cut in the middle, and
            # the dialog's help line gives way to it (the prompt says what Enter and Esc do).
            name = cut_middle(path.name, (message.size.width or 40) - len(" exists"))
            message.update(
                line(
                    (f"{name} exists", "bold"),
                    f" ({existing}).\n",
                    ("Press Enter again to replace it · Esc cancels", "bold"),
                )
            )
            self.query_one(".dialog-help").display = False
            return
        message.update(line(f"Writing {path.name}…"))
        self._write_file(path, format_for(path, self._format))

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _write_file(self, path: Path, fmt: Format) -> None:
        """Write in a thread (a slow disk never freezes the screen); the dialog closes when done."""
        try:
            written = self._write(path, fmt)
        except OSError as exc:
            reason = f"Could not write {path}: {exc.strerror or exc}"
            self.app.call_from_thread(self._failed, reason)
            return
        self.app.call_from_thread(self.dismiss, (path, written))

    def _failed(self, reason: str) -> None:
        self.query_one("#export-message", Label).update(line((reason, "bold")))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)


def _refusal(path: Path) -> str:
    """Why an export may not go to ``path`` ("" when it may): an export creates a file or
    replaces a regular one, never a folder, a link (it is not followed), a device or a pipe."""
    try:
        kind = target_kind(path)
    except UNREADABLE_PATH as exc:  # a name too long for the file system, a NUL pasted in
        return f"Cannot look at {path}: {unreadable_reason(exc)}."
    if kind is None:
        return ""
    if kind == "a folder":
        return f"{path} is a folder: add a file name."
    return (
        f"{path.name} is {kind}, not a regular file: an export never replaces (or writes "
        "through) one. Choose another name."
    )


def cut_middle(name: str, room: int) -> str:
    """``name`` in ``room`` characters: whole, or its start and end with "…" between (a file's
    suffix stays in view)."""
    if len(name) <= room or room < 5:
        return name
    tail = (room - 1) // 2
    return f"{name[: room - 1 - tail]}…{name[-tail:]}"


def _regular_file(path: Path) -> str | None:
    """``a regular file of 1,234 bytes`` when one is at ``path``; ``None`` when nothing is."""
    try:
        size = os.lstat(path).st_size
    except OSError:
        return None
    return f"a regular file of {size:,} byte{'' if size == 1 else 's'}"
