"""The Forces view's status line, from a pure function: rows shown, forces without figures, hidden
national bodies, the sort, the measure's words and the marks."""

from __future__ import annotations

from tui.model.data.reference import Force
from tui.model.results.types import ForceRow
from tui.widgets.forces_status import forces_status


def row(name: str, *counts: int | None) -> ForceRow:
    force = Force(name, "", "England", "South East", "territorial")
    return ForceRow(force, tuple(counts), tuple(counts), None, None, None)


ROWS = [row("Kent", 1, 2), row("Surrey", 3, None), row("Dyfed-Powys", None, None)]


def status(query: str = "", shown: int = 3, **options: object) -> str:
    kwargs: dict[str, object] = {"sort_label": "2022/23 ↓", "include_national": True}
    kwargs |= options
    return forces_status(ROWS, shown, query, **kwargs)  # type: ignore[arg-type]


def test_all_rows_and_the_sort() -> None:
    assert status() == "3 rows · 1 with no figure at all · sorted by 2022/23 ↓ (s, r)"


def test_a_search_says_how_many_of_the_rows_it_leaves() -> None:
    assert status("k", shown=1).startswith("1 of 3 rows · ")


def test_a_search_that_leaves_none_says_how_to_clear_it() -> None:
    assert status("zz", shown=0).startswith("no force matches 'zz' (Esc clears) · ")


def test_hidden_national_bodies_rates_and_marks() -> None:
    text = status(
        include_national=False,
        measure_parts=["rates (m: counts)", "~ 3 within chance"],
        marks="2 marked (g: chart)",
    )
    assert text == (
        "2 marked (g: chart) · 3 rows · 1 with no figure at all · BTP, fraud bodies hidden (n)"
        " · sorted by 2022/23 ↓ (s, r) · rates (m: counts) · ~ 3 within chance"
    )


def test_no_missing_part_when_every_force_has_a_figure() -> None:
    assert (
        forces_status(ROWS[:2], 2, "", sort_label="force ↑", include_national=True)
        == "2 rows · sorted by force ↑ (s, r)"
    )


def test_sort_label_names_the_column_as_the_status_line_does() -> None:
    from tui.widgets.forces_status import sort_label

    assert sort_label("pct", "▼", None) == "% change ▼"
    assert sort_label("place", "▲", None) == "region ▲"
    assert sort_label("year:2022", "▼", None) == "year:2022 ▼"  # no table: the key itself
