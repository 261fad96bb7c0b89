"""The main journeys, driven with the keyboard as a user would, checked against the CLI."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

from rich.text import Text
from textual.command import CommandList
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.conftest import write_dataset
from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tui.app import OffenceApp, make_app
from tui.cli.main import main
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen
from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_table import ForceTableView
from tui.widgets.grid import Grid
from tui.widgets.status_line import StatusLine
from tui.widgets.tables import SeriesTable


def cli_json(*argv: str) -> list[dict[str, object]]:
    out = io.StringIO()
    assert main([*argv, "--format", "json"], out=out, err=io.StringIO()) == 0
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def row_cells(table: DataTable[Text] | Grid, key: str) -> dict[str, str]:
    """A row's cells by column key, as plain text."""
    if isinstance(table, Grid):
        return table.row_text(key)
    cells = table.get_row(key)
    return {str(col.key.value): cell.plain for col, cell in zip(table.ordered_columns, cells)}


def screen_text(app: OffenceApp) -> str:
    """Everything on screen as plain text (read from a screenshot)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape(" ".join(texts)).replace("\xa0", " ")


def visible_keys(table: DataTable[Text] | Grid) -> list[str]:
    if isinstance(table, Grid):
        return table.keys
    return [str(row.key.value) for row in table.ordered_rows]


async def test_type_to_find_a_force_open_its_detail_and_the_national_total(
    oct23_app: OffenceApp,
) -> None:
    """One journey on one app: type to find a force and open its detail; back, Enter on the
    national total opens its detail; back, the offence picker changes the view (three tests
    before, each on an app of its own)."""
    app = oct23_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        table = screen.query_one(ForceTableView)
        assert len([k for k in visible_keys(table) if not k.startswith("total:")]) == 43
        context = str(screen.query_one("#forces-context").render())
        assert "code 86: Obscene publications etc" in context and "2023/24 Q1" in context
        await type_text(pilot, "northam")
        assert [k for k in visible_keys(table) if not k.startswith("total:")] == [
            "Northamptonshire"
        ]
        cells = row_cells(table, "Northamptonshire")
        shown = {r["year"]: r["count"] for r in cli_json("show", "Northamptonshire")}
        assert cells["year:2016"] == "248" == f"{shown['2016/17']:,}"
        assert cells["year:2017"] == "269" == f"{shown['2017/18']:,}"
        # Beyond chance: a space where "~" would be keeps the % signs in one column (as Compare).
        assert cells["year:2023"] == "225" and cells["pct"] == "+35.5% "
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ForceDetailScreen) and detail.force.name == "Northamptonshire"
        series = detail.query_one(SeriesTable)
        assert row_cells(series, "2017/18") == {
            "year": "2017/18",
            "count": "269",
            "pct": "+8.5%~",  # 248 → 269 is within chance (as ox show marks it)
            "rate": "35.4",  # 269 / 759,436 (ONS mid-2017) × 100,000
        }
        assert row_cells(series, "2023/24")["year"] == "2023/24 Q1"  # partial year labelled
        assert row_cells(series, "2023/24")["rate"] == "—"  # no rate for a partial year
        facts = str(detail.query_one("#detail-facts").render())
        assert "Rank 24 of 43" in facts and "per 100,000" in facts and "2021/22" in facts
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)

        # Enter on the national total (the pinned first row) opens its detail.
        await pilot.press("escape")  # in the table: clear the search
        await pilot.press("home")  # the first row: England and Wales, the pinned total
        await settle(pilot)
        assert table.current_force == "total:England and Wales", "national total"
        await pilot.press("enter")
        await settle(pilot)
        total_detail = app.screen
        assert (
            isinstance(total_detail, ForceDetailScreen)
            and total_detail.force.name == "England and Wales"
        )
        total_shown = {
            r["year"]: r["count"]
            for r in cli_json("show", "england and wales", "-d", "homeoffice-2023-10")
        }
        total_series = total_detail.query_one(SeriesTable)
        assert (
            row_cells(total_series, "2016/17")["count"] == "18,834" == f"{total_shown['2016/17']:,}"
        )
        total_facts = str(total_detail.query_one("#detail-facts").render())
        assert "Not ranked (a total of several forces)" in total_facts
        await pilot.press("escape")
        await settle(pilot)

        # The offence picker changes the view.
        await pilot.press("o")
        await settle(pilot)
        await type_text(pilot, "all offences")
        await pilot.press("enter")
        await settle(pilot)
        picked = app.screen
        assert isinstance(picked, ForcesScreen) and picked.table is not None
        assert picked.table.offence.label == "all offences"
        kent = row_cells(picked.query_one(ForceTableView), "Kent")
        assert kent["year:2017"] == "176,085"  # `ox compare 2016 2017 -o all`: Kent 176,085


async def test_search_export_copy_and_enter_in_the_search(app: OffenceApp, tmp_path: Path) -> None:
    """One journey on one app (three tests before): copy and export a found force (exists: asks
    first; unwritable: says why); aliases match and Esc clears; Enter in the search opens the
    match, never a total."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "kent")
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard.splitlines()[1].startswith("Kent\tSouth East")
        await pilot.press("e")
        await settle(pilot)
        target = tmp_path / "kent.md"
        box = app.screen.query_one("#export-path")
        box.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        text = target.read_text(encoding="utf-8")
        assert "| Kent | South East |" in text and "Obscene publications" in text
        await pilot.press("e")
        await settle(pilot)
        box = app.screen.query_one("#export-path")
        box.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")  # exists: asks first
        await settle(pilot)
        assert "Press Enter again" in str(app.screen.query_one("#export-message").render())
        await pilot.press("escape")
        await pilot.press("e")
        await settle(pilot)
        box = app.screen.query_one("#export-path")
        box.value = "/proc/offence-explorer-test.csv"  # type: ignore[attr-defined]  # unwritable
        await pilot.press("enter")
        await settle(pilot)
        # The dialog stays open with the reason and the path typed.
        assert "Could not write" in str(app.screen.query_one("#export-message").render())
        assert box.value == "/proc/offence-explorer-test.csv"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen), "export dialog closed"

        # Aliases match (an ONS code) and Esc clears the search.
        await pilot.press("slash", "escape")  # to the search box; clear "kent"
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        assert len(visible_keys(table)) == 46, "search cleared"
        await type_text(pilot, "E23000022")
        assert "Northamptonshire" in visible_keys(table)
        # Says what it matched through: whole in the status line (the cell has no room for it).
        assert table.row_text("Northamptonshire")["force"] == "Northamptonshire ="
        status = str(app.screen.query_one("#forces-status").render())
        assert "(Northamptonshire =E23000022, its ONS code)" in status
        await pilot.press("escape")
        await settle(pilot)
        assert len(visible_keys(table)) == 46
        await type_text(pilot, "zzzz")
        assert "no force matches" in str(app.screen.query_one("#forces-status").render())
        await pilot.press("escape")

        # Enter in the search opens the match, never a total.
        await type_text(pilot, "qqq")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)  # no match: nothing opens
        await pilot.press("escape")
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        assert app.screen.force.name == "Northamptonshire"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape", "escape")  # clear, then to the table
        await pilot.press("r")  # reverse: the smallest first, shown from the top
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        assert table.current_force == "London, City of"


async def test_sort_by_key_and_by_header_click(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        table = screen.query_one(ForceTableView)
        first = [k for k in visible_keys(table) if not k.startswith("total:")][0]
        assert first == "Metropolitan Police"  # default: latest full year, largest first
        await pilot.press("down", "r")
        await settle(pilot)
        assert [k for k in visible_keys(table) if not k.startswith("total:")][
            0
        ] == "London, City of"
        assert any(c.label.endswith("▲") for c in table.columns)
        await pilot.click(ForceTableView, offset=(3, 0))  # the Force header
        await settle(pilot)
        assert screen.sort is not None and screen.sort.key == "force"
        assert [k for k in visible_keys(table) if not k.startswith("total:")][
            0
        ] == "Avon and Somerset"


async def test_compare_two_years_matches_the_cli_and_a_partial_year_warns(
    oct23_app: OffenceApp,
) -> None:
    """One app (two tests before): the year pickers choose two years whose figures are those of
    ``ox compare``; choosing the partial year warns, and like-for-like compares its quarters."""
    app = oct23_app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None
        assert (screen.comparison.label_a, screen.comparison.label_b) == ("2021/22", "2022/23")
        # The year pickers list years newest first, starting on the current year:
        # B is on 2022/23: Home is 2023/24 Q1, the partial year.
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and screen.comparison is not None
        assert screen.comparison.label_b == "2023/24 Q1" and screen.comparison.warnings
        assert "partial year" in str(screen.query_one("#compare-context").render())
        await pilot.press("l")
        await settle(pilot)
        assert screen.comparison.label_a == "2021/22 Q1" and not screen.comparison.warnings

        # Back to full years (as the palette does), then A and B five down from 2021/22 and
        # 2022/23: 2016/17 and 2017/18.
        app.open_compare(2021, 2022)
        await settle(pilot)
        assert (screen.comparison.label_a, screen.comparison.label_b) == ("2021/22", "2022/23")
        await pilot.press("a", *["down"] * 5, "enter")
        await settle(pilot)
        await pilot.press("b", *["down"] * 5, "enter")
        await settle(pilot)
        table = screen.query_one(CompareTableView)
        cells = row_cells(table, "Northamptonshire")
        assert (cells["a"], cells["b"], cells["change"], cells["pct"]) == (
            "248",
            "269",
            "+21",
            "+8.5%~",  # within chance (248 → 269)
        )
        total = row_cells(table, "total:England and Wales")
        assert (total["a"], total["b"]) == ("18,834", "23,225")
        for rec in cli_json("compare", "2016/17", "2017/18", "-d", "homeoffice-2023-10"):
            key = str(rec["force"]) if rec["kind"] != "total" else f"total:{rec['force']}"
            shown = row_cells(table, key)
            assert shown["a"] == f"{rec['count_a']:,}" and shown["b"] == f"{rec['count_b']:,}"


async def test_nspcc_dataset_compare_leaves_out_forces_without_figures(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.switch_dataset("nspcc")
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        assert row_cells(table, "Northamptonshire")["year:2016"] == "245"
        assert row_cells(table, "Cleveland")["year:2016"] == "—"  # missing, never 0
        app.open_compare(2016, 2017)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        uk = row_cells(screen.query_one(CompareTableView), "total:UK total")
        assert (uk["a"], uk["b"], uk["pct"]) == (
            "18,522",
            "22,724",
            "+22.7% ",
        )  # beyond chance: no "~"
        # What the status line holds (cut at a word to the width; w shows it whole).
        status = screen.query_one("#compare-status", StatusLine).full_text
        assert "without both figures: not ranked" in status


async def test_help_lists_keys_and_closes(app: OffenceApp) -> None:
    async with app.run_test(size=(120, 90)) as pilot:
        await settle(pilot)
        await pilot.press("down", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = terminal_text(app)
        for words in ("Compare", "Export", "Search"):
            assert words in text
        scroll = app.screen.query_one(VerticalScroll)
        await pilot.press("down")  # the help's own key scrolls it
        await settle(pilot)
        assert scroll.scroll_y > 0, "down scrolls the help"
        await pilot.press("pagedown")  # the rest further down
        await settle(pilot)
        text += terminal_text(app)
        for words in ("Years/quarters", "Like-for-like"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, ForcesScreen)


async def test_choices_are_remembered_and_a_corrupt_config_is_survived(settings_file: Path) -> None:
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.switch_dataset("nspcc")
        await settle(pilot)
        await pilot.press("down", "t")
        await settle(pilot)
    saved = json.loads(settings_file.read_text(encoding="utf-8"))
    assert saved["dataset"] == "nspcc" and saved["theme"] == "textual-light"
    again = make_app(settings_file=settings_file)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.dataset is not None and again.dataset.name == "nspcc"
        assert again.theme == "textual-light"
    settings_file.write_text("{ this is not json", encoding="utf-8")
    broken = make_app(settings_file=settings_file)
    async with broken.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert broken.dataset is not None and broken.dataset.name == "homeoffice"
        messages = [n.message for n in broken._notifications]
        (aside,) = settings_file.parent.glob("settings.json.bad-*")
        assert any("corrupt" in m and f"kept as {aside}." in m for m in messages)
    assert aside.read_text(encoding="utf-8") == "{ this is not json"


async def test_a_bad_field_is_reported_and_the_rest_kept(settings_file: Path) -> None:
    original = json.dumps({"ascii": "no", "theme": "textual-light"})
    settings_file.write_text(original, encoding="utf-8")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.settings.ascii is False and app.theme == "textual-light"
        messages = [n.message for n in app._notifications]
        assert any(str(settings_file) in m and '"ascii"' in m for m in messages)
        # The app saves at start-up: the user's original file is kept first, and named.
        (aside,) = settings_file.parent.glob("settings.json.bad-*")
        assert any(f"kept as {aside}" in m for m in messages)
    assert aside.read_text(encoding="utf-8") == original


async def test_unknown_dataset_in_settings_falls_back(settings_file: Path) -> None:
    settings_file.write_text(json.dumps({"dataset": "gone"}), encoding="utf-8")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.dataset is not None and app.dataset.name == "homeoffice"
        assert any("gone" in n.message for n in app._notifications)


async def test_text_from_data_is_shown_literally(store: Path, settings_file: Path) -> None:
    evil = "[bold red]Evil[/] \x1b[31mForce"
    write_dataset(
        store,
        "evil",
        [
            {
                "year": 2017,
                "quarter": q,
                "force": evil,
                "offence_code": "X",
                "offence": "[b]x[/b]",
                "count": 5,
            }
            for q in (1, 2, 3, 4)
        ]
        + [
            {
                "year": 2018,
                "quarter": q,
                "force": "Kent",
                "offence_code": "X",
                "offence": "[b]x[/b]",
                "count": 1,
            }
            for q in (1, 2, 3, 4)
        ],
        default_offence="X",
    )
    app = make_app(dataset="evil", settings_file=settings_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.action_toggle_national()
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        name = table.row(evil).cells[0]
        # Literal (no markup, the escape visible), cut at 24 characters as every long name is.
        assert name.plain == "[bold red]Evil[/] \\x1b[31m…" and not name.spans
        context = str(app.screen.query_one("#forces-context").render())
        assert "[b]x[/b]" in context


async def test_ascii_mode_and_resize(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "A")
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        trend = row_cells(table, "Kent")["trend"]
        assert trend and all(ch in "_.-~=+*# " for ch in trend)
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert row_cells(table, "Kent")["year:2017"] == "1,209"


async def wait_for_palette_hit(pilot: Pilot[None], text: str) -> None:
    """Wait until the palette's first hit names ``text`` (its search runs in the background)."""

    def first_hit() -> str:
        hits = pilot.app.screen.query(CommandList)
        if not hits or hits.first().option_count == 0:
            return ""
        return str(hits.first().get_option_at_index(0).prompt)

    await wait_for(pilot, lambda: text in first_hit(), f"the palette to offer {text!r}")


async def test_command_palette_jumps_to_a_force_and_a_year_pair(app: OffenceApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "ctrl+p")
        await type_text(pilot, "force: kent")
        await wait_for_palette_hit(pilot, "Kent")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen) and app.screen.force.name == "Kent"
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "northants")  # an alias, as the search box takes it
        await wait_for_palette_hit(pilot, "Northamptonshire")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        assert app.screen.force.name == "Northamptonshire"
        await pilot.press("ctrl+p")
        await type_text(pilot, "compare 2016/17 vs 2017/18")
        await wait_for_palette_hit(pilot, "2016/17 vs 2017/18")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        assert (screen.comparison.label_a, screen.comparison.label_b) == ("2016/17", "2017/18")
