"""What the detail view adds to a force's series: its rates, the chance interval of its latest
change, the recording events that apply, and the other measure side by side."""

from __future__ import annotations

from dataclasses import replace

from tui.model.data.dataset import Dataset
from tui.model.data.events import events_for
from tui.model.data.measure import measure_id
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.figures.side_by_side import other_measure
from tui.model.figures.totals import members_of
from tui.model.results.detail_types import ForceDetail, ForceSeries, Rate
from tui.model.stats.chance import change_interval
from tui.model.stats.rates import population_of, rate_caveat

RATE_SOURCE = "ONS mid-year estimate"


def point_rates(ds: Dataset, force: Force, series: ForceSeries) -> tuple[Rate | None, ...]:
    """The rate per 100,000 for each point of ``series`` (``None`` for a partial year, a missing
    count or population)."""
    members = members_of(ds, force)
    caveat = rate_caveat(force)
    out: list[Rate | None] = []
    for p in series.points:
        figure = population_of(force, p.year.year, members)
        if p.count is None or p.count < 0 or p.partial or p.year.partial or figure is None:
            out.append(None)
            continue
        out.append(
            Rate(
                per_100k=p.count / figure.population * 100_000,
                population=figure.population,
                population_year=figure.mid_year,
                source=RATE_SOURCE,
                caveat=caveat,
            )
        )
    return tuple(out)


def with_extras(
    ds: Dataset, force: Force, selection: OffenceSelection, detail: ForceDetail
) -> ForceDetail:
    """``detail`` with rates, the latest change's interval, events and the other measure."""
    points = detail.series.points
    latest = None
    for i in range(len(points) - 1, 0, -1):
        p, before = points[i], points[i - 1]
        if p.change is not None and p.count is not None and before.count is not None:
            latest = change_interval(before.count, p.count)
            break
    years = {p.year.year for p in points}
    events = events_for(
        force.name,
        selection,
        years,
        members=members_of(ds, force),
        catalogue=ds.offences,
        measure=measure_id(ds.info),
    )
    return replace(
        detail,
        rates=point_rates(ds, force, detail.series),
        latest_change=latest,
        events=tuple(events),
        other_measure=other_measure(ds, force.name, selection),
    )
