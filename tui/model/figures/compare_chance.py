"""A comparison of two years made honest: rates per 100,000, the chance interval of each change,
and the recording events between the two years.

Chance: :func:`tui.model.stats.chance.change_interval` (the exact conditional test for two Poisson
counts, 95 % Clopper-Pearson interval). A row is ``significant=False`` when its change is
indistinguishable from chance, ``None`` when no change is computed (a count missing, both zero, or
years with different quarters). The rate test weighs the counts by their populations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tui.model.data.dataset import Dataset
from tui.model.data.events import events_between
from tui.model.data.measure import measure_id
from tui.model.figures.totals import members_of
from tui.model.results.comparison_types import CompareRow, Comparison
from tui.model.stats.chance import change_interval
from tui.model.stats.rates import (
    rate_caveat,
    rate_change,
    rate_of,
    rate_pct_change,
    rate_ranks,
    rate_significance,
)


def _annotated(
    ds: Dataset, cmp: Comparison, row: CompareRow, whole_a: bool, whole_b: bool
) -> CompareRow:
    members = members_of(ds, row.force)
    year_a, year_b = cmp.year_a.year, cmp.year_b.year
    # A partial force-year (fewer quarters than the year) is never set against a year's people.
    partial_a, partial_b = not whole_a or row.short_a, not whole_b or row.short_b
    rate_a = rate_of(row.force, year_a, row.count_a, members=members, partial=partial_a)
    rate_b = rate_of(row.force, year_b, row.count_b, members=members, partial=partial_b)
    # Tested only where the change is computed (not across different quarters).
    computed = not cmp.unlike_quarters and row.change is not None
    counts = change_interval(row.count_a, row.count_b) if computed else None
    rate_significant = (
        rate_significance(row.force, (year_a, year_b), (row.count_a, row.count_b), members)
        if computed and rate_a is not None and rate_b is not None
        else None
    )
    return replace(
        row,
        rate_a=rate_a,
        rate_b=rate_b,
        rate_change=rate_change(rate_a, rate_b),
        rate_pct_change=rate_pct_change(rate_a, rate_b),
        pct_ci_low=counts.pct_ci_low if counts else None,
        pct_ci_high=counts.pct_ci_high if counts else None,
        significant=counts.significant if counts else None,
        rate_significant=rate_significant,
        rate_caveat=rate_caveat(row.force) if rate_a is not None or rate_b is not None else None,
    )


def with_rates_and_chance(ds: Dataset, cmp: Comparison) -> Comparison:
    """``cmp`` with rates, chance intervals and the recording events of its years.

    Each year has rates only when it is whole (all four quarters): a full year keeps its rate
    beside a partial one, whose rate is "—" (a part of a year is never set against a year's
    population); like-for-like quarters fewer than four give no rates at all.
    """
    some_quarters = cmp.quarters is not None and len(cmp.quarters) < 4
    whole_a = not cmp.year_a.partial and not some_quarters
    whole_b = not cmp.year_b.partial and not some_quarters
    rows = _rate_ranked(tuple(_annotated(ds, cmp, r, whole_a, whole_b) for r in cmp.rows))
    totals = tuple(_annotated(ds, cmp, r, whole_a, whole_b) for r in cmp.totals)
    rated = any(r.rate_a is not None or r.rate_b is not None for r in (*rows, *totals))
    # A force's own event is mentioned only when that force has a figure here (an NSPCC
    # comparison without Greater Manchester's figures does not lead with its recording event).
    shown = {
        r.force.name for r in (*rows, *totals) if r.count_a is not None or r.count_b is not None
    }
    events = [
        e
        for e in events_between(
            None,
            cmp.offence,
            cmp.year_a.year,
            cmp.year_b.year,
            catalogue=ds.offences,
            measure=measure_id(ds.info),
        )
        if e.scope != "force" or e.force in shown
    ]
    return replace(
        cmp,
        rows=rows,
        totals=totals,
        events=tuple(events),
        population_years=(cmp.year_a.year, cmp.year_b.year) if rated else None,
    )


def _rate_ranked(rows: tuple[CompareRow, ...]) -> tuple[CompareRow, ...]:
    """Ranks by rate, among ranked forces with a rate in both years (as counts are ranked)."""
    both = [r for r in rows if r.force.ranked and r.rate_a is not None and r.rate_b is not None]
    rank_a = rate_ranks({r.force.name: r.rate_a for r in both})
    rank_b = rate_ranks({r.force.name: r.rate_b for r in both})
    return tuple(
        replace(r, rate_rank_a=rank_a.get(r.force.name), rate_rank_b=rank_b.get(r.force.name))
        for r in rows
    )


def within_chance(rows: Iterable[CompareRow], measure: str = "count") -> list[CompareRow]:
    """The rows whose change is indistinguishable from chance (for counts or rates)."""
    return [
        r for r in rows if (r.rate_significant if measure == "rate" else r.significant) is False
    ]
