"""What the Compare view displays: two years side by side, free of Polars.

Built by ``tui.model.figures.comparison``; screens, widgets and the CLI only format them. A change
is ``None`` (shown as "—") wherever it must not be computed: a missing figure, a partial year or
force-year, or two figures from different releases without a like-for-like pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.data.events import Event
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage, quarters_label
from tui.model.results.detail_types import MembershipChange
from tui.model.results.types import different_releases


@dataclass(frozen=True)
class CompareRow:
    """One force in a comparison of two years."""

    force: Force
    count_a: int | None
    count_b: int | None
    change: int | None
    pct_change: float | None
    rank_a: int | None
    rank_b: int | None
    quarters_a: tuple[int, ...] = ()
    """The quarters year A's count covers when fewer than four (``()`` when complete or when the
    source gives whole years)."""
    quarters_b: tuple[int, ...] = ()
    short_a: bool = False
    """True when this force's year-A figure covers fewer quarters than the year compared (a
    partial force-year): no change, % change, rank or rank move."""
    short_b: bool = False
    comparable: bool = True
    """False when the counts cover different quarters: change, % change and rank move are
    not computed."""
    release_a: str = ""
    """The release year A's figure comes from ("" when unknown)."""
    release_b: str = ""
    same_release: SameRelease | None = None
    """When the figures come from different releases and one release states both years: the
    change within that release (like-for-like)."""
    rate_a: float | None = None
    """Rate per 100,000 in year A (``None``: no population, a partial year or an unranked body)."""
    rate_b: float | None = None
    rate_change: float | None = None
    rate_pct_change: float | None = None
    pct_ci_low: float | None = None
    """Lower end of the 95 % interval of the % change in counts (``tui.model.stats.chance``)."""
    pct_ci_high: float | None = None
    """Upper end (``math.inf`` from a count of 0)."""
    significant: bool | None = None
    """False: the change is indistinguishable from chance; ``None``: no test (a count missing,
    both zero, or no change computed)."""
    rate_significant: bool | None = None
    """The same test for the rates (counts over their populations)."""
    rate_caveat: str | None = None
    """Why this force's rate misleads (City of London), or ``None``."""
    rate_rank_a: int | None = None
    """Rank by rate in year A among ranked forces with a rate in both years (1 = highest)."""
    rate_rank_b: int | None = None

    @property
    def rate_rank_change(self) -> int | None:
        """Places moved by rate between the two years (positive: up)."""
        if self.rate_rank_a is None or self.rate_rank_b is None:
            return None
        return self.rate_rank_a - self.rate_rank_b

    @property
    def rank_change(self) -> int | None:
        """Places moved up (positive) or down (negative) between the two years."""
        if self.rank_a is None or self.rank_b is None or not self.comparable:
            return None
        return self.rank_a - self.rank_b

    @property
    def crosses_releases(self) -> bool:
        """True when the two figures come from different releases."""
        return different_releases(self.release_a, self.release_b)


@dataclass(frozen=True)
class SameRelease:
    """Both years as stated by one release, for a like-for-like change."""

    release: str
    count_a: int
    count_b: int
    change: int
    pct_change: float | None


@dataclass(frozen=True)
class Comparison:
    """Every listed force in two years, with totals and the caveats that apply."""

    dataset: str
    offence: OffenceSelection
    year_a: YearCoverage
    year_b: YearCoverage
    rows: tuple[CompareRow, ...]
    totals: tuple[CompareRow, ...]
    left_out: tuple[str, ...]
    """Ranked forces without a figure in one or both years (shown with "—", not ranked)."""
    warnings: tuple[str, ...]
    quarters: tuple[int, ...] | None
    """The quarters compared, when restricted to like-for-like quarters."""
    events: tuple[Event, ...] = ()
    """Recording events in or between the two years that apply to the offences compared."""
    population_years: tuple[int, int] | None = None
    """The mid-year population estimates the rates use, or ``None`` when no rate is given."""
    membership: tuple[MembershipChange, ...] = ()
    """Codes counted in one of the two years of a group/subgroup but not in the other."""

    @property
    def ranked_count(self) -> int:
        """How many forces are ranked: those with a comparable figure in both years."""
        return sum(1 for r in self.rows if r.rank_b is not None)

    @property
    def rate_ranked_count(self) -> int:
        """How many forces are ranked by rate (not City of London, whose rate has a caveat)."""
        return sum(1 for r in self.rows if r.rate_rank_b is not None)

    @property
    def short_rows(self) -> tuple[CompareRow, ...]:
        """Rows with a partial force-year (fewer quarters than the year compared)."""
        return tuple(r for r in (*self.totals, *self.rows) if r.short_a or r.short_b)

    @property
    def unlike_quarters(self) -> bool:
        """True when a partial year meets a year with other quarters: no change is computed."""
        return self.quarters is None and self.year_a.quarters != self.year_b.quarters

    @property
    def label_a(self) -> str:
        """Year A's label, e.g. ``"2022/23"`` or ``"2022/23 Q1"`` when like-for-like."""
        return _compare_label(self.year_a, self.quarters)

    @property
    def label_b(self) -> str:
        """Year B's label."""
        return _compare_label(self.year_b, self.quarters)


def _compare_label(cov: YearCoverage, quarters: tuple[int, ...] | None) -> str:
    if quarters is not None and len(quarters) < 4:
        return f"{cov.fy} {quarters_label(quarters)}"
    return cov.label
