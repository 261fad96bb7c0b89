"""``ox show FORCE FORCE …``: several forces' counts by year, side by side in a table.

Each force's records are exactly what ``ox show FORCE`` gives; CSV and JSON keep one record per
force and year (``force``, ``year``, ``count`` …), a table or Markdown has years as rows and one
column per force.
"""

from __future__ import annotations

import argparse
from typing import IO

from tui.formatting import safe_text
from tui.model.catalogue import DEFAULT_DATASET
from tui.model.dataset import load_dataset
from tui.model.reference import Force
from tui.model.selection import normalise_selection, pick_offence
from tui.model.series import force_quarters, force_series
from tui.model.totals import resolve_force
from tui.output import render
from tui.output.reports import Column, Report
from tui.output.several_report import SIDE_BY_SIDE_FORMATS, combined_report, side_by_side
from tui.output.show_report import other_periods_records, show_report


def show_several(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Print several forces' series (``args.force`` holds two or more queries)."""
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
    title = f"{', '.join(names)}: {selection.label}"
    combined = combined_report(title, reports)
    if args.format in SIDE_BY_SIDE_FORMATS:
        # Other periods (calendar years...) have no financial year: not in a year row.
        combined.records = [r for r in combined.records if r.get("year") is not None]
        combined = side_by_side(combined, names)
    for warning in combined.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    render.write(combined, args.format, out)
    return 0
