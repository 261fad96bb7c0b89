"""Everything the force detail view shows, collected in one call (for one worker)."""

from __future__ import annotations

from tui.model.data.dataset import Dataset
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage
from tui.model.figures.breakdown import offence_breakdown, rate_per_100k
from tui.model.figures.detail_extras import with_extras
from tui.model.figures.force_table import short_force_years
from tui.model.figures.selection import (
    force_quarter_sets,
    normalise_selection,
    quarterly_totals,
    yearly_counts,
)
from tui.model.figures.series import force_quarters, force_series
from tui.model.figures.totals import listed_forces, total_specs
from tui.model.results.detail_types import ForceDetail, Rate
from tui.model.stats.changes import ranks


def force_detail(
    ds: Dataset, force: Force, selection: OffenceSelection, breakdown_year: int | None = None
) -> ForceDetail:
    """Collect what the detail view of ``force`` shows.

    The rank is taken in the latest full year the force has a figure for; the rate in the latest
    full year for which both a count and a population exist; the breakdown in ``breakdown_year``
    (default: the latest full year).
    """
    selection = normalise_selection(ds, selection)
    series = force_series(ds, force, selection)
    quarters = force_quarters(ds, force, selection)
    full_points = [p for p in series.points if not p.partial and not p.year.partial]
    with_count = [p for p in full_points if p.count is not None]
    rank_year = with_count[-1].year if with_count else None
    rank: int | None = None
    ranked = 0
    if rank_year is not None and force.ranked:
        yearly = yearly_counts(ds, selection)
        # Ranked among the forces with a complete figure that year (a partial one is left out).
        short = short_force_years(ds, force_quarter_sets(ds, selection))
        counts = {
            f.name: yearly.get((f.name, rank_year.year))
            for f in listed_forces(ds)
            if f.ranked and (f.name, rank_year.year) not in short
        }
        table = ranks(counts)
        rank, ranked = table.get(force.name), len(table)
    rate_year: YearCoverage | None = None
    rate: Rate | None = None
    for point in reversed(with_count):
        found = rate_per_100k(ds, force, point.year.year, point.count)
        if found is not None:
            rate_year, rate = point.year, found
            break
    if breakdown_year is None:
        breakdown_year = (
            rank_year.year if rank_year else (ds.full_years[-1].year if ds.full_years else None)
        )
    breakdown = offence_breakdown(ds, force, breakdown_year, top=12) if breakdown_year else None
    national_quarters: tuple[int | None, ...] = ()
    specs = total_specs(ds)
    if quarters and specs and specs[0].members:
        sums = quarterly_totals(ds, selection, specs[0].members)
        national_quarters = tuple(sums.get((p.year, p.quarter)) for p in quarters)
    detail = ForceDetail(
        series=series,
        quarters=quarters,
        breakdown=breakdown,
        rank_year=rank_year,
        rank=rank,
        ranked_forces=ranked,
        rate_year=rate_year,
        rate=rate,
        national_quarters=national_quarters,
    )
    return with_extras(ds, force, selection, detail)
