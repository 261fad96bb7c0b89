"""A force's offences in one year, largest first, and its rate per 100,000 people."""

from __future__ import annotations

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.reference import COMPUTED_TOTAL, Force
from tui.model.figures.selection import pick_year, summed
from tui.model.figures.totals import members_of
from tui.model.results.detail_types import Breakdown, BreakdownRow, Rate
from tui.model.results.types import STATED_TOTAL_CODE
from tui.model.stats.rates import population_of, rate_caveat


def offence_breakdown(ds: Dataset, force: Force, year: int, top: int | None = None) -> Breakdown:
    """A force's offences in one financial year, largest first, each with its share of the total.

    The total is the stated total where the dataset has one (NSPCC), else the sum of all offences.
    """
    cov = pick_year(ds, year)
    members = list(members_of(ds, force))
    frame = (
        ds.figures.filter(pl.col(S.FORCE).is_in(members) & (pl.col(S.YEAR) == year))
        .group_by(S.OFFENCE_CODE)
        .agg(pl.col(S.OFFENCE).last(), pl.col(S.OFFENCE_GROUP).last(), summed())
        .sort([S.COUNT, S.OFFENCE_CODE], descending=[True, False])
    )
    stated = frame.filter(pl.col(S.OFFENCE_CODE) == STATED_TOTAL_CODE)
    items = frame.filter(pl.col(S.OFFENCE_CODE) != STATED_TOTAL_CODE)
    if stated.height:
        value = stated.get_column(S.COUNT)[0]  # null: the stated total is missing ("—")
        total: int | None = None if value is None else int(value)
        total_label = "total as stated"
    elif items.height and items.get_column(S.COUNT).null_count() == 0:
        total = int(items.get_column(S.COUNT).sum())
        total_label = "all offences"
    else:
        total, total_label = None, "all offences"
    items = items.filter(pl.col(S.COUNT).is_not_null())
    if top is not None:
        items = items.head(top)
    rows = tuple(
        BreakdownRow(
            code=code,
            description=desc or "",
            group=group or "",
            count=int(count),
            share=(count / total * 100.0) if total else None,
        )
        for code, desc, group, count in items.select(
            S.OFFENCE_CODE, S.OFFENCE, S.OFFENCE_GROUP, S.COUNT
        ).iter_rows()
    )
    return Breakdown(force=force, year=cov, total=total, total_label=total_label, rows=rows)


def rate_per_100k(ds: Dataset, force: Force, year: int, count: int | None) -> Rate | None:
    """Rate per 100,000 for a ranked force or a total (over the population of all its forces),
    using the ONS mid-year estimate of the calendar year the financial year starts in
    (``tui.model.data.population``); ``None`` when there is no such population, the count is
    missing, or the body has no area."""
    if count is None or count < 0 or not (force.ranked or force.kind == COMPUTED_TOTAL):
        return None
    figure = population_of(force, year, members_of(ds, force))
    if figure is None:
        return None
    return Rate(
        count / figure.population * 100_000,
        figure.population,
        figure.mid_year,
        "ONS mid-year estimate",
        rate_caveat(force),
    )
