"""The detail and multi-force charts: gaps where a figure is missing, whole-number ticks for
counts, and legends in words."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text

from tests.ui.conftest import settle, wait_for
from tests.ui.test_journeys import cli_json
from tests.ui.test_views import find
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.widgets.multi_chart import MultiChart
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


async def test_multi_chart_count_ticks_are_whole(tmp_path: Path) -> None:
    """Wales and Dyfed-Powys: small counts, whole-number ticks (never 2.5 offences)."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await find(pilot, "city of london")
        await pilot.press("space")
        await find(pilot, "dyfed")
        await pilot.press("space", "g")
        await wait_for(pilot, lambda: getattr(app.screen, "shown", None) is not None, "chart")
        assert isinstance(app.screen, MultiChartScreen)
        drawn = app.screen.query_one(MultiChart).render()
        assert isinstance(drawn, Text)
        assert not re.search(r"\d\.\d", drawn.plain), drawn.plain


def tick_rows(chart_text: str) -> tuple[list[int], list[str]]:
    """The rows (from the top) of the y ticks a plotext chart drew, and the chart's lines."""
    lines = chart_text.split("\n")
    return [i for i, row in enumerate(lines) if re.match(r"^\s*[\d,.]+┤", row)], lines


CHART_SIZES = [(120, 40), (80, 24), (60, 20), (100, 30)]
LEGENDS = (
    ("", ("Line: Metropolitan Police",)),
    ("i", ("dots: England and Wales", "index, first year (2012/13) = 100")),
    ("i", ("Line: Metropolitan Police (left)", "dots: England and Wales (right axis)")),
)
"""The detail chart's three states, reached by ``i`` from the line alone, and its legend's words."""


async def test_detail_chart_ticks_are_whole_evenly_spaced_and_labelled_at_every_size(
    tmp_path: Path,
) -> None:
    """The Met's code 86 counts (3,774 in 2022/23) alone, with England and Wales (40,468)
    indexed, then overlaid on a second axis: every tick a whole number, the legend says which is
    which. Issue 20: at 80×24 the Met's y labels fell 2, 1, 2, 2 rows apart, and "E1", "E2" were
    drawn on the x axis over a line that starts near 0 (``⠑⠒E1⠁E2``). One detail, resized to
    each size (a third ``i`` goes back to the line alone)."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=CHART_SIZES[0]) as pilot:
        await settle(pilot)
        await pilot.press(*"metropolitan", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "it")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        for size in CHART_SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
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


async def test_multi_chart_index_has_no_stray_label(tmp_path: Path) -> None:
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await find(pilot, "kent")
        await pilot.press("space")
        await find(pilot, "essex")
        await pilot.press("space", "g")
        await wait_for(pilot, lambda: getattr(app.screen, "shown", None) is not None, "chart")
        await pilot.press("m")  # the index
        await settle(pilot)
        drawn = app.screen.query_one(MultiChart).render()
        assert isinstance(drawn, Text)
        assert "index" not in drawn.plain, drawn.plain
        rows, _ = tick_rows(drawn.plain)
        assert len({b - a for a, b in zip(rows, rows[1:])}) == 1, drawn.plain


async def test_quarterly_index_says_it_is_an_index_of_the_first_quarter(tmp_path: Path) -> None:
    """By quarter with the national trend indexed (p, i) the legend said "first year = 100":
    the axis is an index of the first quarter, and the legend says so."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"northam", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        await pilot.press("p", "i")
        await settle(pilot)
        legend = " ".join(str(screen.query_one("#detail-legend").render()).split())
        assert "index, first quarter (2012/13 Q1) = 100" in legend, legend
        await pilot.press("p")  # by year
        await settle(pilot)
        legend = " ".join(str(screen.query_one("#detail-legend").render()).split())
        assert "index, first year (2012/13) = 100" in legend, legend
