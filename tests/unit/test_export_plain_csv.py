"""An exported CSV loads unchanged with the plain readers, and what the view said travels beside
it (issue 20): the 17 ``#`` lines at the top broke Python's ``csv`` and R's ``read.csv``; the
export's ``notes`` were always empty."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl

from tui.model.data.dataset import load_dataset
from tui.model.figures.comparison import compare_years
from tui.model.figures.selection import pick_offence
from tui.output.compare_report import honest_compare_report
from tui.output.export import export_meta, provenance_path, write_report
from tui.output.reports import Report


def _compare() -> Report:
    ds = load_dataset("homeoffice")
    cmp = compare_years(ds, 2021, 2022, pick_offence(ds, "86"))
    return honest_compare_report(ds, cmp)


def test_a_csv_export_is_plain_and_its_provenance_is_beside_it(tmp_path: Path) -> None:
    report = _compare()
    target = tmp_path / "compare.csv"
    write_report(report, target, "csv", export_meta(report, None, "test"))
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header[:2] == ["kind", "force"], header
    assert all(len(r) == len(header) for r in rows)  # no comment lines, no ragged rows
    frame = pl.read_csv(target)  # no options
    assert frame.columns == header and frame.height == len(rows) - 1
    northants = frame.filter(pl.col("force") == "Northamptonshire").row(0, named=True)
    # Code 86, Northamptonshire, 2022/23 in the source (23 Apr 2026 release): 738 (issue 21).
    assert northants["count_b"] == 738
    beside = provenance_path(target).read_text(encoding="utf-8").splitlines()
    assert beside[0] == "Provenance of compare.csv"
    notes = [line for line in beside if line.startswith("note: ")]
    assert any("Method: exact conditional test" in n for n in notes)  # the chance method
    assert any("recording event" in n for n in notes)  # the recording events
    assert any("Devon & Cornwall" in n for n in notes)


def test_a_json_export_carries_the_view_notes(tmp_path: Path) -> None:
    report = _compare()
    target = tmp_path / "compare.json"
    write_report(report, target, "json", export_meta(report, None, "test"))
    meta = json.loads(target.read_text(encoding="utf-8"))["meta"]
    assert meta["notes"] == report.notes and meta["notes"]
    assert not provenance_path(target).exists()  # JSON carries its own
