"""``ox diff DATASET_A DATASET_B``: what a newer release revised, cell by cell.

Lists every force × financial year × offence whose figure differs between two datasets of the same
measure, largest change first, then how many cells are unchanged, added and removed. The model does
the work (:mod:`tui.model.findings.diff`), the report is :mod:`tui.output.diff_report`; this module
only parses and prints.
"""

from __future__ import annotations

import argparse
from typing import IO

from tui.formatting import safe_text
from tui.model.data.dataset import load_dataset
from tui.model.findings.diff import diff_datasets, resolve_diff_force, resolve_diff_offence
from tui.output import render
from tui.output.diff_report import diff_report

EXIT_USAGE = 2


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox diff``; model errors (unknown dataset, different measures) go to ``tui.cli``."""
    if args.top is not None and args.top < 1:
        err.write("ox: error: --top must be at least 1\n")
        return EXIT_USAGE
    ds_a, ds_b = load_dataset(args.dataset_a), load_dataset(args.dataset_b)
    selection = resolve_diff_offence(ds_a, ds_b, args.offence) if args.offence else None
    forces = [resolve_diff_force(ds_a, ds_b, name) for name in args.force]
    diff = diff_datasets(
        ds_a, ds_b, selection, include_national=args.include_national, forces=forces or None
    )
    report = diff_report(ds_a.info, ds_b.info, diff, args.top)
    if args.format in ("csv", "json"):
        # Machine formats carry the rows only; the counts go to stderr, where scripts keep them
        # apart from the data.
        for line in report.notes:
            err.write(f"ox: note: {safe_text(line)}\n")
    render.write(report, args.format, out)
    return 0
