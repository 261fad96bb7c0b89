"""Years in which an offence code was not counted, though the source lists it with 0.

The Home Office tables keep a retired offence code in every later year, with 0 for every force and
quarter: codes 28A-31 (burglary before the 2017 reclassification) are 0 from 2017/18 to 2025/26 in
the 23 Apr 2026 release. Shown as 0, "Non-domestic burglary" in 2023/24 reads as "no burglaries".
Such years are not counted, and the app says so as for a code that did not exist yet: "—".

The rule, applied at load time to quarterly (Home Office style) datasets only:

- A code's *trailing* run of years (and, symmetrically, its *leading* run) in which every one of
  its rows is 0, next to a year with a count other than 0, is dropped when so many zeros would be
  very unlikely by chance: with λ the national count per quarter of the adjacent counted year
  (its positive counts, the offences recorded, over its quarters) and n the quarters of the run,
  the run goes when exp(−λ·n) < 1/1000, i.e. λ·n > ln 1000 ≈ 6.9. For whole years that is a year's
  count times the run's years: 28A (160,086 in 2016/17, then 9 years of 0) goes; 28E (3 in
  2024/25, then 3 quarters of 0) stays.
- Zeros between counted years, and codes never counted above 0, are left as they are: those zeros
  may be real (rare offences).
- Only rows whose count is 0 go, so no sum changes; the dataset's years, quarters and forces are
  read before the drop, so no year becomes partial or disappears.

Figures given by year (NSPCC FOI answers, Recorded Crime in Scotland) are left as they are: the
Scottish tables list a category only from the year it was first recorded, and an FOI answer's 0
is a stated figure.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import polars as pl

from tui.model.data import schema as S

CHANCE = 1 / 1000
"""A run of zeros less likely than this by chance is read as "not counted"."""


class Uncounted(NamedTuple):
    """An offence code's years dropped as not counted (start years, oldest first); a plain
    ``(code, years)`` pair to polars-free readers."""

    code: str
    years: tuple[int, ...]


def drop_uncounted(figures: pl.DataFrame) -> tuple[pl.DataFrame, tuple[Uncounted, ...]]:
    """``figures`` (preferred rows) without the rows of each code's uncounted years, and which
    years of which codes went. Figures without quarters are returned as they are."""
    if figures.is_empty() or figures.get_column(S.QUARTER).null_count() == figures.height:
        return figures, ()
    count = pl.col(S.COUNT)
    per_year = (
        figures.lazy()
        .filter(pl.col(S.YEAR).is_not_null() & pl.col(S.OFFENCE_CODE).is_not_null())
        .group_by(S.OFFENCE_CODE, S.YEAR)
        .agg(
            recorded=count.filter(count > 0).sum(),
            zero=(count.fill_null(0) == 0).all(),
            quarters=pl.col(S.QUARTER).drop_nulls().n_unique(),
        )
        .sort(S.OFFENCE_CODE, S.YEAR)
        .collect()
    )
    runs: list[Uncounted] = []
    for (code,), rows in per_year.group_by(S.OFFENCE_CODE, maintain_order=True):
        years = _uncounted_years(
            [
                (int(y), int(n or 0), bool(z), int(q))
                for y, n, z, q in rows.select(S.YEAR, "recorded", "zero", "quarters").iter_rows()
            ]
        )
        if years:
            runs.append(Uncounted(code=str(code), years=years))
    if not runs:
        return figures, ()
    code = pl.col(S.OFFENCE_CODE).cast(pl.String)
    gone = pl.any_horizontal(
        [(code == r.code) & pl.col(S.YEAR).is_in(list(r.years)) for r in runs]
    ).fill_null(False)
    kept = figures.filter(~gone)  # a dozen codes: a mask, not a join (the frame is large)
    return kept, tuple(runs)


def _uncounted_years(rows: list[tuple[int, int, bool, int]]) -> tuple[int, ...]:
    """The years of one code's leading and trailing runs of zeros that go (see the module).

    ``rows``: per year with a row, oldest first: (year, positive counts, every row 0, quarters)."""
    counted = [i for i, (_, _, zero, _) in enumerate(rows) if not zero]
    if not counted:
        return ()
    first, last = counted[0], counted[-1]
    dropped: list[int] = []
    for run, adjacent in ((rows[:first], rows[first]), (rows[last + 1 :], rows[last])):
        _, recorded, _, adjacent_quarters = adjacent
        quarters = sum(q or 4 for _, _, _, q in run)
        if run and recorded / (adjacent_quarters or 4) * quarters > -math.log(CHANCE):
            dropped += [year for year, _, _, _ in run]
    return tuple(sorted(dropped))
