"""Semantics of the queries on a small dataset whose every figure the test states."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.model.data.dataset import load_dataset
from tui.model.data.errors import UnknownYearError
from tui.model.figures.breakdown import offence_breakdown, rate_per_100k
from tui.model.figures.comparison import compare_years
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.figures.series import force_quarters, force_series
from tui.model.results.detail_types import Rate
from tui.model.results.ordering import filter_rows, sort_compare_rows, sort_force_rows
from tui.model.stats.changes import index_series


def q(
    year: int, quarter: int, force: str, code: str, count: int, **extra: object
) -> dict[str, object]:
    return {
        "year": year,
        "quarter": quarter,
        "force": force,
        "offence_code": code,
        "offence": f"Offence {code}",
        "count": count,
        **extra,
    }


@pytest.fixture
def small(store: Path):  # type: ignore[no-untyped-def]
    rows = []
    # Kent and Gwent: two full years and a partial one; Surrey has no 2021/22 figure at all.
    for quarter in (1, 2, 3, 4):
        rows += [q(2020, quarter, "Kent", "86", 10), q(2021, quarter, "Kent", "86", 20)]
        rows += [q(2020, quarter, "Gwent", "86", 5), q(2021, quarter, "Gwent", "86", 0)]
        rows += [q(2020, quarter, "Surrey", "86", 1)]
        rows += [q(2021, quarter, "Kent", "8N", 100, offence_group="Violence")]
        rows += [q(2021, quarter, "Action Fraud", "AF", 1000)]
    rows += [q(2022, 1, "Kent", "86", 30), q(2022, 1, "Gwent", "86", 3)]
    write_dataset(store, "small", rows)
    return load_dataset("small", store=store)


@pytest.fixture
def national(store: Path, small):  # type: ignore[no-untyped-def]
    """``small`` plus a zero for every other force of England and Wales, except Essex."""
    rows = [
        q(year, quarter, f.name, "86", 0)
        for f in small.reference.forces.values()
        if f.kind == "territorial"
        and f.nation in ("England", "Wales")
        and f.name not in ("Kent", "Gwent", "Surrey", "Essex")
        for year, quarter in [(y, qq) for y in (2020, 2021) for qq in (1, 2, 3, 4)] + [(2022, 1)]
    ]
    existing = small.figures.drop("dataset").to_dicts()
    write_dataset(store, "national", existing + rows)
    return load_dataset("national", store=store)


def test_coverage_labels_the_partial_year(small) -> None:  # type: ignore[no-untyped-def]
    assert [c.label for c in small.coverage] == ["2020/21", "2021/22", "2022/23 Q1"]
    assert [c.partial for c in small.coverage] == [False, False, True]


def test_force_table_counts_trend_change_and_missing(small) -> None:  # type: ignore[no-untyped-def]
    table = force_table(small, pick_offence(small, "86"))
    rows = {r.force.name: r for r in table.rows}
    assert rows["Kent"].counts == (40, 80, 30)
    assert rows["Kent"].trend == (40, 80)  # the partial year is not in the trend
    assert rows["Kent"].change == 40 and rows["Kent"].pct_change == pytest.approx(100.0)
    assert rows["Gwent"].counts == (20, 0, 3)  # zero is a figure
    assert rows["Gwent"].pct_change == pytest.approx(-100.0)
    assert rows["Surrey"].counts == (4, None, None)  # missing is None, never 0
    assert rows["Surrey"].change is None and rows["Surrey"].pct_change is None
    # A dataset about a few forces lists just those.
    assert set(rows) == {"Kent", "Gwent", "Surrey"} and table.totals == ()
    assert table.change_from is not None and table.change_to is not None
    assert (table.change_from.label, table.change_to.label) == ("2020/21", "2021/22")


def test_a_national_dataset_lists_every_force_and_totals_all_of_them(national) -> None:  # type: ignore[no-untyped-def]
    table = force_table(national, pick_offence(national, "86"))
    rows = {r.force.name: r for r in table.rows}
    # Most forces have figures, so every territorial force is listed, even with none at all.
    assert rows["Essex"].counts == (None, None, None) and len(rows) == 43
    assert "Action Fraud" not in rows
    kent = national.reference.resolve("Kent")
    assert force_series(national, kent, pick_offence(national, "86")).national_name == (
        "England and Wales"
    )
    assert table.change_from is not None and table.change_to is not None
    assert (table.change_from.label, table.change_to.label) == ("2020/21", "2021/22")


def test_totals_are_missing_when_a_force_is_missing(national) -> None:  # type: ignore[no-untyped-def]
    table = force_table(national, pick_offence(national, "86"))
    totals = {r.force.name: r.counts for r in table.totals}
    assert totals["Wales"] == (20, 0, 3)  # Gwent and three zeros
    # Essex has no figure at all, Surrey none for 2021/22: no silent undercount.
    assert totals["England"] == (None, None, None)
    assert totals["England and Wales"] == (None, None, None)


def test_national_bodies_only_when_asked_and_never_ranked(small) -> None:  # type: ignore[no-untyped-def]
    table = force_table(small, pick_offence(small, "all"), include_national=True)
    rows = {r.force.name: r for r in table.rows}
    assert rows["Action Fraud"].counts[1] == 4000 and rows["Action Fraud"].rank is None
    assert rows["Kent"].rank == 1


def test_series_changes_only_between_consecutive_full_years(small) -> None:  # type: ignore[no-untyped-def]
    kent = small.reference.resolve("Kent")
    series = force_series(small, kent, pick_offence(small, "86"))
    assert [(p.label, p.count, p.change) for p in series.points] == [
        ("2020/21", 40, None),
        ("2021/22", 80, 40),
        ("2022/23 Q1", 30, None),  # partial: never compared silently
    ]
    assert series.points[2].partial and series.points[2].quarters == (1,)
    assert series.national_name == ""  # three forces make no national total to overlay
    assert [p.label for p in force_quarters(small, kent, pick_offence(small, "86"))][-2:] == [
        "2021/22 Q4",
        "2022/23 Q1",
    ]


def test_compare_full_years_ranks_and_leaves_out_missing(small) -> None:  # type: ignore[no-untyped-def]
    cmp = compare_years(small, 2020, 2021, pick_offence(small, "86"))
    rows = {r.force.name: r for r in cmp.rows}
    assert (rows["Kent"].count_a, rows["Kent"].count_b, rows["Kent"].change) == (40, 80, 40)
    assert (rows["Kent"].rank_a, rows["Kent"].rank_b) == (1, 1)
    assert rows["Surrey"].count_b is None and rows["Surrey"].change is None
    assert "Surrey" in cmp.left_out and "Kent" not in cmp.left_out
    # A force with one year's figure has no rank in either year: ranks compare like with like.
    assert (rows["Surrey"].rank_a, rows["Surrey"].rank_b) == (None, None)
    assert cmp.warnings == ()
    ordered = sort_compare_rows(cmp.rows, "pct", descending=True)
    assert ordered[0].force.name == "Kent"
    assert ordered[-1].pct_change is None  # missing values sort last either way
    assert sort_compare_rows(cmp.rows, "pct", descending=False)[-1].pct_change is None


def test_compare_with_a_partial_year_warns_and_like_for_like_fixes_it(small) -> None:  # type: ignore[no-untyped-def]
    cmp = compare_years(small, 2021, 2022, pick_offence(small, "86"))
    assert len(cmp.warnings) == 1 and "partial" in cmp.warnings[0]
    kent = next(r for r in cmp.rows if r.force.name == "Kent")
    assert (kent.count_a, kent.count_b) == (80, 30)  # both counts shown as they are...
    assert (kent.change, kent.pct_change) == (None, None)  # ...but Q1-Q4 vs Q1 is not a change
    assert all(t.change is None for t in cmp.totals) and cmp.unlike_quarters
    # With no % change to sort by, the largest count comes first, not the first name.
    ordered = sort_compare_rows(cmp.rows, "pct", descending=True)
    assert [r.force.name for r in ordered] == ["Kent", "Gwent", "Surrey"]
    with pytest.raises(UnknownYearError, match="two different years"):
        compare_years(small, 2022, 2022, pick_offence(small, "86"))
    fair = compare_years(small, 2021, 2022, pick_offence(small, "86"), like_for_like=True)
    kent = next(r for r in fair.rows if r.force.name == "Kent")
    assert (kent.count_a, kent.count_b) == (20, 30)  # Q1 against Q1
    assert fair.warnings == () and fair.label_a == "2021/22 Q1"
    with pytest.raises(UnknownYearError):
        compare_years(small, 2019, 2021, pick_offence(small, "86"))


def test_breakdown_shares_and_groups(small) -> None:  # type: ignore[no-untyped-def]
    kent = small.reference.resolve("Kent")
    bd = offence_breakdown(small, kent, 2021)
    assert bd.total == 480
    assert [(r.code, r.count) for r in bd.rows] == [("8N", 400), ("86", 80)]
    assert bd.rows[0].share == pytest.approx(400 / 480 * 100)
    group = force_table(small, pick_offence(small, "group:Violence"))
    assert {r.force.name: r.counts[1] for r in group.rows}["Kent"] == 400


def test_rate_uses_the_population_of_the_start_year(small) -> None:  # type: ignore[no-untyped-def]
    kent = small.reference.resolve("Kent")
    rate = rate_per_100k(small, kent, 2021, 80)
    assert rate is not None and rate.population_year == 2021
    assert rate.per_100k == pytest.approx(80 / rate.population * 100_000)
    # The ONS mid-year series (tui.model.data.population): mid-2022 for 2022/23; none for mid-2030.
    assert rate_per_100k(small, kent, 2022, 30) == Rate(
        30 / 1_877_610 * 100_000, 1_877_610, 2022, "ONS mid-year estimate"
    )
    assert rate_per_100k(small, kent, 2030, 30) is None
    assert rate_per_100k(small, small.reference.force("Action Fraud"), 2021, 5) is None


def test_filter_and_sort_rows(small) -> None:  # type: ignore[no-untyped-def]
    table = force_table(small, pick_offence(small, "86"))
    found = filter_rows(table.rows, "kent")
    assert [f.row.force.name for f in found] == ["Kent"] and found[0].positions == (0, 1, 2, 3)
    via_code = filter_rows(table.rows, "W15000002")
    assert [f.row.force.name for f in via_code] == ["Gwent"] and via_code[0].via == "W15000002"
    by_count = sort_force_rows(table, table.rows, "year:2020", descending=True)
    assert [r.force.name for r in by_count[:3]] == ["Kent", "Gwent", "Surrey"]


def test_index_series() -> None:
    assert index_series([50, 100, None, 25]) == [100.0, 200.0, None, 50.0]
    assert index_series([None, 5]) == [None, None]


def test_a_missing_count_is_missing_in_every_total_never_zero(store: Path) -> None:
    rows = [q(2020, quarter, "Kent", "86", 10) for quarter in (1, 2, 3, 4)]
    rows += [q(2021, 1, "Kent", "86", None), q(2021, 2, "Kent", "86", 5)]  # type: ignore[arg-type]
    rows += [q(2021, quarter, "Kent", "86", 7) for quarter in (3, 4)]
    rows += [q(2021, quarter, "Gwent", "86", None) for quarter in (1, 2, 3, 4)]  # type: ignore[arg-type]
    rows += [q(2020, quarter, "Gwent", "86", 1) for quarter in (1, 2, 3, 4)]
    write_dataset(store, "holes", rows)
    ds = load_dataset("holes", store=store)
    table = {r.force.name: r for r in force_table(ds, pick_offence(ds, "86")).rows}
    assert table["Kent"].counts == (40, None)  # one quarter missing: the year is missing
    assert table["Gwent"].counts == (4, None)  # every quarter missing: missing, not 0
    kent = ds.reference.resolve("Kent")
    assert [p.count for p in force_quarters(ds, kent, pick_offence(ds, "86"))][4:] == [
        None,
        5,
        7,
        7,
    ]
