"""``ox diff DATASET_A DATASET_B``: what a newer release revised, cell by cell.

Lists every force × financial year × offence whose figure differs between two datasets of the same
measure, largest change first, then how many cells are unchanged, added and removed. The model does
the work (:mod:`tui.model.diff`); this module only parses and reports.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any

from tui.formatting import fmt_change, fmt_count, safe_text
from tui.model.dataset import Dataset, load_dataset
from tui.model.diff import DatasetDiff, DiffCell, diff_datasets, resolve_diff_offence
from tui.output import render
from tui.output.reports import Column, Record, Report, dataset_lines

EXIT_USAGE = 2


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``diff`` subcommand to the ``ox`` subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "diff",
        help="what changed between two datasets of the same measure (e.g. two releases)",
        description=(
            "Every force x financial year x offence whose figure differs between DATASET_A and "
            "DATASET_B (sums over quarters), largest change first, with counts of unchanged, "
            "added and removed cells. Both must count the same thing: NSPCC FOI figures and Home "
            "Office recorded crime are never diffed."
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


def _count(value: object) -> str:
    return fmt_count(value if isinstance(value, int) else None)


def _change(value: object) -> str:
    return fmt_change(value if isinstance(value, int) else None)


def _years(cells: Sequence[DiffCell]) -> str:
    """``"2012/13 to 2023/24 Q1 (12 years)"`` or ``"2017/18: 3, 2018/19: 1"``."""
    per_year = Counter(c.year for c in cells)
    if len(per_year) <= 4:
        return ", ".join(f"{y}: {n:,}" for y, n in sorted(per_year.items()))
    years = sorted(per_year)
    financial = {y.split(" ")[0] for y in years}
    return f"{years[0]} to {years[-1]}, {len(financial)} financial years"


def _examples(cells: Sequence[DiffCell], limit: int = 3) -> str:
    shown = "; ".join(f"{c.force} {c.year} {c.offence} ({c.note})" for c in cells[:limit])
    more = f"; and {len(cells) - limit:,} more" if len(cells) > limit else ""
    return shown + more


def summary_lines(diff: DatasetDiff) -> list[str]:
    """The counts and caveats a diff is read with."""
    a, b = diff.dataset_a, diff.dataset_b
    lines = [
        f"{len(diff.rows):,} changed, {diff.unchanged:,} unchanged, {len(diff.added):,} added "
        f"(only in {b}), {len(diff.removed):,} removed (only in {a}); cells are force x financial "
        f"year x offence ({diff.offence}), summed over quarters."
    ]
    if diff.added:
        lines.append(f"Added in {b}: {_years(diff.added)}.")
    if diff.removed:
        lines.append(f"Removed (only in {a}): {_years(diff.removed)}.")
    if diff.quarters_differ:
        lines.append(
            f"{len(diff.quarters_differ):,} cell(s) cover different quarters in the two datasets "
            f"and were compared on the quarters both have (the year says which): "
            f"{_examples(diff.quarters_differ)}."
        )
    if diff.not_compared:
        lines.append(
            f"{len(diff.not_compared):,} cell(s) not compared (their periods do not overlap): "
            f"{_examples(diff.not_compared)}."
        )
    if diff.left_out:
        lines.append(
            "Left out (not police force areas; add them with --include-national): "
            + ", ".join(diff.left_out)
            + "."
        )
    return lines


def diff_report(ds_a: Dataset, ds_b: Dataset, diff: DatasetDiff, top: int | None = None) -> Report:
    """The changed cells as a report (every format), with the counts as notes."""
    a, b = diff.dataset_a, diff.dataset_b
    columns = [
        Column("force", "Force"),
        Column("year", "Year"),
        Column("offence", "Offence"),
        Column("value_a", a, _count, numeric=True),
        Column("value_b", b, _count, numeric=True),
        Column("change", "Change", _change, numeric=True),
    ]
    rows = diff.rows[:top] if top is not None else diff.rows
    records: list[Record] = [
        {
            "force": r.force,
            "year": r.year,
            "offence": r.offence,
            "value_a": r.value_a,
            "value_b": r.value_b,
            "change": r.change,
        }
        for r in rows
    ]
    notes = summary_lines(diff)
    if top is not None and len(diff.rows) > top:
        notes.insert(0, f"Showing the {top:,} largest of {len(diff.rows):,} changes.")
    subtitle = [f"Measure: {diff.measure}"]
    subtitle += [f"A = {line}" for line in dataset_lines(ds_a.info)[:2]]
    subtitle += [f"B = {line}" for line in dataset_lines(ds_b.info)[:2]]
    title = (
        f"What changed from {a} to {b}: {diff.offence}"
        if diff.rows
        else f"No differences from {a} to {b}: {diff.offence}"
    )
    return Report(title, columns, records, subtitle=subtitle, notes=notes)


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox diff``; model errors (unknown dataset, different measures) go to ``tui.cli``."""
    if args.top is not None and args.top < 1:
        err.write("ox: error: --top must be at least 1\n")
        return EXIT_USAGE
    ds_a, ds_b = load_dataset(args.dataset_a), load_dataset(args.dataset_b)
    selection = resolve_diff_offence(ds_a, ds_b, args.offence) if args.offence else None
    diff = diff_datasets(ds_a, ds_b, selection, include_national=args.include_national)
    report = diff_report(ds_a, ds_b, diff, args.top)
    if args.format in ("csv", "json"):
        # Machine formats carry the rows only; the counts go to stderr, where scripts keep them
        # apart from the data.
        for line in report.notes:
            err.write(f"ox: note: {safe_text(line)}\n")
    render.write(report, args.format, out)
    return 0
