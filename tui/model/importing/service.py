"""The importer as the TUI uses it (see ``FileImporter`` in ``tui.model.results.interface``): a
column map typed as text, one call per step, results as plain values."""

from __future__ import annotations

from tui.model.importing.api import default_name, import_file, preview_file, remove_dataset
from tui.model.importing.layouts import parse_mapping
from tui.model.importing.results import ImportPreview, ImportResult, RemovedDataset
from tui.model.store.derived_build import write_file_of


def map_items(text: str) -> list[str]:
    """``"force=Force; count=Crimes"`` → ``["force=Force", "count=Crimes"]``."""
    return [part.strip() for part in text.split(";") if part.strip()]


def _fields(mapping: str) -> dict[str, str] | None:
    return parse_mapping(map_items(mapping), source="column map") if mapping.strip() else None


class Importer:
    """Preview, import and remove datasets (implements ``FileImporter``)."""

    def default_name(self, path: str) -> str:
        """The dataset name taken from a file name."""
        return default_name(path)

    def preview(self, path: str, mapping: str) -> ImportPreview:
        """How ``path`` reads (raises ``ModelError`` for a bad column map)."""
        return preview_file(path, mapping=_fields(mapping))

    def import_file(self, path: str, name: str, replace: bool, mapping: str) -> ImportResult:
        """Import ``path`` as dataset ``name`` (raises ``DatasetImportError`` or ``ModelError``),
        and write its file of the derived-data store (``ox show`` answers, the opening table)."""
        result = import_file(path, name=name, replace=replace, mapping=_fields(mapping))
        if result.written:
            write_file_of(result.name)
        return result

    def remove(self, name: str) -> RemovedDataset:
        """Remove an imported dataset (raises ``ModelError``)."""
        return remove_dataset(name)
