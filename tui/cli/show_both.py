"""``ox show FORCE --dataset homeoffice,nspcc``: one force in two measures, side by side.

CSV and JSON give one row per dataset and year (key ``dataset``); a table or Markdown puts the two
series in adjacent columns. The two are never merged into one series (see
:mod:`tui.model.side_by_side`).
"""

from __future__ import annotations

import argparse
from typing import IO

from tui.formatting import fmt_count
from tui.model.dataset import load_dataset
from tui.model.errors import ModelError
from tui.model.side_by_side import measure_pair, pair_force_name
from tui.model.types import MeasurePair
from tui.output import render
from tui.output.reports import Column, Record, Report, Value


def _count(v: Value) -> str:
    return fmt_count(v if isinstance(v, int) else None)


def wants_both(args: argparse.Namespace) -> bool:
    """True when ``--dataset`` names two datasets (``a,b``)."""
    return "," in (args.dataset or "")


def pair_report(pair: MeasurePair, *, wide: bool) -> Report:
    """The pair as adjacent columns (``wide``) or one record per dataset and year."""
    title = f"{pair.force}: {pair.label_a} and {pair.label_b}, side by side (never merged)"
    notes = [pair.why]
    if wide:
        columns = [
            Column("year", "Year"),
            Column("a", f"{pair.label_a} ({pair.dataset_a})", _count, numeric=True),
            Column("b", f"{pair.label_b} ({pair.dataset_b})", _count, numeric=True),
        ]
        records: list[Record] = [
            {"year": r.year, "a": r.count_a, "b": r.count_b} for r in pair.rows
        ]
        return Report(title, columns, records, notes=notes)
    columns = [
        Column("dataset", "Dataset"),
        Column("measure", "Measure"),
        Column("force", "Force"),
        Column("year", "Year"),
        Column("count", "Count", _count, numeric=True),
    ]
    records = [
        {
            "dataset": name,
            "measure": label,
            "force": pair.force,
            "year": r.year,
            "count": count,
        }
        for name, label, index in (
            (pair.dataset_a, pair.label_a, 0),
            (pair.dataset_b, pair.label_b, 1),
        )
        for r in pair.rows
        for count in ((r.count_a, r.count_b)[index],)
    ]
    return Report(title, columns, records, notes=notes)


def show_both(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox show FORCE --dataset A,B``."""
    names = [n.strip() for n in str(args.dataset).split(",") if n.strip()]
    if len(names) != 2 or args.quarters or args.offence:
        err.write(
            "ox: error: --dataset A,B takes exactly two datasets of paired measures "
            "(homeoffice,nspcc or scotland,nspcc), without --quarters or --offence\n"
        )
        return 2
    ds_a, ds_b = load_dataset(names[0]), load_dataset(names[1])
    force = pair_force_name(ds_a, args.force[0])
    pair = measure_pair(ds_a, ds_b, force)
    if pair is None:
        raise ModelError(
            f"no side-by-side figures for {force} in {names[0]} and {names[1]}: both must be "
            "paired measures (Home Office code 86 or Recorded Crime in Scotland, and NSPCC FOI) "
            "with figures for the force"
        )
    render.write(pair_report(pair, wide=args.format in ("table", "markdown")), args.format, out)
    return 0
