"""The queries behind every view: a frame goes in, small frozen results come out.

Every ``pl.col`` of the app lives in ``tui/model``; screens, widgets and the CLI receive the
dataclasses below and only format them. Changes and percentages are always computed here from the
counts, and a missing figure is ``None`` (shown as "—"), never 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from tui.model import schema as S
from tui.model.dataset import Dataset
from tui.model.errors import UnknownYearError
from tui.model.offences import ALL_OFFENCES, OffenceSelection, resolve_offence
from tui.model.reference import COMPUTED_TOTAL, STATED_TOTAL, TERRITORIAL, Force
from tui.model.years import YearCoverage, fy_label, quarters_label

STATED_TOTAL_CODE = "all"
"""A dataset whose offences include this code states its own total: "all offences" means that code,
and the other codes are a breakdown of it, never added on top of it."""


# --------------------------------------------------------------------------------------------
# Selections and small helpers
# --------------------------------------------------------------------------------------------


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
    if selection.kind == "all" and any(o.code == STATED_TOTAL_CODE for o in ds.offences):
        return resolve_offence(ds.offences, STATED_TOTAL_CODE)
    return selection


def default_selection(ds: Dataset) -> OffenceSelection:
    """The offence a view opens on: the dataset's default (code 86 for ``homeoffice``)."""
    try:
        return normalise_selection(ds, resolve_offence(ds.offences, ds.info.default_offence))
    except LookupError:
        return normalise_selection(ds, ALL_OFFENCES)


def pick_offence(ds: Dataset, text: str | None) -> OffenceSelection:
    """Resolve an offence as typed (``None`` → the dataset's default).

    Raises:
        UnknownOffenceError: nothing or several offences matched.
    """
    if text is None:
        return default_selection(ds)
    return normalise_selection(ds, resolve_offence(ds.offences, text))


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


def pct_change(before: int | None, after: int | None) -> float | None:
    """Percentage change from ``before`` to ``after``; ``None`` if either is missing or 0 before."""
    if before is None or after is None or before == 0:
        return None
    return (after - before) / abs(before) * 100.0


def change(before: int | None, after: int | None) -> int | None:
    """``after - before``, or ``None`` when either is missing."""
    if before is None or after is None:
        return None
    return after - before


def ranks(counts: dict[str, int | None]) -> dict[str, int]:
    """Rank by count, highest first; ties share the better rank; missing counts are not ranked."""
    present = sorted((c for c in counts.values() if c is not None), reverse=True)
    first: dict[int, int] = {}
    for i, c in enumerate(present, start=1):
        first.setdefault(c, i)
    return {name: first[c] for name, c in counts.items() if c is not None}


def index_series(values: Iterable[int | None], base: int = 0) -> list[float | None]:
    """Index a series so that ``values[base]`` is 100; ``None`` where it cannot be computed."""
    vals = list(values)
    if not vals or base >= len(vals) or not vals[base]:
        return [None] * len(vals)
    ref = vals[base]
    assert ref is not None
    return [None if v is None else v / ref * 100.0 for v in vals]


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


def _yearly(
    ds: Dataset, selection: OffenceSelection, quarters: tuple[int, ...] | None = None
) -> dict[tuple[str, int], int]:
    """Sum of counts by (force, financial year) for a selection; absent pairs mean "no figure"."""
    frame = ds.figures.filter(offence_filter(selection) & pl.col(S.YEAR).is_not_null())
    if quarters is not None:
        frame = frame.filter(pl.col(S.QUARTER).is_in(list(quarters)))
    totals = frame.group_by(S.FORCE, S.YEAR).agg(summed())
    return {
        (force, int(year)): int(count)
        for force, year, count in totals.select(S.FORCE, S.YEAR, S.COUNT).iter_rows()
        if count is not None
    }


def _quarterly(
    ds: Dataset, selection: OffenceSelection, forces: tuple[str, ...]
) -> dict[tuple[int, int], int]:
    """Sum of counts by (year, quarter) over ``forces``; a quarter in which any of them has no
    figure (or a missing one) is left out, so a total never silently understates."""
    frame = (
        ds.figures.filter(
            offence_filter(selection)
            & pl.col(S.FORCE).is_in(list(forces))
            & pl.col(S.YEAR).is_not_null()
            & pl.col(S.QUARTER).is_not_null()
        )
        .group_by(S.YEAR, S.QUARTER)
        .agg(summed(), forces=pl.col(S.FORCE).n_unique())
    )
    return {
        (int(y), int(q)): int(c)
        for y, q, c, n in frame.select(S.YEAR, S.QUARTER, S.COUNT, "forces").iter_rows()
        if c is not None and n == len(set(forces))
    }


def _force_quarters(
    ds: Dataset, selection: OffenceSelection
) -> dict[tuple[str, int], tuple[int, ...]]:
    frame = ds.figures.filter(
        offence_filter(selection) & pl.col(S.YEAR).is_not_null() & pl.col(S.QUARTER).is_not_null()
    )
    grouped = frame.group_by(S.FORCE, S.YEAR).agg(pl.col(S.QUARTER).unique().sort())
    return {(force, int(year)): tuple(qs) for force, year, qs in grouped.iter_rows()}


# --------------------------------------------------------------------------------------------
# Which rows a view lists, and the totals it pins
# --------------------------------------------------------------------------------------------


def listed_forces(ds: Dataset, include_national: bool = False) -> list[Force]:
    """The forces a table lists, in name order.

    A dataset that covers most territorial forces of a nation (a national survey such as the
    NSPCC's) lists the rest of them too, with "—", so a missing force is seen to be missing; one
    about a few forces lists just those. BTP, the national fraud bodies, regional totals and
    combined figures are listed only with ``include_national``; stated national totals go in the
    totals instead.
    """
    ref = ds.reference
    present = [ref.force(n) for n in ds.forces]
    listed = {
        f.name: f
        for f in ref.forces.values()
        if f.kind == TERRITORIAL and f.nation in _mostly_covered_nations(ds)
    }
    for f in present:
        if f.kind == TERRITORIAL or (include_national and f.kind != STATED_TOTAL):
            listed[f.name] = f
    return sorted(listed.values(), key=lambda f: f.name)


def _nation_forces(ds: Dataset) -> dict[str, tuple[set[str], set[str]]]:
    """For each nation: (its territorial forces, those of them with figures in ``ds``)."""
    present = set(ds.forces)
    by_nation: dict[str, tuple[set[str], set[str]]] = {}
    for f in ds.reference.forces.values():
        if f.kind == TERRITORIAL:
            every, covered = by_nation.setdefault(f.nation, (set(), set()))
            every.add(f.name)
            if f.name in present:
                covered.add(f.name)
    return by_nation


def _mostly_covered_nations(ds: Dataset) -> set[str]:
    """Nations with figures for more than half of their territorial forces."""
    return {
        nation
        for nation, (every, covered) in _nation_forces(ds).items()
        if covered and len(covered) * 2 > len(every)
    }


@dataclass(frozen=True)
class TotalSpec:
    """A totals row: either a stated total from the data or a sum we compute over forces."""

    name: str
    members: tuple[str, ...]
    """Forces summed; empty for a stated total."""


def total_specs(ds: Dataset) -> list[TotalSpec]:
    """The totals a dataset gets: its stated totals if it has any, else sums by nation."""
    ref = ds.reference
    stated = [ref.force(n) for n in ds.forces if ref.force(n).kind == STATED_TOTAL]
    if stated:
        order = {"UK total": 0, "England and Wales total": 1}
        return [
            TotalSpec(f.name, ())
            for f in sorted(stated, key=lambda f: (order.get(f.name, 2), f.name))
        ]
    # A nation's total is the sum of all its forces (missing where any has no figure: a sum of
    # some of them under the nation's name would read as the nation's figure), and only for the
    # nations whose forces are listed.
    nations = _mostly_covered_nations(ds)
    by_nation = {
        nation: tuple(sorted(every))
        for nation, (every, _covered) in _nation_forces(ds).items()
        if nation in nations
    }
    specs: list[TotalSpec] = []
    if "England" in by_nation and "Wales" in by_nation:
        specs.append(TotalSpec("England and Wales", by_nation["England"] + by_nation["Wales"]))
    for nation in ("England", "Wales", "Scotland", "Northern Ireland"):
        if nation in by_nation:
            specs.append(TotalSpec(nation, by_nation[nation]))
    return specs


def _total(spec: TotalSpec, yearly: dict[tuple[str, int], int], year: int) -> int | None:
    if not spec.members:
        return yearly.get((spec.name, year))
    values = [yearly.get((m, year)) for m in spec.members]
    # A sum with a force missing would understate the total: show "—" instead.
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def members_of(ds: Dataset, force: Force) -> tuple[str, ...]:
    """The forces whose figures make up ``force``: its members for a computed total (e.g.
    England and Wales), else just itself."""
    if force.kind == COMPUTED_TOTAL:
        for spec in total_specs(ds):
            if spec.name == force.name:
                return spec.members
    return (force.name,)


def find_force(ds: Dataset, name: str) -> Force:
    """The force, stated total or computed total (e.g. ``"England and Wales"``) called ``name``
    in ``ds``: what a row of a table stands for."""
    for spec in total_specs(ds):
        if spec.members and spec.name == name:
            return _total_force(ds, spec)
    return ds.reference.force(name)


def resolve_force(ds: Dataset, query: str) -> Force:
    """Resolve what the user typed to a force with figures in ``ds``, or to one of its computed
    totals written in full (``england and wales``, ``England & Wales``, ``wales``).

    Raises:
        UnknownForceError: no force matched, several did, or the force has no figures here.
    """
    key = " ".join(query.lower().replace("&", " and ").split())
    for spec in total_specs(ds):
        if spec.members and spec.name.lower() == key:
            return _total_force(ds, spec)
    return ds.reference.resolve(query, list(ds.forces), where=f"dataset '{ds.name}'")


def _total_force(ds: Dataset, spec: TotalSpec) -> Force:
    if not spec.members:
        return ds.reference.force(spec.name)
    return Force(
        name=spec.name,
        ons_code="",
        nation=spec.name,
        region=f"sum of {len(spec.members)} forces",
        kind=COMPUTED_TOTAL,
    )


# --------------------------------------------------------------------------------------------
# Force × year table (the Forces view)
# --------------------------------------------------------------------------------------------


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

    @property
    def trend_years(self) -> tuple[YearCoverage, ...]:
        """The years of each row's ``trend``."""
        return tuple(y for y in self.years if not y.partial)


def change_pair(
    ds: Dataset, yearly: dict[tuple[str, int], int], forces: list[Force]
) -> tuple[int, int] | None:
    """The two consecutive full years a table's "latest change" compares.

    For a complete dataset (figures by quarter, every force every year) that is simply the last two
    full years. For a sparse one (NSPCC FOI figures), it is the pair of consecutive years in which
    the most forces have both figures (the latest such pair on a tie), so the column is not all "—".
    """
    full = [c.year for c in ds.full_years]
    pairs = [(a, b) for a, b in zip(full, full[1:]) if b == a + 1]
    if not pairs:
        return None
    if ds.has_quarters:
        return pairs[-1]
    ranked = [f.name for f in forces if f.ranked]

    def both(pair: tuple[int, int]) -> int:
        return sum(1 for n in ranked if (n, pair[0]) in yearly and (n, pair[1]) in yearly)

    return max(reversed(pairs), key=both)


def force_table(
    ds: Dataset, selection: OffenceSelection, include_national: bool = False
) -> ForceTable:
    """A force × financial-year table with a trend and the latest change per force.

    The change is between the years :func:`change_pair` picks (the last two full years of a
    complete dataset); partial years are listed (and labelled) but never used for a change.
    """
    selection = normalise_selection(ds, selection)
    yearly = _yearly(ds, selection)
    years = ds.coverage
    forces = listed_forces(ds, include_national)
    pair = change_pair(ds, yearly, forces)
    change_from = ds.year(pair[0]) if pair else None
    change_to = ds.year(pair[1]) if pair else None
    latest_rank: dict[str, int] = {}
    if change_to is not None:
        latest_rank = ranks(
            {f.name: yearly.get((f.name, change_to.year)) for f in forces if f.ranked}
        )

    def make_row(force: Force, counts: tuple[int | None, ...], rank: int | None) -> ForceRow:
        by_year = dict(zip((y.year for y in years), counts))
        a = by_year.get(change_from.year) if change_from else None
        b = by_year.get(change_to.year) if change_to else None
        return ForceRow(
            force=force,
            counts=counts,
            trend=tuple(c for y, c in zip(years, counts) if not y.partial),
            change=change(a, b),
            pct_change=pct_change(a, b),
            rank=rank,
        )

    rows = tuple(
        make_row(f, tuple(yearly.get((f.name, y.year)) for y in years), latest_rank.get(f.name))
        for f in forces
    )
    totals = tuple(
        make_row(_total_force(ds, spec), tuple(_total(spec, yearly, y.year) for y in years), None)
        for spec in total_specs(ds)
    )
    return ForceTable(
        dataset=ds.name,
        offence=selection,
        years=years,
        rows=rows,
        totals=totals,
        change_from=change_from,
        change_to=change_to,
        unranked=sum(1 for f in forces if not f.ranked),
    )


# --------------------------------------------------------------------------------------------
# One force: series by year and by quarter, breakdown, rank, rate
# --------------------------------------------------------------------------------------------


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

    @property
    def partial(self) -> bool:
        """True when fewer than four quarters are present for this force and year."""
        return bool(self.quarters) and len(self.quarters) < 4

    @property
    def label(self) -> str:
        """The year's label, marking a partial year (``"2023/24 Q1"``)."""
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


def force_series(ds: Dataset, force: Force, selection: OffenceSelection) -> ForceSeries:
    """One force's counts by financial year, with changes, provenance and the national total."""
    selection = normalise_selection(ds, selection)
    yearly = _yearly(ds, selection)
    quarters = _force_quarters(ds, selection)
    specs = total_specs(ds)
    for spec in specs:
        if spec.members and spec.name == force.name:
            for cov in ds.coverage:
                total = _total(spec, yearly, cov.year)
                if total is not None:
                    yearly[(spec.name, cov.year)] = total
                    quarters[(spec.name, cov.year)] = cov.quarters
    provenance: dict[int, tuple[str, str]] = {}
    sel = ds.figures.filter(
        offence_filter(selection) & (pl.col(S.FORCE) == force.name) & pl.col(S.YEAR).is_not_null()
    )
    if selection.kind == "code":
        for year, release, url in sel.select(S.YEAR, S.RELEASE, S.SOURCE_URL).iter_rows():
            provenance[int(year)] = (release or "", url or "")
    alternatives: dict[int, list[Alternative]] = {}
    alt = ds.alternates.filter(
        offence_filter(selection) & (pl.col(S.FORCE) == force.name) & pl.col(S.YEAR).is_not_null()
    )
    for year, count, release, url in alt.select(
        S.YEAR, S.COUNT, S.RELEASE, S.SOURCE_URL
    ).iter_rows():
        if yearly.get((force.name, int(year))) != count:
            alternatives.setdefault(int(year), []).append(
                Alternative(count, release or "", url or "")
            )
    points: list[SeriesPoint] = []
    prev: SeriesPoint | None = None
    for cov in ds.coverage:
        count = yearly.get((force.name, cov.year))
        qs = quarters.get((force.name, cov.year), ())
        point_partial = bool(qs) and len(qs) < 4
        comparable = (
            prev is not None
            and prev.year.year == cov.year - 1
            and not prev.partial
            and not point_partial
        )
        before = prev.count if (comparable and prev is not None) else None
        release, url = provenance.get(cov.year, ("", ""))
        point = SeriesPoint(
            year=cov,
            count=count,
            quarters=qs,
            change=change(before, count) if comparable else None,
            pct_change=pct_change(before, count) if comparable else None,
            release=release,
            source_url=url,
            alternatives=tuple(alternatives.get(cov.year, ())),
        )
        points.append(point)
        prev = point
    others = ds.figures.filter(
        offence_filter(selection) & (pl.col(S.FORCE) == force.name) & pl.col(S.YEAR).is_null()
    ).sort(S.PERIOD)
    other_periods = tuple(
        OtherPeriod(
            period=row[S.PERIOD],
            offence=row[S.OFFENCE] or row[S.OFFENCE_CODE],
            count=row[S.COUNT],
            release=row[S.RELEASE] or "",
            source_url=row[S.SOURCE_URL] or "",
            quote=row[S.QUOTE] or "",
        )
        for row in others.iter_rows(named=True)
    )
    national_name = specs[0].name if specs else ""
    national = tuple(_total(specs[0], yearly, c.year) for c in ds.coverage) if specs else ()
    return ForceSeries(
        dataset=ds.name,
        force=force,
        offence=selection,
        points=tuple(points),
        other_periods=other_periods,
        national_name=national_name,
        national=national,
    )


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


def force_quarters(
    ds: Dataset, force: Force, selection: OffenceSelection
) -> tuple[QuarterPoint, ...]:
    """One force's counts by quarter (empty for datasets without quarters)."""
    selection = normalise_selection(ds, selection)
    found = _quarterly(ds, selection, members_of(ds, force))
    points = []
    for cov in ds.coverage:
        for q in cov.quarters:
            points.append(QuarterPoint(cov.year, q, found.get((cov.year, q))))
    return tuple(points)


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
        total: int | None = int(stated.get_column(S.COUNT)[0])
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


@dataclass(frozen=True)
class Rate:
    """A rate per 100,000 people, with the population it uses."""

    per_100k: float
    population: int
    population_year: int
    source: str


def rate_per_100k(ds: Dataset, force: Force, year: int, count: int | None) -> Rate | None:
    """Rate per 100,000 for a ranked force, or a computed total (over the population of all its
    forces), using the population of the calendar year the financial year starts in (mid-``year``
    estimate or a census that year); ``None`` when there is no such population, the count is
    missing, or the body has no area."""
    if count is None or not (force.ranked or force.kind == COMPUTED_TOTAL):
        return None
    pops = [ds.reference.population(name, year) for name in members_of(ds, force)]
    if not pops or any(p is None or p.population <= 0 for p in pops):
        return None  # a total's rate needs the population of every member
    people = sum(p.population for p in pops if p is not None)
    first = pops[0]
    assert first is not None
    return Rate(count / people * 100_000, people, first.year, first.source)


# --------------------------------------------------------------------------------------------
# Two years side by side (the Compare view and `ox compare`)
# --------------------------------------------------------------------------------------------


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

    @property
    def rank_change(self) -> int | None:
        """Places moved up (positive) or down (negative) between the two years."""
        if self.rank_a is None or self.rank_b is None:
            return None
        return self.rank_a - self.rank_b


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


def compare_years(
    ds: Dataset,
    year_a: int,
    year_b: int,
    selection: OffenceSelection,
    *,
    include_national: bool = False,
    like_for_like: bool = False,
) -> Comparison:
    """Compare two financial years for every listed force.

    Args:
        ds: the dataset.
        year_a: start year of the first year (e.g. 2016 for 2016/17).
        year_b: start year of the second year.
        selection: the offences counted.
        include_national: also list BTP, fraud bodies and combined figures (never ranked).
        like_for_like: compare only the quarters present in both years, so a partial year can be
            compared fairly with a full one.

    Raises:
        UnknownYearError: a year is not in the dataset.
    """
    selection = normalise_selection(ds, selection)
    cov_a, cov_b = pick_year(ds, year_a), pick_year(ds, year_b)
    quarters: tuple[int, ...] | None = None
    warnings: list[str] = []
    if like_for_like and cov_a.quarters and cov_b.quarters:
        quarters = tuple(sorted(set(cov_a.quarters) & set(cov_b.quarters)))
    # A partial year against a year with other quarters: counts shown, no change computed.
    unlike = quarters is None and cov_a.quarters != cov_b.quarters
    if unlike:
        partial = ", ".join(
            f"{c.label} ({len(c.quarters)} of 4 quarters)" for c in _partials(cov_a, cov_b)
        )
        warnings.append(
            f"partial year: {partial}; the change is not computed between years with different "
            "quarters (compare like-for-like quarters instead)"
        )
    yearly = _yearly(ds, selection, quarters)
    forces = listed_forces(ds, include_national)
    both = {
        f.name: (yearly.get((f.name, year_a)), yearly.get((f.name, year_b)))
        for f in forces
        if f.ranked
    }
    # Ranked only where both years have a figure, so the ranks of the two years are comparable.
    compared = {name: ab for name, ab in both.items() if None not in ab}
    rank_a = ranks({name: a for name, (a, _b) in compared.items()})
    rank_b = ranks({name: b for name, (_a, b) in compared.items()})
    rows: list[CompareRow] = []
    left_out = [name for name in both if name not in compared]
    for f in forces:
        a, b = yearly.get((f.name, year_a)), yearly.get((f.name, year_b))
        if not f.ranked and a is None and b is None:
            continue
        rows.append(_compare_row(f, a, b, unlike, rank_a.get(f.name), rank_b.get(f.name)))
    totals = [
        _compare_row(
            _total_force(ds, spec),
            _total(spec, yearly, year_a),
            _total(spec, yearly, year_b),
            unlike,
            None,
            None,
        )
        for spec in total_specs(ds)
    ]
    return Comparison(
        dataset=ds.name,
        offence=selection,
        year_a=cov_a,
        year_b=cov_b,
        rows=tuple(rows),
        totals=tuple(totals),
        left_out=tuple(left_out),
        warnings=tuple(warnings),
        quarters=quarters,
    )


def _partials(*covs: YearCoverage) -> list[YearCoverage]:
    """The partial years among ``covs``, each once."""
    seen: dict[int, YearCoverage] = {}
    for cov in covs:
        if cov.partial:
            seen.setdefault(cov.year, cov)
    return list(seen.values())


def _compare_row(
    force: Force,
    a: int | None,
    b: int | None,
    unlike: bool,
    rank_a: int | None,
    rank_b: int | None,
) -> CompareRow:
    if unlike:
        return CompareRow(force, a, b, None, None, rank_a, rank_b)
    return CompareRow(force, a, b, change(a, b), pct_change(a, b), rank_a, rank_b)


def default_compare_pair(ds: Dataset, selection: OffenceSelection) -> tuple[int, int] | None:
    """The Compare view's default years: the same pair as the force table's latest change."""
    selection = normalise_selection(ds, selection)
    return change_pair(ds, _yearly(ds, selection), listed_forces(ds)) or latest_full_pair(ds)


def latest_full_pair(ds: Dataset) -> tuple[int, int] | None:
    """The two latest full years, oldest first."""
    full = ds.full_years
    if len(full) < 2:
        return None
    return full[-2].year, full[-1].year


def comparable_pairs(ds: Dataset, limit: int = 12) -> list[tuple[int, int]]:
    """Consecutive pairs of full years with figures, newest first (for the command palette)."""
    full = [c.year for c in ds.full_years]
    pairs = [(a, b) for a, b in zip(full, full[1:]) if b == a + 1]
    return list(reversed(pairs))[:limit]


# --------------------------------------------------------------------------------------------
# Everything the force detail view shows, in one call (for one worker)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForceDetail:
    """A force's series, quarters, rank, rate and offence breakdown for one view."""

    series: ForceSeries
    quarters: tuple[QuarterPoint, ...]
    breakdown: Breakdown | None
    rank_year: YearCoverage | None
    rank: int | None
    ranked_forces: int
    """How many forces have a figure (and so a rank) that year."""
    rate_year: YearCoverage | None
    rate: Rate | None
    national_quarters: tuple[int | None, ...]
    """The national total by quarter, aligned with ``quarters``."""


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
        yearly = _yearly(ds, selection)
        counts = {
            f.name: yearly.get((f.name, rank_year.year)) for f in listed_forces(ds) if f.ranked
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
        sums = _quarterly(ds, selection, specs[0].members)
        national_quarters = tuple(sums.get((p.year, p.quarter)) for p in quarters)
    return ForceDetail(
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


@dataclass(frozen=True)
class Extremes:
    """The biggest rise and fall in a comparison (by % change, forces with both figures)."""

    rise: CompareRow | None
    fall: CompareRow | None


def extremes(rows: Iterable[CompareRow]) -> Extremes:
    """The ranked forces with the largest and smallest % change."""
    ranked = [r for r in rows if r.force.ranked and r.pct_change is not None]
    if not ranked:
        return Extremes(None, None)
    rise = max(ranked, key=lambda r: r.pct_change or 0.0)
    fall = min(ranked, key=lambda r: r.pct_change or 0.0)
    return Extremes(
        rise if (rise.pct_change or 0) > 0 else None, fall if (fall.pct_change or 0) < 0 else None
    )
