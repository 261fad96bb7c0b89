"""Control characters in a file's cells (terminal escapes): kept in the data, never sent raw to the
terminal, never read as markup, and a CSV holding one is a text file, not "binary data"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing.conftest import BROKEN, WRITER, run
from tui.model.data.dataset import load_dataset
from tui.model.importing.api import import_file, preview_file

HEADER = [
    "Financial Year",
    "Force Name",
    "Offence Code",
    "Offence Description",
    "Number of Offences",
]
FORCE = "\x1b[2J\x1b[31mAnsi Force\x1b[0m"
OFFENCE = "\x1b]0;pwned\x07"
SHOWN_FORCE = "\\x1b[2J\\x1b[31mAnsi Force\\x1b[0m"


def _rows() -> list[list[object]]:
    return [
        list(HEADER),
        ["2017/18", FORCE, "195", OFFENCE, 3],
        ["2017/18", "Kent", "86", "[bold red]Obscene[/]", 5],
    ]


def _write(path: Path) -> Path:
    rows = _rows()
    if path.suffix == ".csv":
        path.write_text(
            "\n".join(",".join(str(c) for c in row) for row in rows) + "\n", encoding="utf-8"
        )
    elif path.suffix == ".xlsx":
        WRITER.write_xlsx(path, [("Data", rows)])
    else:
        WRITER.write_ods(path, [("Data", rows)])
    return path


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "csv"])
def test_import_prints_escapes_literally(suffix: str, store: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / f"ansi.{suffix}")
    code, out, err = run("import", str(path), "--name", "ansi")
    assert code == 0, err
    for stream in (out, err):
        assert "\x1b" not in stream and "\x07" not in stream
    # The preview row, cut to its column width, shows the escapes as codes.
    assert "  2017/18 | \\x1b[2J\\x1b[31mAnsi F… | 195 | \\x1b]0;pwned\\x07 | 3\n" in out
    assert "[bold red]Obscene[/]" in out  # markup stays literal
    assert f"ox: warning: unknown force '{SHOWN_FORCE}' (Force Name, 1 row, first at row 2" in err
    where = ", sheet 'Data'" if suffix != "csv" else ""
    assert (
        f"ox: warning: Force Name: 1 cell holds control characters (such as a terminal escape), "
        f"first at row 2{where}: kept as written; they are shown as codes like \\x1b, never sent "
        "to the terminal\n"
    ) in err
    assert "ox: warning: Offence Description: 1 cell holds control characters" in err


def test_the_stored_data_keeps_the_text_as_written(store: Path, tmp_path: Path) -> None:
    import_file(_write(tmp_path / "ansi.xlsx"), name="ansi")
    ds = load_dataset("ansi")
    assert FORCE in ds.forces
    assert OFFENCE in {o.description for o in ds.offences}
    # and the manifest's notes (shown by the TUI) carry the warning
    assert "control characters" in ds.info.notes


def test_a_problem_report_shows_escapes_literally(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(",".join(HEADER) + "\n2017/18,Kent,86,x,\x1b[31m12\n", encoding="utf-8")
    code, out, err = run("import", str(path))
    assert code == 2
    assert "\x1b" not in out + err
    assert (
        "  bad.csv, row 2, column 'Number of Offences': '\\x1b[31m12' is text, not a number" in err
    )


def test_file_names_and_sheet_names_are_shown_literally(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[31m.xlsx"
    WRITER.write_xlsx(path, [("Sheet\x1b[2J", _rows()), ("Cover\x07", [["Title"], ["x", "y"]])])
    code, out, err = run("import", str(path), "--name", "evil")
    assert code == 0, err
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "Read evil\\x1b[31m.xlsx: XLSX\n" in out
    assert "Sheets read: Sheet\\x1b[2J; skipped: Cover\\x07 (no table header" in out


def test_a_csv_with_a_stray_control_character_is_text(store: Path, tmp_path: Path) -> None:
    preview = preview_file(_write(tmp_path / "ansi.csv"))
    assert preview.ok, preview.problem_report()
    assert preview.format == "CSV" and preview.encoding == "UTF-8"
    assert preview.rows[0][1] == FORCE  # the cell as written


@pytest.mark.parametrize(
    "junk",
    [bytes(range(1, 128)) * 40, bytes(range(1, 256)) * 40],
    ids=["decodes as ASCII", "no text encoding"],
)
def test_binary_junk_without_zero_bytes_is_still_refused(junk: bytes, tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(junk)
    preview = preview_file(path)
    assert not preview.ok
    assert preview.problem_report()[0].startswith(
        "junk.csv: the file holds binary data, not text ("
    )
    assert "control characters, the first at row 1)" in preview.problem_report()[0]


@pytest.mark.parametrize("name", ["binary_junk.csv", "compressed.csv.gz"])
def test_real_binary_fixtures_are_refused(name: str) -> None:
    preview = preview_file(BROKEN / name)
    assert not preview.ok
    assert "binary data" in str(preview.problems[0]) or "compressed" in str(preview.problems[0])
