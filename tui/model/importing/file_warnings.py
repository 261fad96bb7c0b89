"""Warnings about the forces and columns of a file: unknown force names (the first few named, the
rest counted), columns no field is read from, and a file with no territorial force (issue 20: the
Forces view then opened on no rows, without a word)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from tui.formatting import echo
from tui.model.data import schema as S
from tui.model.data.reference import TERRITORIAL, Reference
from tui.model.data.search import near_misses
from tui.model.importing.readers import ROW, RawTable
from tui.model.importing.values import clean_text

UNKNOWN_SHOWN = 5
"""How many unknown force names an import names one by one; the rest are counted in one line."""
_MATCHED_LENGTH = 100
"""Characters of an unknown name matched against the known forces (a force name is far shorter)."""


def _rows(n: int) -> str:
    return "1 row" if n == 1 else f"{n:,} rows"


def unknown_forces(
    frame: pl.DataFrame, unknown: dict[str, int], column: str, where: str, reference: Reference
) -> list[str]:
    """Warnings about force names the reference does not know (raw cell → rows): the first few
    by name, with a "did you mean", then one line counting the rest.

    Linear in the file: one grouped pass over ``frame`` (its ``force`` and row columns) finds where
    each name first appears, and only the names listed are matched against the known forces (each
    once, its text cut short). ``where`` is added after the row (``, sheet 'Data'``).
    """
    if not unknown:
        return []
    firsts = (
        frame.filter(pl.col("force").is_in(list(unknown))).group_by("force").agg(pl.col(ROW).min())
    )
    first_row = dict(firsts.iter_rows())
    order = sorted(unknown, key=lambda raw: first_row.get(raw, 0))
    forces = [(f.name, f.search_texts) for f in reference.forces.values()]
    warnings = []
    for raw in order[:UNKNOWN_SHOWN]:
        text = clean_text(raw)
        meant = near_misses(text[:_MATCHED_LENGTH], forces, limit=1)
        hint = f" (did you mean {meant[0]}?)" if meant else ""
        warnings.append(
            f"unknown force {echo(text)} ({column}, {_rows(unknown[raw])}, first at row "
            f"{first_row.get(raw, 0)}{where}): kept as written; it is not ranked or added into "
            f"totals. If it is a force under another name{hint}, correct the name in the file"
        )
    rest = order[UNKNOWN_SHOWN:]
    if rest:
        rows = sum(unknown[raw] for raw in rest)
        first = min(first_row.get(raw, 0) for raw in rest)
        warnings.append(
            f"{len(rest):,} more unknown forces ({column}, {_rows(rows)}, the first at row "
            f"{first}{where}): kept as written, not ranked or added into totals (only the first "
            f"{UNKNOWN_SHOWN} are named here)"
        )
    return warnings


def ignored_columns(tables: list[RawTable]) -> list[str]:
    """One warning per sheet naming the columns no field is read from (an unnamed index column
    included, by its position), so a column the user expected is never dropped silently."""
    warnings = []
    for table in tables:
        used = set(table.layout.columns.values())
        header = table.layout.header
        ignored = [
            echo(h) if h.strip() else f"column {i + 1} (no header)"
            for i, h in enumerate(header)
            if i not in used
        ]
        if not ignored:
            continue
        where = f" of sheet '{table.sheet}'" if table.sheet else ""
        shown = ", ".join(ignored[:10]) + (
            f" and {len(ignored) - 10} more" if len(ignored) > 10 else ""
        )
        noun = "column" if len(ignored) == 1 else "columns"
        warnings.append(
            f"{len(ignored)} {noun}{where} not read: {shown} (the {table.layout.name} layout "
            "reads no field from them; they are not imported)"
        )
        warnings += _quarters_unread(table, header, used)
    return warnings


def _quarters_unread(table: RawTable, header: Sequence[str], used: set[int]) -> list[str]:
    """A column about quarters that is not read, when no column gives the quarter: each figure is
    then a whole year. The shared prc_pfa_code86_by_force_year.csv has ``quarters_present`` (1
    for 2023/24, Q1 only): imported with --map, its 2023/24 was compared as a whole year
    ("225, -69.5%") with nothing said."""
    if S.QUARTER in table.layout.columns:
        return []
    named = [echo(h) for i, h in enumerate(header) if i not in used and "quarter" in h.lower()]
    if not named:
        return []
    return [
        f"{', '.join(named)} not read and no column gives the quarter: every figure is taken as "
        "a whole financial year, so a year the file covers for fewer than four quarters would be "
        "compared as a whole one. Map the quarter (1-4) of each row with --map quarter=COLUMN, or "
        "leave out the partial years"
    ]


def no_territorial_force(frame: pl.DataFrame, reference: Reference) -> list[str]:
    """A warning when the file holds no territorial force (only BTP, the fraud bodies, totals or
    unknown names): the Forces view lists territorial forces, so it would open on no rows."""
    names = set(frame.get_column(S.FORCE).unique().drop_nulls().to_list())
    if not names or any(reference.force(n).kind == TERRITORIAL for n in names):
        return []
    shown = ", ".join(echo(n, 40) for n in sorted(names)[:6])
    more = f" and {len(names) - 6} more" if len(names) > 6 else ""
    return [
        f"no territorial police force in the file (it holds {shown}{more}): the Forces view lists "
        "territorial forces, so it shows no rows until 'n' shows national bodies; 'ox show NAME "
        "--dataset DATASET' shows any of them"
    ]
