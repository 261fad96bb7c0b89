"""Reports that list what a dataset holds: its forces and its offences (``ox forces``,
``ox offences``)."""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.data.offences import OffenceInfo
from tui.model.data.reference import Force, area_words
from tui.model.data.years import fy_label
from tui.model.results.interface import DatasetView
from tui.model.results.types import STATED_TOTAL_CODE
from tui.output.reports import Column, Record, Report


def forces_report(ds: DatasetView, forces: Sequence[Force]) -> Report:
    """A list of forces with their codes, places and aliases."""
    word, words = area_words(forces)
    columns = [
        Column("force", word),
        Column("ons_code", "ONS code"),
        Column("region", "Region"),
        Column("nation", "Nation"),
        Column("kind", "Kind"),
        Column("aliases", "Aliases"),
    ]
    records: list[Record] = [
        {
            "force": f.name,
            "ons_code": f.ons_code or None,
            "region": f.region or None,
            "nation": f.nation or None,
            "kind": f.kind,
            "aliases": "; ".join(f.aliases) or None,
        }
        for f in forces
    ]
    return Report(f"{words.capitalize()} in dataset {ds.name}", columns, records)


def offences_report(
    ds: DatasetView,
    offences: Sequence[OffenceInfo],
    folded: Sequence[tuple[str, str]] = (),
) -> Report:
    """A list of offence codes with descriptions, groups and the years they appear.

    ``folded`` lists group/subgroup labels shown under the latest year's spelling (as in the
    source, as shown), so the merge is never silent."""
    columns = [
        Column("code", "Code"),
        Column("description", "Description"),
        Column("group", "Group"),
        Column("subgroup", "Subgroup"),
        Column("first_year", "From"),
        Column("last_year", "To"),
    ]
    records: list[Record] = [
        {
            "code": o.code,
            "description": o.description,
            "group": o.group or None,
            "subgroup": o.subgroup or None,
            "first_year": fy_label(o.first_year) if o.first_year is not None else None,
            "last_year": fy_label(o.last_year) if o.last_year is not None else None,
        }
        for o in offences
    ]
    every = (
        "--offence all is the stated total (the categories are never added on top of it)"
        if any(o.code == STATED_TOTAL_CODE for o in ds.offences)
        else "--offence all sums every offence"
    )
    notes = [
        "Choose one with --offence CODE, or a whole group with --offence 'group:NAME' "
        f"(or 'subgroup:NAME'); {every}."
    ]
    notes += [
        f"'{source}' (as spelt in some years of the source) is shown as '{shown}': labels that "
        "differ only in case or spacing are one group or subgroup."
        for source, shown in folded
    ]
    return Report(f"Offences in dataset {ds.name}", columns, records, notes=notes)
