"""Offence selections and the sums every query starts from (force × year, year × quarter).

Polars sums nulls as 0; every sum here is missing instead when a part is missing, so a total never
silently understates.
"""

from __future__ import annotations

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.errors import UnknownYearError
from tui.model.data.offences import OffenceSelection
from tui.model.data.years import YearCoverage, fy_label
from tui.model.figures.force_lookup import normalised, pick_offence_among


def offence_filter(selection: OffenceSelection) -> pl.Expr:
    """The row filter for an offence selection."""
    if selection.kind == "code":
        return pl.col(S.OFFENCE_CODE) == selection.value
    if selection.kind == "group":
        return pl.col(S.OFFENCE_GROUP) == selection.value
    if selection.kind == "subgroup":
        return pl.col(S.OFFENCE_SUBGROUP) == selection.value
    return pl.lit(True)


def normalise_selection(ds: Dataset, selection: OffenceSelection) -> OffenceSelection:
    """Map "all offences" to the stated total in datasets that have one (e.g. ``nspcc``)."""
    return normalised(ds.offences, selection)


def default_selection(ds: Dataset) -> OffenceSelection:
    """The offence a view opens on: the dataset's default (code 86 for ``homeoffice``)."""
    return pick_offence_among(ds.offences, ds.info.default_offence, None)


def pick_offence(ds: Dataset, text: str | None) -> OffenceSelection:
    """Resolve an offence as typed (``None`` → the dataset's default).

    Raises:
        UnknownOffenceError: nothing or several offences matched.
    """
    return pick_offence_among(ds.offences, ds.info.default_offence, text)


def pick_year(ds: Dataset, year: int) -> YearCoverage:
    """The coverage of ``year`` in ``ds``.

    Raises:
        UnknownYearError: the dataset has no figure for that year (lists the years it has).
    """
    cov = ds.year(year)
    if cov is None:
        years = tuple(c.label for c in ds.coverage)
        raise UnknownYearError(
            f"{fy_label(year)} is not in dataset '{ds.name}' (it has {years[0]} to {years[-1]})"
            if years
            else f"dataset '{ds.name}' has no financial-year figures"
        )
    return cov


def summed() -> pl.Expr:
    """Sum of counts, or null when any count in the group is missing.

    Polars sums nulls as 0; a total with a missing part would silently understate, so it is
    missing too (shown "—", never 0).
    """
    return (
        pl.when(pl.col(S.COUNT).is_null().any())
        .then(pl.lit(None, dtype=pl.Int64))
        .otherwise(pl.col(S.COUNT).sum())
        .alias(S.COUNT)
    )


def yearly_counts(
    ds: Dataset, selection: OffenceSelection, quarters: tuple[int, ...] | None = None
) -> dict[tuple[str, int], int]:
    """Sum of counts by (force, financial year) for a selection; absent pairs mean "no figure"."""
    # Lazy, so only the columns the sum needs are read: an eager filter copies every column of
    # every matching row (the whole frame for "all offences": ~25 MB more at the peak, issue 11).
    frame = ds.figures.lazy().filter(offence_filter(selection) & pl.col(S.YEAR).is_not_null())
    if quarters is not None:
        frame = frame.filter(pl.col(S.QUARTER).is_in(list(quarters)))
    totals = frame.group_by(S.FORCE, S.YEAR).agg(summed()).collect()
    return {
        (force, int(year)): int(count)
        for force, year, count in totals.select(S.FORCE, S.YEAR, S.COUNT).iter_rows()
        if count is not None
    }


def quarterly_totals(
    ds: Dataset, selection: OffenceSelection, forces: tuple[str, ...]
) -> dict[tuple[int, int], int]:
    """Sum of counts by (year, quarter) over ``forces``; a quarter in which any of them has no
    figure (or a missing one) is left out, so a total never silently understates."""
    frame = (
        ds.figures.lazy()
        .filter(
            offence_filter(selection)
            & pl.col(S.FORCE).is_in(list(forces))
            & pl.col(S.YEAR).is_not_null()
            & pl.col(S.QUARTER).is_not_null()
        )
        .group_by(S.YEAR, S.QUARTER)
        .agg(summed(), forces=pl.col(S.FORCE).n_unique())
        .collect()
    )
    return {
        (int(y), int(q)): int(c)
        for y, q, c, n in frame.select(S.YEAR, S.QUARTER, S.COUNT, "forces").iter_rows()
        if c is not None and n == len(set(forces))
    }


def force_quarter_sets(
    ds: Dataset, selection: OffenceSelection
) -> dict[tuple[str, int], tuple[int, ...]]:
    frame = ds.figures.lazy().filter(
        offence_filter(selection) & pl.col(S.YEAR).is_not_null() & pl.col(S.QUARTER).is_not_null()
    )
    # The distinct (force, year, quarter) first: a few thousand rows, where a list of the
    # quarters of every figure held ~10 MB for a moment (issue 11).
    grouped = (
        frame.select(S.FORCE, S.YEAR, S.QUARTER)
        .unique()
        .group_by(S.FORCE, S.YEAR)
        .agg(pl.col(S.QUARTER).sort())
        .collect()
    )
    return {(force, int(year)): tuple(qs) for force, year, qs in grouped.iter_rows()}


def counted_years(ds: Dataset) -> dict[str, tuple[int, int]]:
    """Each offence code's first and last financial year with a count other than 0 (start years).

    A code can stay in the tables with 0 in later years that chance can explain (28E of the 23 Apr
    2026 release: 3 in 2024/25, 0 in 2025/26 Q1-Q3; runs chance cannot explain are left out at
    load, :mod:`tui.model.data.uncounted`). Codes never counted above 0 are left out."""
    counted = (
        ds.figures.filter(pl.col(S.YEAR).is_not_null() & (pl.col(S.COUNT) != 0))
        .group_by(S.OFFENCE_CODE)
        .agg(first=pl.col(S.YEAR).min(), last=pl.col(S.YEAR).max())
    )
    return {
        str(code): (int(first), int(last))
        for code, first, last in counted.iter_rows()
        if code is not None
    }
