"""``ox cite``: how to cite the figures of a view (source, release, licence, selection).

The citation itself is built by :mod:`tui.model.findings.citation`; this module resolves what the
user typed (dataset, offence, forces, years) the way every other lookup does, and prints it.
"""

from __future__ import annotations

import argparse
from typing import IO

from tui.formatting import safe_text
from tui.model.data.catalogue import DEFAULT_DATASET, bundled_datasets
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import UnknownYearError
from tui.model.data.years import parse_year
from tui.model.figures.selection import pick_offence, pick_year
from tui.model.figures.totals import resolve_force
from tui.model.findings.citation import cite, render_citation


def year_labels(ds: Dataset, text: str | None) -> list[str]:
    """The labels of the years a user named (``2023/24 Q1`` for a partial year), oldest first.

    Raises:
        UnknownYearError: a year is malformed or not in the dataset, or a range is backwards.
    """
    if text is None:
        return [c.label for c in ds.coverage]
    starts: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        if ".." in part:
            first, last = (parse_year(s) for s in part.split("..", 1))
            if last < first:
                raise UnknownYearError(f"'{part}' runs backwards; write the earlier year first")
            pick_year(ds, first), pick_year(ds, last)
            starts |= {c.year for c in ds.coverage if first <= c.year <= last}
        elif part:
            starts.add(pick_year(ds, parse_year(part)).year)
    return [c.label for c in ds.coverage if c.year in starts]


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox cite``; model errors (unknown dataset, force, offence, year) go to ``tui.cli``."""
    ds = load_dataset(args.dataset or DEFAULT_DATASET)
    selection = pick_offence(ds, args.offence)
    forces = [resolve_force(ds, name).name for name in args.force]
    citation = cite(
        ds.info,
        selection.label,
        forces=list(dict.fromkeys(forces)),
        years=year_labels(ds, args.years),
        catalogue=bundled_datasets(),
    )
    # Names come from data and file names: control characters are shown, never obeyed.
    out.write(safe_text(render_citation(citation, args.format)))
    return 0
