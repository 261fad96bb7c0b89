"""Plain-ASCII mode (``A``): nothing on screen but printable ASCII, on every view, in every chart,
at 80×24 without colour (``NO_COLOR``): no braille, no ▲ ▼ —, no box-drawing or scrollbar glyph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tui.app import OffenceApp, make_app
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.widgets.trend_chart import TrendChart


def not_ascii(text: str) -> list[tuple[int, str]]:
    """(row, line) of every line with a character outside printable ASCII."""
    return [
        (row, line)
        for row, line in enumerate(text.splitlines())
        if not all(" " <= c <= "~" for c in line)
    ]


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def assert_ascii(app: OffenceApp, where: str) -> None:
    text = terminal_text(app)
    assert text.strip(), f"nothing drawn on {where}"
    bad = not_ascii(text)
    assert not bad, f"{where}: not ASCII:\n" + "\n".join(f"{r:2}: {line}" for r, line in bad)


@pytest.fixture
def plain_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OffenceApp:
    monkeypatch.setenv("NO_COLOR", "1")
    return make_app(settings_file=tmp_path / "s.json")


async def test_ascii_mode_draws_only_ascii_on_every_view(plain_app: OffenceApp) -> None:
    app = plain_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "down", "A")
        assert app.settings.ascii
        assert_ascii(app, "Forces")
        # The known failure: the map, then a force's detail opened from it.
        await press(pilot, "M")
        await wait_for(pilot, lambda: getattr(app.screen, "tile_map", None) is not None, "map")
        assert isinstance(app.screen, MapScreen)
        assert_ascii(app, "map")
        await press(pilot, "right", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        assert isinstance(app.screen, ForceDetailScreen)
        assert_ascii(app, "detail from the map")
        assert_cut_as_three_dots(app)
        for key in ("p", "i", "i"):  # quarters; national trend indexed, then overlaid
            await press(pilot, key)
            assert_ascii(app, f"detail after {key}")
            # The chart itself draws ASCII markers (not braille the filter would turn to dots).
            drawn = app.screen.query_one(TrendChart).render()
            assert isinstance(drawn, Text) and "*" in drawn.plain
            assert not any(0x2800 <= ord(c) <= 0x28FF for c in drawn.plain)
        await press(pilot, "P")  # the force and its peers on one chart
        await wait_for(pilot, lambda: getattr(app.screen, "shown", None) is not None, "peers")
        assert isinstance(app.screen, MultiChartScreen)
        assert_ascii(app, "peers chart")
        await press(pilot, "m")
        assert_ascii(app, "peers chart, indexed")
        await press(pilot, "f", "v")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        assert_ascii(app, "Compare")
        await press(pilot, "f", "space", "down", "space", "g")
        await wait_for(pilot, lambda: getattr(app.screen, "shown", None) is not None, "chart")
        assert isinstance(app.screen, MultiChartScreen)
        assert_ascii(app, "chart of marked forces")
        await press(pilot, "f", "question_mark")
        assert_ascii(app, "help")
        await press(pilot, "escape", "o")
        assert_ascii(app, "offence picker")
        await press(pilot, "escape", "d")
        assert_ascii(app, "dataset picker")


async def test_ascii_mode_on_the_nspcc_detail_and_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings_file=tmp_path / "s.json", dataset="nspcc", ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_ascii(app, "NSPCC Forces")
        await type_text(pilot, "kent")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        assert_ascii(app, "NSPCC detail")
        app.open_compare(2016, 2017)
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        await settle(pilot)
        assert_ascii(app, "NSPCC Compare")
        await press(pilot, "A")  # and back: Unicode again
        assert not_ascii(terminal_text(app))


def test_an_ellipsis_is_three_dots_in_the_same_cells() -> None:
    from tui.widgets.ascii_filter import spread_ellipses

    assert spread_ellipses("Loading…      |") == "Loading...    |"  # over the blanks after it
    assert spread_ellipses(" alarm…   ") == " ala...   "  # a scrollbar may cover those blanks
    assert spread_ellipses(" 23 A…") == " 23..."  # never a lone "." where there is room
    assert spread_ellipses("…x") == ".x"


def assert_cut_as_three_dots(app: OffenceApp) -> None:
    """ "…" was drawn "." and read as a full stop: the detail's title read "release, third." for
    "third-party copy", and cut offence names "105A Assault without."."""
    lines = terminal_text(app).splitlines()
    title = lines[1].rstrip()  # (the release now said shorter, not cut: issue 20)
    assert "third." not in title and (title.endswith("...") or title[-1] != "."), title
    cut = [line for line in lines if "105A Assault" in line]
    assert cut and cut[0].rstrip().endswith("..."), cut
