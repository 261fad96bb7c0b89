"""The detail view's facts, built by pure functions: each kind of fact on its own, checked against
the published figures (Home Office PFA tables, Oct 2023 release), and the panel as their sum."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.reference import Force
from tui.model.figures.detail import force_detail
from tui.model.figures.selection import pick_offence
from tui.model.figures.totals import resolve_force
from tui.model.results.detail_types import Alternative, ForceDetail, OtherPeriod
from tui.widgets.detail_facts import (
    MAX_SOURCES,
    codes_text,
    facts_text,
    full_years,
    latest_change_text,
    other_figures_text,
    partial_years_text,
    rank_text,
    rate_text,
    sources_text,
)
from tui.widgets.detail_notes import events_text, pair_text

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""


@pytest.fixture(scope="module")
def ho() -> Dataset:
    return load_dataset(OCT23)


@pytest.fixture(scope="module")
def northants(ho: Dataset) -> tuple[ForceDetail, Force]:
    """Northamptonshire, code 86: 544 in 2021/22, 737 in 2022/23, 225 in 2023/24 Q1."""
    force = resolve_force(ho, "Northamptonshire")
    return force_detail(ho, force, pick_offence(ho, "86")), force


def test_latest_change_is_between_the_last_two_full_years(
    northants: tuple[ForceDetail, Force],
) -> None:
    detail, _ = northants
    first = latest_change_text(detail).plain.splitlines()[0]
    # 737 - 544 = 193; 193 / 544 = 35.48 %.
    assert first == "Latest change 2021/22 → 2022/23: +193 (+35.5%)"


def test_one_full_year_gives_the_latest_figure_and_none_says_so(
    northants: tuple[ForceDetail, Force],
) -> None:
    detail, _ = northants
    full = full_years(detail)
    only_first = [p if p is full[0] else replace(p, count=None) for p in detail.series.points]
    one = replace(detail, series=replace(detail.series, points=tuple(only_first)))
    assert latest_change_text(one).plain == "Latest figure 2012/13: 52\n"  # the table's 52
    none = [replace(p, count=None) for p in detail.series.points]
    empty = replace(detail, series=replace(detail.series, points=tuple(none)))
    assert latest_change_text(empty).plain == "No financial-year figure for this offence.\n"


def test_the_partial_year_is_named_and_not_compared(northants: tuple[ForceDetail, Force]) -> None:
    detail, force = northants
    assert partial_years_text(detail, force).plain == (
        "2023/24 Q1: 225 (partial year, not compared)\n"
    )


def test_a_force_with_part_of_a_year_says_which_quarters(
    northants: tuple[ForceDetail, Force],
) -> None:
    detail, force = northants
    points = [
        replace(p, quarters=(2, 3, 4)) if p.year.year == 2019 else p
        for p in detail.series.points
        if not p.year.partial
    ]
    short = replace(detail, series=replace(detail.series, points=tuple(points)))
    assert partial_years_text(short, force).plain == (
        "2019/20: 527 (Northamptonshire has Q2-Q4 only: not compared)\n"
    )


def test_rank_and_rate_of_a_force_and_of_an_unranked_total(
    ho: Dataset, northants: tuple[ForceDetail, Force]
) -> None:
    detail, force = northants
    rank = rank_text(detail, force).plain
    assert rank.startswith("Rank ") and "by count" in rank and "2022/23" in rank
    rate = rate_text(detail, force).plain
    # 737 / 792,856 people (ONS mid-2022, the shared population series) x 100,000 = 92.95.
    assert rate.startswith("Rate 93.0 per 100,000 in 2022/23  (population 792,856: ")
    total = resolve_force(ho, "England and Wales")
    national = force_detail(ho, total, pick_offence(ho, "86"))
    assert rank_text(national, total).plain == f"Not ranked ({total.why_unranked}).\n"
    assert rate_text(replace(national, rate=None), total).plain == ""  # no "—" line either


def test_rate_without_a_population_says_so(northants: tuple[ForceDetail, Force]) -> None:
    detail, force = northants
    assert rate_text(replace(detail, rate=None), force).plain == (
        "Rate — (no population estimate for the years with figures)\n"
    )


def test_other_figures_and_codes(northants: tuple[ForceDetail, Force]) -> None:
    detail, _ = northants
    assert codes_text(detail).plain == "" and other_figures_text(detail).plain == ""
    first = replace(detail.series.points[0], alternatives=(Alternative(50, "Jan 2014", "u"),))
    series = replace(
        detail.series,
        points=(first, *detail.series.points[1:]),
        other_periods=(OtherPeriod("2013", "86", 1234, "Jan 2014", "u", ""),),
    )
    text = other_figures_text(replace(detail, series=series)).plain
    assert text == "2012/13: also stated 50 (Jan 2014)\n2013: 1,234 (Jan 2014)\n"


def test_sources_name_the_dataset_its_licence_and_notes(
    ho: Dataset, northants: tuple[ForceDetail, Force]
) -> None:
    detail, _ = northants
    lines = sources_text(detail, ho).plain.splitlines()
    assert lines[0] == f"Source {ho.info.source}"
    assert "Open Government Licence" in lines[1]
    assert lines[-1] == ho.info.notes


def test_at_most_six_source_addresses(northants: tuple[ForceDetail, Force]) -> None:
    detail, _ = northants
    nspcc = load_dataset("nspcc")  # every figure has its own source page
    points = tuple(
        replace(p, source_url=f"https://x/{i:02d}") for i, p in enumerate(detail.series.points)
    )
    many = replace(detail, series=replace(detail.series, points=points))
    lines = sources_text(many, nspcc).plain.splitlines()
    urls = [ln.removeprefix("Source ") for ln in lines if ln.startswith("Source https://x/")]
    assert urls == [f"https://x/{i:02d}" for i in range(MAX_SOURCES)]
    assert MAX_SOURCES < len(points)


def test_the_panel_is_its_parts_in_order(northants: tuple[ForceDetail, Force], ho: Dataset) -> None:
    detail, force = northants
    parts = [
        latest_change_text(detail),
        partial_years_text(detail, force),
        rank_text(detail, force),
        pair_text(detail.other_measure),
        rate_text(detail, force),
        codes_text(detail),
        events_text(detail.events),
        other_figures_text(detail),
        sources_text(detail, ho),
    ]
    assert facts_text(detail, force, ho).plain == "".join(p.plain for p in parts)
