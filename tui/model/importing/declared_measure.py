"""A measure declared on import (``ox import … --measure homeoffice``), checked against the file.

A table in the Home Office or NSPCC layout says what it counts by its layout. One imported with a
column mapping (the generic layout) does not, so ``ox diff`` refuses it: nothing shows it counts
the same thing as another dataset. The user who knows can say so, and the file is checked before
the claim is recorded in the manifest (``measure_id``):

- Home Office police recorded crime: every figure is for a financial year, its offence codes come
  from a column of the file (not made up from descriptions), and nearly all of them
  (:data:`KNOWN_SHARE` of the rows) are codes of a bundled Home Office release; nearly all rows
  name a police force or body the reference knows.
- NSPCC FOI figures are recognised by their own layout and cannot be declared for a mapped table.
"""

from __future__ import annotations

import polars as pl

from tui.model.data import schema as S
from tui.model.data.catalogue import bundled_datasets
from tui.model.data.errors import DatasetError
from tui.model.data.measure import HOMEOFFICE_PRC, LAYOUT_MEASURES, MEASURE_LABELS, NSPCC_FOI
from tui.model.data.reference import load_reference
from tui.model.importing.layouts import Layout
from tui.model.importing.problems import DatasetImportError, Problem
from tui.paths import bundled_data_dir

KNOWN_SHARE = 0.95
"""The share of rows whose code (and, separately, force) must be known for a declared measure:
a later release adds a few codes, a wrong file shares almost none."""

MEASURE_NAMES = {
    "homeoffice": HOMEOFFICE_PRC,
    "homeoffice-prc": HOMEOFFICE_PRC,
    "nspcc": NSPCC_FOI,
    "nspcc-foi": NSPCC_FOI,
}
"""What ``--measure`` accepts (a layout's name or a measure's id)."""


def _refuse(file: str, message: str, fix: str) -> DatasetImportError:
    return DatasetImportError(file, [Problem(file, message, fix)])


def _bundled_codes(measure: str) -> set[str]:
    codes: set[str] = set()
    try:
        infos = [i for i in bundled_datasets() if i.measure_id == measure]
    except DatasetError:
        return codes
    for info in infos:
        frame = pl.scan_parquet(info.path).select(pl.col(S.OFFENCE_CODE).cast(pl.String)).unique()
        codes.update(c for c in frame.collect().get_column(S.OFFENCE_CODE).to_list() if c)
    return codes


def _share(frame: pl.DataFrame, column: str, known: set[str]) -> tuple[float, list[str]]:
    """The share of rows whose value is in ``known``, and the most common unknown values."""
    values = frame.get_column(column).cast(pl.String)
    inside = values.is_in(sorted(known))
    unknown = values.filter(~inside).value_counts(sort=True).get_column(column).head(5)
    share = int(inside.sum()) / frame.height if frame.height else 0.0
    return share, [str(v) for v in unknown]


def check_declared(declared: str | None, layout: Layout, frame: pl.DataFrame, file: str) -> str:
    """The measure id a ``--measure`` names, once the file is shown to count it (``""`` when none
    was declared).

    Raises:
        DatasetImportError: the name is not a measure, the layout counts something else, or the
            file's years, codes or forces do not fit the measure.
    """
    if declared is None:
        return ""
    code_column = layout.column("offence_code") if "offence_code" in layout.columns else None
    measure = MEASURE_NAMES.get(declared.strip().lower())
    if measure is None:
        choices = ", ".join(sorted(MEASURE_NAMES))
        raise _refuse(file, f"'{declared}' is not a measure", f"use one of: {choices}")
    own = LAYOUT_MEASURES.get(layout.name)
    if own is not None:
        if own != measure:
            raise _refuse(
                file,
                f"the file is in the {layout.name} layout, which counts {MEASURE_LABELS[own]}, not "
                f"{MEASURE_LABELS[measure]}",
                "leave out --measure: the layout says what the file counts",
            )
        return measure
    if measure != HOMEOFFICE_PRC:
        raise _refuse(
            file,
            f"{MEASURE_LABELS[measure]} are recognised by their own layout, not declared for a "
            "table imported with a column mapping",
            "import the file without --map so its layout is recognised",
        )
    label = MEASURE_LABELS[measure]
    if code_column is None:
        raise _refuse(
            file,
            f"it has no offence code column, so it cannot be checked to count {label}",
            "map the code column with --map offence_code=COLUMN",
        )
    years = frame.get_column(S.YEAR)
    if frame.height == 0 or years.null_count():
        raise _refuse(
            file,
            f"{years.null_count():,} of {frame.height:,} figures are not for one financial year, "
            f"so the file cannot be {label}",
            "map the financial year column with --map year=COLUMN",
        )
    share, unknown = _share(frame, S.OFFENCE_CODE, _bundled_codes(measure))
    if share < KNOWN_SHARE:
        raise _refuse(
            file,
            f"only {share:.0%} of its rows have a Home Office offence code in the column "
            f"'{code_column}' (codes not known: {', '.join(unknown)}), so it is not shown to "
            f"count {label}",
            "check that the column holds Home Office offence codes (e.g. 86, 8N, 37.2)",
        )
    reference = load_reference(bundled_data_dir())
    share, unknown = _share(frame, S.FORCE, set(reference.forces))
    if share < KNOWN_SHARE:
        raise _refuse(
            file,
            f"only {share:.0%} of its rows name a police force or body the reference knows "
            f"(e.g. {', '.join(unknown)}), so it is not shown to count {label} by force",
            "map the force column with --map force=COLUMN",
        )
    return measure
