"""The TUI import screen previews whatever path is typed: hostile ones are refused, not read.

Before, typing the path of ``far_cell.xlsx`` killed the app (the preview read it), and a FIFO or a
device path was called a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.importing.conftest import BROKEN
from tests.ui.conftest import open_import_preview, wait_for
from tui.app import make_app
from tui.widgets.path_input import PathInput


async def test_hostile_paths_are_refused_in_the_preview(tmp_path: Path) -> None:
    """One import screen, four paths typed in turn (each its own check, named in its message):
    a hostile workbook of each kind is refused with the sheet's claim; a FIFO is named as a pipe,
    not a folder; a link to /dev/zero is named as a device. The import button stays disabled."""
    fifo = tmp_path / "figures.csv"
    os.mkfifo(fifo)
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    cases = {
        BROKEN / "far_cell.xlsx": "far_cell.xlsx, sheet 'Data': "
        "the sheet claims 16,384 × 1,048,576 cells",
        BROKEN / "far_cell.ods": "far_cell.ods, sheet 'Data': "
        "the sheet claims 16,384 × 1,048,576 cells",
        fifo: f"{fifo} is a pipe (FIFO), not a regular file; refusing to read it",
        link: f"{link} leads to a device (character special file)",
    }
    app = make_app(settings_file=tmp_path / "settings.json")
    async with app.run_test(size=(120, 40)) as pilot:
        first = next(iter(cases))
        screen = await open_import_preview(pilot, first)
        for path, expected in cases.items():
            if path != first:
                screen.query_one(PathInput).value = str(path)
            await wait_for(
                pilot,
                lambda p=path: screen._preview is not None and screen._preview.path == str(p),
                f"the preview of {path.name}",
                timeout=30,
            )
            summary = str(screen.query_one("#import-summary").render())
            report = str(screen.query_one("#import-report").render())
            assert expected in report, (path.name, report)
            assert screen.query_one("#import-go").disabled, path.name
            if path == fifo:
                assert "folder" not in summary, summary
