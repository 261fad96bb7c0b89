"""``ox show FORCE`` answered from the derived-data store before Polars is imported (issue 11).

Only the plain question (one force, by year, without ``--all-periods``) is stored; the report is
built and printed by the same code as a computed answer
(:func:`tui.output.show_report.show_report`), so the output is identical. This module never
imports Polars.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import IO

from tui.formatting import safe_text
from tui.model.data.catalogue import DEFAULT_DATASET, DatasetInfo, find_dataset
from tui.model.data.errors import ModelError
from tui.model.store.derived_store import answer
from tui.output import render
from tui.output.show_report import show_report


@dataclass(frozen=True)
class _Facts:
    info: DatasetInfo
    has_quarters: bool


def storable(args: argparse.Namespace) -> bool:
    """True for the question the store answers: one force, by year, one dataset."""
    return (
        len(args.force) == 1
        and not args.quarters
        and not args.all_periods
        and "," not in (args.dataset or "")
    )


def show_stored(args: argparse.Namespace, out: IO[str], err: IO[str]) -> bool:
    """Print the stored answer and return True, or return False (nothing written) when the store
    does not hold exactly this question on exactly this data."""
    if not storable(args):
        return False
    try:
        info = find_dataset(args.dataset or DEFAULT_DATASET)
    except ModelError:
        return False  # the full path says what is wrong
    found = answer(info, args.force[0], args.offence)
    if found is None:
        return False
    report = show_report(_Facts(info, found.has_quarters), found.series)
    for warning in report.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    render.write(report, args.format, out)
    return True
