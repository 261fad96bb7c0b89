"""Bring your own data: read CSV, Parquet, XLSX and ODS files into the canonical schema, headless.

Polars, fastexcel and the standard library only, never Textual. The CLI (``ox import``) and the TUI
call the functions below; every result is a frozen dataclass of plain Python values.
"""

from __future__ import annotations

from tui.model.importing.api import (
    bundled_names,
    default_name,
    import_file,
    preview_file,
    remove_dataset,
)
from tui.model.importing.layouts import FIELDS, GENERIC, HOMEOFFICE, NSPCC, parse_mapping
from tui.model.importing.problems import MAX_SHOWN, DatasetImportError, Problem
from tui.model.importing.results import (
    CleaningNote,
    ImportPreview,
    ImportResult,
    RemovedDataset,
    SkippedSheet,
    describe_years,
)

__all__ = [
    "FIELDS",
    "GENERIC",
    "HOMEOFFICE",
    "MAX_SHOWN",
    "NSPCC",
    "CleaningNote",
    "DatasetImportError",
    "ImportPreview",
    "ImportResult",
    "Problem",
    "RemovedDataset",
    "SkippedSheet",
    "bundled_names",
    "default_name",
    "describe_years",
    "import_file",
    "parse_mapping",
    "preview_file",
    "remove_dataset",
]
