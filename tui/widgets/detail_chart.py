"""What the detail view's chart draws: a force's series by year or by quarter, with the national
trend off, indexed (first year = 100) or overlaid, and the recording events marked."""

from __future__ import annotations

from tui.model.results.detail_types import ForceDetail
from tui.model.stats.changes import index_series
from tui.widgets.event_marks import chart_marks
from tui.widgets.trend_chart import ChartSeries, NationalMode


def detail_chart(
    d: ForceDetail, name: str, quarterly: bool, national_mode: NationalMode
) -> ChartSeries:
    """The chart of ``d`` (by quarter when ``quarterly`` and the dataset has quarters)."""
    if quarterly and d.quarters:
        labels = tuple(q.label for q in d.quarters)
        values: list[float | None] = [q.count for q in d.quarters]
        national: list[float | None] = list(d.national_quarters)
    else:
        points = [p for p in d.series.points if not p.partial and not p.year.partial]
        labels = tuple(p.label for p in points)
        values = [p.count for p in points]
        index = {p.year.year: i for i, p in enumerate(d.series.points)}
        national = [
            d.series.national[index[p.year.year]] if d.series.national else None for p in points
        ]
    y_label, index_base = "", ""
    if national_mode == "off" or not any(v is not None for v in national):
        national = []
    elif national_mode == "index":
        base = next((i for i, v in enumerate(values) if v), 0)
        values = index_series(values, base)  # type: ignore[arg-type]
        national = index_series(national, base)  # type: ignore[arg-type]
        # By quarter the first quarter is 100, not the first year (the legend said "year").
        first = "first quarter" if quarterly and d.quarters else "first year"
        y_label, index_base = "index", first
        if labels:
            index_base = f"{first} ({labels[base]})" if base == 0 else labels[base]
    return ChartSeries(
        labels=labels,
        values=tuple(values),
        name=name,
        national=tuple(national),
        national_name=d.series.national_name,
        y_label=y_label,
        index_base=index_base,
        marks=chart_marks(d.events, labels),
    )
