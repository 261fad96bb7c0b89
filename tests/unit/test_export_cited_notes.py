"""An export's notes are lines of text: a citation's own notes (the NSPCC's "No open licence is
stated…") are each one note, never the Python form of a tuple of them."""

from __future__ import annotations

import json

from tui.model.data.catalogue import find_dataset
from tui.model.findings.citation import cite
from tui.model.findings.view_citation import CiteSheet
from tui.output.export import export_meta, provenance_text, render_export
from tui.output.reports import Report


def _meta() -> tuple[Report, dict[str, object]]:
    citation = cite(find_dataset("nspcc"), "code all: Child abuse image offences", years=[])
    assert citation.notes, "the NSPCC citation says it has no open licence"
    sheet = CiteSheet((citation,), "ox show northants --dataset nspcc", ("ox cite",))
    report = Report("Northamptonshire", [], [], notes=["~ after a %: within chance."])
    return report, export_meta(report, sheet, "test")


def test_each_cited_note_is_one_string_note() -> None:
    _, meta = _meta()
    notes = meta["notes"]
    assert isinstance(notes, list)
    assert all(isinstance(n, str) for n in notes), notes
    assert any(n.startswith("No open licence is stated") for n in notes)
    assert notes[-1] == "~ after a %: within chance."


def test_the_provenance_file_and_json_carry_the_note_as_text() -> None:
    report, meta = _meta()
    text = provenance_text(meta, "northamptonshire-nspcc-all.csv")
    note_lines = [ln for ln in text.splitlines() if ln.startswith("note: ")]
    assert "note: No open licence is stated" in text
    assert not any(ln.startswith(("note: (", "note: [")) for ln in note_lines), note_lines
    written = json.loads(render_export(report, "json", meta))
    assert all(isinstance(n, str) for n in written["meta"]["notes"])
