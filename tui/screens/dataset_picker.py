"""The dataset switcher: choose a dataset, import a file (i), or remove an imported one (x)."""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from tui.formatting import safe_text
from tui.model.data.catalogue import DatasetInfo, list_datasets
from tui.model.data.errors import ModelError
from tui.model.results.interface import FileImporter
from tui.screens.confirm import ConfirmDialog
from tui.screens.picker import Choice, Picker
from tui.widgets.cells import line

IMPORT = "\0import"
"""What the picker returns when the user asks to import a file."""
DIFF = "\0diff:"
"""What the picker returns (followed by the highlighted dataset's name) for ``D``: what changed
from the highlighted dataset to the open one."""


def dataset_choices(infos: list[DatasetInfo]) -> list[Choice[str]]:
    """One entry per dataset: name, then whether it is bundled or imported, and its title."""
    return [
        Choice(
            line((i.name, "bold")), i.name, ("bundled · " if i.bundled else "imported · ") + i.title
        )
        for i in infos
    ]


class DatasetPicker(Picker[str]):
    """Returns a dataset name, :data:`IMPORT`, or ``None``."""

    BINDINGS = [
        Binding("i", "import_file", "Import a file", id="dataset-import"),
        Binding("x,delete", "remove", "Remove imported", id="dataset-remove"),
        Binding("D", "diff", "What changed from it to the open one", id="dataset-diff"),
    ]

    def __init__(self, current: str | None, importer: FileImporter) -> None:
        self._importer = importer
        self._infos = list_datasets()
        super().__init__(
            "Dataset",
            dataset_choices(self._infos),
            current=current,
            footer=(
                "Enter opens · i imports a file · x removes an imported dataset · D compares it "
                "with the open one (what a release revised) · Esc cancels"
            ),
            picker_id="pick-dataset",
        )
        self._current_name = current

    def action_import_file(self) -> None:
        """Close and open the import screen."""
        self.dismiss(IMPORT)

    def action_diff(self) -> None:
        """Close and open the release diff: the highlighted dataset against the open one."""
        chosen = self.highlighted_choice()
        if chosen is None:
            return
        name = chosen.value
        if name == self._current_name:
            self.notify("Highlight another dataset to compare with the open one.", timeout=4)
            return
        self.dismiss(DIFF + name)

    def action_remove(self) -> None:
        """Remove the highlighted dataset, if it was imported, after asking."""
        chosen = self.highlighted_choice()
        info = next((i for i in self._infos if chosen and i.name == chosen.value), None)
        if info is None:
            return
        if getattr(self.app, "read_only", False):
            self.notify(
                "Removing datasets is off in this served explorer (it would delete files on the "
                "server). Whoever runs the server can allow it (ox serve --allow-import).",
                severity="warning",
                timeout=8,
            )
            return
        if info.bundled:
            self.notify(
                safe_text(f"'{info.name}' ships with the app and cannot be removed."),
                timeout=4,
                markup=False,
            )
            return
        if info.name == self._current_name:
            self.notify(
                safe_text(f"'{info.name}' is open: switch to another dataset first."),
                timeout=4,
                markup=False,
            )
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(info.name)

        self.app.push_screen(
            ConfirmDialog(
                f"Remove dataset '{info.name}'?",
                f"Its files are deleted from the data folder ({info.path.parent}).",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="remove-dataset", exit_on_error=False)
    def _remove(self, name: str) -> None:
        try:
            self._importer.remove(name)
        except ModelError as exc:
            self.app.call_from_thread(self.notify, safe_text(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._removed, name)

    def _removed(self, name: str) -> None:
        self.notify(safe_text(f"Removed dataset '{name}'."), timeout=4, markup=False)
        self._infos = list_datasets()
        self._choices = dataset_choices(self._infos)
        self._fill(self._choices)
