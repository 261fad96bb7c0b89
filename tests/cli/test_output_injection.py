"""Names from the data never run as spreadsheet formulas, never drive the terminal, never reorder
text: CSV/TSV neutralise formula starts, JSON escapes C1 and format controls, tables show them."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tests.importing.conftest import run
from tui.formatting import safe_text
from tui.model.data.dataset import load_dataset
from tui.output.export import write_report
from tui.output.listings import offences_report
from tui.output.render import to_csv, to_tsv

HOSTILE = {
    "1": '=HYPERLINK("http://evil.example","click")',
    "2": "+1+2",
    "3": "-2+3",
    "4": "@SUM(A1)",
    "5": "\tTab",
    "6": "\rCR",
    "7": "Kent\u202elive",
    "8": "C1\x9b31m",
    "9": "-5",
    "10": "zero\u200bwidth",
}
"""Offence descriptions, by code."""

NEUTRALISED = {
    "1": '\'=HYPERLINK("http://evil.example","click")',
    "2": "'+1+2",
    "3": "'-2+3",
    "4": "'@SUM(A1)",
    "5": "'\tTab",
    "6": "\\x0dCR",  # shown as an escape, which starts with a backslash
    "7": "Kent\\u202elive",
    "8": "C1\\x9b31m",
    "9": "-5",  # a number as text: no formula, kept
    "10": "zero\\u200bwidth",
}


@pytest.fixture
def hostile(store: Path) -> Path:
    rows: list[dict[str, object]] = [
        {"year": y, "force": "Kent", "offence_code": code, "offence": name, "count": c}
        for code, name in HOSTILE.items()
        for y, c in ((2017, 5), (2018, -3))
    ]
    return write_dataset(store, "hostile", rows)


def descriptions(text: str, delimiter: str = ",") -> dict[str, str]:
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = rows[0]
    code = header.index("code") if "code" in header else header.index("Code")
    desc = [i for i, h in enumerate(header) if h.lower() == "description"][0]
    return {row[code]: row[desc] for row in rows[1:]}


def test_csv_neutralises_formula_starts(hostile: Path) -> None:
    code, out, err = run("offences", "-d", "hostile", "--format", "csv")
    assert code == 0, err
    assert descriptions(out) == NEUTRALISED


def test_tsv_copy_and_tui_csv_export_neutralise_too(hostile: Path, tmp_path: Path) -> None:
    ds = load_dataset("hostile")
    report = offences_report(ds, ds.offences)
    assert descriptions(to_tsv(report), "\t") == NEUTRALISED
    target = tmp_path / "export.csv"
    write_report(report, target, "csv")
    assert descriptions(target.read_text(encoding="utf-8")) == NEUTRALISED
    assert to_csv(report) == target.read_text(encoding="utf-8")


def test_negative_numbers_stay_numbers(hostile: Path) -> None:
    code, out, _err = run("show", "kent", "-d", "hostile", "-o", "all", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["year"], r["count"], r["change"], r["pct_change"]) for r in rows] == [
        ("2017/18", "50", "", ""),
        ("2018/19", "-30", "-80", ""),  # no % change of a negative count (issue 19)
    ]


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("@x", "'@x"),
        ("+44 20", "'+44 20"),
        ("-", "'-"),
        ("-80", "-80"),
        ("+4.5%", "+4.5%"),
        ("-1,234", "-1,234"),
        ("Kent", "Kent"),
        ("", ""),
    ],
)
def test_spreadsheet_safe(text: str, safe: str) -> None:
    from tui.output.render import spreadsheet_safe

    assert spreadsheet_safe(text) == safe


def test_json_keeps_the_exact_text_and_escapes_controls(hostile: Path) -> None:
    code, out, err = run("offences", "-d", "hostile", "--format", "json")
    assert code == 0, err
    assert {r["code"]: r["description"] for r in json.loads(out)} == HOSTILE
    assert "\x9b" not in out and "\u202e" not in out and "\u200b" not in out
    assert "C1\\u009b31m" in out and "Kent\\u202elive" in out
    assert not invisible(out)


def invisible(text: str) -> list[str]:
    """Control and format characters in ``text`` (but the newlines)."""
    hidden = ("Cc", "Cf", "Zl", "Zp")
    return [c for c in text if c != "\n" and unicodedata.category(c) in hidden]


def test_json_text_escapes_exactly() -> None:
    from tui.output.render import json_text

    every = "".join(chr(c) for c in range(0x20, 0x3000)) + "\U000e0001\U0001f600é"
    text = json_text({"k": every})
    assert json.loads(text) == {"k": every}
    assert "é" in text and "\U0001f600" in text  # readable text stays as it is
    assert not invisible(text)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_tables_show_bidi_and_format_controls_visibly(hostile: Path, fmt: str) -> None:
    code, out, err = run("offences", "-d", "hostile", "--format", fmt)
    assert code == 0, err
    slash = "\\\\" if fmt == "markdown" else "\\"  # Markdown escapes the backslash itself
    assert f"Kent{slash}u202elive" in out and f"zero{slash}u200bwidth" in out
    assert "\u202e" not in out and "\u200b" not in out and "\x9b" not in out


def test_safe_text_shows_every_format_control() -> None:
    """Whatever this Python's Unicode version calls a format control (Cf) or a line/paragraph
    separator is escaped."""
    hidden = [
        chr(c)
        for c in range(0x110000)
        if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp", "Cc") and chr(c) not in "\t\n"
    ]
    assert len(hidden) > 150
    for char in hidden:
        shown = safe_text(f"a{char}b")
        assert shown.isprintable() and shown.startswith("a\\") and shown.endswith("b"), repr(char)
    assert safe_text("Ynys Môn — Dyfed-Powys") == "Ynys Môn — Dyfed-Powys"


def test_export_provenance_lines_are_one_field_each_and_inert(hostile: Path) -> None:
    """A CSV export's provenance file: one line per field and per note, controls made visible,
    and the CSV itself holds nothing but the header and the data (issue 20)."""
    from tui.output.export import provenance_text, render_export

    ds = load_dataset("hostile")
    report = offences_report(ds, ds.offences)
    meta: dict[str, object] = {
        "offence": HOSTILE["1"],
        "forces": ["Kent", "+1+2"],
        "notes": ["two\nlines", "a # inside"],
    }
    text = render_export(report, "csv", meta)
    assert text.startswith("code,")
    assert descriptions(text) == NEUTRALISED
    lines = provenance_text(meta, "x.csv").splitlines()
    assert lines[0] == "Provenance of x.csv" and len(lines) == 5
    assert lines[1] == "offence: " + safe_text(HOSTILE["1"])
    assert lines[2] == "forces: Kent; +1+2"
    assert lines[3:] == ["note: two lines", "note: a # inside"]
    assert all(line.isprintable() for line in lines)
