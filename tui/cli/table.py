"""``ox table``: the Forces view on the command line (every force's count for every year).

The same model calls as the Forces view (``force_table``, ``sort_force_rows``, ``filter_rows``) and
the same report as its export, so the figures printed are the figures on screen.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import IO

from tui.formatting import safe_text
from tui.model.data.catalogue import DEFAULT_DATASET
from tui.model.data.dataset import load_dataset
from tui.model.data.errors import UnknownYearError
from tui.model.data.years import parse_year
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.results.ordering import FORCE_SORT_KEYS, filter_rows, sort_force_rows_by
from tui.model.results.types import ForceTable
from tui.output import render
from tui.output.table_rates_report import forces_report

TABLE_YEARS = 8
"""Years a terminal table shows (the latest), so the change columns fit in 160 columns."""


def sort_key(table: ForceTable, text: str | None) -> tuple[str, bool]:
    """The sort key as :func:`sort_force_rows` takes it, and whether it is the view's default.

    Raises:
        UnknownYearError: a year the table does not have, or an unknown key.
    """
    if text is None:
        if table.change_to is not None:
            return f"year:{table.change_to.year}", True
        return "force", True
    if text in FORCE_SORT_KEYS:
        return text, False
    try:
        year = parse_year(text.removeprefix("year:"))
    except UnknownYearError as exc:
        raise UnknownYearError(
            f"cannot sort by '{text}': use {', '.join(FORCE_SORT_KEYS)} or a year such as 2022/23"
        ) from exc
    if not any(y.year == year for y in table.years):
        labels = [y.label for y in table.years]
        raise UnknownYearError(
            f"cannot sort by '{text}': the table has {labels[0]} to {labels[-1]}"
            if labels
            else f"cannot sort by '{text}': the table has no years"
        )
    return f"year:{year}", False


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox table``; model errors go to ``tui.cli``."""
    ds = load_dataset(args.dataset or DEFAULT_DATASET)
    table = force_table(ds, pick_offence(ds, args.offence), args.include_national)
    key, default = sort_key(table, args.sort)
    # The view's default is largest first by the latest year (by name A-Z when there is none).
    descending = not args.ascending and not (default and key == "force")
    rows = sort_force_rows_by(table, table.rows, key, descending, args.measure)
    if args.query:
        # As the view while typing: best match first, unless a sort is asked for.
        best_first = args.sort is None and not args.ascending
        rows = [f.row for f in filter_rows(rows, args.query, best_first=best_first)]
        if not rows:
            err.write(f"ox: no force matches '{safe_text(args.query)}'\n")
            return 2
    report = forces_report(ds, table, rows, measure=args.measure)
    if args.format == "table" and len(table.years) > TABLE_YEARS:
        # Like the view, a terminal shows the latest years; CSV, JSON and Markdown have them all.
        older = [y.label for y in table.years[:-TABLE_YEARS]]
        hidden = {*older, *(f"rate {y}" for y in older)}
        report.columns = [replace(c, show=False) if c.key in hidden else c for c in report.columns]
        report.notes.insert(
            0,
            f"Older years ({older[0]} to {older[-1]}) are in --format csv, json or markdown.",
        )
    for warning in report.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    render.write(report, args.format, out)
    return 0
