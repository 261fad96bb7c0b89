"""What the views display: small frozen results, free of Polars.

The queries in ``tui/model`` build these; screens, widgets and the CLI only format them. A missing
figure is ``None`` (shown as "—"), never 0.

The force table's types are here; a force's series and detail are in
``tui.model.results.detail_types`` (imported by the detail view, not before the first frame:
importing it takes ~12 ms, measured with ``python -c`` after ``import tui.app``, 3 runs: 34, 13, 13
ms).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage

if TYPE_CHECKING:
    from tui.model.data.events import Event


STATED_TOTAL_CODE = "all"
"""A dataset whose offences include this code states its own total: "all offences" means that code,
and the other codes are a breakdown of it, never added on top of it."""


def different_releases(release_a: str, release_b: str) -> bool:
    """True when two figures come from different releases (both known): a change between them may
    reflect revised figures, not only a change in offences (NSPCC figures)."""
    return bool(release_a and release_b and release_a != release_b)


@dataclass(frozen=True)
class TotalSpec:
    """A totals row: either a stated total from the data or a sum we compute over forces."""

    name: str
    members: tuple[str, ...]
    """Forces summed; empty for a stated total."""


@dataclass(frozen=True)
class ForceRow:
    """One force's figures by year."""

    force: Force
    counts: tuple[int | None, ...]
    """One per year of the table (``ForceTable.years``)."""
    trend: tuple[int | None, ...]
    """Counts in full years only (partial years would show a false dip)."""
    change: int | None
    """Change between the table's two change years."""
    pct_change: float | None
    rank: int | None
    """Rank among ranked forces in the table's latest full year."""
    rates: tuple[float | None, ...] = ()
    """Rates per 100,000 people, one per year of the table (``None``: no population, a partial
    year or an unranked body; see ``tui.model.stats.rates``). Empty when not computed."""
    rate_change: float | None = None
    """Change in the rate between the table's two change years."""
    rate_pct_change: float | None = None
    rate_rank: int | None = None
    """Rank by rate among ranked forces in the table's latest full year (1 = highest rate)."""
    rate_caveat: str | None = None
    """Why this force's rate misleads (City of London), or ``None``."""
    quarters: tuple[tuple[int, ...], ...] = ()
    """Per year of the table (aligned with ``counts``): the quarters this force's figure covers
    when it covers fewer than the year has (a partial force-year), else ``()``."""
    significant: bool | None = None
    """The change beyond chance variation (``tui.model.stats.chance``, the test Compare uses): False
    when it is within chance; ``None`` when no change is computed."""
    rate_significant: bool | None = None
    """The same test for the rates (the counts weighed by their populations)."""
    release_from: str = ""
    """The release the figure of the table's ``change_from`` year comes from ("" when unknown)."""
    release_to: str = ""
    """The release the figure of the ``change_to`` year comes from."""

    @property
    def crosses_releases(self) -> bool:
        """True when the change's two figures come from different releases."""
        return different_releases(self.release_from, self.release_to)

    def short_in(self, index: int) -> tuple[int, ...]:
        """The quarters of the ``index``-th year if this force's figure is partial, else ``()``."""
        return self.quarters[index] if index < len(self.quarters) else ()

    def count_for(self, years: tuple[YearCoverage, ...], year: int) -> int | None:
        """The count for a start year, or ``None``."""
        for cov, count in zip(years, self.counts):
            if cov.year == year:
                return count
        return None


@dataclass(frozen=True)
class ForceTable:
    """Every listed force by year, for one offence selection."""

    dataset: str
    offence: OffenceSelection
    years: tuple[YearCoverage, ...]
    rows: tuple[ForceRow, ...]
    totals: tuple[ForceRow, ...]
    change_from: YearCoverage | None
    change_to: YearCoverage | None
    unranked: int
    """Listed bodies that are never ranked (BTP, fraud bodies, combined figures)."""
    recording_changes: tuple[Event, ...] = ()
    """National recording events for the offence that start in the latest change's later year
    or in a year after it (2023/24 Q1 for burglary 28E: residential burglary split into new
    codes), so the latest columns are not read as a change in offending."""

    @property
    def trend_years(self) -> tuple[YearCoverage, ...]:
        """The years of each row's ``trend``."""
        return tuple(y for y in self.years if not y.partial)
