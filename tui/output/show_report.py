"""``ox show FORCE`` as a report: a force's counts by financial year (or quarter), one function
per section (the year columns, a year's record, the notes, other periods), each unit-tested.

Headless: no Textual, and no dataframe work (the model has done it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from tui.formatting import fmt_count
from tui.model.data.catalogue import DatasetInfo
from tui.model.data.events import events_for
from tui.model.data.measure import measure_id
from tui.model.data.population import rate_for
from tui.model.data.reference import Force, area_words
from tui.model.data.years import fy_label, quarters_label
from tui.model.results.detail_types import ForceSeries, MeasurePair, QuarterPoint, SeriesPoint
from tui.model.stats.changes import NEGATIVE_NOTE, any_negative
from tui.output.reports import (
    RATE_NOTE,
    Column,
    Record,
    Report,
    _change,
    _count,
    _pct,
    _quarters,
    _rate,
    dataset_lines,
    membership_notes,
)
from tui.output.show_marks import chance_and_release, mark_notes, marked_pct


class DatasetFacts(Protocol):
    """What a show report says about its dataset: a loaded dataset, or a stored answer's
    (:mod:`tui.model.store.derived_store`), so an answer is printed the same either way."""

    @property
    def info(self) -> DatasetInfo:
        """Name, title, source and licence."""
        ...

    @property
    def has_quarters(self) -> bool:
        """True when figures are given by quarter."""
        ...


def show_report(
    ds: DatasetFacts, series: ForceSeries, quarterly: Sequence[QuarterPoint] = ()
) -> Report:
    """A force's counts by financial year (or by quarter when ``quarterly`` is given)."""
    title = f"{series.force.name}: {series.offence.label}"
    subtitle = dataset_lines(ds.info)
    if quarterly:
        report = quarterly_report(title, subtitle, series.force.name, quarterly)
        # The caveats the years' table carries: partial years, codes that joined or left the
        # offence, the dataset's recording caveats (the quarters export had none, issue 20).
        report.notes += quarter_notes(series)
        report.notes += membership_notes(series.offence, series.membership)
        if ds.info.notes:
            report.notes.append(ds.info.notes)
        report.columns = name_rows(report.columns, series.force)
        report.notes += offence_event_notes(ds.info, series)
        return report
    has_provenance = (
        any(p.release for p in series.points if p.count is not None) and not ds.has_quarters
    )
    notes: list[str] = []
    records = []
    for before, p in zip((None, *series.points), series.points):
        record, point_notes = year_record(series.force.name, p, has_provenance, before)
        records.append(record)
        notes += [n for n in point_notes if n not in notes]  # a rate's caveat said once
    columns = name_rows(hide_empty_columns(year_columns(ds, has_provenance), records), series.force)
    # Only financial years with a figure, unless the force has none at all.
    shown = [r for r in records if r["count"] is not None] or records
    notes += year_notes(shown, has_provenance)
    if any_negative(r["count"] for r in shown):  # type: ignore[misc]
        notes.append(NEGATIVE_NOTE)
    notes += membership_notes(series.offence, series.membership)
    if ds.info.notes:
        notes.append(ds.info.notes)
    notes += offence_event_notes(ds.info, series)
    report = Report(title, columns, shown, subtitle, notes)
    section = other_periods_section(series)
    if section is not None:
        report.sections.append(section)
    return report


def offence_event_notes(info: DatasetInfo, series: ForceSeries) -> list[str]:
    """A note for each event (data/events.csv) that names the offence shown, in the years shown,
    as the detail view marks them on its chart: code 28E's 2023/24 fall of 98.7% is residential
    burglary split into new codes, not a fall in burglary (trial 2: ``ox show`` said nothing of
    it). Events about every offence are left to ``ox events``. Built from the series alone, so
    an answer from the derived-data store reads the same."""
    if series.offence.kind == "all":
        return []
    years = [p.year.year for p in series.points]
    found = events_for(series.force.name, series.offence, years, measure=measure_id(info))
    return [f"{fy_label(e.year)}: {e.title} (ox events)" for e in found if not e.all_offences]


def name_rows(columns: list[Column], force: Force) -> list[Column]:
    """``columns`` with the (hidden) ``force`` column headed as the force is called: "Council
    area" for an area of Recorded Crime in Scotland (a copy's header says it)."""
    word = area_words([force])[0]
    return [replace(c, header=word) if c.key == "force" else c for c in columns]


def quarterly_report(
    title: str, subtitle: list[str], force: str, quarterly: Sequence[QuarterPoint]
) -> Report:
    """The quarters section of ``show``: a force's count in each quarter."""
    columns = [
        Column("force", "Force", show=False),
        Column("year", "Year"),
        Column("quarter", "Quarter"),
        Column("count", "Count", _count, numeric=True),
    ]
    records: list[Record] = [
        {"force": force, "year": q.label.split(" ")[0], "quarter": q.quarter, "count": q.count}
        for q in quarterly
    ]
    return Report(title, columns, records, subtitle, [])


def quarter_notes(series: ForceSeries) -> list[str]:
    """A partial year's note for each year of the quarters table with fewer than four quarters
    (the year in the whole dataset, or only this force's figures)."""
    notes = []
    for p in series.points:
        if p.count is not None and (p.partial or p.year.partial):
            covered = quarters_label(p.quarters or p.year.quarters)
            notes.append(_partial_note(series.force.name, p.year.fy, p.year.partial, covered))
    return notes


def pair_notes(pair: MeasurePair | None) -> list[str]:
    """The other measure a view shows beside the series (NSPCC FOI figures beside Home Office
    code 86), as notes: labelled, each year's two figures apart, never in the series' rows."""
    if pair is None:
        return []
    a, b = pair.label_a, pair.label_b
    years = "; ".join(
        f"{r.year}: {fmt_count(r.count_a)} ({a}), {fmt_count(r.count_b)} ({b})" for r in pair.rows
    )
    return [
        f"Both measures, side by side (not in the rows above, never one series): {pair.force}, "
        f"{pair.label_a} (dataset {pair.dataset_a}) and {pair.label_b} (dataset "
        f"{pair.dataset_b}), by financial year: {years}.",
        pair.why,
    ]


def year_columns(ds: DatasetFacts, has_provenance: bool) -> list[Column]:
    """The columns of the financial-years table (with the releases when figures carry them)."""
    columns = [
        Column("force", "Force", show=False),
        Column("year", "Year"),
        Column("count", "Count", _count, numeric=True),
        Column("change", "Change", _change, numeric=True),
        Column("pct_change", "%", _pct, numeric=True, cell=marked_pct),
        Column("quarters", "Quarters", _quarters, csv=_quarters, show=ds.has_quarters),
        Column("partial", "Partial", show=False),
        Column("rate", "Per 100k", _rate, numeric=True),
        Column("population_year", "Pop.", show=False),
        Column("significant", "Beyond chance", show=False),
        Column("crosses_releases", "Across releases", show=False),
    ]
    if has_provenance:
        columns += [
            Column("release", "Release"),
            Column("source_url", "Source", show=False),
            Column("also_stated", "Also stated", show=True),
        ]
    return columns


def year_record(
    force: str, p: SeriesPoint, has_provenance: bool, before: SeriesPoint | None = None
) -> tuple[Record, list[str]]:
    """One financial year of a force as a record, and the notes it needs (the rate's caveat, a
    partial year's); ``before`` is the year before, whose figure the change is from (for the
    chance and release marks)."""
    notes: list[str] = []
    rec: Record = {
        "force": force,
        "year": p.year.fy,
        "count": p.count,
        "change": p.change,
        "pct_change": p.pct_change,
        "quarters": None,
        "partial": False,
    }
    # A rate only for a whole year: a partial year's count is not set against a year's people.
    rate = None if p.partial or p.year.partial else rate_for(force, p.year.year, p.count)
    rec["rate"] = rate.per_100k if rate else None
    rec["population_year"] = rate.mid_year if rate else None
    if rate and rate.caveat:
        notes.append(rate.caveat)
    if p.partial or p.year.partial:
        covered = quarters_label(p.quarters or p.year.quarters)
        rec["quarters"] = covered
        rec["partial"] = True
        if p.count is not None:
            notes.append(_partial_note(force, p.year.fy, p.year.partial, covered))
    rec |= chance_and_release(before, p)
    if has_provenance:
        rec["release"] = p.release or None
        rec["source_url"] = p.source_url or None
        rec["also_stated"] = "; ".join(f"{a.count:,} ({a.release})" for a in p.alternatives) or None
        notes += stated_as_notes(force, p)
    return rec, notes


def stated_as_notes(force: str, p: SeriesPoint) -> list[str]:
    """A figure the sources also give for another area (NSPCC 2021/22: 30,925 as 'UK' and as
    'England and Wales'): what each says, quoted, so the two are never read as two counts."""
    if not p.stated_as or p.count is None:
        return []
    others = " and ".join(f"the {area} ({_quoted(q)})" for area, q in p.stated_as)
    return [
        f"{p.year.fy}: {p.count:,} is stated as the {force} ({_quoted(p.quote)}) and, in the same "
        f"release ({p.release}), as {others}: one figure the sources describe two ways, not two "
        "counts."
    ]


def _quoted(quote: str) -> str:
    return f'"{quote}"' if quote else "no quote kept"


def hide_empty_columns(columns: list[Column], records: Sequence[Record]) -> list[Column]:
    """Columns without a value anywhere are hidden in tables, and kept in CSV for a stable
    header."""
    return [
        replace(c, show=False)
        if c.key in ("quarters", "also_stated") and not any(r.get(c.key) for r in records)
        else c
        for c in columns
    ]


def year_notes(shown: Sequence[Record], has_provenance: bool) -> list[str]:
    """What the years shown need said: how rates are worked out, figures stated more than once,
    and where each figure comes from."""
    notes = []
    if any(r.get("rate") is not None for r in shown):
        notes.append(RATE_NOTE)
    notes += mark_notes(shown)
    if has_provenance:
        if any(r.get("also_stated") for r in shown):
            notes.append(
                "Each figure is shown as first stated (earliest release); "
                "'Also stated' lists other figures for the same year."
            )
        urls = sorted({str(r["source_url"]) for r in shown if r.get("source_url")})
        notes += [f"Source: {u}" for u in urls]
    return notes


def other_periods_section(series: ForceSeries) -> Report | None:
    """The figures for calendar years and multi-year totals, as a section of their own."""
    if not series.other_periods:
        return None
    return Report(
        "Other periods (calendar years and multi-year totals; not in any financial-year column)",
        [
            Column("period", "Period"),
            Column("count", "Count", _count, numeric=True),
            Column("release", "Release"),
            Column("source_url", "Source"),
        ],
        [
            {"period": o.period, "count": o.count, "release": o.release, "source_url": o.source_url}
            for o in series.other_periods
        ],
    )


def _partial_note(force: str, fy: str, year_partial: bool, covered: str) -> str:
    """Why a year's count is not compared: the year lacks quarters in the whole dataset, or
    only this force's figures do (e.g. "Greater Manchester has 2019/20 Q2-Q4 only")."""
    if year_partial:
        return f"{fy} is a partial year ({covered} only): its count is not compared with others."
    return f"{force} has {fy} {covered} only: its count is not compared with other years."


def other_periods_records(series: ForceSeries) -> list[Record]:
    """Figures for non-financial-year periods as records (``year`` is null)."""
    return [
        {
            "force": series.force.name,
            "year": None,
            "period": o.period,
            "count": o.count,
            "release": o.release,
            "source_url": o.source_url,
        }
        for o in series.other_periods
    ]
