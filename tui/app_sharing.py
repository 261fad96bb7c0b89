"""The app's sharing actions: export a view, copy it, cite it, and the command that reproduces it.

Every view offers them through the same hooks (``ExplorerScreen.report``, ``row_report``,
``view_spec``), so they live here once, beside the app that binds their keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from tui import package_version
from tui.formatting import safe_text
from tui.screens.base import ExplorerScreen, later

if TYPE_CHECKING:
    from tui.model.view_citation import CiteSheet
    from tui.output.render import Format

# What these actions need (the export, citations, their dialogs) is imported when first used, not
# before the first frame.


class SharingActions(App[None]):
    """Export (``e``), copy (``c``/``C``), cite (``K``) and reproduce (``R``) the view shown."""

    def action_export(self) -> None:
        """Export the current view to a CSV, Markdown or JSON file."""
        from tui.output.export import export_meta, provenance_path, write_report
        from tui.screens.export_dialog import ExportDialog

        screen = self.screen
        if later(self, "export", self.action_export):
            return
        report = screen.report() if isinstance(screen, ExplorerScreen) else None
        if report is None or not isinstance(screen, ExplorerScreen):
            said = screen.nothing_to("export") if isinstance(screen, ExplorerScreen) else ""
            self.notify(safe_text(said or "Nothing to export here yet."), timeout=4, markup=False)
            return

        meta = export_meta(report, self._cite_sheet(screen), package_version())

        def write(path: Path, fmt: Format) -> int:
            return write_report(report, path, fmt, meta)

        def written(answer: tuple[Path, int] | None) -> None:
            if answer is not None:
                path, n = answer
                said = f"Exported {n} rows to {path}"
                beside = provenance_path(path)
                if path.suffix.lower() == ".csv" and beside.is_file():
                    said += f" (where from: {beside.name})"
                self.notify(safe_text(said), timeout=8, markup=False)

        self.push_screen(ExportDialog(screen.export_stem(), len(report.records), write), written)

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
        if not isinstance(screen, ExplorerScreen) or later(self, "copy", lambda: self._copy(row)):
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

        if not later(self, "cite", self.action_cite):
            open_cite_dialog(self, "cite")

    def action_reproduce(self) -> None:
        """The ``ox`` command that prints the figures on screen, copyable."""
        from tui.screens.cite_dialog import open_cite_dialog

        if not later(self, "the command", self.action_reproduce):
            open_cite_dialog(self, "reproduce")
