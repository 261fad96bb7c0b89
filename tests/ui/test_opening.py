"""The first frame: the table from the derived-data store, painted before the data (and Polars)
load, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import hold_the_data, settle, wait_for
from tui.app import make_app
from tui.model.data.catalogue import find_dataset
from tui.screens.detail import ForceDetailScreen
from tui.screens.forces import ForcesScreen
from tui.widgets.force_table import ForceTableView


async def test_the_opening_table_shows_before_the_data_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter on a row of the opening table (painted before the data is loaded) opens the force's
    detail once the data is loaded, with its figures. Northamptonshire, code 86, 2017/18:
    60+61+71+77 = 269."""
    from tests.ui.test_journeys import row_cells
    from tui.widgets.peers_panel import PeersPanel
    from tui.widgets.tables import SeriesTable

    settings = tmp_path / "settings.json"  # a first start: the shipped answer book has it
    release = hold_the_data(monkeypatch)
    app = make_app(settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.data is None  # still loading
        table = app.screen.query_one(ForceTableView)
        # Home Office PRC (23 Apr 2026 release), code 86, 2017/18: Northamptonshire 60+61+71+77
        # = 269; 2022/23: Metropolitan Police 3,921 (the release's source file; 3,774 in Oct 2023).
        assert table.row_text("Northamptonshire")["year:2017"] == "269"
        assert table.row_text("Metropolitan Police")["year:2022"] == "3,921"
        await pilot.press(*"northam", "enter")  # chosen before the data is there
        assert app.data is None
        release.set()
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ForceDetailScreen) and app.screen.detail is not None,
            "the detail",
        )
        screen = app.screen
        assert isinstance(screen, ForceDetailScreen)
        assert screen.force.name == "Northamptonshire"
        assert row_cells(screen.query_one(SeriesTable), "2017/18")["count"].strip() == "269"
        await wait_for(pilot, lambda: screen.query_one(PeersPanel).names, "the peers")
        forces = next(s for s in app.screen_stack if isinstance(s, ForcesScreen))
        assert forces.context is not None and forces.context.data is app.data
        await wait_for(pilot, lambda: forces.table is not None, "the Forces table")
        await pilot.press("escape")
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        assert table.row_text("Northamptonshire")["year:2017"] == "269"


async def test_a_changed_data_file_means_no_opening_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.json"
    from tui.model.store import derived_build, derived_store

    real_sha = derived_store.file_sha256
    data = find_dataset("homeoffice").path
    # The bundled file as if rebuilt or re-imported: another checksum.
    monkeypatch.setattr(derived_build, "keep", lambda _ds: True)  # (the loader writes none)
    monkeypatch.setattr(
        derived_store,
        "file_sha256",
        lambda path: "0" * 64 if path == data else real_sha(path),
    )
    release = hold_the_data(monkeypatch)
    app = make_app(settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.data is None
        assert isinstance(app.screen, ForcesScreen) and app.screen.table is None
        assert app.screen.query_one(ForceTableView).keys == []
        release.set()
        await wait_for(pilot, lambda: app.data is not None, "the data")


async def test_each_dataset_opens_on_its_own_table_and_an_offence_not_stored_on_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NSPCC FOI figures (a different measure) open on their own table, never the Home Office's;
    an offence the store does not hold (8N) opens empty until the data loads."""
    settings = tmp_path / "settings.json"
    for app, dataset in (
        (make_app(settings_file=settings, dataset="nspcc"), "nspcc"),
        (make_app(settings_file=settings, offence="8N"), None),
    ):
        release = hold_the_data(monkeypatch)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ForcesScreen)
            if dataset is None:
                assert screen.table is None and screen.query_one(ForceTableView).keys == []
            else:
                assert screen.table is not None and screen.table.dataset == dataset
            release.set()  # let the load finish before the app closes
            await wait_for(pilot, lambda: pilot.app.data is not None, "the data")  # type: ignore[attr-defined]
