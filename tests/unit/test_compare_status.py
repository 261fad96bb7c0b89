"""The Compare status line, from a pure function: the sort first, then chance, what the ranks
are among, the biggest changes beyond chance and the forces left out."""

from __future__ import annotations

from dataclasses import replace

from tui.model.data.dataset import load_dataset
from tui.model.figures.comparison import compare_years
from tui.model.figures.selection import default_selection, pick_offence
from tui.widgets.compare_notes import chance_status, compare_status, extremes_text

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""

SORTED = "sorted by year B ↓ (default)"


def test_the_parts_in_their_order() -> None:
    ho = load_dataset(OCT23)
    cmp = compare_years(ho, 2016, 2017, pick_offence(ho, "86"))
    parts = compare_status(cmp, "count", SORTED).split(" · ")
    assert parts[0] == SORTED and parts[1] == chance_status(cmp, "count")
    assert parts[2] == f"rank among the {cmp.ranked_count} forces with both years"
    assert parts[3:] == extremes_text(cmp.rows, "count")
    # The 43 territorial forces of England and Wales all have both years of code 86.
    assert cmp.ranked_count == 43 and not cmp.left_out


def test_forces_without_both_figures_are_counted_last() -> None:
    nspcc = load_dataset("nspcc")
    cmp = compare_years(nspcc, 2016, 2017, default_selection(nspcc))
    assert cmp.left_out
    status = compare_status(cmp, "count", SORTED)
    assert status.endswith(f" · {len(cmp.left_out)} force(s) without both figures: not ranked")


def test_nothing_ranked_leaves_out_the_ranks() -> None:
    ho = load_dataset(OCT23)
    cmp = compare_years(ho, 2016, 2017, pick_offence(ho, "86"))
    none = replace(cmp, rows=())
    assert compare_status(none, "count", SORTED) == f"{SORTED} · {chance_status(none, 'count')}"


def test_small_counts_count_every_row_shown_national_bodies_included() -> None:
    # HO code 86: British Transport Police 2021/22 = 1+3+2+4 = 10, 2022/23 = 2+0+0+2 = 4 (under
    # 20); the City of London's 3 and 4 are the only territorial counts under 20.
    ho = load_dataset(OCT23)
    territorial = compare_years(ho, 2021, 2022, pick_offence(ho, "86"))
    assert "; 1 with counts under 20)" in chance_status(territorial, "count")
    national = compare_years(ho, 2021, 2022, pick_offence(ho, "86"), include_national=True)
    assert "; 2 with counts under 20)" in chance_status(national, "count")


def test_the_mark_after_a_national_bodys_name_is_explained_when_shown() -> None:
    from tui.widgets.compare_notes import compare_notes_line

    ho = load_dataset(OCT23)
    national = compare_years(ho, 2021, 2022, pick_offence(ho, "86"), include_national=True)
    btp = next(r for r in national.rows if r.force.name == "British Transport Police")
    assert (btp.count_a, btp.count_b) == (1 + 3 + 2 + 4, 2 + 0 + 0 + 2)  # HO code 86
    assert "* national body (BTP, fraud): not ranked" in compare_notes_line(national, False)
    territorial = compare_years(ho, 2021, 2022, pick_offence(ho, "86"))
    assert "*" not in compare_notes_line(territorial, False)
