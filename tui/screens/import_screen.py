"""Import a file as a dataset: a path with completion, a preview of how it reads, then confirm."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, DataTable, Input, Label, Static
from textual.worker import get_current_worker

from tui.formatting import forces_count, safe_text
from tui.model.data.catalogue import list_datasets
from tui.model.data.errors import ModelError
from tui.model.importing.problems import DatasetImportError
from tui.model.importing.results import ImportPreview, ImportResult, describe_years
from tui.model.results.interface import FileImporter
from tui.screens.confirm import ConfirmDialog
from tui.screens.dialog import Dialog
from tui.widgets.cells import line, plain
from tui.widgets.data_table import SafeDataTable
from tui.widgets.in_order_input import InOrderInput
from tui.widgets.path_input import UNREADABLE_PATH, PathInput, unreadable_reason

PREVIEW_DELAY = 0.35
"""Seconds of no typing before the file is read (reading a large file takes a moment)."""


class ImportScreen(Dialog[str | None]):
    """Returns the name of the imported dataset, or ``None`` if the user cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import-cancel"),
        # The preview shows a few lines at 80×24: PgUp / PgDn scroll it from any box.
        Binding("pagedown", "scroll_preview(1)", "Scroll the preview down", id="import-page-down"),
        Binding("pageup", "scroll_preview(-1)", "Scroll the preview up", id="import-page-up"),
    ]

    @dataclass
    class Previewed(Message):
        """The worker read the file."""

        path: str
        mapping: str
        preview: ImportPreview

    @dataclass
    class Imported(Message):
        """The worker imported the file."""

        result: ImportResult

    @dataclass
    class Failed(Message):
        """The import was refused; ``lines`` say why."""

        lines: list[str]

    def __init__(self, importer: FileImporter, start: Path | None = None) -> None:
        super().__init__(id="import")
        self._importer = importer
        self._start = start or Path.cwd()
        self._timer: Timer | None = None
        self._preview: ImportPreview | None = None
        self._suggested_name = ""
        """The name last filled in from a file name (replaced when the file changes)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-box"):
            yield Label(line(("Import a file as a dataset", "bold")), classes="dialog-title")
            yield PathInput(str(self._start) + "/", id="import-path")
            with Horizontal(id="import-options"):
                yield InOrderInput(placeholder="dataset name", id="import-name")
                yield InOrderInput(
                    placeholder="column map (generic files): force=Force; year=Year; count=Crimes",
                    id="import-map",
                )
            with VerticalScroll(id="import-preview-box"):
                # Problems and warnings first: at 80×24 the box shows four lines, and a refusal
                # must be read (file, row, column) without scrolling.
                report = Static("", id="import-report")
                report.display = False
                yield report
                yield Static(
                    line(("Type a path (→ or Tab completes).", "dim")), id="import-summary"
                )
                yield SafeDataTable(id="import-rows", show_cursor=False, zebra_stripes=True)
            with Horizontal(id="import-buttons"):
                yield Button("Import", id="import-go", variant="primary", disabled=True)
                yield Button("Cancel", id="import-cancel-button")
            yield Label(
                line(
                    ("Enter imports once the preview reads without problems · Esc cancels", "dim")
                ),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        box = self.query_one(PathInput)
        box.focus()
        box.cursor_position = len(box.value)

    # ---------------------------------------------------------------- preview

    @on(Input.Changed, "#import-path, #import-map")
    def _schedule_preview(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(PREVIEW_DELAY, self._start_preview)

    def _start_preview(self) -> None:
        path = self.query_one(PathInput).path
        self.query_one("#import-go", Button).disabled = True
        # Anything that exists and is not a folder is previewed: the preview says why a device,
        # a pipe or a socket is refused (it never opens one, so it cannot hang).
        try:
            folder = path.is_dir()
            there = folder or path.exists() or path.is_symlink()
            in_a_folder = not there and str(path) not in ("", ".") and path.parent.is_dir()
        except UNREADABLE_PATH as exc:  # a name too long for the file system, a NUL pasted in
            said = f"Cannot look at {path}: {unreadable_reason(exc)}."
            self.query_one("#import-summary", Static).update(line((said, "dim")))
            return
        if not there or folder:
            summary = "Type a path (→ or Tab completes)."
            if folder:
                summary = f"{path} is a folder: choose a file in it."
            elif in_a_folder:
                summary = f"No file {path.name} in {path.parent} (→ or Tab completes)."
            self.query_one("#import-summary", Static).update(line((summary, "dim")))
            return
        self.query_one("#import-summary", Static).update(line(f"Reading {path}…"))
        self._read(str(path), self.query_one("#import-map", Input).value)

    @work(thread=True, exclusive=True, group="import-preview", exit_on_error=False)
    def _read(self, path: str, mapping: str) -> None:
        try:
            preview = self._importer.preview(path, mapping)
        except ModelError as exc:
            self.post_message(self.Failed([str(exc)]))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Previewed(path, mapping, preview))

    @on(Previewed)
    def _show_preview(self, event: Previewed) -> None:
        if str(self.query_one(PathInput).path) != event.path:
            return  # the user typed on
        p = event.preview
        self._preview = p
        name_box = self.query_one("#import-name", Input)
        if not name_box.value or name_box.value == self._suggested_name:
            # The name follows the file until the user types one of their own.
            name_box.value = self._suggested_name = self._importer.default_name(event.path)
        read = f"{p.format}" + (f", {p.encoding}, {p.delimiter}-separated" if p.encoding else "")
        parts: list[str | tuple[str, str]] = [("Read as ", "bold"), read]
        if p.sheets_read:
            parts += ["\nSheets: ", ", ".join(p.sheets_read)]
        if p.sheets_skipped:
            parts += [
                " (skipped: ",
                ", ".join(f"{s.name}: {s.reason}" for s in p.sheets_skipped),
                ")",
            ]
        if p.layout:
            parts += [("\nLayout: ", "bold"), p.layout_label]
            parts += ["\nColumns: ", "; ".join(f"{f} ← {c}" for f, c in p.mapping)]
            parts += [
                f"\n{p.figures:,} figures · {forces_count(p.forces)} · ",
                describe_years(p.years, p.other_periods),
            ]
        self.query_one("#import-summary", Static).update(line(*parts))
        rows = self.query_one("#import-rows", DataTable)
        rows.clear(columns=True)
        for column in p.columns:
            rows.add_column(plain(column))
        for values in p.rows:
            rows.add_row(*(plain(v) for v in values))
        report = Text()
        if not p.ok:
            report.append_text(line((f"Cannot import: {p.problem_count} problem(s)\n", "bold")))
            for problem in p.problem_report():
                report.append_text(line(problem, "\n"))
        for warning in p.warnings:
            report.append_text(line(("warning: ", "bold"), warning, "\n"))
        for note in p.cleaning:
            report.append_text(line("cleaned: ", str(note), "\n"))
        self._show_report(report)
        self.query_one("#import-go", Button).disabled = not p.ok

    def _show_report(self, report: Text) -> None:
        """The problems, warnings and cleaning notes, at the top of the preview (scrolled to)."""
        box = self.query_one("#import-report", Static)
        report.rstrip()  # no blank line between the report and the summary
        box.update(report)
        box.display = bool(report.plain.strip())
        self.query_one("#import-preview-box", VerticalScroll).scroll_home(animate=False)

    # ---------------------------------------------------------------- import

    @on(Button.Pressed, "#import-go")
    @on(Input.Submitted, "#import-name, #import-path, #import-map")
    def _confirm(self) -> None:
        if self._preview is None or not self._preview.ok:
            self.notify("Choose a file that reads without problems first.", timeout=3)
            return
        name = self.query_one("#import-name", Input).value.strip()
        if not name:
            self.notify("Give the dataset a name.", timeout=3)
            return
        existing = {d.name for d in list_datasets() if not d.bundled}
        if name in existing:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._import(name, replace=True)

            self.app.push_screen(
                ConfirmDialog(
                    f"Replace dataset '{name}'?", "Its current figures will be replaced."
                ),
                answered,
            )
            return
        self._import(name, replace=False)

    def _import(self, name: str, replace: bool) -> None:
        self.query_one("#import-go", Button).disabled = True
        self.query_one("#import-summary", Static).update(line(f"Importing as '{name}'…"))
        self._write(
            str(self.query_one(PathInput).path),
            name,
            replace,
            self.query_one("#import-map", Input).value,
        )

    @work(thread=True, exclusive=True, group="import-write", exit_on_error=False)
    def _write(self, path: str, name: str, replace: bool, mapping: str) -> None:
        try:
            result = self._importer.import_file(path, name, replace, mapping)
        except DatasetImportError as exc:
            self.post_message(self.Failed(exc.report().splitlines()))
            return
        except ModelError as exc:
            self.post_message(self.Failed([str(exc)]))
            return
        except Exception as exc:  # noqa: BLE001 - the screen must leave "Importing…" whatever fails
            reason = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
            self.post_message(self.Failed([f"the import failed ({type(exc).__name__}: {reason})"]))
            return
        self.post_message(self.Imported(result))

    @on(Imported)
    def _done(self, event: Imported) -> None:
        r = event.result
        self.notify(
            safe_text(
                f"Imported {r.rows:,} rows as '{r.name}' "
                f"({describe_years(r.years, r.other_periods)}; {forces_count(r.forces)})"
            ),
            timeout=6,
            markup=False,
        )
        self.dismiss(r.name)

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.query_one("#import-summary", Static).update(
            line(("Not imported: ", "bold"), "see the reason above.")
        )
        report = Text()
        report.append_text(line(("Not imported (nothing was written):\n", "bold")))
        for text in event.lines:
            report.append_text(line(text, "\n"))
        self._show_report(report)
        self.query_one("#import-go", Button).disabled = (
            self._preview is None or not self._preview.ok
        )

    def action_scroll_preview(self, pages: int) -> None:
        """Scroll the preview (problems, summary and rows) a page down or up."""
        box = self.query_one("#import-preview-box", VerticalScroll)
        box.scroll_to(y=box.scroll_y + pages * max(1, box.size.height - 1), animate=False)

    @on(Button.Pressed, "#import-cancel-button")
    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)
