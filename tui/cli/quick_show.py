"""``ox show FORCE`` answered from the answer cache, or from the dataset's answer book, before
Polars is imported (issue 11).

Only the plain question (one force, by year, without ``--all-periods``) is cached; the report is
built and printed by the same code as a computed answer
(:func:`tui.output.show_report.show_report`), so the output is identical. This module never
imports Polars.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import IO

from tui.formatting import safe_text
from tui.model.answer_book import book_answer
from tui.model.answer_cache import Answer, load_answer, save_answer
from tui.model.catalogue import DEFAULT_DATASET, DatasetInfo, find_dataset
from tui.model.detail_types import ForceSeries
from tui.model.errors import ModelError
from tui.output import render
from tui.output.show_report import show_report


@dataclass(frozen=True)
class _Facts:
    info: DatasetInfo
    has_quarters: bool


def cacheable(args: argparse.Namespace) -> bool:
    """True for the question the cache answers: one force, by year, one dataset."""
    return (
        len(args.force) == 1
        and not args.quarters
        and not args.all_periods
        and "," not in (args.dataset or "")
    )


def show_cached(args: argparse.Namespace, out: IO[str], err: IO[str]) -> bool:
    """Print the cached answer and return True, or return False (nothing written) when the cache
    does not hold exactly this question on exactly this data."""
    if not cacheable(args):
        return False
    try:
        info = find_dataset(args.dataset or DEFAULT_DATASET)
    except ModelError:
        return False  # the full path says what is wrong
    answer = load_answer(info, args.force[0], args.offence)
    if answer is None:  # not asked before: the book of every force, written ahead
        answer = book_answer(info, args.force[0], args.offence)
    if answer is None:
        return False
    report = show_report(_Facts(info, answer.has_quarters), answer.series)
    for warning in report.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    render.write(report, args.format, out)
    return True


def remember(
    args: argparse.Namespace, info: DatasetInfo, sha256: str, series: ForceSeries, quarters: bool
) -> None:
    """Keep a computed answer for the next time the same question is asked."""
    if cacheable(args):
        save_answer(info, sha256, args.force[0], args.offence, Answer(series, quarters))
