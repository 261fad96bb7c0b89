"""An exported view says where its figures come from, next to them (issue #8): JSON carries
``meta`` beside ``rows``, CSV a plain file that every reader loads unchanged with its provenance
in ``NAME.csv.provenance.txt`` beside it (issue 20), Markdown a provenance list."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl

from tests.ui.conftest import settle, type_text, wait_for
from tui.app import OffenceApp


async def _export(app: OffenceApp, pilot: object, target: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("e")
    await settle(pilot)
    box = app.screen.query_one("#export-path")
    box.value = str(target)  # type: ignore[attr-defined]
    await pilot.press("enter")
    await wait_for(pilot, target.exists, f"{target.name} written")


async def test_forces_and_detail_exports_carry_their_provenance_and_events(
    app: OffenceApp, tmp_path: Path
) -> None:
    """One app (two tests before): the Forces table exported as JSON, CSV and Markdown; then a
    force's detail, whose export's ``notes`` carry the events its chart marks (issue 20: an
    export's ``notes`` were always empty; the detail's events were not in it)."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        await _export(app, pilot, tmp_path / "forces.json")
        await _export(app, pilot, tmp_path / "forces.csv")
        await _export(app, pilot, tmp_path / "forces.md")
        said = [n.message for n in app._notifications]
        await pilot.press("slash")
        await type_text(pilot, "greater manchester")
        await pilot.press("enter")
        await settle(pilot)
        await _export(app, pilot, tmp_path / "gmp.json")
    # The status line names the provenance file beside a CSV export.
    assert any(m.endswith("(where from: forces.csv.provenance.txt)") for m in said), said
    doc = json.loads((tmp_path / "forces.json").read_text(encoding="utf-8"))
    meta, rows = doc["meta"], doc["rows"]
    assert meta["dataset"] == "homeoffice" and meta["offence"].startswith("code 86")
    assert meta["source_url"].startswith("https://") and "Open Government" in meta["licence"]
    assert meta["release"] and meta["generated_by"].startswith("offence-explorer ")
    assert meta["command"].startswith("ox ") and "2017/18" in meta["years"]
    assert len({tuple(r) for r in rows}) == 1  # every row has the same keys
    # Northamptonshire, code 86, 2017/18 in the source: 60 + 61 + 71 + 77 = 269.
    northants = next(r for r in rows if r["force"] == "Northamptonshire")
    assert northants["2017/18"] == 269

    text = (tmp_path / "forces.csv").read_text(encoding="utf-8")
    assert text.startswith("force,place,")  # no comment lines: plain readers load it as it is
    rows_csv = list(csv.DictReader(io.StringIO(text)))
    assert next(r for r in rows_csv if r["force"] == "Northamptonshire")["2017/18"] == "269"
    frame = pl.read_csv(tmp_path / "forces.csv")
    assert frame.columns[:2] == ["force", "place"]
    assert frame.filter(pl.col("force") == "Northamptonshire")["2017/18"].item() == 269
    beside = (tmp_path / "forces.csv.provenance.txt").read_text(encoding="utf-8").splitlines()
    assert beside[0] == "Provenance of forces.csv" and "dataset: homeoffice" in beside
    assert any(line.startswith("source_url: https://") for line in beside)
    assert any(line.startswith("command: ox ") for line in beside)
    # What the view says: the partial year, the recording caveat.
    assert any(line.startswith("note: ") and "partial year" in line for line in beside)
    assert meta["notes"] and any("partial year" in n for n in meta["notes"])

    md = (tmp_path / "forces.md").read_text(encoding="utf-8")
    assert "- dataset: homeoffice" in md and "- source url: https://" in md
    assert "| Northamptonshire |" in md

    notes = json.loads((tmp_path / "gmp.json").read_text(encoding="utf-8"))["meta"]["notes"]
    events = [n for n in notes if n.startswith("Event ")]
    assert events and all("Source: http" in n for n in events), [
        n for n in events if "Source: http" not in n
    ]
    assert any("partial year" in n for n in notes)


async def test_detail_export_rows_share_their_keys(oct23_app: OffenceApp, tmp_path: Path) -> None:
    """A partial year's row and a full year's row have the same keys (``quarters``, ``partial``)."""
    app = oct23_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northamptonshire")
        await pilot.press("enter")
        await settle(pilot)
        await _export(app, pilot, tmp_path / "northants.json")
    doc = json.loads((tmp_path / "northants.json").read_text(encoding="utf-8"))
    rows = doc["rows"]
    assert len({tuple(r) for r in rows}) == 1
    full = next(r for r in rows if r["year"] == "2017/18")
    partial = next(r for r in rows if r["year"] == "2023/24")
    assert full["count"] == 269 and full["partial"] is False and full["quarters"] is None
    assert partial["partial"] is True and partial["quarters"] == "Q1"
    assert doc["meta"]["forces"] == ["Northamptonshire"]
