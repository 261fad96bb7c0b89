"""The Forces table's change carries the marks Compare and ``ox show`` give it (issue #8): within
chance variation or not (the exact test of ``tui.model.stats.chance``), and across releases or not.

The expected flags are worked out here from the source's quarterly counts with an exact binomial
test in whole numbers, independent of the app's incomplete-beta code.
"""

from __future__ import annotations

from fractions import Fraction
from math import comb
from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.results.types import ForceRow, ForceTable

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""


def exact_p(a: int, b: int) -> Fraction:
    """Two-sided exact p-value of ``b`` given ``a + b`` under no change (Binomial(n, 1/2)):
    twice the smaller tail, at most 1."""
    n = a + b
    lower = sum(comb(n, k) for k in range(b + 1))
    upper = sum(comb(n, k) for k in range(b, n + 1))
    return min(Fraction(1), Fraction(2 * min(lower, upper), 2**n))


@pytest.fixture(scope="module")
def table() -> ForceTable:
    ds = load_dataset(OCT23)
    return force_table(ds, pick_offence(ds, "86"))


def row(table: ForceTable, name: str) -> ForceRow:
    return next(r for r in table.rows if r.force.name == name)


def test_the_change_years_are_the_last_two_full_years(table: ForceTable) -> None:
    assert table.change_from is not None and table.change_from.fy == "2021/22"
    assert table.change_to is not None and table.change_to.fy == "2022/23"


def test_a_small_change_is_within_chance(table: ForceTable) -> None:
    # Home Office PRC (Oct 2023 release), Hertfordshire, code 86:
    # 2021/22 = 127 + 121 + 118 + 133 = 499; 2022/23 = 113 + 101 + 149 + 139 = 502.
    a, b = 127 + 121 + 118 + 133, 113 + 101 + 149 + 139
    assert exact_p(a, b) > Fraction(1, 20)  # +0.6 %: chance alone gives as much
    herts = row(table, "Hertfordshire")
    assert herts.change == b - a == 3
    assert herts.significant is False
    assert herts.crosses_releases is False  # one release throughout


def test_a_large_change_is_beyond_chance(table: ForceTable) -> None:
    # Northamptonshire, code 86: 2021/22 = 120 + 99 + 106 + 219 = 544;
    # 2022/23 = 195 + 151 + 161 + 230 = 737.
    a, b = 120 + 99 + 106 + 219, 195 + 151 + 161 + 230
    assert exact_p(a, b) < Fraction(1, 20)
    northants = row(table, "Northamptonshire")
    assert northants.change == b - a == 193
    assert northants.significant is True


def test_the_rate_change_is_tested_too(table: ForceTable) -> None:
    """The rates' test weighs the counts by their populations (as Compare's does): 544 → 737 is
    beyond chance whatever Northamptonshire's population did (it grew by well under 35 %)."""
    assert row(table, "Northamptonshire").rate_significant is True
    assert row(table, "Hertfordshire").rate_significant is False


def test_a_change_between_releases_is_marked(store: Path) -> None:
    """Kent's two years come from different releases, Gwent's from one; Surrey has one year."""
    rows = [
        {"year": 2020, "force": "Kent", "offence_code": "1", "offence": "One", "count": 100,
         "release": "2021-01"},
        {"year": 2021, "force": "Kent", "offence_code": "1", "offence": "One", "count": 300,
         "release": "2023-01"},
        {"year": 2020, "force": "Gwent", "offence_code": "1", "offence": "One", "count": 50,
         "release": "2023-01"},
        {"year": 2021, "force": "Gwent", "offence_code": "1", "offence": "One", "count": 52,
         "release": "2023-01"},
        {"year": 2021, "force": "Surrey", "offence_code": "1", "offence": "One", "count": 9,
         "release": "2023-01"},
    ]  # fmt: skip
    write_dataset(store, "releases", rows)
    ds: Dataset = load_dataset("releases")
    t = force_table(ds, pick_offence(ds, "1"))
    kent, gwent = row(t, "Kent"), row(t, "Gwent")
    assert (kent.release_from, kent.release_to, kent.crosses_releases) == (
        "2021-01",
        "2023-01",
        True,
    )
    assert gwent.crosses_releases is False
    assert kent.significant is True  # 100 → 300
    assert gwent.significant is False  # 50 → 52
    surrey = row(t, "Surrey")
    assert surrey.change is None and surrey.significant is None  # no change, nothing tested
    assert surrey.crosses_releases is False
