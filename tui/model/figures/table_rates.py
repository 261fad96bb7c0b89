"""The Forces table with rates per 100,000 people beside its counts (see
:mod:`tui.model.stats.rates`)."""

from __future__ import annotations

from dataclasses import replace

from tui.model.data.dataset import Dataset
from tui.model.figures.totals import members_of
from tui.model.results.types import ForceRow, ForceTable
from tui.model.stats.rates import (
    rate_caveat,
    rate_change,
    rate_of,
    rate_pct_change,
    rate_ranks,
    rate_significance,
)


def with_rates(ds: Dataset, table: ForceTable) -> ForceTable:
    """``table`` with each row's rates per year, rate change, rate % change and rank by rate.

    Rates are ``None`` in partial years, for bodies without an area and where the population
    series has no estimate; the rank by rate is among ranked forces in the latest change year.
    """

    def rated(row: ForceRow) -> ForceRow:
        members = members_of(ds, row.force)
        # A partial year, or a partial force-year (fewer quarters than the year), has no rate.
        rates = tuple(
            rate_of(
                row.force,
                cov.year,
                count,
                members=members,
                partial=cov.partial or bool(row.short_in(i)),
            )
            for i, (cov, count) in enumerate(zip(table.years, row.counts))
        )
        by_year = {cov.year: r for cov, r in zip(table.years, rates)}
        a = by_year.get(table.change_from.year) if table.change_from else None
        b = by_year.get(table.change_to.year) if table.change_to else None
        # The chance test of the rates, as Compare's: only where the change is computed.
        significant = (
            rate_significance(
                row.force,
                (table.change_from.year, table.change_to.year),
                (
                    row.count_for(table.years, table.change_from.year),
                    row.count_for(table.years, table.change_to.year),
                ),
                members,
            )
            if table.change_from
            and table.change_to
            and row.change is not None
            and a is not None
            and b is not None
            else None
        )
        return replace(
            row,
            rates=rates,
            rate_change=rate_change(a, b),
            rate_pct_change=rate_pct_change(a, b),
            rate_caveat=rate_caveat(row.force),
            rate_significant=significant,
        )

    rows = [rated(r) for r in table.rows]
    if table.change_to is not None:
        year = table.change_to.year
        order = rate_ranks(
            {
                r.force.name: dict(zip((c.year for c in table.years), r.rates)).get(year)
                for r in rows
                if r.force.ranked
            }
        )
        rows = [replace(r, rate_rank=order.get(r.force.name)) for r in rows]
    return replace(table, rows=tuple(rows), totals=tuple(rated(t) for t in table.totals))
