"""The app's sharing actions: export a view, copy it, cite it, and the command that reproduces it.

Every view offers them through the same hooks (``ExplorerScreen.report``, ``row_report``,
``view_spec``), so they live here once, beside the app that binds their keys.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from tui import package_version
from tui.formatting import safe_text
from tui.screens.base import ExplorerScreen

if TYPE_CHECKING:
    from tui.model.view_citation import CiteSheet
    from tui.output.render import Format

COPY_NAME = "offence-explorer-copy.txt"
"""The download a copy arrives as in a browser."""

# What these actions need (the export, citations, their dialogs) is imported when first used, not
# before the first frame.


class SharingActions(App[None]):
    """Export (``e``), copy (``c``/``C``), cite (``K``) and reproduce (``R``) the view shown."""

    def action_export(self) -> None:
        """Export the current view to a CSV, Markdown or JSON file."""
        from tui.output.export import export_meta, provenance_path, write_report
        from tui.screens.export_dialog import ExportDialog

        screen = self.screen
        report = screen.report() if isinstance(screen, ExplorerScreen) else None
        if report is None or not isinstance(screen, ExplorerScreen):
            said = screen.nothing_to("export") if isinstance(screen, ExplorerScreen) else ""
            self.notify(safe_text(said or "Nothing to export here yet."), timeout=4, markup=False)
            return

        meta = export_meta(report, self._cite_sheet(screen), package_version())
        download = self.is_web  # in a browser the file is the browser's to save, not the server's

        def write(path: Path, fmt: Format) -> int:
            if not download:
                return write_report(report, path, fmt, meta)
            from tui.output.export import render_export

            text = render_export(report, fmt, meta)
            self.call_from_thread(self._deliver, text, path.name)
            return len(report.records)

        def written(answer: tuple[Path, int] | None) -> None:
            if answer is not None:
                path, n = answer
                said = (
                    f"Sent {n} rows to your browser ({path.name})"
                    if download
                    else f"Exported {n} rows to {path}"
                )
                beside = provenance_path(path)
                if not download and path.suffix.lower() == ".csv" and beside.is_file():
                    said += f" (where from: {beside.name})"
                self.notify(safe_text(said), timeout=8, markup=False)

        stem, rows = screen.export_stem(), len(report.records)
        self.push_screen(ExportDialog(stem, rows, write, download=download), written)

    def _deliver(self, text: str, name: str) -> None:
        """Hand ``text`` to the browser as a download called ``name``."""
        self.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8")

    def copy_to_clipboard(self, text: str) -> None:
        """Copy ``text`` (OSC 52); in a browser, also send it as a download, since a browser lets
        a page write to the clipboard only over HTTPS or from localhost."""
        super().copy_to_clipboard(text)
        if self.is_web:
            self._deliver(text, COPY_NAME)
            self.notify(
                f"Also sent to your browser as {COPY_NAME} (a browser may not let this page use "
                "the clipboard).",
                timeout=5,
            )

    @staticmethod
    def _cite_sheet(screen: ExplorerScreen) -> CiteSheet | None:
        """The view's citation and command (an export's provenance), if it can be cited."""
        from tui.model.catalogue import bundled_datasets
        from tui.model.citation import cite
        from tui.model.view_citation import CiteSheet, cite_sheet

        shown = screen.shown_view()
        if shown is None:
            return None
        try:
            return cite_sheet(shown, bundled_datasets())
        except ValueError:  # no reproducing command: the citations still say where from
            spec, years = shown.spec, shown.dataset_years or (shown.years,) * len(shown.datasets)
            citations = tuple(
                cite(info, shown.offence_label, forces=spec.forces, years=y)
                for info, y in zip(shown.datasets, years, strict=True)
            )
            return CiteSheet(citations, "", ())

    def _copy(self, row: bool) -> None:
        screen = self.screen
        if not isinstance(screen, ExplorerScreen):
            return
        report = screen.row_report() if row else screen.report()
        if report is None or not report.records:
            self.notify(safe_text(screen.nothing_to("copy")), timeout=4, markup=False)
            return
        from tui.output.render import to_tsv

        self.copy_to_clipboard(to_tsv(report))
        what = "row" if row else f"table ({len(report.records)} rows)"
        self.notify(f"Copied the {what} to the clipboard (tab-separated).", timeout=3)

    def action_copy_row(self) -> None:
        """Copy the row under the cursor (OSC 52: works over SSH in most terminals)."""
        self._copy(row=True)

    def action_copy_table(self) -> None:
        """Copy the whole current table."""
        self._copy(row=False)

    def action_cite(self) -> None:
        """Cite what is on screen (text, BibTeX or JSON), copyable."""
        from tui.screens.cite_dialog import open_cite_dialog

        open_cite_dialog(self, "cite")

    def action_reproduce(self) -> None:
        """The ``ox`` command that prints the figures on screen, copyable."""
        from tui.screens.cite_dialog import open_cite_dialog

        open_cite_dialog(self, "reproduce")
