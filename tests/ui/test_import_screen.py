"""Importing a file from the TUI: path, preview, confirm; replacing asks; removing asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import open_import_preview, settle, terminal_text, wait_for
from tui.app import OffenceApp
from tui.model.data.catalogue import list_datasets
from tui.screens import import_screen
from tui.screens.confirm import ConfirmDialog
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.import_screen import ImportScreen
from tui.widgets.force_table import ForceTableView
from tui.widgets.path_input import PathInput, PathSuggester

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def quick_preview(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview starts 0.35 s after the last key; these tests are not about that delay (each
    wait for the preview polled the app for it), so it is a hundredth of a second here."""
    monkeypatch.setattr(import_screen, "PREVIEW_DELAY", 0.01)


async def wait_preview(pilot: Pilot[None], screen: ImportScreen) -> None:
    await wait_for(pilot, lambda: screen._preview is not None, "the preview")


async def test_import_preview_confirm_and_explore_then_replace_asks_and_remove_asks(
    app: OffenceApp,
) -> None:
    """One app (two tests before): import a file, preview, confirm, explore its figures; then
    importing under a name in use asks first, and removing asks."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        box = screen.query_one(PathInput)
        box.value = str(FIXTURES / "import" / "ho_201718.ods")
        await wait_preview(pilot, screen)
        summary = str(screen.query_one("#import-summary").render())
        assert "ODS" in summary and "Home Office" in summary and "2017/18" in summary
        assert "skipped" in summary  # the cover and notes sheets
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: app.dataset is not None and app.dataset.name == "ho_201718",
            "the imported dataset to open",
        )
        assert app.dataset is not None and app.dataset.name == "ho_201718"
        table = app.screen.query_one(ForceTableView)
        # The earlier release's Northamptonshire code 86 figure for 2017/18 (DOMAIN.md §0).
        assert table.row_text("Northamptonshire")["year:2017"] == "271"
        assert table.row_text("total:England and Wales")["year:2017"] == "22,938"

        # Replacing asks; removing asks.
        source = str(FIXTURES / "import" / "ho_201718.csv")
        for attempt in range(2):
            await pilot.press("down", "I")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ImportScreen)
            screen.query_one(PathInput).value = source
            await wait_preview(pilot, screen)
            screen.query_one("#import-name").value = "mine"  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            if attempt == 1:
                assert isinstance(app.screen, ConfirmDialog), "replacing asks"
                await pilot.press("y")
            await wait_for(
                pilot,
                lambda: not isinstance(app.screen, (ImportScreen, ConfirmDialog)),
                "the import to finish",
            )
            app.switch_dataset("homeoffice")
            await settle(pilot)
        assert "mine" in [d.name for d in list_datasets()]
        await pilot.press("down", "d")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, DatasetPicker)
        await pilot.press("end", "x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog), "removing asks"
        await pilot.press("y")
        await wait_for(
            pilot, lambda: "mine" not in [d.name for d in list_datasets()], "the removal"
        )
        assert "mine" not in [d.name for d in list_datasets()]


async def test_path_completion(tmp_path: Path) -> None:
    (tmp_path / "figures-2024.csv").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.pdf").write_text("x", encoding="utf-8")
    suggester = PathSuggester()
    found = await suggester.get_suggestion(str(tmp_path / "fig"))
    assert found == str(tmp_path / "figures-2024.csv")
    assert await suggester.get_suggestion(str(tmp_path / "fo")) == str(tmp_path / "folder") + "/"
    assert await suggester.get_suggestion(str(tmp_path / "no")) is None  # not an importable file


async def test_a_bad_file_is_refused_at_80x24_without_scrolling_and_nothing_is_written(
    app: OffenceApp,
) -> None:
    """One app (two tests before). The problem (file, row, column) is on screen in the four lines
    the preview box has at 80×24 (issue #8: it was below the summary and the table, out of
    sight); Import is disabled and Enter writes nothing."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import_preview(pilot, FIXTURES / "broken" / "text_in_count.csv")
        await settle(pilot)
        assert isinstance(screen, ImportScreen)
        shown = terminal_text(app)  # what the terminal shows, nothing scrolled out of view
        assert "Cannot import" in shown
        assert "text_in_count.csv, row 57, column 'Number of Offences'" in shown
        report = str(screen.query_one("#import-report").render())
        assert "Cannot import" in report and "row" in report
        assert screen.query_one("#import-go").disabled
        await pilot.press("enter")
        await settle(pilot)
        assert [d.name for d in list_datasets()] == [
            "homeoffice",
            "homeoffice-2023-10",
            "nspcc",
            "scotland",
        ]


async def test_typing_a_path_the_name_follows_the_file_and_cancel_closes(
    app: OffenceApp, tmp_path: Path
) -> None:
    """One app (three tests before). The box starts with the current folder; typing ``/…`` or
    ``~/…`` there starts afresh (it used to give ``/cwd//tmp/…``), while a file name typed after
    it is kept relative. The name follows the file until typed. The trial's crash: Cancel
    (Shift+Tab to it, Enter; or a click) ran the preview's scroll action with the button event
    (a decorator left on the wrong method) → TypeError."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        box = screen.query_one(PathInput)
        start = box.value
        assert start.endswith("/") and start != "/"
        await pilot.press(*"/data/x.csv")
        assert box.value == "/data/x.csv"
        box.value = start
        box.cursor_position = len(start)
        await pilot.press(*"f.csv")
        assert box.value == start + "f.csv"
        box.value = start
        box.cursor_position = len(start)
        await pilot.press("~", "slash")
        assert box.value == "~/"

        # The name follows the file until typed.
        name = screen.query_one("#import-name")
        screen._preview = None
        box.value = str(FIXTURES / "import" / "nspcc_slice.csv")
        await wait_preview(pilot, screen)
        assert name.value == "nspcc_slice"  # type: ignore[attr-defined]
        screen._preview = None
        box.value = str(FIXTURES / "import" / "ho_201718.csv")
        await wait_preview(pilot, screen)
        assert name.value == "ho_201718"  # type: ignore[attr-defined]
        name.value = "mine"  # type: ignore[attr-defined]
        screen._preview = None
        box.value = str(FIXTURES / "import" / "ho_201718.ods")
        await wait_preview(pilot, screen)
        assert name.value == "mine"  # type: ignore[attr-defined]
        box.value = str(FIXTURES / "import" / "no_such_file.csv")
        await wait_for(
            pilot,
            lambda: (
                "No file no_such_file.csv in" in str(screen.query_one("#import-summary").render())
            ),
            "the missing-file message",
        )

        # The Cancel button closes the import screen.
        await pilot.click("#import-cancel-button")
        await wait_for(pilot, lambda: not isinstance(app.screen, ImportScreen), "it to close")
        assert app.is_running
