"""One force's series: by financial year (with provenance and the national total) and by quarter."""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import STATED_TOTAL, Force
from tui.model.figures.membership import membership_changes
from tui.model.figures.selection import (
    force_quarter_sets,
    normalise_selection,
    offence_filter,
    quarterly_totals,
    yearly_counts,
)
from tui.model.figures.totals import members_of, total_for, total_specs
from tui.model.results.detail_types import (
    Alternative,
    ForceSeries,
    OtherPeriod,
    QuarterPoint,
    SeriesPoint,
)
from tui.model.stats.changes import change, change_marks, pct_change


def force_series(ds: Dataset, force: Force, selection: OffenceSelection) -> ForceSeries:
    """One force's counts by financial year, with changes, provenance and the national total."""
    selection = normalise_selection(ds, selection)
    yearly = yearly_counts(ds, selection)
    quarters = force_quarter_sets(ds, selection)
    specs = total_specs(ds)
    for spec in specs:
        if spec.members and spec.name == force.name:
            for cov in ds.coverage:
                total = total_for(spec, yearly, cov.year)
                if total is not None:
                    yearly[(spec.name, cov.year)] = total
                    quarters[(spec.name, cov.year)] = cov.quarters
    provenance: dict[int, tuple[str, str, str]] = {}
    sel = ds.figures.filter(
        offence_filter(selection) & (pl.col(S.FORCE) == force.name) & pl.col(S.YEAR).is_not_null()
    )
    if selection.kind == "code":
        for year, release, url, quote in sel.select(
            S.YEAR, S.RELEASE, S.SOURCE_URL, S.QUOTE
        ).iter_rows():
            provenance[int(year)] = (release or "", url or "", quote or "")
    stated_as = _stated_as(ds, force, selection, sel)
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
        release, url, quote = provenance.get(cov.year, ("", "", ""))
        point = SeriesPoint(
            year=cov,
            count=count,
            quarters=qs,
            change=change(before, count) if comparable else None,
            pct_change=pct_change(before, count) if comparable else None,
            release=release,
            source_url=url,
            alternatives=tuple(alternatives.get(cov.year, ())),
            quote=quote,
            stated_as=stated_as.get(cov.year, ()),
        )
        significant, crosses = change_marks(prev, point)
        point = replace(point, significant=significant, crosses_releases=crosses)
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
    national = tuple(total_for(specs[0], yearly, c.year) for c in ds.coverage) if specs else ()
    return ForceSeries(
        dataset=ds.name,
        force=force,
        offence=selection,
        points=tuple(points),
        other_periods=other_periods,
        national_name=national_name,
        national=national,
        membership=membership_changes(ds, selection),
    )


def _stated_as(
    ds: Dataset, force: Force, selection: OffenceSelection, own: pl.DataFrame
) -> dict[int, tuple[tuple[str, str], ...]]:
    """For a stated total: the other stated totals given the same count for the same year in the
    same release, with their quotes (one figure described as covering different areas)."""
    if force.kind != STATED_TOTAL or selection.kind != "code" or S.QUOTE not in ds.figures.columns:
        return {}
    totals = [f.name for f in ds.reference.forces.values() if f.kind == STATED_TOTAL]
    others = ds.figures.filter(
        offence_filter(selection)
        & pl.col(S.FORCE).is_in([t for t in totals if t != force.name])
        & pl.col(S.YEAR).is_not_null()
    )
    same = own.select(S.YEAR, S.RELEASE, S.COUNT).join(
        others.select(S.YEAR, S.RELEASE, S.COUNT, S.FORCE, S.QUOTE),
        on=[S.YEAR, S.RELEASE, S.COUNT],
    )
    found: dict[int, tuple[tuple[str, str], ...]] = {}
    for year, area, quote in same.sort(S.FORCE).select(S.YEAR, S.FORCE, S.QUOTE).iter_rows():
        found[int(year)] = (*found.get(int(year), ()), (area, quote or ""))
    return found


def force_quarters(
    ds: Dataset, force: Force, selection: OffenceSelection
) -> tuple[QuarterPoint, ...]:
    """One force's counts by quarter (empty for datasets without quarters)."""
    selection = normalise_selection(ds, selection)
    found = quarterly_totals(ds, selection, members_of(ds, force))
    points = []
    for cov in ds.coverage:
        for q in cov.quarters:
            points.append(QuarterPoint(cov.year, q, found.get((cov.year, q))))
    return tuple(points)
