"""Every view's title names the offence at every size: cut at its last " · ", the Compare title
read "Compare 2023/24 → 2024/25 · homeoffice…" at 60×20 (and, with a partial year's label, at
80×24), the chart of several forces "3 forces…" at 40×20 and the release diff "Compare releases:
homeoffice-2023-10 vs homeoffice…" at 80×24: no offence on screen. Now the offence is cut at a
word ("code 86: Obscene…") before the dataset's name, as the detail's title does."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.pilot import Pilot

from tests.ui.conftest import compare_years, resize_to, settle, terminal_text, wait_for
from tests.ui.test_charts import multi_chart
from tests.ui.test_diff_view import open_release_diff
from tui.app import OffenceApp
from tui.formatting import forces_count
from tui.widgets.status_line import TitleParts, fit_title

OFFENCE = "code 86: Obscene publications etc"


@pytest.mark.parametrize("width", [30, 40, 60, 80, 120])
def test_the_offence_is_cut_at_a_word_never_dropped(width: int) -> None:
    title = TitleParts(
        Text("Compare 2017/18 → 2025/26 Q1-Q3 · "),
        Text(OFFENCE),
        [Text(" · homeoffice · 23 Apr 2026 release"), Text(" · homeoffice")],
    )
    shown = fit_title(title, width).plain
    assert len(shown) <= width, shown
    if width >= 60:  # room for "code 86: Obscene…" beside the dataset
        assert shown.startswith("Compare 2017/18 → 2025/26 Q1-Q3 · code 86:") and (
            shown.endswith(" · homeoffice") or shown.endswith("release")
        ), shown
    if width >= 120:
        assert shown == title.text.plain
    words = title.text.plain.split()
    for word in shown.split():  # whole words, a cut marked "…"
        assert word in words or (word.endswith("…") and word[:-1] in words), (word, shown)


def test_with_two_partial_years_the_dataset_goes_before_the_offence() -> None:
    """At 60×20 Compare's like-for-like 2023/24 Q1-Q3 → 2025/26 Q1-Q3 read "… · code… ·
    homeoffice": the offence unnamed beside the dataset. Where only "code…" fits beside it, the
    dataset's name goes (Compare and the chart: ``tail_last``); the detail keeps its release."""
    parts = (
        Text("Compare 2023/24 Q1-Q3 → 2025/26 Q1-Q3 · "),
        Text(OFFENCE),
        [Text(" · homeoffice · 23 Apr 2026 release"), Text(" · homeoffice")],
    )
    shown = fit_title(TitleParts(*parts, tail_last=True), 58).plain
    assert shown == "Compare 2023/24 Q1-Q3 → 2025/26 Q1-Q3 · code 86: Obscene…", shown
    assert fit_title(TitleParts(*parts), 58).plain.endswith("code… · homeoffice")
    wider = fit_title(TitleParts(*parts, tail_last=True), 90).plain
    assert wider.endswith("code 86: Obscene publications etc · homeoffice"), wider


def first_line(app: OffenceApp) -> str:
    return terminal_text(app).splitlines()[0]


async def titles(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, OffenceApp)
    await resize_to(pilot, (60, 20))
    await compare_years(pilot, 2023, 2024)
    await settle(pilot)
    top = first_line(app)
    head = " Compare 2023/24 → 2024/25 · code 86: Obscene"
    assert top.startswith(head) and "homeoffice" in top, f"(1) Compare at 60×20: {top!r}"
    await pilot.press("escape")
    await settle(pilot)
    await resize_to(pilot, (80, 24))
    await compare_years(pilot, 2017, 2025)
    await settle(pilot)
    top = first_line(app)
    assert "2025/26 Q1-Q3 · code 86: Obscene" in top and "homeoffice" in top, (
        f"(2) Compare with a partial year at 80×24: {top!r}"
    )
    await pilot.press("escape")
    await settle(pilot)
    await multi_chart(pilot, "kent", "essex", "surrey")
    await settle(pilot)
    await resize_to(pilot, (40, 20))
    top = first_line(app)
    assert top.startswith(" 3 forces · code 86:") and "homeoffice" in top, (
        f"(3) the chart of three forces at 40×20: {top!r}"
    )


async def test_compare_and_chart_titles_name_the_offence(app: OffenceApp) -> None:
    """(1) Compare at 60×20, (2) with a partial year at 80×24, (3) the chart of three forces
    at 40×20."""
    async with app.run_test(size=(80, 24)) as pilot:
        await titles(pilot)


async def test_the_release_diff_title_names_the_offence(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_release_diff(pilot, "homeoffice-2023-10")
        await settle(pilot)
        top = first_line(app)
        assert "homeoffice-2023-10 vs homeoffice" in top and "code 86: Obscene" in top, top


def test_forces_are_counted_in_words() -> None:
    assert [forces_count(n) for n in (0, 1, 2, 43, 1000)] == [
        "0 forces",
        "1 force",
        "2 forces",
        "43 forces",
        "1,000 forces",
    ]


async def test_the_chart_of_one_marked_force_says_1_force(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await multi_chart(pilot, "kent")
        await settle(pilot)
        top = first_line(app)
        assert top.startswith(" 1 force · code 86: Obscene"), top


async def test_the_forces_view_names_its_release_at_80_columns(app: OffenceApp) -> None:
    """Cut at its last " · ", the Forces view's first line read "code 86: Obscene publications
    etc  ·  homeoffice…" at 80×24: the release off screen though its date fitted."""
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        await settle(pilot)
        top = first_line(app)
        assert top.strip() == f"{OFFENCE}  ·  homeoffice · 23 Apr 2026 release", top
        await resize_to(pilot, (60, 20))
        top = first_line(app)
        assert top.strip() == f"{OFFENCE}  ·  homeoffice", top
        await resize_to(pilot, (120, 40))
        top = first_line(app)
        assert top.strip().endswith("23 Apr 2026 release, third-party copy of …230426.ods"), top
