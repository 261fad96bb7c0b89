"""A copy (``C``) of Compare names every column once and says what it holds (issue 20): it
repeated "Change", "%", "Rank" and "Move" for the counts and for the rates."""

from __future__ import annotations

import pytest

from tui.model.data.dataset import load_dataset
from tui.model.figures.comparison import compare_years
from tui.model.figures.selection import pick_offence
from tui.output.compare_report import honest_compare_report
from tui.output.render import to_tsv


@pytest.mark.parametrize("measure", ["count", "rate"])
def test_compare_copy_headers_are_unique_and_say_what_they_hold(measure: str) -> None:
    ds = load_dataset("homeoffice")
    cmp = compare_years(ds, 2021, 2022, pick_offence(ds, "86"))
    header = to_tsv(honest_compare_report(ds, cmp, measure=measure)).splitlines()[0].split("\t")
    assert len(header) == len(set(header)), sorted(h for h in header if header.count(h) > 1)
    assert not {"Change", "%", "Rank", "Move", ""} & set(header)
    for wanted in (
        "Count 2021/22",
        "Change in count 2021/22 to 2022/23",
        "% change in count",
        "% change in rate",
        "Rank 2022/23 by count",
        "Rank 2022/23 by rate",
        "Move in rank by count",
        "Move in rank by rate",
    ):
        assert wanted in header
