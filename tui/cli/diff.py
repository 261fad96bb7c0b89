"""``ox diff DATASET_A DATASET_B``: what a newer release revised, cell by cell.

Lists every force × financial year × offence whose figure differs between two datasets of the same
measure, largest change first, then how many cells are unchanged, added and removed. The model does
the work (:mod:`tui.model.findings.diff`), the report is :mod:`tui.output.diff_report`; this module
only parses and prints.
"""

from __future__ import annotations

import argparse
from typing import IO, Any

from tui.formatting import safe_text
from tui.output import render
from tui.output.diff_report import diff_report

EXIT_USAGE = 2


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``diff`` subcommand to the ``ox`` subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "diff",
        help="what changed between two datasets of the same measure (e.g. two releases)",
        description=(
            "Every force x financial year x offence whose figure differs between DATASET_A and "
            "DATASET_B (sums over quarters), largest change first, with counts of unchanged, "
            "added and removed cells. Each row says what happened (changed, renamed, split, "
            "moved, added, removed) and names the codes involved. Both must count the same "
            "thing: NSPCC FOI figures and Home Office recorded crime are never diffed."
        ),
    )
    parser.add_argument("dataset_a", help="the earlier dataset, e.g. an imported older release")
    parser.add_argument("dataset_b", help="the later dataset, e.g. homeoffice")
    parser.add_argument(
        "--offence",
        "-o",
        default=None,
        help="one offence selection (code, text, 'group:NAME', 'all'); default: every code apart",
    )
    parser.add_argument(
        "--force",
        action="append",
        default=[],
        metavar="FORCE",
        help="only this force's rows (repeatable; a few letters will do: 'northants')",
    )
    parser.add_argument(
        "--top", "-n", type=int, default=None, metavar="N", help="only the N largest changes"
    )
    parser.add_argument(
        "--include-national",
        action="store_true",
        help="also compare BTP, the national fraud bodies and unknown names",
    )
    parser.add_argument(
        "--format",
        "-f",
        default="table",
        choices=("table", "csv", "json", "markdown"),
        help="output format (default: table)",
    )
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox diff``; model errors (unknown dataset, different measures) go to ``tui.cli``."""
    # Polars is imported when a command runs, not when ``ox`` parses its arguments (issue 11).
    from tui.model.data.dataset import load_dataset
    from tui.model.findings.diff import diff_datasets, resolve_diff_force, resolve_diff_offence

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
