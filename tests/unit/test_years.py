"""Financial years as users type them, and partial-year labels."""

from __future__ import annotations

import pytest

from tui.model.data.errors import UnknownYearError
from tui.model.data.years import (
    YearCoverage,
    fy_label,
    fy_start,
    nearest_pair,
    parse_year,
    quarters_label,
)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("2017/18", 2017),
        ("2017-18", 2017),
        ("2017", 2017),
        ("2017/2018", 2017),
        (" 1999/00 ", 1999),
    ],
)
def test_parse_year_accepts_the_documented_forms(text: str, start: int) -> None:
    assert parse_year(text) == start


@pytest.mark.parametrize("text", ["2017/19", "17/18", "twenty", "2017/2019", "", "2017/18/19"])
def test_parse_year_rejects_what_is_not_a_financial_year(text: str) -> None:
    with pytest.raises(UnknownYearError):
        parse_year(text)


def test_labels() -> None:
    assert fy_label(1999) == "1999/00"
    assert fy_label(2023) == "2023/24"
    assert fy_start("2016/17") == 2016
    assert fy_start("2013 (calendar year)") is None
    assert fy_start("2016/17+2017/18") is None
    assert quarters_label((1,)) == "Q1"
    assert quarters_label((1, 2, 3)) == "Q1-Q3"
    assert quarters_label((1, 3)) == "Q1+Q3"


def test_a_year_with_fewer_than_four_quarters_is_partial_and_labelled() -> None:
    partial = YearCoverage(2023, (1,), 43)
    full = YearCoverage(2022, (1, 2, 3, 4), 43)
    whole = YearCoverage(2017, (), 20)  # a source without quarters
    assert partial.partial and partial.label == "2023/24 Q1"
    assert not full.partial and full.label == "2022/23"
    assert not whole.partial and whole.label == "2017/18"


def test_nearest_pair_keeps_a_comparison_on_another_dataset() -> None:
    nspcc = [YearCoverage(y, (), 40) for y in range(2016, 2024)]  # 2016/17 to 2023/24
    home = [YearCoverage(y, (), 43) for y in range(2012, 2023)] + [YearCoverage(2023, (1,), 43)]
    assert nearest_pair((2021, 2022), nspcc) == (2021, 2022)  # both there: unchanged
    assert nearest_pair((2012, 2013), nspcc) == (2016, 2017)  # both before: still two years
    assert nearest_pair((2013, 2012), nspcc) == (2017, 2016)  # the order is kept
    assert nearest_pair((2023, 2024), home) == (2022, 2023)  # the partial year only when nearest
    assert nearest_pair((2016, 2017), nspcc[:1]) is None  # one year: no comparison
