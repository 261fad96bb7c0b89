"""The app as ``ox serve`` runs it: read-only unless imports are allowed, and in a browser its
exports and copies are downloads (Textual's ``deliver_text``), never files on the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.conftest import write_dataset
from tests.ui.conftest import settle, wait_for
from tui.app import OffenceApp, make_app
from tui.sharing import COPY_NAME


def told(app: OffenceApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def served_app(tmp_path: Path, read_only: bool = True) -> OffenceApp:
    return make_app(settings_file=tmp_path / "settings.json", remember=False, read_only=read_only)


async def test_a_served_app_imports_nothing_removes_no_dataset_and_says_why(
    tmp_path: Path, store: Path
) -> None:
    """One read-only app: ``I`` from the table and ``i`` in the dataset picker open no import
    screen, and ``x`` there removes nothing; each says why."""
    parquet = write_dataset(
        store, "mine", [{"force": "Kent", "year": 2020, "offence_code": "86", "count": 5}]
    )
    app = served_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "I")
        await settle(pilot)
        assert type(app.screen).__name__ == "ForcesScreen"  # no import screen
        assert "Imports are off in this served explorer" in told(app)
        assert "--allow-import" in told(app)
        await pilot.press("d")  # the dataset picker's own way in: i
        await wait_for(pilot, lambda: type(app.screen).__name__ == "DatasetPicker", "the picker")
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ != "ImportScreen", "i in the picker"
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "DatasetPicker", "the picker")
        names = [i.name for i in app.screen._infos]  # type: ignore[attr-defined]
        for _ in range(names.index("mine") - names.index("homeoffice")):
            await pilot.press("down")
        await pilot.press("x")
        await settle(pilot)
        assert "Removing datasets is off in this served explorer" in told(app)
        assert type(app.screen).__name__ == "DatasetPicker"  # no "Remove?" question
    assert parquet.exists()


async def test_with_imports_allowed_the_import_screen_opens(tmp_path: Path) -> None:
    app = served_app(tmp_path, read_only=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "I")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ImportScreen", "imports")


@pytest.fixture
def in_a_browser(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The app believes it runs under textual-serve; what it delivers is recorded."""
    delivered: list[dict[str, Any]] = []

    def deliver_text(self: OffenceApp, file: Any, **options: Any) -> str:
        delivered.append({"text": file.read(), **options})
        return "key"

    monkeypatch.setattr(OffenceApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(OffenceApp, "deliver_text", deliver_text)
    return delivered


async def test_in_a_browser_exports_and_copies_are_downloads_not_files_on_the_server(
    tmp_path: Path, in_a_browser: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app in a browser: a JSON export, a CSV export (with its provenance as a second
    download, named as the file beside an exported CSV is: a plain CSV carries none inside, so
    every reader loads it) and a copy each arrive as downloads; nothing is written on the
    server."""
    monkeypatch.chdir(tmp_path)
    app = served_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "e")
        await settle(pilot)
        box = app.screen.query_one("#export-path", Input)
        assert "/" not in box.value  # a name, no folder of the server
        box.value = "../../etc/forces.json"
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(in_a_browser) >= 1, "the JSON download")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = "forces.csv"
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(in_a_browser) >= 3, "the CSV and its provenance")
        await settle(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: len(in_a_browser) >= 4, "the copy")
    sent, data, where_from, copied = in_a_browser
    # The JSON export.
    assert sent["save_filename"] == "forces.json"  # a name for the browser, never a path
    assert '"dataset": "homeoffice"' in sent["text"] and "Northamptonshire" in sent["text"]
    assert "Sent " in told(app) and "forces.json" in told(app)
    # The CSV export and its provenance.
    assert data["save_filename"] == "forces.csv" and "Northamptonshire" in data["text"]
    assert where_from["save_filename"] == "forces.csv.provenance.txt"
    assert where_from["text"].startswith("Provenance of forces.csv")
    assert "dataset: homeoffice" in where_from["text"]
    assert "forces.csv.provenance.txt" in told(app)
    # The copy.
    assert copied["save_filename"] == COPY_NAME and "\t" in copied["text"]
    assert COPY_NAME in told(app)
    assert list(tmp_path.glob("*.json")) == [] and list(tmp_path.glob("*.csv*")) == []
