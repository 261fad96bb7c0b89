"""The pure data layer: Polars and the standard library only, never Textual.

Everything the CLI and the TUI show is computed here; they only format the results.
"""

from __future__ import annotations

from tui.model.dataset import (
    DEFAULT_DATASET,
    Dataset,
    DatasetInfo,
    find_dataset,
    list_datasets,
    load_dataset,
)
from tui.model.errors import (
    DatasetError,
    ModelError,
    UnknownDatasetError,
    UnknownForceError,
    UnknownOffenceError,
    UnknownYearError,
)
from tui.model.offences import ALL_OFFENCES, OffenceInfo, OffenceSelection, search_offences
from tui.model.queries import (
    Breakdown,
    CompareRow,
    Comparison,
    ForceRow,
    ForceSeries,
    ForceTable,
    compare_years,
    default_selection,
    force_quarters,
    force_series,
    force_table,
    latest_full_pair,
    offence_breakdown,
    pick_offence,
    pick_year,
    rate_per_100k,
)
from tui.model.reference import Force, Reference
from tui.model.years import YearCoverage, fy_label, parse_year

__all__ = [
    "ALL_OFFENCES",
    "DEFAULT_DATASET",
    "Breakdown",
    "CompareRow",
    "Comparison",
    "Dataset",
    "DatasetError",
    "DatasetInfo",
    "Force",
    "ForceRow",
    "ForceSeries",
    "ForceTable",
    "ModelError",
    "OffenceInfo",
    "OffenceSelection",
    "Reference",
    "UnknownDatasetError",
    "UnknownForceError",
    "UnknownOffenceError",
    "UnknownYearError",
    "YearCoverage",
    "compare_years",
    "default_selection",
    "find_dataset",
    "force_quarters",
    "force_series",
    "force_table",
    "fy_label",
    "latest_full_pair",
    "list_datasets",
    "load_dataset",
    "offence_breakdown",
    "parse_year",
    "pick_offence",
    "pick_year",
    "rate_per_100k",
    "search_offences",
]
