"""Several forces, peers and the map, driven with the keyboard; every figure checked against the CLI
(``ox show``, ``ox compare``, ``ox peers``, ``ox map``, run in-process)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot

from tests.cli.test_cli_honest import run as cli_table
from tests.ui.conftest import burst, settle, type_text, wait_for
from tests.ui.test_journeys import cli_json, row_cells
from tui.app import OffenceApp, make_app
from tui.formatting import fmt_count, fmt_pct, fmt_rate
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.widgets.force_table import ForceTableView
from tui.widgets.grid import Grid
from tui.widgets.peers_panel import PeersPanel
from tui.widgets.search_bar import SearchBar
from tui.widgets.tile_map import TileMapView


async def find(pilot: Pilot[None], text: str) -> None:
    """Put the table's cursor on the first force matching ``text`` (search, then the table)."""
    await pilot.press("slash")
    pilot.app.screen.query_one(SearchBar).clear()
    await type_text(pilot, text)
    await pilot.press("down")
    await settle(pilot)
    table = pilot.app.screen.query_one(ForceTableView)
    while (table.current_force or "").startswith("total:"):  # the pinned totals come first
        await pilot.press("down")
        await settle(pilot)


async def test_marks_the_chart_of_marked_forces_and_the_peers_panel(app: OffenceApp) -> None:
    """One app (four tests before): at most eight marks, and g without marks says how; marked
    forces charted with the figures of ``ox show``; the peers panel has ``ox peers``' figures and
    P charts them; over NSPCC's data the panel says why there are no peers."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        await pilot.press("down", "g")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)  # nothing marked: nothing opens
        burst(pilot, *["space", "down"] * 9)  # as fast as a user holds them
        await settle(pilot)
        assert len(screen.marks) == 8
        await pilot.press("u")
        await settle(pilot)
        assert len(screen.marks) == 0

        # Mark forces and chart them.
        table = screen.query_one(ForceTableView)
        await pilot.press("down", "home", "space")  # the pinned total: England and Wales
        await find(pilot, "kent")
        await pilot.press("space")
        await find(pilot, "essex")
        await pilot.press("space")
        await settle(pilot)
        assert screen.marks.names == ["England and Wales", "Kent", "Essex"]
        assert row_cells(table, "Essex")["force"].startswith("● Essex")
        assert row_cells(table, "total:England and Wales")["force"].startswith("● ")
        assert "3 marked (g: chart)" in str(screen.query_one("#forces-status").render())
        await pilot.press("space")  # again: unmarked
        await settle(pilot)
        assert screen.marks.names == ["England and Wales", "Kent"]
        assert not row_cells(table, "Essex")["force"].startswith("●")
        await pilot.press("space", "g")
        await wait_for(pilot, lambda: getattr(app.screen, "shown", None) is not None, "chart")
        chart = app.screen
        assert isinstance(chart, MultiChartScreen)
        assert chart.forces == ("England and Wales", "Kent", "Essex")
        grid = chart.query_one(Grid)
        rows = cli_json("show", "england and wales", "kent", "essex")
        by = {(r["force"], r["year"]): r for r in rows}
        for (force, year), rec in by.items():
            count = rec["count"]
            assert isinstance(count, int)
            cells = row_cells(grid, str(int(str(year)[:4])))
            assert cells[f"force:{force}"] == fmt_count(count), (force, year)
        legend = str(chart.query_one("#multi-legend").render())
        assert "● England and Wales" in legend and "■ Kent" in legend and "▲ Essex" in legend
        await pilot.press("m")  # index, first year = 100
        await settle(pilot)
        k12, k16 = by["Kent", "2012/13"]["count"], by["Kent", "2016/17"]["count"]
        assert isinstance(k12, int) and isinstance(k16, int)
        assert row_cells(grid, "2012")["force:Kent"] == "100.0"
        assert row_cells(grid, "2016")["force:Kent"] == f"{k16 / k12 * 100:,.1f}"
        assert "2025" not in grid.keys  # partial: no index
        await pilot.press("right_square_bracket")  # base year one later
        await settle(pilot)
        assert row_cells(grid, "2013")["force:Kent"] == "100.0"
        await pilot.press("m")  # rate per 100,000, as ox show's rate column
        await settle(pilot)
        rate = by["Kent", "2021/22"]["rate"]
        assert isinstance(rate, float)
        assert row_cells(grid, "2021")["force:Kent"] == fmt_rate(rate)
        assert row_cells(grid, "2025")["force:Kent"] == "—"  # 2025/26 Q1-Q3: no rate
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)

        # The peers panel of Kent.
        await pilot.press("slash")
        app.screen.query_one(SearchBar).clear()
        await type_text(pilot, "kent")
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, ForceDetailScreen)
                and app.screen.query_one(PeersPanel).group is not None
            ),
            "the peers panel",
        )
        panel = app.screen.query_one(PeersPanel)
        text = str(panel.render())
        # The view shows code 86: the peers are ordered by its rate, as `ox peers --offence 86`.
        rows = cli_json("peers", "kent", "--offence", "86")  # Kent itself too, in its place
        assert set(panel.names) == {str(p["peer"]) for p in rows}
        peers = [p for p in rows if p["rank"] is not None]
        assert len(peers) == len(rows) - 1
        for p in peers:
            assert str(p["peer"]) in text
            assert f"{p['distance']:.2f}" in text
            rate = p["offence_per_100k"]
            assert isinstance(rate, float) and fmt_rate(rate) in text
        _code, printed, _ = cli_table("peers", "kent", "--offence", "86")
        place = re.search(r"per 100,000: (\d+) of 8 \(highest first\)", printed)
        assert place is not None
        ordinal = {"1": "1st", "2": "2nd", "3": "3rd"}.get(place[1], f"{place[1]}th")
        assert f"Kent: the {ordinal} highest rate of 8, code 86" in text
        await pilot.press("P")
        await wait_for(pilot, lambda: isinstance(app.screen, MultiChartScreen), "the chart")
        chart = app.screen
        assert isinstance(chart, MultiChartScreen)
        assert list(chart.forces) == panel.names
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

        # Over NSPCC's data, the peers panel says why there are none.
        app.switch_dataset("nspcc")
        await wait_for(
            pilot, lambda: app.dataset is not None and app.dataset.name == "nspcc", "NSPCC"
        )
        await app.open_force("Kent")
        await wait_for(
            pilot,
            lambda: "Forces like this one:" in str(app.screen.query_one(PeersPanel).render()),
            "the peers message",
        )
        assert "offence groups" in str(app.screen.query_one(PeersPanel).render())
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)


async def test_map_moves_names_the_tile_opens_its_detail_and_marks_chance_at_80x24(
    app: OffenceApp,
) -> None:
    """One app (two tests before). Then, without room for values, the mark sits between label
    and bin: City of London 3 → 4 (+33.3%, a high bin) is within chance, Northamptonshire
    544 → 737 is not."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await wait_for(pilot, lambda: getattr(app.screen, "tile_map", None) is not None, "map")
        screen = app.screen
        assert isinstance(screen, MapScreen)
        tiles = {str(t["force"]): t for t in cli_json("map")}
        shown = {r["year"]: r["count"] for r in cli_json("show", "durham")}
        assert screen.current == "Cumbria"  # the first tile, top left
        await pilot.press("right")
        assert screen.current == "Northumbria"
        await pilot.press("down")
        await settle(pilot)
        assert screen.current == "Durham"
        status = str(screen.query_one("#map-status").render())
        value = tiles["Durham"]["value"]
        assert isinstance(value, int) and value == shown["2024/25"]
        assert status.startswith(f"Durham (DURH): {fmt_count(value)} · bin ")
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ForceDetailScreen) and detail.force.name == "Durham"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen) and app.screen.current == "Durham"
        await pilot.press("m")  # % change between the Compare years, as ox compare
        await wait_for(
            pilot,
            lambda: screen.tile_map is not None and screen.tile_map.measure == "change",
            "change",
        )
        compared = {
            str(r["force"]): r["pct_change"] for r in cli_json("compare", "2023/24", "2024/25")
        }
        assert screen.tile_map is not None
        for tile in screen.tile_map.tiles:
            found = None if tile.value is None else round(tile.value, 2)
            assert found == compared[tile.force], tile.force
        durham = compared["Durham"]
        assert isinstance(durham, float)
        assert fmt_pct(durham) in str(screen.query_one("#map-status").render())
        await settle(pilot)
        drawn = app.screen.query_one(TileMapView).render().plain
        assert "%" not in drawn  # no room for values here
        assert "CITY~" in drawn and "HERT~" in drawn and "NHAN " in drawn and "NHAN~" not in drawn
        assert "~ marks a change within chance" in str(app.screen.query_one("#map-legend").render())


async def test_map_marks_a_change_within_chance(oct23_app: OffenceApp) -> None:
    app = oct23_app
    """Hertfordshire 499 → 502 (2021/22 → 2022/23, shared prc_pfa rows) is within chance, as the
    Forces table and Compare mark it; Northamptonshire 544 → 737 is not."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M", "m")
        await wait_for(
            pilot,
            lambda: getattr(getattr(app.screen, "tile_map", None), "measure", "") == "change",
            "the map of changes",
        )
        drawn = app.screen.query_one(TileMapView).render().plain
        assert "+0.6%~" in drawn and "+35.5%~" not in drawn and "+35.5%" in drawn
        legend = str(app.screen.query_one("#map-legend").render())
        assert "within chance variation" in legend
        assert isinstance(app.screen, MapScreen)
        app.screen.current = "Hertfordshire"
        app.screen._draw()
        await settle(pilot)
        status = str(app.screen.query_one("#map-status").render())
        assert "+0.6%~" in status and "within chance variation" in status


async def test_map_in_ascii_has_digits_for_bins(tmp_path: Path) -> None:
    app = make_app(settings_file=tmp_path / "s.json", ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await wait_for(pilot, lambda: getattr(app.screen, "tile_map", None) is not None, "map")
        drawn = app.screen.query_one(TileMapView).render().plain
        assert drawn.isascii() and "MET  5" in drawn and "CITY 1" in drawn
        legend = str(app.screen.query_one("#map-legend").render())
        assert legend.isascii()
