"""The detail and multi-force charts: gaps where a figure is missing, whole-number ticks for
counts, and legends in words."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot

from tests.ui.conftest import burst, resize_to, settle, type_text, wait_for
from tests.ui.test_journeys import cli_json
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.widgets.force_table import ForceTableView
from tui.widgets.multi_chart import MultiChart
from tui.widgets.search_bar import SearchBar
from tui.widgets.trend_chart import TrendChart, axis_ticks, even_axis, segments


def test_a_missing_figure_breaks_the_line() -> None:
    assert segments((5.0, 6.0, None, None, 8.0, None, 9.0, 10.0)) == [
        ((1, 2), (5.0, 6.0)),
        ((5,), (8.0,)),
        ((7, 8), (9.0, 10.0)),
    ]
    assert segments((None, None)) == []


def test_count_ticks_are_whole_numbers_with_separators() -> None:
    assert axis_ticks(0, 3285.7)[1] == ["0", "1,000", "2,000", "3,000"]
    assert axis_ticks(0, 11941.0)[1] == ["0", "5,000", "10,000"]
    assert axis_ticks(0, 1.6)[1] == ["0", "1", "2"]  # never half an offence
    assert axis_ticks(0, 1.6, whole=False)[1] == ["0.0", "0.5", "1.0", "1.5"]  # a rate may


async def test_nspcc_detail_chart_has_a_gap_for_each_missing_year(tmp_path: Path) -> None:
    """Kent's NSPCC figures are 2017/18, then 2021/22 and 2022/23 (``ox show kent --dataset
    nspcc``): no line may join 2017/18 to 2021/22 across the years shown as "—"."""
    stated = {r["year"]: r["count"] for r in cli_json("show", "kent", "--dataset", "nspcc")}
    assert stated == {"2017/18": 1042, "2021/22": 1356, "2022/23": 1568}
    app = make_app(settings_file=tmp_path / "s.json", dataset="nspcc")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"kent", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        assert isinstance(app.screen, ForceDetailScreen)
        series = app.screen.query_one(TrendChart)._series
        assert series is not None
        years = dict(zip(series.labels, series.values))
        assert {y: v for y, v in years.items() if v is not None} == stated
        runs = [[series.labels[x - 1] for x in xs] for xs, _ in segments(series.values)]
        assert runs == [["2017/18"], ["2021/22", "2022/23"]]


def tick_rows(chart_text: str) -> tuple[list[int], list[str]]:
    """The rows (from the top) of the y ticks a plotext chart drew, and the chart's lines."""
    lines = chart_text.split("\n")
    return [i for i, row in enumerate(lines) if re.match(r"^\s*[\d,.]+┤", row)], lines


CHART_SIZES = [(120, 40), (100, 30), (60, 20), (80, 24)]
"""The detail opens at the first and is resized to each of the others; it ends at 80×24, where
Northamptonshire's detail (4) is checked next."""
LEGENDS = (
    ("", ("Line: Metropolitan Police",)),
    ("i", ("dots: England and Wales", "index, first year (2012/13) = 100")),
    ("i", ("Line: Metropolitan Police (left)", "dots: England and Wales (right axis)")),
)
"""The detail chart's three states, reached by ``i`` from the line alone, and its legend's words."""


def test_even_axis_ticks_fall_evenly_on_every_height() -> None:
    for rows in range(3, 40):
        for lo, hi, whole in ((0, 3774, True), (0, 1.6, True), (0, 7.3, False), (87, 254, True)):
            for headroom in (False, True):
                axis = even_axis(lo, hi, rows, whole=whole, headroom=headroom)
                assert axis.bottom <= lo and axis.top >= hi and len(axis.ticks) >= 2
                at = [
                    round((t - axis.bottom) / (axis.top - axis.bottom) * (rows - 1), 6)
                    for t in axis.ticks
                ]
                assert all(a == int(a) for a in at), (rows, lo, hi, at)
                assert len({b - a for a, b in zip(at, at[1:])}) == 1, (rows, lo, hi, at)
                if headroom and rows > 3:
                    assert (hi - axis.bottom) / (axis.top - axis.bottom) * (rows - 1) < rows - 1.5


async def find(pilot: Pilot[None], text: str) -> None:
    """Put the Forces table's cursor on the first force matching ``text`` (search, typed as one
    burst, then the table)."""
    await pilot.press("slash")
    pilot.app.screen.query_one(SearchBar).clear()
    await type_text(pilot, text)
    await pilot.press("down")
    table = pilot.app.screen.query_one(ForceTableView)
    while (table.current_force or "").startswith("total:"):  # the pinned totals come first
        await pilot.press("down")


async def multi_chart(pilot: Pilot[None], *forces: str) -> MultiChart:
    """From Forces: mark ``forces`` (``space``), chart them (``g``); the chart."""
    app = pilot.app
    for force in forces:
        await find(pilot, force)
        await pilot.press("space")
    await pilot.press("g")
    await wait_for(pilot, lambda: getattr(app.screen, "shown", None) is not None, "chart")
    assert isinstance(app.screen, MultiChartScreen)
    return app.screen.query_one(MultiChart)


async def detail_ticks_and_legends(pilot: Pilot[None], screen: ForceDetailScreen) -> None:
    """The Met's code 86 counts (3,774 in 2022/23) alone, with England and Wales (40,468)
    indexed, then overlaid on a second axis: every tick a whole number, the legend says which is
    which. Issue 20: at 80×24 the Met's y labels fell 2, 1, 2, 2 rows apart, and "E1", "E2" were
    drawn on the x axis over a line that starts near 0 (``⠑⠒E1⠁E2``). One detail, resized to
    each size (a third ``i`` goes back to the line alone)."""
    app = pilot.app
    for size in CHART_SIZES:
        await resize_to(pilot, size)
        assert app.screen is screen and app.size == size
        for key, words in LEGENDS:
            if key:
                await pilot.press(key)
                await settle(pilot)
            drawn = screen.query_one(TrendChart).render()
            assert isinstance(drawn, Text)
            what = (size, key, drawn.plain)
            assert not re.search(r"\d\.\d", drawn.plain), what  # 3285.7, 40468.0
            legend = str(screen.query_one("#detail-legend").render())
            assert all(w in legend for w in words), (size, legend)
            rows, lines = tick_rows(drawn.plain)
            assert len(rows) >= 2, what
            assert len({b - a for a, b in zip(rows, rows[1:])}) == 1, what
            assert not any(0x2800 <= ord(c) <= 0x28FF for c in lines[0]), what
            if size[0] < 80:
                continue  # the chart is a few cells wide: its labels run into each other
            labelled = [i for i, row in enumerate(lines) if re.search(r"E\d", row)]
            assert labelled == [1], what  # the top row, clear of the figures
            assert not any(0x2800 <= ord(c) <= 0x28FF for c in lines[1]), what
        if size == (120, 40):
            assert "40,000" in what[2]  # the national axis (right)
        await pilot.press("i")  # the line alone again
        await settle(pilot)


async def test_charts_ticks_and_legends(tmp_path: Path) -> None:
    """One app (code 86), four checks, each as its own was:

    (1) the multi-force chart of City of London and Dyfed-Powys (120×40): small counts,
    whole-number ticks (never 2.5 offences); (2) of Kent and Essex (80×24) as an index (``m``):
    no stray "index" label, evenly spaced ticks; (3) the Met's detail chart at every size (see
    :func:`detail_ticks_and_legends`); (4) Northamptonshire by quarter with the national trend
    indexed (``p``, ``i``): the legend said "first year = 100", the axis is an index of the
    first quarter, and the legend says so; by year (``p``) the first year."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        chart = await multi_chart(pilot, "city of london", "dyfed")
        drawn = chart.render()
        assert isinstance(drawn, Text)
        assert not re.search(r"\d\.\d", drawn.plain), f"(1) {drawn.plain}"

        await pilot.press("escape", "u")  # back to Forces, nothing marked
        await pilot.resize_terminal(80, 24)
        chart = await multi_chart(pilot, "kent", "essex")
        assert [f.name for f in chart.screen.shown.forces] == ["Kent", "Essex"]  # type: ignore[attr-defined]
        await pilot.press("m")  # the index
        await settle(pilot)
        drawn = chart.render()
        assert isinstance(drawn, Text)
        assert "index" not in drawn.plain, f"(2) {drawn.plain}"
        rows, _ = tick_rows(drawn.plain)
        assert len({b - a for a, b in zip(rows, rows[1:])}) == 1, f"(2) {drawn.plain}"

        await pilot.press("escape")
        await pilot.resize_terminal(*CHART_SIZES[0])
        await find(pilot, "metropolitan")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "it")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen) and screen.force.name.startswith("Metro")
        await detail_ticks_and_legends(pilot, screen)

        await resize_to(pilot, (80, 24))  # (where the Met's detail was left)
        burst(pilot, "slash", *"northam", "enter")
        await wait_for(pilot, lambda: app.screen is not screen, "Northamptonshire")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        await wait_for(pilot, lambda: screen.detail is not None, "its detail")
        assert screen.national == "off" and not screen.quarterly
        await pilot.press("p", "i")
        await settle(pilot)
        legend = " ".join(str(screen.query_one("#detail-legend").render()).split())
        assert "index, first quarter (2012/13 Q1) = 100" in legend, f"(4) {legend}"
        await pilot.press("p")  # by year
        await settle(pilot)
        legend = " ".join(str(screen.query_one("#detail-legend").render()).split())
        assert "index, first year (2012/13) = 100" in legend, f"(4) {legend}"
