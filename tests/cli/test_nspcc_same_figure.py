"""NSPCC 2021/22: one figure, 30,925, stated as the UK total and as the England and Wales total
(2023-02 release). Source rows (``nspcc-foi/nspcc_foi_by_force.csv``):

- UK total: "there were 30,925 recorded offences of the sharing or possession of indecent images
  of children in 2021-22 – a record high" (iknowallnews, copying the NSPCC's "UK police forces");
- England and Wales total: "Data obtained by the NSPCC from police forces in England and Wales
  shows officers recorded 30,925 offences involving obscene images of children in 2021/22" (LBC).

Both are kept as stated; the app says they are one figure described two ways, quoting each."""

from __future__ import annotations

import io

import pytest

from tui.cli.main import main
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.figures.detail import force_detail
from tui.model.figures.selection import pick_offence
from tui.model.figures.totals import resolve_force
from tui.widgets.detail_facts import other_figures_text

FIGURE = 30_925
UK_WORDS = "there were 30,925 recorded offences of the sharing or possession"
EW_WORDS = "Data obtained by the NSPCC from police forces in England and Wales"


@pytest.fixture(scope="module")
def nspcc() -> Dataset:
    return load_dataset("nspcc")


@pytest.mark.parametrize(
    ("area", "other", "own_words", "other_words"),
    [
        ("UK total", "England and Wales total", UK_WORDS, EW_WORDS),
        ("England and Wales total", "UK total", EW_WORDS, UK_WORDS),
    ],
)
def test_each_total_names_the_other_with_its_quote(
    nspcc: Dataset, area: str, other: str, own_words: str, other_words: str
) -> None:
    force = resolve_force(nspcc, area)
    detail = force_detail(nspcc, force, pick_offence(nspcc, "all"))
    point = next(p for p in detail.series.points if p.year.fy == "2021/22")
    assert point.count == FIGURE and point.release == "2023-02"
    assert own_words in point.quote
    assert [a for a, _ in point.stated_as] == [other]
    assert other_words in point.stated_as[0][1]
    # Another year's figure has no twin: UK 2017/18 22,724 (2018-09) is stated for the UK only.
    assert all(not p.stated_as for p in detail.series.points if p.year.fy != "2021/22")

    facts = other_figures_text(detail).plain
    assert f"2021/22: 30,925 as the {area}: " in facts and own_words in facts
    assert f"as the {other}: " in facts and other_words in facts
    assert "one figure described two ways, not two counts" in facts


def test_ox_show_says_what_each_figure_is() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["show", "England and Wales total", "--dataset", "nspcc"], out=out, err=err) == 0
    text = " ".join(out.getvalue().split())
    assert "2021/22: 30,925 is stated as the England and Wales total (" in text
    assert EW_WORDS in text and UK_WORDS in text
    assert "as the UK total" in text and "not two counts" in text
