"""The app's choices made in a dialog: the offence (``o``), the dataset (``d``), a file to import
(``I``). Plain functions of the app: each opens its dialog and hands the answer to the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model.results.interface import FileImporter

if TYPE_CHECKING:
    from tui.app import OffenceApp

# The dialogs (and the importer, which brings in Polars) are imported when first opened, not
# before the first frame (see the measurement in ``tui.navigation``).

READ_ONLY_IMPORT = (
    "Imports are off in this served explorer: an import reads a file on the server and writes a "
    "dataset to its disk. Whoever runs the server can allow them (ox serve --allow-import)."
)


def importer() -> FileImporter:
    """The importer (loaded on first use: it brings in Polars)."""
    from tui.model.importing.service import Importer  # (0.36 s, with Polars: not at start)

    return Importer()


def pick_offence(app: OffenceApp) -> None:
    """Choose the offence: a code, a group, a subgroup, or all offences."""
    from tui.screens.offence_picker import offence_picker  # (the pickers: 7-9 ms at start)

    if app.dataset is None:
        return
    current = app.selection.key if app.selection else None
    app.push_screen(
        offence_picker(app.dataset.offences, current),
        lambda key: app.set_offence(key) if key else None,
    )


def pick_dataset(app: OffenceApp) -> None:
    """Choose the dataset (or import a file, or see what changed from another release, or remove
    an imported dataset)."""
    from tui.screens.dataset_picker import DIFF, IMPORT, DatasetPicker  # (the pickers: 7-9 ms)

    current = app.dataset.name if app.dataset else None

    def chosen(name: str | None) -> None:
        if name == IMPORT:
            import_file(app)
        elif name and name.startswith(DIFF) and current:
            app.open_diff(name.removeprefix(DIFF), current)
        elif name and name != current:
            app.switch_dataset(name)

    app.push_screen(DatasetPicker(current, importer()), chosen)


def import_file(app: OffenceApp) -> None:
    """Import a file as a dataset: path, preview, confirm (``ox import`` does the same)."""
    from tui.screens.import_screen import ImportScreen  # (20 ms: not before the first frame)

    if app.read_only:
        app.notify(READ_ONLY_IMPORT, severity="warning", timeout=8)
        return
    app.push_screen(
        ImportScreen(importer()), lambda name: app.switch_dataset(name) if name else None
    )
