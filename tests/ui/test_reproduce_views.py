"""Reproduce it (R): the command each view shows prints the figures the view displays.

The command is read from the dialog as displayed, run in process (``tui.cli.main``), and its rows
are compared with the cells read from the view's widgets, in the view's order.
"""

from __future__ import annotations

import io
import json
import re
import shlex

from textual.pilot import Pilot

from tests.ui.conftest import settle, type_text
from tests.ui.test_journeys import row_cells, visible_keys
from tui.app import OffenceApp
from tui.cli.main import main
from tui.formatting import fmt_change, fmt_count, fmt_pct
from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_table import ForceTableView
from tui.widgets.tables import SeriesTable

Rec = dict[str, object]


def run(command: str, *extra: str) -> str:
    """Run a command line as a shell would split it; fail on a non-zero exit."""
    argv = shlex.split(command)
    assert argv[0] == "ox"
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv[1:], *extra], out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def figure(cell: str) -> str:
    """A cell's figure without the view's markers (partial-year and unranked marks)."""
    return re.sub(r"[^0-9,+\-.%—]", "", cell)


def as_int(value: object) -> int | None:
    """A printed count (``None`` for a missing one)."""
    return value if isinstance(value, int) else None


def same_pct(cell: str, printed: object) -> bool:
    """A % change shown to one decimal is the printed one (two decimals), or both are missing."""
    if not isinstance(printed, (int, float)):
        return figure(cell) == fmt_pct(None)
    return abs(float(figure(cell).rstrip("%")) - printed) <= 0.0501


async def shown_command(pilot: Pilot[None]) -> str:
    """Press R and read the command from the dialog (its first line, as displayed); close it."""
    await pilot.press("R")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, CiteDialog) and dialog.mode == "reproduce"
    displayed = str(dialog.query_one("#cite-body").render()).splitlines()[0]
    assert displayed == dialog.sheet.command
    await pilot.press("c")
    await settle(pilot)
    assert pilot.app.clipboard == displayed
    await pilot.press("escape")
    await settle(pilot)
    return displayed


def json_rows(command: str) -> list[Rec]:
    rows = json.loads(run(command, "--format", "json"))
    assert isinstance(rows, list)
    return rows


async def test_forces_map_and_compare_view_commands_print_what_they_show(
    oct23_app: OffenceApp,
) -> None:
    """One app (three tests before): the command of Forces (a search, sorted), the map and
    Compare (sorted, like-for-like) prints the figures each shows."""
    from tui.screens.map_view import MapScreen

    app = oct23_app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "shire")  # a search, then sort by % change, smallest first
        await pilot.press("down")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen) and screen.sort is not None
        while screen.sort.key != "pct":
            await pilot.press("s")
            await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        command = await shown_command(pilot)
        assert command == (
            "ox table shire --dataset homeoffice-2023-10 --offence 86 --sort pct --ascending"
        )
        table = screen.query_one(ForceTableView)
        keys = visible_keys(table)
        printed = json_rows(command)
        assert [str(r["force"]) for r in printed] == [k.removeprefix("total:") for k in keys]
        assert len(keys) > 10  # the pinned totals and every force with "shire" in its name
        year_columns = [k for k in row_cells(table, keys[0]) if k.startswith("year:")]
        labels = {f"year:{int(label[:4])}": label for label in printed[0] if label[:4].isdigit()}
        for key, rec in zip(keys, printed):
            cells = row_cells(table, key)
            for column in year_columns:
                value = rec[labels[column]]
                assert figure(cells[column]) == fmt_count(as_int(value))
            change, pct = rec["change"], rec["pct_change"]
            assert figure(cells["change"]) == fmt_change(as_int(change))
            assert same_pct(cells["pct"], pct)
        # Published: England and Wales, code 86, 2017/18 (PROVENANCE.md 'Checks').
        assert row_cells(table, "total:England and Wales")["year:2017"] == "23,225"
        assert printed[0]["2017/18"] == 23_225
        assert "Northamptonshire" in run(command)  # the command as shown prints the table

        # The map (the search cleared).
        await pilot.press("escape")  # in the table: clear the search
        await settle(pilot)
        await pilot.press("down", "M")
        await settle(pilot)
        map_screen = app.screen
        assert isinstance(map_screen, MapScreen) and map_screen.tile_map is not None
        tiles = {t.force: t.value for t in map_screen.tile_map.tiles}
        command = await shown_command(pilot)
        assert command.startswith("ox map --measure count --year ")
        tiles_printed = {str(r["force"]): r["value"] for r in json_rows(command)}
        assert tiles_printed == tiles
        # Home Office PRC (Oct 2023 release), code 86, 2022/23: Metropolitan Police 3,774 and
        # Northamptonshire 737 (shared prc_pfa_code86_by_force_year.csv).
        assert (
            tiles_printed["Metropolitan Police"] == 3774
            and tiles_printed["Northamptonshire"] == 737
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)

        # Compare.
        await pilot.press("down", "v")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        while compare.sort.key != "change":
            await pilot.press("s")
            await settle(pilot)
        await pilot.press("l")  # like-for-like: in the command too
        await settle(pilot)
        command = await shown_command(pilot)
        assert command.startswith(
            "ox compare 2021/22 2022/23 --dataset homeoffice-2023-10 --offence 86"
        )
        assert "--sort change" in command and "--like-for-like" in command
        compare_table = compare.query_one(CompareTableView)
        keys = visible_keys(compare_table)
        printed = json_rows(command)
        assert [str(r["force"]) for r in printed] == [k.removeprefix("total:") for k in keys]
        for key, rec in zip(keys, printed):
            cells = row_cells(compare_table, key)
            a, b, change = rec["count_a"], rec["count_b"], rec["change"]
            assert figure(cells["a"]) == fmt_count(as_int(a))
            assert figure(cells["b"]) == fmt_count(as_int(b))
            assert figure(cells["change"]) == fmt_change(as_int(change))
        # PROVENANCE.md "Checks": code 86, 43 territorial forces, 40,468 in 2022/23.
        assert row_cells(compare_table, "total:England and Wales")["b"] == "40,468"


async def test_detail_and_multi_force_chart_commands_print_the_series_shown(
    app: OffenceApp,
) -> None:
    """One app (two tests before): a force's detail (by year, by quarter) and the multi-force
    chart."""
    from tui.screens.multi_chart import MultiChartScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        command = await shown_command(pilot)
        assert command == "ox show Northamptonshire --dataset homeoffice --offence 86"
        series = screen.query_one(SeriesTable)
        printed = json_rows(command)
        assert [str(r["year"]) for r in reversed(printed)] == visible_keys(series)
        for rec in printed:
            cells = row_cells(series, str(rec["year"]))
            count, pct = rec["count"], rec["pct_change"]
            assert cells["count"] == fmt_count(as_int(count))
            assert same_pct(cells["pct"], pct)
        # prc_pfa_tidy.csv: Northamptonshire, code 86, 2017/18 = 60+61+71+77 = 269.
        assert row_cells(series, "2017/18")["count"] == "269"
        await pilot.press("p")  # by quarter: the command says so
        await settle(pilot)
        command = await shown_command(pilot)
        assert command.endswith("--offence 86 --quarters")
        quarters = [r["count"] for r in json_rows(command) if r["year"] == "2017/18"]
        assert quarters == [60, 61, 71, 77]  # prc_pfa_tidy.csv, the quarters summed above
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)

        # The multi-force chart.
        context = app.view_context
        assert context is not None
        await app.push_screen(MultiChartScreen(context, ["Kent", "Northamptonshire"]))
        await settle(pilot)
        chart = app.screen
        assert isinstance(chart, MultiChartScreen) and chart.shown is not None
        command = await shown_command(pilot)
        assert command.startswith("ox show Kent Northamptonshire")
        by_force_year = {(str(r["force"]), str(r["year"])): r["count"] for r in json_rows(command)}
        chart_table = chart.shown
        for force, values in zip(chart_table.forces, chart_table.values):
            for year, value in zip(chart_table.years, values):
                if not year.partial:
                    assert by_force_year[(force.name, year.fy)] == value, (force.name, year.fy)
        assert by_force_year[("Northamptonshire", "2017/18")] == 269  # 60 + 61 + 71 + 77
