"""The TUI import screen previews whatever path is typed: hostile ones are refused, not read; what
a file holds as a whole is said (one app for every path).

Before, typing the path of ``far_cell.xlsx`` killed the app (the preview read it), and a FIFO or a
device path was called a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.importing.conftest import BROKEN, MIXED
from tests.importing.test_file_warnings import IGNORED, NO_TERRITORIAL, _national
from tests.ui.conftest import open_import_preview, wait_for
from tui.app import make_app
from tui.widgets.path_input import PathInput


async def test_the_import_screen_previews_each_path_in_turn(tmp_path: Path) -> None:
    """One import screen, six paths typed in turn (each its own check, named in its message):
    a hostile workbook of each kind is refused with the sheet's claim; a FIFO is named as a pipe,
    not a folder; a link to /dev/zero is named as a device (the import button stays disabled for
    those); a file with unread columns and no territorial force says both
    (tests/importing/test_file_warnings.py); a workbook with one damaged sheet names the sheet
    skipped and can still be imported (tests/importing/test_multi_sheet.py)."""
    fifo = tmp_path / "figures.csv"
    os.mkfifo(fifo)
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    claim = "sheet 'Data': the sheet claims 16,384 × 1,048,576 cells"
    refused = {
        BROKEN / "far_cell.xlsx": f"far_cell.xlsx, {claim}",
        BROKEN / "far_cell.ods": f"far_cell.ods, {claim}",
        fifo: f"{fifo} is a pipe (FIFO), not a regular file; refusing to read it",
        link: f"{link} leads to a device (character special file)",
    }
    national = _national(tmp_path / "national.csv")
    damaged = MIXED / "years_damaged_sheet.ods"
    app = make_app(settings_file=tmp_path / "settings.json")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import_preview(pilot, BROKEN / "far_cell.xlsx")

        async def preview(path: Path) -> tuple[str, str, bool]:
            """(summary, report, import button disabled) once ``path`` is previewed."""
            if screen.query_one(PathInput).value != str(path):
                screen.query_one(PathInput).value = str(path)
            await wait_for(
                pilot,
                lambda: screen._preview is not None and screen._preview.path == str(path),
                f"the preview of {path.name}",
                timeout=30,
            )
            return (
                str(screen.query_one("#import-summary").render()),
                str(screen.query_one("#import-report").render()),
                bool(screen.query_one("#import-go").disabled),
            )

        for path, expected in refused.items():
            summary, report, disabled = await preview(path)
            assert expected in report, (path.name, report)
            assert disabled, path.name
            if path == fifo:
                assert "folder" not in summary, summary

        _summary, report, _disabled = await preview(national)
        assert IGNORED in " ".join(report.split()), ("national.csv", report)
        assert NO_TERRITORIAL in " ".join(report.split()), ("national.csv", report)

        summary, report, disabled = await preview(damaged)
        assert "2018-19: not imported: 1 problem" in summary, ("damaged sheet", summary)
        assert "warning: sheet '2018-19' of years_damaged_sheet.ods skipped" in report, report
        assert not disabled, "the good sheets can be imported"
