"""What a dataset counts (its measure), so only figures of the same measure are set side by side.

A bundled dataset states its measure in ``data/datasets.json`` (``measure_id``). An imported one
records it in its manifest (``measure_id``, written since imports started recording it); for an
older manifest it is inferred from the layout the importer detected: a table in the Home Office
layout counts Home Office police recorded crime, one in the NSPCC layout NSPCC FOI figures. A table
imported with a column mapping (the generic layout) has no known measure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no Polars at run time: views may import this module
    from tui.model.data.catalogue import DatasetInfo

HOMEOFFICE_PRC = "homeoffice-prc"
"""Offences recorded by the police, Home Office open data tables (any release)."""
NSPCC_FOI = "nspcc-foi"
"""Child abuse image offences as stated in NSPCC Freedom of Information releases."""

SCOTLAND_RCS = "scotland-rcs"
"""Crimes and offences recorded in Scotland, by council area (Recorded Crime in Scotland)."""

MEASURE_LABELS = {
    HOMEOFFICE_PRC: "Home Office police recorded crime (open data tables)",
    NSPCC_FOI: "NSPCC Freedom of Information figures (child abuse image offences)",
    SCOTLAND_RCS: "Recorded Crime in Scotland (Scottish Crime Recording Standard categories)",
}

LAYOUT_MEASURES = {"homeoffice": HOMEOFFICE_PRC, "nspcc": NSPCC_FOI}
"""The measure a table in each importer layout counts (keys: ``tui.model.importing.layouts``)."""


def measure_id(info: DatasetInfo) -> str | None:
    """The measure a dataset counts: recorded, else inferred from its import layout; ``None`` if
    it is not known (a generic import)."""
    if info.measure_id:
        return info.measure_id
    return LAYOUT_MEASURES.get(info.layout)


def measure_label(info: DatasetInfo) -> str:
    """The measure in words: the catalogue's label for a known measure, else the dataset's own."""
    key = measure_id(info)
    return MEASURE_LABELS.get(key, info.measure) if key else (info.measure or "not known")
