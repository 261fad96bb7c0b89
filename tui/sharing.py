"""Export, copy and cite the view shown: what the app's ``e``, ``c``/``C`` and the export's
provenance do, through the hooks every view offers (``ExplorerScreen.report``, ``row_report``,
``shown_view``). Plain functions of the app; the app binds the keys."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textual.app import App

from tui import package_version
from tui.formatting import copied, safe_text
from tui.model.data.catalogue import DatasetInfo, bundled_datasets
from tui.screens.base import ExplorerScreen

if TYPE_CHECKING:
    from tui.model.findings.view_citation import CiteSheet
    from tui.output.render import Format

# The export, its dialog, the TSV renderer, the citations and their dialog are imported when first
# used, not before the first frame: each costs 9-38 ms there (after what a bare ``ox`` imports,
# min of 3-5 fresh processes).

COPY_NAME = "offence-explorer-copy.txt"
"""The download a copy arrives as in a browser."""


def deliver(app: App[Any], text: str, name: str) -> None:
    """Hand ``text`` to the browser as a download called ``name``."""
    app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8")


def name_the_page(app: App[Any], info: DatasetInfo) -> None:
    """In a browser (``ox serve``), the page's title names the dataset shown (textual-serve
    passes the message on; the page sets its title from it)."""
    driver = app._driver
    if app.is_web and driver is not None and hasattr(driver, "write_meta"):
        title = f"offence-explorer — {info.name}: {info.title}"
        driver.write_meta({"type": "title", "title": title})


def also_download(app: App[Any], text: str) -> None:
    """In a browser, send copied ``text`` as a download too: a browser lets a page write to the
    clipboard only over HTTPS or from localhost."""
    if app.is_web:
        deliver(app, text, COPY_NAME)
        app.notify(
            f"Also sent to your browser as {COPY_NAME} (a browser may not let this page use the "
            "clipboard).",
            timeout=5,
        )


def export_view(app: App[Any]) -> None:
    """Export the current view to a CSV, Markdown or JSON file (in a browser: a download)."""
    from tui.output.export import (  # (30 ms, with render's rich tables: not at start)
        export_meta,
        provenance_path,
        provenance_text,
        render_export,
        write_report,
    )
    from tui.screens.export_dialog import ExportDialog  # (38 ms: not at start)

    screen = app.screen
    report = screen.report() if isinstance(screen, ExplorerScreen) else None
    if report is None or not isinstance(screen, ExplorerScreen):
        said = screen.nothing_to("export") if isinstance(screen, ExplorerScreen) else ""
        app.notify(safe_text(said or "Nothing to export here yet."), timeout=4, markup=False)
        return

    meta = export_meta(report, cite_sheet(screen), package_version())
    download = app.is_web  # in a browser the file is the browser's to save, not the server's

    def write(path: Path, fmt: Format) -> int:
        if not download:
            return write_report(report, path, fmt, meta)
        text = render_export(report, fmt, meta)
        app.call_from_thread(deliver, app, text, path.name)
        if fmt == "csv":  # the plain CSV's provenance arrives beside it, as a file would be
            where_from = provenance_text(meta, path.name)
            app.call_from_thread(deliver, app, where_from, provenance_path(path).name)
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
            if path.suffix.lower() == ".csv" and (download or beside.is_file()):
                said += f" (where from: {beside.name})"
            app.notify(safe_text(said), timeout=8, markup=False)

    stem, rows = screen.export_stem(), len(report.records)
    app.push_screen(ExportDialog(stem, rows, write, download=download), written)


def cite_sheet(screen: ExplorerScreen) -> CiteSheet | None:
    """The view's citation and command (an export's provenance), if it can be cited."""
    from tui.model.findings import citation, view_citation  # (9 ms: not at start)

    shown = screen.shown_view()
    if shown is None:
        return None
    try:
        return view_citation.cite_sheet(shown, bundled_datasets())
    except ValueError:  # no reproducing command: the citations still say where from
        spec, years = shown.spec, shown.dataset_years or (shown.years,) * len(shown.datasets)
        citations = tuple(
            citation.cite(info, shown.offence_label, forces=spec.forces, years=y)
            for info, y in zip(shown.datasets, years, strict=True)
        )
        return view_citation.CiteSheet(citations, "", ())


def copy_row(app: App[Any]) -> None:
    """Copy the row under the cursor (OSC 52: works over SSH in most terminals)."""
    copy_view(app, row=True)


def copy_table(app: App[Any]) -> None:
    """Copy the whole current table."""
    copy_view(app, row=False)


def cite(app: App[Any]) -> None:
    """Cite what is on screen (text, BibTeX or JSON), copyable."""
    _cite_dialog(app, "cite")


def reproduce(app: App[Any]) -> None:
    """The ``ox`` command that prints the figures on screen, copyable."""
    _cite_dialog(app, "reproduce")


def _cite_dialog(app: App[Any], kind: Literal["cite", "reproduce"]) -> None:
    from tui.screens.cite_dialog import open_cite_dialog  # (12-16 ms: not at start)

    open_cite_dialog(app, kind)


def copy_view(app: App[Any], *, row: bool) -> None:
    """Copy the row under the cursor (``row``) or the whole table shown, tab-separated."""
    from tui.output.render import to_tsv  # (20 ms: not at start)

    screen = app.screen
    if not isinstance(screen, ExplorerScreen):
        return
    report = screen.row_report() if row else screen.report()
    if report is None or not report.records:
        app.notify(safe_text(screen.nothing_to("copy")), timeout=4, markup=False)
        return
    app.copy_to_clipboard(to_tsv(report))
    what = "row" if row else f"table ({len(report.records)} rows)"
    app.notify(copied(f"the {what} (tab-separated)", web=app.is_web), timeout=5)
