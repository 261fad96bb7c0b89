"""The TUI import screen previews whatever path is typed: hostile ones are refused, not read.

Before, typing the path of ``far_cell.xlsx`` killed the app (the preview read it), and a FIFO or a
device path was called a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.importing.conftest import BROKEN
from tests.ui.conftest import open_import_preview
from tui.app import make_app


async def _preview_of(path: Path, tmp_path: Path) -> tuple[str, str, bool]:
    """(summary, report, import button disabled) once the screen has previewed ``path``."""
    app = make_app(settings_file=tmp_path / "settings.json")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import_preview(pilot, path)
        assert screen._preview is not None
        return (
            str(screen.query_one("#import-summary").render()),
            str(screen.query_one("#import-report").render()),
            bool(screen.query_one("#import-go").disabled),
        )


@pytest.mark.parametrize("name", ["far_cell.xlsx", "far_cell.ods"])
async def test_a_hostile_workbook_is_refused_in_the_preview(name: str, tmp_path: Path) -> None:
    _summary, report, disabled = await _preview_of(BROKEN / name, tmp_path)
    assert f"{name}, sheet 'Data': the sheet claims 16,384 × 1,048,576 cells" in report
    assert disabled


async def test_a_fifo_is_named_as_a_pipe_not_a_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "figures.csv"
    os.mkfifo(fifo)
    summary, report, disabled = await _preview_of(fifo, tmp_path)
    assert "folder" not in summary
    assert f"{fifo} is a pipe (FIFO), not a regular file; refusing to read it" in report
    assert disabled


async def test_a_link_to_dev_zero_is_named_as_a_device(tmp_path: Path) -> None:
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    _summary, report, disabled = await _preview_of(link, tmp_path)
    assert f"{link} leads to a device (character special file)" in report
    assert disabled
