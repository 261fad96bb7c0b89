"""``ox show FORCE FORCE …``: several forces' counts by year, side by side in a table.

Each force's records are exactly what ``ox show FORCE`` gives; CSV and JSON keep one record per
force and year (``force``, ``year``, ``count`` …), a table or Markdown has years as rows and one
column per force.
"""

from __future__ import annotations

import argparse
from typing import IO

from tui.formatting import safe_text
from tui.model.data.catalogue import DEFAULT_DATASET
from tui.model.data.dataset import load_dataset
from tui.model.data.names import name_list
from tui.model.data.population import CITY_OF_LONDON_CAVEAT
from tui.model.data.reference import Force
from tui.model.figures.selection import normalise_selection, pick_offence
from tui.model.figures.series import force_quarters, force_series
from tui.model.figures.totals import resolve_force
from tui.output import render
from tui.output.reports import RATE_NOTE, Column, Report
from tui.output.several_report import SIDE_BY_SIDE_FORMATS, combined_report, side_by_side
from tui.output.show_marks import SHOW_CHANCE_NOTE, SHOW_RELEASE_NOTE
from tui.output.show_report import other_periods_records, show_report


def show_several(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Print several forces' series (``args.force`` holds two or more queries)."""
    rates = getattr(args, "measure", "count") == "rate"
    if rates and args.quarters:
        err.write("ox: error: --measure rate is by financial year: leave out --quarters\n")
        return 2
    ds = load_dataset(args.dataset or DEFAULT_DATASET)
    forces: list[Force] = []
    for query in args.force:
        force = resolve_force(ds, query)
        if force.name not in (f.name for f in forces):
            forces.append(force)
    selection = normalise_selection(ds, pick_offence(ds, args.offence))
    if args.quarters and not ds.has_quarters:
        err.write(f"ox: note: dataset '{ds.name}' has no quarterly figures; showing years\n")
    reports: list[Report] = []
    for force in forces:
        series = force_series(ds, force, selection)
        quarterly = force_quarters(ds, force, selection) if args.quarters else ()
        report = show_report(ds, series, quarterly)
        if args.all_periods and not quarterly:
            report.records += other_periods_records(series)
            if not any(c.key == "period" for c in report.columns):
                report.columns.insert(2, Column("period", "Period"))
        reports.append(report)
    names = [f.name for f in forces]
    title = f"{name_list(names)}: {selection.label}"
    combined = combined_report(title, reports)
    if args.format in SIDE_BY_SIDE_FORMATS:
        # Other periods (calendar years...) have no financial year: not in a year row.
        combined.records = [r for r in combined.records if r.get("year") is not None]
        combined = side_by_side(combined, names, "rate" if rates else "count")
        # Only counts (or only rates) are side by side: no note about what it does not show.
        unshown = {SHOW_CHANCE_NOTE, SHOW_RELEASE_NOTE}
        if rates:
            combined.title += " (per 100,000 people)"
            combined.notes = [n for n in combined.notes if "partial year" not in n]
            combined.notes.append(
                "A partial year has no rate ('—'): its count is not set against a year's people."
            )
        else:
            unshown |= {RATE_NOTE, CITY_OF_LONDON_CAVEAT}
        combined.notes = [n for n in combined.notes if n not in unshown]
    for warning in combined.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    render.write(combined, args.format, out)
    return 0
