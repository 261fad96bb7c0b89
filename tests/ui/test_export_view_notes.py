"""A detail's export carries what the view said beside its figures (issue 20, the fresh-eyes
trial): the other measure the facts panel shows ("Both measures, side by side") and why the two
are never one series; the quarters export (``p`` then ``e``) the partial-year and recording
caveats the years export has.

Figures: NSPCC FOI, Northamptonshire 245 (2016/17) → 263 (2017/18), northamptonchron.co.uk (the
shared nspcc-foi CSV quotes "263 offences were recorded in 2017/18 … last year's figure of
245"); Home Office code 86 in the 23 Apr 2026 release (its parquet): 2016/17 61 + 34 + 63 + 90
= 248, 2017/18 60 + 61 + 71 + 77 = 269, 2025/26 Q1-Q3 153 + 147 + 148.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from textual.pilot import Pilot

from tests.ui.conftest import settle, type_text, wait_for
from tui.app import OffenceApp
from tui.screens.detail import ForceDetailScreen


async def _export(app: OffenceApp, pilot: Pilot[None], target: Path) -> None:
    await pilot.press("e")
    await settle(pilot)
    box = app.screen.query_one("#export-path")
    box.value = str(target)  # type: ignore[attr-defined]
    await pilot.press("enter")
    await wait_for(pilot, target.exists, f"{target.name} written")


async def _open_northants(app: OffenceApp, pilot: Pilot[None]) -> ForceDetailScreen:
    await settle(pilot)
    await type_text(pilot, "northamptonshire")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ForceDetailScreen), "the detail")
    screen = app.screen
    assert isinstance(screen, ForceDetailScreen)
    await wait_for(pilot, lambda: screen.detail is not None, "the figures")
    await settle(pilot)
    return screen


def _notes(path: Path) -> list[str]:
    beside = path.with_name(path.name + ".provenance.txt").read_text(encoding="utf-8")
    return [line.removeprefix("note: ") for line in beside.splitlines() if line.startswith("note:")]


async def test_the_detail_and_quarters_exports_carry_both_measures_and_the_caveats(
    app: OffenceApp, tmp_path: Path
) -> None:
    """One app (two tests before): the years export, then the quarters export (p then e)."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_northants(app, pilot)
        assert screen.detail is not None and screen.detail.other_measure is not None
        await _export(app, pilot, tmp_path / "northants.csv")
        await pilot.press("p")
        await wait_for(pilot, lambda: screen.quarterly, "the quarters")
        await settle(pilot)
        await _export(app, pilot, tmp_path / "quarters.csv")
    notes = _notes(tmp_path / "northants.csv")
    pair = [n for n in notes if n.startswith("Both measures, side by side")]
    assert len(pair) == 1, notes
    assert "2016/17: 248 (Home Office code 86), 245 (NSPCC FOI)" in pair[0], pair
    assert "2017/18: 269 (Home Office code 86), 263 (NSPCC FOI)" in pair[0], pair
    assert any(n.startswith("Different measures, never one series") for n in notes), notes
    # The NSPCC figures stay out of the Home Office series' rows.
    rows = list(csv.DictReader(io.StringIO((tmp_path / "northants.csv").read_text("utf-8"))))
    assert {r["year"]: r["count"] for r in rows}["2017/18"] == "269"
    assert not [r for r in rows if r["count"] in ("245", "263")]

    qrows = list(csv.DictReader(io.StringIO((tmp_path / "quarters.csv").read_text("utf-8"))))
    q = {(r["year"], r["quarter"]): r["count"] for r in qrows}
    assert (q[("2025/26", "1")], q[("2025/26", "2")], q[("2025/26", "3")]) == ("153", "147", "148")
    assert ("2025/26", "4") not in q
    qnotes = _notes(tmp_path / "quarters.csv")
    assert any(n.startswith("2025/26 is a partial year (Q1-Q3 only)") for n in qnotes), qnotes
    assert any("Recording improved after the 2014 HMIC inspection" in n for n in qnotes), qnotes
    assert any(n.startswith("Both measures, side by side") for n in qnotes), qnotes
