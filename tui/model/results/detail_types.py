"""A force's series and detail as the views display them: small frozen results, free of Polars.

Split from ``tui.model.results.types`` (which still names them) so the force table's types load
alone before the explorer's first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage, fy_label, quarters_label

if TYPE_CHECKING:
    from tui.model.data.events import Event
    from tui.model.stats.chance import ChangeInterval


@dataclass(frozen=True)
class Alternative:
    """Another stated figure for the same cell, from another release or source."""

    count: int
    release: str
    source_url: str


@dataclass(frozen=True)
class SeriesPoint:
    """One financial year of a force's series."""

    year: YearCoverage
    """The dataset's coverage of that year."""
    count: int | None
    quarters: tuple[int, ...]
    """Quarters this force has figures for (empty when the source gives whole years)."""
    change: int | None
    """Change from the previous financial year; ``None`` if either is missing or partial."""
    pct_change: float | None
    release: str = ""
    source_url: str = ""
    alternatives: tuple[Alternative, ...] = ()
    quote: str = ""
    """The source's words for this figure (sourced datasets)."""
    stated_as: tuple[tuple[str, str], ...] = ()
    """Other stated totals (area, quote) given the same figure for the same year in the same
    release: one figure the sources describe as covering different areas (NSPCC 2021/22 30,925,
    'UK' and 'England and Wales')."""
    significant: bool | None = None
    """The change's exact test (:mod:`tui.model.stats.chance`): ``False`` within chance variation,
    ``None`` where no change is computed (:func:`tui.model.stats.changes.change_marks`)."""
    crosses_releases: bool | None = None
    """The change is between figures from different releases (``None`` without a change)."""

    @property
    def partial(self) -> bool:
        """True when fewer than four quarters are present for this force and year."""
        return bool(self.quarters) and len(self.quarters) < 4

    @property
    def label(self) -> str:
        """The year's label, marking a partial year (``"2023/24 Q1"``) and a year this force's
        figure covers only partly (``"2019/20 Q2-Q4"``)."""
        if self.partial:
            return f"{self.year.fy} {quarters_label(self.quarters)}"
        return self.year.label


@dataclass(frozen=True)
class OtherPeriod:
    """A figure that covers something other than one financial year (never in a year column)."""

    period: str
    offence: str
    count: int
    release: str
    source_url: str
    quote: str


@dataclass(frozen=True)
class MembershipChange:
    """Offence codes counted in a group or subgroup in some years of its series but not others."""

    codes: tuple[str, ...]
    years: tuple[int, ...]
    """The years (start years) these codes are counted in the selection."""
    elsewhere: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Where the same codes are counted in other years: (group or subgroup, years)."""

    @property
    def text(self) -> str:
        """E.g. ``"8L, 8M counted here in 2012/13 only (under Stalking and harassment in
        2013/14 to 2022/23)"``."""
        codes = ", ".join(self.codes)
        where = "; ".join(f"under {name} in {years_text(ys)}" for name, ys in self.elsewhere)
        counted = years_text(self.years)
        only = " only" if len(self.years) == 1 else ""
        if not where:
            where = "no figures under these codes in other years"
        return f"{codes} counted here in {counted}{only} ({where})"


def years_text(years: tuple[int, ...]) -> str:
    """Financial years as short text: runs of consecutive years become ``"2013/14 to 2022/23"``."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(
        fy_label(r[0]) if len(r) == 1 else f"{fy_label(r[0])} to {fy_label(r[-1])}" for r in runs
    )


@dataclass(frozen=True)
class ForceSeries:
    """One force's figures for an offence selection."""

    dataset: str
    force: Force
    offence: OffenceSelection
    points: tuple[SeriesPoint, ...]
    """Every financial year of the dataset, oldest first ("—" where the force has no figure)."""
    other_periods: tuple[OtherPeriod, ...]
    national_name: str
    national: tuple[int | None, ...]
    """The first total of the dataset (e.g. England and Wales), aligned with ``points``."""
    membership: tuple[MembershipChange, ...] = ()
    """For a group or subgroup: codes it counts in some years only (a reclassification)."""


@dataclass(frozen=True)
class QuarterPoint:
    """One quarter of a force's series."""

    year: int
    quarter: int
    count: int | None

    @property
    def label(self) -> str:
        """E.g. ``"2017/18 Q2"``."""
        return f"{fy_label(self.year)} Q{self.quarter}"


@dataclass(frozen=True)
class BreakdownRow:
    """One offence in a force's breakdown for a year."""

    code: str
    description: str
    group: str
    count: int
    share: float | None
    """Percentage of the force's total for the year."""


@dataclass(frozen=True)
class Breakdown:
    """A force's offences for one year, largest first."""

    force: Force
    year: YearCoverage
    total: int | None
    total_label: str
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class Rate:
    """A rate per 100,000 people, with the population it uses."""

    per_100k: float
    population: int
    population_year: int
    source: str
    caveat: str | None = None
    """Why this rate misleads (City of London), or ``None``."""


@dataclass(frozen=True)
class ForceDetail:
    """A force's series, quarters, rank, rate and offence breakdown for one view."""

    series: ForceSeries
    quarters: tuple[QuarterPoint, ...]
    breakdown: Breakdown | None
    rank_year: YearCoverage | None
    rank: int | None
    ranked_forces: int
    """How many forces have a complete figure (and so a rank) that year: every force with a
    figure in ``rank_year``, unlike Compare, which ranks forces with figures in both years."""
    rate_year: YearCoverage | None
    rate: Rate | None
    national_quarters: tuple[int | None, ...]
    """The national total by quarter, aligned with ``quarters``."""
    rates: tuple[Rate | None, ...] = ()
    """Rate per 100,000 for each of ``series.points`` (``None`` for a partial year or without a
    population)."""
    latest_change: ChangeInterval | None = None
    """The latest change between full years with its 95 % interval and chance flag."""
    events: tuple[Event, ...] = ()
    """Recording events that apply to this force and offence, in date order."""
    other_measure: MeasurePair | None = None
    """The same force in the other measure's dataset (NSPCC FOI ↔ Home Office code 86)."""


@dataclass(frozen=True)
class MeasurePairRow:
    """One financial year of a force in two measures, never merged."""

    year: str
    """``"2017/18"``."""
    start_year: int
    count_a: int | None
    count_b: int | None


@dataclass(frozen=True)
class MeasurePair:
    """A force's series in two datasets that count different measures, side by side."""

    force: str
    dataset_a: str
    label_a: str
    """What dataset A counts, e.g. ``"Home Office code 86"``."""
    dataset_b: str
    label_b: str
    rows: tuple[MeasurePairRow, ...]
    why: str
    """One line on why the two differ."""
