"""A force chosen before the data loads: its detail opens at once from the derived-data store (the
shipped answer book holds every force's detail for the default offence), every key
on it is safe while the data is still loading, and it is refreshed from the data once loaded.

Home Office PRC (23 Apr 2026 release), code 86, Northamptonshire: 2016/17 = 248; 2017/18 =
60+61+71+77 = 269; 2022/23 = 738 (the release's source file; 737 in the Oct 2023 release)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import assert_running, burst, busy, hold_the_data, wait_for
from tests.ui.test_every_key import keys_to_press
from tests.ui.test_journeys import row_cells
from tui.app import OffenceApp, make_app
from tui.screens.detail import ForceDetailScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.forces import ForcesScreen
from tui.widgets.peers_panel import PeersPanel
from tui.widgets.search_bar import SearchInput
from tui.widgets.tables import SeriesTable

SOURCE = {"2016/17": "248", "2017/18": "269", "2022/23": "738"}


async def _calm(pilot: Pilot[None]) -> None:
    """Like ``settle``, but without waiting for the held load: until no other worker runs and
    nothing is left to handle or paint."""
    for _ in range(200):
        await pilot._wait_for_screen()
        await pilot.pause()  # waits for the app to be idle
        if not busy(pilot.app, except_group="load"):
            return
    raise AssertionError("the app never went idle")


def _detail(app: OffenceApp) -> ForceDetailScreen | None:
    screen = app.screen
    return screen if isinstance(screen, ForceDetailScreen) and screen.detail is not None else None


def _figures(screen: ForceDetailScreen) -> dict[str, str]:
    table = screen.query_one(SeriesTable)
    return {year: row_cells(table, year)["count"].strip() for year in SOURCE}


async def _open_early(pilot: Pilot[None]) -> ForceDetailScreen:
    """From the Forces view (data still loading): ``northam``, Enter; the detail is on screen."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    search = app.screen.query_one(SearchInput)
    search.value = ""
    search.focus()
    burst(pilot, *"northam")  # typed as one burst: each letter alone costs a wait for idle
    await pilot.press("enter")
    await _calm(pilot)
    screen = _detail(app)
    assert screen is not None, f"no detail before the data: {app.screen!r}"
    assert app.data is None
    return screen


async def _back_to(pilot: Pilot[None], screen: ForceDetailScreen) -> ForceDetailScreen:
    """Back to the early detail ``screen`` when a key opened something over it (closed without
    an answer, as ``tests/ui/test_every_key.py`` does), else open a detail early again."""
    app = pilot.app
    if screen not in app.screen_stack:
        return await _open_early(pilot)
    while app.screen is not screen:
        await app.pop_screen()
    await _calm(pilot)
    return screen


@pytest.mark.paints  # every key before the data: every frame drawn, as on a terminal
async def test_the_detail_shows_before_the_data_and_every_key_is_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.json"
    release = hold_the_data(monkeypatch, timeout=300)
    app = make_app(settings_file=settings)
    quits: list[object] = []
    monkeypatch.setattr(app, "exit", lambda *args, **kwargs: quits.append(args))
    async with app.run_test(size=(100, 30)) as pilot:
        try:
            await _calm(pilot)
            screen = await _open_early(pilot)
            assert screen.force.name == "Northamptonshire"
            assert _figures(screen) == SOURCE
            keys = keys_to_press(app)  # one key per distinct behaviour, leaving keys last
            assert "p" in keys and "P" in keys and "e" in keys and "escape" in keys
            for key in keys:
                screen = await _back_to(pilot, screen)
                await pilot.press(key)
                await _calm(pilot)
                assert_running(app, f"{key} on the detail before the data")
                assert app.data is None
                quits.clear()
                shown = _detail(app)
                if shown is not None and not shown.quarterly:  # never a figure but the source's
                    assert shown.force.name == "Northamptonshire"
                    assert _figures(shown) == SOURCE
            screen = await _open_early(pilot)  # fresh, nothing asked for later
            release.set()
            await wait_for(pilot, lambda: app.data is not None, "the data")
            await wait_for(pilot, lambda: screen.context is not None, "the data in the detail")
            assert app.screen is screen
            assert _figures(screen) == SOURCE
            await wait_for(pilot, lambda: screen.query_one(PeersPanel).names, "the peers")
            forces = next(s for s in app.screen_stack if isinstance(s, ForcesScreen))
            await wait_for(pilot, lambda: forces.table is not None, "the Forces table")
            assert [type(s) for s in app.screen_stack] == [ForcesScreen, ForceDetailScreen]
        finally:
            release.set()  # a failure above must not leave the load held


async def test_a_detail_closed_early_stays_closed_and_a_key_pressed_early_is_done_once_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One held load, two checks: (1) a detail opened and closed (Esc) before the data stays
    closed once it is loaded; (2) ``e`` (export) pressed in a detail opened again before the
    data is done once it is loaded: the export dialog over that detail, the closed one nowhere."""
    settings = tmp_path / "settings.json"
    release = hold_the_data(monkeypatch, timeout=300)
    app = make_app(settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        try:
            await _calm(pilot)
            closed = await _open_early(pilot)
            await pilot.press("escape")
            await _calm(pilot)
            assert isinstance(app.screen, ForcesScreen), "(1) Esc did not close the detail"
            forces = app.screen
            screen = await _open_early(pilot)
            assert screen is not closed
            await pilot.press("e")  # export: once the data is loaded
            await _calm(pilot)
            assert app.screen_stack[-1] is screen, "(2) e did something before the data"
            release.set()
            await wait_for(pilot, lambda: app.data is not None, "the data")
            await wait_for(pilot, lambda: app.screen is not screen, "a view over the detail")
            stack = app.screen_stack
            assert [type(s) for s in stack[2:]] == [ExportDialog], f"(1) or (2): {stack}"
            assert stack[:2] == [forces, screen] and closed not in stack, f"(1) {stack}"
            assert screen.context is not None and _figures(screen) == SOURCE, "(2) figures"
        finally:
            release.set()  # a failure above must not leave the load held
