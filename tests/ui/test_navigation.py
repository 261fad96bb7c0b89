"""Getting around without surprises (issue #8): where the focus lands, what Enter in the search
opens, what a dataset switch keeps, that typing never quits, and that the header shows the sort."""

from __future__ import annotations

import io
import json
from pathlib import Path

from textual.pilot import Pilot

from tests.ui.conftest import settle, type_text, wait_for
from tests.ui.test_journeys import (
    cli_json,
    row_cells,
    screen_text,
    visible_keys,
    wait_for_palette_hit,
)
from tui.app import OffenceApp, make_app
from tui.cli.main import main
from tui.model.data.catalogue import list_datasets
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_table import ForceTableView
from tui.widgets.search_bar import SearchInput
from tui.widgets.status_line import StatusLine


def body_keys(table: ForceTableView) -> list[str]:
    return [k for k in visible_keys(table) if not k.startswith("total:")]


def notes(app: OffenceApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def switch_to(pilot: Pilot[None], name: str) -> None:
    """Choose another dataset with ``d`` (the list is in ``list_datasets`` order) and wait until
    it is shown."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    await pilot.press("d")
    await settle(pilot)
    index = [d.name for d in list_datasets()].index(name)
    await pilot.press("home", *["down"] * index, "enter")
    await wait_for(
        pilot, lambda: app.dataset is not None and app.dataset.name == name, f"{name} loaded"
    )


# ------------------------------------------------------------------ 1. focus after Esc


async def test_the_focus_after_esc_and_a_dialog_and_quitting_asks_first(app: OffenceApp) -> None:
    """One app (four tests before): a dialog gives the focus back where it was; Esc from a force
    opened by the search lands in the table; the palette's Quit asks first, like q; a name typed
    in the table does not quit."""
    from tui.screens.confirm import QuitDialog  # (imported here: the test runs on older code)

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # A dialog gives the focus back where it was.
        await pilot.press(*"ken", "f1")  # help from the search box, then back to typing
        await settle(pilot)
        await pilot.press("escape", "t")
        await settle(pilot)
        forces = app.screen
        assert isinstance(forces, ForcesScreen)
        assert forces.query_one(SearchInput).value == "kent", "typing after the help"
        assert isinstance(forces.focused, SearchInput), "the focus back in the search box"

        # Esc from a force opened by the search lands in the table.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen) and app.screen.force.name == "Kent"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen_stack[-1] is forces
        table = forces.query_one(ForceTableView)
        assert table.has_focus and table.current_force == "Kent"
        assert forces.query_one(SearchInput).value == "kent"  # the search is kept
        await pilot.press("v")  # a view key acts: it is not typed into the search box
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert forces.query_one(SearchInput).value == "kent"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen_stack[-1] is forces and table.has_focus, "back from Compare"

        # README: quitting always asks (only Ctrl+Q quits at once), the palette's Quit included.
        await pilot.press("ctrl+p", *"quit")
        await wait_for_palette_hit(pilot, "Quit")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitDialog), "the quit dialog")
        assert app.is_running and app.return_code is None
        await pilot.press("n")  # no: stay
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen) and app.is_running, "palette's Quit: no"

        # Typing never quits: q asks first, and a name typed in the table does not quit.
        await pilot.press(*"quee")  # a name typed in the table
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, QuitDialog)  # the rest of the name went nowhere
        assert len(app.screen_stack) == 2
        await pilot.press("n")  # no: stay
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)
        await pilot.press("q", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen) and app.is_running
        await pilot.press("q", "q")
        await pilot.pause()
    assert app.return_code == 0 and app._exception is None


# ------------------------------------------------------------------ 3. Enter opens the best match


def test_ox_table_with_a_search_lists_the_best_match_first() -> None:
    out = io.StringIO()
    assert main(["table", "nha", "--format", "json"], out=out, err=io.StringIO()) == 0
    rows = json.loads(out.getvalue())[3:]  # after the totals of England and Wales, England, Wales
    assert rows[0]["force"] == "Northamptonshire"
    assert rows[0]["2017/18"] == 269  # 60 + 61 + 71 + 77, the source's four quarters


# ------------------------------------------------------------------ 5. the sort arrow


def header_line(app: OffenceApp) -> str:
    """The header of the table as painted (read from a screenshot): up to its first row."""
    text = screen_text(app)
    return text[text.index("Force ") : text.index("England and Wales")]


async def test_enter_in_the_search_opens_the_best_match_and_the_header_arrow_follows_the_sort(
    oct23_app: OffenceApp,
) -> None:
    """One app (two tests before): Enter in the search opens the best match, shown first; the
    header's arrow follows the sort, in Forces and in Compare."""
    app = oct23_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        forces = app.screen
        assert isinstance(forces, ForcesScreen)
        table = forces.query_one(ForceTableView)
        await type_text(pilot, "nha")  # letters of Northamptonshire (map label NHAN), and others
        # Best match first and under the cursor (before: Northumbria, the largest count, opened).
        assert body_keys(table)[0] == "Northamptonshire"
        assert table.current_force == "Northamptonshire"
        status = forces.query_one("#forces-status", StatusLine).full_text
        assert "best match first" in status
        assert not any("▼" in c.label or "▲" in c.label for c in table.columns)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        assert app.screen.force.name == "Northamptonshire"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("s")  # the matches sorted by the column the status line named
        await settle(pilot)
        assert "sorted by 2022/23 ▼" in str(forces.query_one("#forces-status").render())
        counts = [table.row_text(k)["year:2022"] for k in body_keys(table)]
        assert counts == sorted(counts, key=lambda c: -int(c.replace(",", "")))

        # The header arrow follows the sort (the search cleared: every force).
        await pilot.press("escape")  # in the table: clear the search
        await settle(pilot)
        assert len(body_keys(table)) == 43, "search cleared"
        await pilot.press("s")  # from the latest full year to the partial one
        await settle(pilot)
        assert forces.sort is not None and forces.sort.key == "year:2023"
        painted = header_line(app)
        assert "2023/24 Q1 ▼" in painted and "2022/23 ▼" not in painted, painted
        await pilot.press("r")
        await settle(pilot)
        painted = header_line(app)
        assert "2023/24 Q1 ▲" in painted and painted.count("▲") + painted.count("▼") == 1
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("s", "s")  # year B, then % beyond chance, then plain % change
        await settle(pilot)
        assert app.screen.sort.key == "pct"
        painted = header_line(app)
        assert "% ▼" in painted and painted.count("▼") == 1, painted


# ------------------------------------------------------------------ 2. switching dataset


async def test_switching_dataset_keeps_compare_on_the_nearest_years(
    app: OffenceApp, settings_file: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_compare(2012, 2013)  # as the palette does; NSPCC starts in 2016/17
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) and app.screen.years == (2012, 2013),
            "2012/13 → 2013/14",
        )
        await switch_to(pilot, "nspcc")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_for(pilot, lambda: screen.comparison is not None, "the comparison")
        assert screen.years == (2016, 2017)
        assert screen.comparison is not None and screen.comparison.dataset == "nspcc"
        assert "nspcc has no 2012/13 → 2013/14: comparing 2016/17 → 2017/18" in notes(app)
        table = screen.query_one(CompareTableView)
        for rec in cli_json("compare", "2016/17", "2017/18", "--dataset", "nspcc"):
            if rec["kind"] == "total" or rec["count_a"] is None or rec["count_b"] is None:
                continue
            shown = row_cells(table, str(rec["force"]))
            assert shown["a"].rstrip("†r") == f"{rec['count_a']:,}", rec
        await wait_for(pilot, lambda: app.settings.compare_years == (2016, 2017), "saved")
        assert app.settings.view == "compare" and app.settings.dataset == "nspcc"
    saved = json.loads(settings_file.read_text())
    assert saved["compare_years"] == [2016, 2017] and saved["view"] == "compare"
    again = make_app(settings_file=settings_file, dataset="homeoffice-2023-10")  # same years
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(
            pilot,
            lambda: isinstance(again.screen, CompareScreen) and again.screen.comparison is not None,
            "Compare reopened",
        )
        assert isinstance(again.screen, CompareScreen) and again.screen.years == (2016, 2017)


async def test_a_corrupt_compare_years_setting_never_crashes(settings_file: Path) -> None:
    settings_file.write_text(json.dumps({"view": "compare", "compare_years": [2016, "x"]}))
    app = make_app(settings_file=settings_file, dataset="homeoffice-2023-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) and app.screen.comparison is not None,
            "Compare with the default years",
        )
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.years == (2021, 2022)  # the default
        assert '"compare_years" should be two different start years' in notes(app)


async def test_switching_dataset_keeps_the_force_or_says_why_not(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"northam", "enter")
        await settle(pilot)
        await switch_to(pilot, "nspcc")
        detail = app.screen
        assert isinstance(detail, ForceDetailScreen)  # the same view, same force, other data
        assert detail.force.name == "Northamptonshire"
        await wait_for(pilot, lambda: detail.detail is not None, "the detail")
        assert detail.context is not None and detail.context.dataset.name == "nspcc"
        assert app.settings.view == "forces"
        # British Transport Police is in the Home Office data, not in NSPCC's: opened from
        # Compare, its detail closes and Compare stays, on the same years (the Oct 2023
        # release's latest full years, 2021/22 and 2022/23, are years NSPCC has too).
        await switch_to(pilot, "homeoffice-2023-10")
        await pilot.press("escape", "v")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        years = compare.years
        await app.open_force("British Transport Police")
        await settle(pilot)
        await switch_to(pilot, "nspcc")
        assert compare.years == years
        assert app.screen_stack[-1] is compare
        assert "nspcc has no figures for British Transport Police" in notes(app)
        assert "detail closed; showing Compare" in notes(app)
        assert app.settings.view == "compare"
