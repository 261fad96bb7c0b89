"""Reports that list what a dataset holds: its forces and its offences (``ox forces``,
``ox offences``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    counted: Mapping[str, tuple[int, int]] | None = None,
    uncounted: Sequence[tuple[str, tuple[int, ...]]] = (),
) -> Report:
    """A list of offence codes with descriptions, groups and the years they appear.

    ``folded`` lists group/subgroup labels shown under the latest year's spelling (as in the
    source, as shown), so the merge is never silent. ``counted``: each code's first and last year
    with a count other than 0 (:func:`tui.model.figures.selection.counted_years`); the table then
    shows the last where it is not the code's last year, and names the codes that stay in the
    tables with 0 after it. ``uncounted``: the years the dataset leaves out as not counted
    (:mod:`tui.model.data.uncounted`), named for the codes listed."""

    def label(year: int | None) -> str | None:
        return fy_label(year) if year is not None else None

    columns = [
        Column("code", "Code"),
        Column("description", "Description"),
        Column("group", "Group"),
        Column("subgroup", "Subgroup"),
        Column("first_year", "From"),
        Column("last_year", "To"),
    ]
    records: list[Record] = []
    zero_after: dict[str | None, list[str]] = {}
    for o in offences:
        record: Record = {
            "code": o.code,
            "description": o.description,
            "group": o.group or None,
            "subgroup": o.subgroup or None,
            "first_year": label(o.first_year),
            "last_year": label(o.last_year),
        }
        if counted is not None:
            last = counted.get(o.code, (None, None))[1]
            record["last_counted_year"] = label(last)
            if o.last_year is not None and last != o.last_year:
                zero_after.setdefault(label(last), []).append(o.code)
        records.append(record)
    if counted is not None:
        columns.append(Column("last_counted_year", "Last count", show=bool(zero_after)))
    every = (
        "--offence all is the stated total (the categories are never added on top of it)"
        if any(o.code == STATED_TOTAL_CODE for o in ds.offences)
        else "--offence all sums every offence"
    )
    notes = [
        "Choose one with --offence CODE, or a whole group with --offence 'group:NAME' "
        f"(or 'subgroup:NAME'); {every}."
    ]
    if zero_after:
        notes.append("Last count: the last financial year with a count other than 0.")
    listed = {o.code for o in offences}
    not_counted: dict[tuple[int, ...], list[str]] = {}
    for code, years in uncounted:
        if code in listed and years:
            not_counted.setdefault(years, []).append(code)
    for years, codes in not_counted.items():
        span = fy_label(years[0]) + (f" to {fy_label(years[-1])}" if len(years) > 1 else "")
        notes.append(
            f"{', '.join(codes)}: {span} shown as — (not counted): the source lists "
            f"{'them' if len(codes) > 1 else 'it'} with 0 for every force, too many zeros to be "
            "chance after the years counted (see README, Methods)."
        )
    for last_count, codes in zero_after.items():
        after = f"0 in every year after {last_count}" if last_count else "0 in every year"
        notes.append(
            f"{', '.join(codes)}: in the tables to {label(max_year(offences, codes))}, with "
            f"{after} ({'their' if len(codes) > 1 else 'its'} last count)."
        )
    notes += [
        f"'{source}' (as spelt in some years of the source) is shown as '{shown}': labels that "
        "differ only in case or spacing are one group or subgroup."
        for source, shown in folded
    ]
    return Report(f"Offences in dataset {ds.name}", columns, records, notes=notes)


def max_year(offences: Sequence[OffenceInfo], codes: Sequence[str]) -> int | None:
    """The last year any of ``codes`` is in the tables."""
    years = [o.last_year for o in offences if o.code in codes and o.last_year is not None]
    return max(years, default=None)
