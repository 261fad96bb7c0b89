"""Issue 8, "Figures that can mislead a researcher", at the model: partial force-years, codes that
move between subgroups, label spellings and search ranking. Expected values come from the source
rows (``/work/shared/data-sources/homeoffice-prc/prc_pfa_tidy.csv``, "HO") or from the rows a test
writes itself, never from this code's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.offences import search_offences
from tui.model.data.search import rank
from tui.model.figures.comparison import compare_years
from tui.model.figures.detail import force_detail
from tui.model.figures.force_table import force_table
from tui.model.figures.membership import membership_changes
from tui.model.figures.selection import pick_offence
from tui.widgets.compare_notes import compare_notes_line

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""

HO = "homeoffice-prc/prc_pfa_tidy.csv"


@pytest.fixture(scope="module")
def homeoffice() -> Dataset:
    return load_dataset(OCT23)


def _quarters(force: str, year: int, counts: dict[int, int]) -> list[dict[str, object]]:
    return [
        {
            "year": year,
            "quarter": q,
            "force": force,
            "offence_code": "86",
            "offence": "x",
            "count": c,
        }
        for q, c in counts.items()
    ]


@pytest.fixture
def partial_latest(store: Path) -> Dataset:
    """Kent has 2021/22 Q1-Q3 only; Surrey and Essex have every quarter of both years."""
    rows = [
        *_quarters("Kent", 2020, {1: 100, 2: 100, 3: 100, 4: 100}),
        *_quarters("Kent", 2021, {1: 10, 2: 10, 3: 10}),
        *_quarters("Surrey", 2020, {1: 5, 2: 5, 3: 5, 4: 5}),
        *_quarters("Surrey", 2021, {1: 6, 2: 6, 3: 6, 4: 6}),
        *_quarters("Essex", 2020, {1: 1, 2: 1, 3: 1, 4: 1}),
        *_quarters("Essex", 2021, {1: 2, 2: 2, 3: 2, 4: 2}),
    ]
    write_dataset(store, "partial", rows)
    return load_dataset("partial")


def test_force_table_gives_a_partial_force_year_no_change_or_rank(partial_latest: Dataset) -> None:
    table = force_table(partial_latest, pick_offence(partial_latest, "86"))
    rows = {r.force.name: r for r in table.rows}
    kent = rows["Kent"]
    assert kent.counts == (400, 30)  # shown as they are...
    assert kent.quarters == ((), (1, 2, 3))  # ...labelled with the quarters the figure covers
    assert (kent.change, kent.pct_change, kent.rank) == (None, None, None)
    assert kent.trend == (400, None)  # a partial year would show a false dip
    assert (rows["Surrey"].change, rows["Surrey"].rank) == (4, 1)  # 20 → 24, first of 2
    assert rows["Essex"].rank == 2


def test_the_detail_ranks_only_complete_figures(partial_latest: Dataset) -> None:
    surrey = partial_latest.reference.resolve("Surrey")
    detail = force_detail(partial_latest, surrey, pick_offence(partial_latest, "86"))
    assert detail.rank_year is not None and detail.rank_year.year == 2021
    assert (detail.rank, detail.ranked_forces) == (1, 2)  # Kent's Q1-Q3 is not in the set


def test_compare_ranks_leave_out_a_partial_force_year(partial_latest: Dataset) -> None:
    cmp = compare_years(partial_latest, 2020, 2021, pick_offence(partial_latest, "86"))
    kent = next(r for r in cmp.rows if r.force.name == "Kent")
    assert kent.short_b and kent.quarters_b == (1, 2, 3) and not kent.short_a
    assert (kent.change, kent.rank_a, kent.rank_b, kent.rank_change) == (None,) * 4
    assert cmp.ranked_count == 2 and "Kent" in cmp.left_out
    assert "partial force-year, not compared: Kent 2021/22 Q1-Q3" in compare_notes_line(cmp, False)
    assert compare_notes_line(cmp, True).startswith("p partial force-year")  # ASCII marker


def test_force_table_marks_uk_finance_2017(homeoffice: Dataset) -> None:
    # Was Greater Manchester's code 8T in 2019/20 (Q2-Q4 rows, all 0, a year before any other
    # force had the code): not counted now (tui/model/data/uncounted.py), so "—", not a partial 0.
    table = force_table(homeoffice, pick_offence(homeoffice, "UK Finance"), include_national=True)
    ukf = next(r for r in table.rows if r.force.name == "UK Finance")
    i = [y.year for y in table.years].index(2017)
    # HO: "2017/18,{2,3,4},UK Finance,UK Finance" rows only (Q1 is under code "FFA UK").
    assert ukf.counts[i] == 21063 + 17188 + 21116 and ukf.short_in(i) == (2, 3, 4), HO
    gmp = force_table(homeoffice, pick_offence(homeoffice, "8T")).rows
    gmp_8t = next(r for r in gmp if r.force.name == "Greater Manchester")
    assert gmp_8t.counts[i + 2] is None and gmp_8t.counts[i + 3] == 21 + 21 + 14 + 15, HO


def test_membership_names_the_codes_that_moved(homeoffice: Dataset) -> None:
    # HO: 8L and 8M are "Violence without injury" in 2012/13, "Stalking and harassment" after.
    changes = membership_changes(
        homeoffice, pick_offence(homeoffice, "subgroup:Violence without injury")
    )
    moved = next(c for c in changes if "8L" in c.codes)
    assert moved.codes == ("8L", "8M") and moved.years == (2012,)
    assert moved.elsewhere == (("Stalking and harassment", tuple(range(2013, 2024))),)
    assert membership_changes(homeoffice, pick_offence(homeoffice, "86")) == ()


def test_label_spellings_are_folded_to_the_latest(homeoffice: Dataset) -> None:
    assert ("Fraud: action fraud", "Fraud: Action Fraud") in homeoffice.folded_labels
    subgroups = {o.subgroup for o in homeoffice.offences}
    assert "Fraud: action fraud" not in subgroups and "Fraud: Action Fraud" in subgroups


def test_the_group_comes_before_codes_that_start_with_the_same_word(homeoffice: Dataset) -> None:
    found = search_offences(homeoffice.offences, "sexual")
    assert found[0].selection.label == "group: Sexual offences"
    assert [c.selection.value for c in search_offences(homeoffice.offences, "obscene")] == ["86"]


def test_an_alias_match_pushes_out_scattered_letters(homeoffice: Dataset) -> None:
    """The palette's entries: forces by name and alias, offences by label."""
    northants = homeoffice.reference.resolve("Northamptonshire")
    entries: list[tuple[str, tuple[str, ...]]] = [
        (f"Force: {northants.name}", (f"Force: {northants.name}", *northants.aliases)),
        *(
            (f"Offence: {o.code}", (f"Offence: code {o.code}: {o.description}",))
            for o in homeoffice.offences
        ),
    ]
    assert [h.item for h in rank("northants", entries)] == ["Force: Northamptonshire"]
