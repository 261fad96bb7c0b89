"""Rates per 100,000 people for the tables' rows: forces, totals and two-year comparisons.

Pure (standard library only). The populations are :mod:`tui.model.data.population`'s ONS mid-year
series: a financial year uses the mid-year estimate of the calendar year it starts in (2017/18 →
mid-2017). A rate is given only where it means something:

- a territorial force with a population that year (not BTP, the fraud bodies, regional or combined
  figures: "—");
- a total: a computed total sums the populations of its member forces, and has a rate only when
  every member has one; a stated total (the NSPCC's England and Wales total) uses its nation's
  forces (see :func:`tui.model.data.population.population_figure`);
- a whole year: a partial year's count (fewer than four quarters) is never set against a whole
  year's population.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.data.population import (
    CITY_OF_LONDON_CAVEAT,
    PopulationFigure,
    caveat_for,
    population_figure,
    rate_per_100k,
)
from tui.model.data.reference import COMPUTED_TOTAL, STATED_TOTAL, Force
from tui.model.stats.chance import change_interval


def population_of(
    force: Force, fy_start_year: int, members: Sequence[str] = ()
) -> PopulationFigure | None:
    """The population a rate for ``force`` in the financial year starting ``fy_start_year`` uses.

    Args:
        force: the force or total.
        fy_start_year: 2017 for 2017/18 (uses mid-2017).
        members: for a computed total, the forces it sums.

    Returns:
        The population and its mid-year, or ``None`` for a body without an area, a total with a
        member missing, or a year the series does not cover.
    """
    if force.kind == COMPUTED_TOTAL and members:
        figures = [population_figure(name, fy_start_year) for name in members]
        if any(f is None for f in figures):
            return None
        return PopulationFigure(
            population=sum(f.population for f in figures if f is not None), mid_year=fy_start_year
        )
    if force.ranked or force.kind in (STATED_TOTAL, COMPUTED_TOTAL):
        return population_figure(force.name, fy_start_year)
    return None


def rate_of(
    force: Force,
    fy_start_year: int,
    count: int | None,
    *,
    members: Sequence[str] = (),
    partial: bool = False,
) -> float | None:
    """``count ÷ population × 100,000`` (unrounded), or ``None`` when it has no meaning: a
    partial year, a missing count or population, a body without an area."""
    if partial or count is None:
        return None
    figure = population_of(force, fy_start_year, members)
    return None if figure is None else rate_per_100k(count, figure.population)


def rate_significance(
    force: Force,
    years: tuple[int, int],
    counts: tuple[int | None, int | None],
    members: Sequence[str] = (),
) -> bool | None:
    """Whether the change in rate between two years is beyond chance: the exact test of
    :func:`tui.model.stats.chance.change_interval` on the counts, weighed by their populations
    (``None`` without both populations)."""
    pop_a = population_of(force, years[0], members)
    pop_b = population_of(force, years[1], members)
    if pop_a is None or pop_b is None:
        return None
    return change_interval(
        counts[0], counts[1], exposure_a=pop_a.population, exposure_b=pop_b.population
    ).significant


def rate_caveat(force: Force) -> str | None:
    """The caveat a rate for ``force`` carries (City of London's tiny resident population)."""
    if not force.ranked:
        return None
    return caveat_for(force.name)


def rate_ranks(rates: dict[str, float | None]) -> dict[str, int]:
    """Rank by rate, highest first; ties share the better rank. Missing rates are not ranked, nor
    is a rate with a caveat: City of London's is set against a resident population a fraction of
    the people in its area by day, "not comparable with other forces", so it would head every
    ranking by rate (all offences: 60,744 per 100,000 in 2024/25, five times the next force's)."""
    rankable = {name: r for name, r in rates.items() if r is not None and caveat_for(name) is None}
    first: dict[float, int] = {}
    for i, r in enumerate(sorted(rankable.values(), reverse=True), start=1):
        first.setdefault(r, i)
    return {name: first[r] for name, r in rankable.items()}


def rate_change(a: float | None, b: float | None) -> float | None:
    """``b − a`` in rate points, or ``None``."""
    return None if a is None or b is None else b - a


def rate_pct_change(a: float | None, b: float | None) -> float | None:
    """The % change of a rate, or ``None`` (missing, negative, or 0 before)."""
    return None if a is None or b is None or a <= 0 or b < 0 else (b - a) / a * 100.0


__all__ = [
    "CITY_OF_LONDON_CAVEAT",
    "population_of",
    "rate_caveat",
    "rate_change",
    "rate_of",
    "rate_pct_change",
    "rate_ranks",
]
