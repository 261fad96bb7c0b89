"""Every recording event is shown where it applies (the detail's facts and chart marks, the
comparison note), and not where it does not; rates and chance on rows follow their rules.

Expected populations come from the shared file, never from the app's copy.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.events import Event, load_events
from tui.model.data.years import fy_label
from tui.model.figures.comparison import compare_years
from tui.model.figures.detail import force_detail
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.figures.totals import find_force, resolve_force
from tui.model.results.comparison_types import Comparison
from tui.model.results.detail_types import ForceDetail
from tui.output.compare_report import event_line, honest_compare_report
from tui.widgets.detail_notes import events_text
from tui.widgets.event_marks import chart_marks

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""

SHARED = Path("/work/shared/data-sources/reference/pfa_population_series.csv")


@pytest.fixture(scope="module")
def ho() -> Dataset:
    return load_dataset(OCT23)


def shared_population(force: str, year: int) -> int:
    with open(SHARED, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if (r["force"], r["year"]) == (force, str(year))]
    return int(rows[0]["population"])


def _offence_text(event: Event) -> str:
    """An offence selection the event applies to (its first token, or all offences)."""
    return "all" if event.all_offences else event.offences[0]


def _in_coverage(ds: Dataset, event: Event) -> bool:
    return ds.year(event.year) is not None and not ds.year(event.year).partial  # type: ignore[union-attr]


def test_every_event_in_the_data_years_is_in_the_detail_and_on_its_chart(ho: Dataset) -> None:
    checked = 0
    details: dict[tuple[str, str], ForceDetail] = {}
    for event in load_events():
        if not _in_coverage(ho, event):
            continue
        force = resolve_force(ho, event.force or "Northamptonshire")
        selection = pick_offence(ho, _offence_text(event))
        key = (force.name, _offence_text(event))  # 62 events, 55 details: each made once
        if key not in details:
            details[key] = force_detail(ho, force, selection)
        detail = details[key]
        assert event in detail.events, (event.title, force.name, selection.label)
        number = detail.events.index(event) + 1
        text = events_text(detail.events).plain
        assert f"E{number} {fy_label(event.year)}" in text and event.title in text
        assert event.source_url in text
        labels = tuple(p.label for p in detail.series.points if not p.partial)
        assert (labels.index(fy_label(event.year)) + 1, f"E{number}") in chart_marks(
            detail.events, labels
        )
        checked += 1
    assert checked >= 15


def test_a_force_event_is_not_shown_for_another_force_but_is_for_its_total(ho: Dataset) -> None:
    devon = next(e for e in load_events() if e.force == "Devon & Cornwall" and e.year == 2016)
    north = force_detail(ho, resolve_force(ho, "Northamptonshire"), pick_offence(ho, "86"))
    assert devon not in north.events
    total = force_detail(ho, find_force(ho, "England and Wales"), pick_offence(ho, "86"))
    assert devon in total.events


def test_every_event_is_noted_in_a_comparison_across_its_year(ho: Dataset) -> None:
    checked = 0
    last = ho.full_years[-1].year
    compared: dict[tuple[int, int, str], tuple[Comparison, list[str]]] = {}
    for event in load_events():
        # A fraud body's event (UK Finance's name) is noted only where national bodies are shown.
        national_body = event.force and ho.reference.forces[event.force].kind != "territorial"
        if not _in_coverage(ho, event) or national_body:
            continue
        a, b = (event.year, event.year + 1) if event.year < last else (event.year - 1, event.year)
        key = (a, b, _offence_text(event))  # 62 events, 19 comparisons: each made once
        if key not in compared:
            cmp = compare_years(ho, a, b, pick_offence(ho, key[2]))
            compared[key] = cmp, honest_compare_report(ho, cmp).notes
        cmp, notes = compared[key]
        assert event in cmp.events, event.title
        assert event_line(event) in notes
        checked += 1
    assert checked >= 15
    # Not noted when the event lies outside the two years.
    later = compare_years(ho, 2021, 2022, pick_offence(ho, "86"))
    assert all(e.year in (2021, 2022) for e in later.events)


def test_rates_on_rows_follow_the_rules(ho: Dataset) -> None:
    table = force_table(ho, pick_offence(ho, "86"))
    years = [c.year for c in table.years]
    north = next(r for r in table.rows if r.force.name == "Northamptonshire")
    at = years.index(2017)
    assert north.counts[at] == 269
    assert north.rates[at] == pytest.approx(269 / shared_population("Northamptonshire", 2017) * 1e5)
    assert round(north.rates[at], 2) == 35.42  # type: ignore[arg-type]
    partial = next(i for i, c in enumerate(table.years) if c.partial)
    assert north.counts[partial] is not None and north.rates[partial] is None
    city = next(r for r in table.rows if r.force.name == "London, City of")
    assert city.rate_caveat is not None and "City of London" in city.rate_caveat
    ew = table.totals[0]
    assert ew.force.name == "England and Wales"
    with open(SHARED, newline="", encoding="utf-8") as fh:
        people = sum(int(r["population"]) for r in csv.DictReader(fh) if r["year"] == "2017")
    assert ew.rates[at] == pytest.approx(ew.counts[at] / people * 1e5)  # type: ignore[operator]
    national = force_table(ho, pick_offence(ho, "86"), include_national=True)
    btp = next(r for r in national.rows if r.force.name == "British Transport Police")
    assert btp.counts[at] is not None and all(r is None for r in btp.rates)
    # Rank by rate: 1 is the highest rate in the latest change year.
    change_at = years.index(table.change_to.year)  # type: ignore[union-attr]
    top = min((r for r in table.rows if r.rate_rank), key=lambda r: r.rate_rank or 99)
    assert top.rates[change_at] == max(r.rates[change_at] or 0 for r in table.rows)


def test_no_rates_for_a_partial_year_comparison(ho: Dataset) -> None:
    cmp = compare_years(ho, 2022, 2023, pick_offence(ho, "86"), like_for_like=True)
    assert all(r.rate_a is None and r.rate_b is None for r in cmp.rows)
    assert cmp.population_years is None
    # Like-for-like quarters still get a chance test on the counts compared.
    assert any(r.significant is not None for r in cmp.rows)
