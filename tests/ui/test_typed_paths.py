"""A path the system cannot look at, pasted into the import box or the export box (found by a
storm of pastes): a name longer than the file system takes (``OSError: File name too long`` in
the import preview's ``is_dir``), a NUL character (``ValueError: embedded null byte`` in the
path completion's worker and in the export's ``lstat``), ``~`` and a user who does not exist
(``RuntimeError`` in ``Path.expanduser``). Each box says why and the app goes on."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Static

from tests.ui.conftest import assert_running, settle, wait_for
from tests.ui.mouse import mouse_burst
from tui.app import OffenceApp
from tui.screens.export_dialog import ExportDialog
from tui.screens.import_screen import ImportScreen

pytestmark = pytest.mark.paints  # crash classes: every frame drawn, as on a terminal


def unreadable_paths(folder: Path) -> dict[str, str]:
    """Each path, and what the dialog says of it."""
    return {
        str(folder / ("x" * 300)): "File name too long",
        str(folder / ("x" * 300) / "figures.csv"): "File name too long",
        str(folder / "a\0b") + "/figures.csv": "NUL character",
        "~nosuchuser-ox/figures.csv": "~nosuchuser-ox",
    }


def text_of(widget: Static) -> str:
    return str(widget.render())


def says(widget: Static, words: str) -> bool:
    return words in text_of(widget)


async def test_unreadable_paths_in_the_import_and_export_boxes(
    app: OffenceApp, tmp_path: Path
) -> None:
    """Pasted into the import box (the preview starts after a pause; the completion at once),
    then into the export box and Enter. One app."""
    paths = unreadable_paths(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "I")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen), "the import screen")
        screen = app.screen
        box = screen.query_one("#import-path", Input)
        summary = screen.query_one("#import-summary", Static)
        # (pathlib's is_dir and exists answer False for a NUL: the box asks for a path, and the
        # completion crashed; the import box never used Path.expanduser)
        nul = str(tmp_path / "a\0b") + "/figures.csv"
        for path, said in [*list(paths.items())[:2], (nul, "Type a path")]:
            box.value = str(tmp_path)
            await wait_for(pilot, lambda: "is a folder" in text_of(summary), "a folder's preview")
            box.value = ""  # the paste replaces it (the preview starts after a pause in typing)
            mouse_burst(pilot, ("paste", path))
            await wait_for(pilot, partial(says, summary, said), f"the preview of {path}")
            assert_running(app, f"{path!r} in the import box")
        await pilot.press("escape")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        box = app.screen.query_one("#export-path", Input)
        message = app.screen.query_one("#export-message", Label)
        for path, said in paths.items():
            box.value = ""
            mouse_burst(pilot, ("paste", path))
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert_running(app, f"{path!r} in the export box")
            assert isinstance(app.screen, ExportDialog), path
            shown = text_of(message)
            assert said in shown or "does not exist" in shown, (path, shown)
