"""The app reads its own CSV exports back (issue: re-importing an export failed on its ``#``
provenance lines; since issue 20 the provenance is in a file beside it): a force's detail export
imports with the file's line numbers; the Forces table, a summary and not source rows, is refused
with a message that says so."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from tests.ui.conftest import settle, type_text
from tests.ui.test_export_provenance import _export
from tui.app import OffenceApp
from tui.model.importing.api import preview_file
from tui.model.importing.readers import ROW, read_file


def _line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(start))


async def test_a_forces_export_is_refused_as_a_summary(
    oct23_app: OffenceApp, tmp_path: Path
) -> None:
    app = oct23_app
    target = tmp_path / "forces.csv"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        await _export(app, pilot, target)
    preview = preview_file(target)
    assert not preview.ok and len(preview.problems) == 1
    problem = preview.problems[0]
    assert problem.message.startswith("this is an offence-explorer export of a summary table")
    assert "not source rows" in problem.message and "# generated_by" not in problem.message
    assert "prc-pfa-mar2013-onwards-tables-191023.ods" in problem.fix
    assert problem.row == _line_of(target, "force,place,")


async def test_a_force_detail_export_imports_with_its_line_numbers(
    app: OffenceApp, tmp_path: Path
) -> None:
    target = tmp_path / "northants.csv"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northamptonshire")
        await pilot.press("enter")
        await settle(pilot)
        await _export(app, pilot, target)
    preview = preview_file(target)
    assert preview.ok, preview.problems
    assert preview.header_row == _line_of(target, "force,year,count")
    assert preview.header_row == 1  # a plain CSV: its provenance is beside it
    # Northamptonshire, code 86, 2017/18 in the source: 60 + 61 + 71 + 77 = 269, read from the
    # file's own line.
    frame = read_file(target).tables[0].frame
    row = frame.filter(pl.col("c1") == "2017/18").row(0, named=True)
    assert row["c2"] == "269" and row[ROW] == _line_of(target, "Northamptonshire,2017/18,")
