"""Reading details of each format: row numbers in workbooks, several sheets, CSV dialects."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.importing.conftest import GOOD, WRITER
from tui.model.importing.api import import_file, preview_file
from tui.model.importing.readers import MAX_LINE


def records() -> list[list[str]]:
    with open(GOOD / "ho_201718.csv", newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_workbook_rows_are_numbered_as_the_spreadsheet_shows_them(
    suffix: str, tmp_path: Path
) -> None:
    rows: list[list[object]] = [[], [], [None, "Title"], []]  # the header is in row 5, column B
    rows += [[None, *r] for r in records()[:40]]
    rows[5 + 30 - 1][8] = "twelve"  # spreadsheet row 35: 30 rows below the header (row 5)
    path = tmp_path / f"book.{suffix}"
    (WRITER.write_xlsx if suffix == "xlsx" else WRITER.write_ods)(path, [("Data", rows)])
    preview = preview_file(path)
    assert preview.header_row == 5
    assert [(p.sheet, p.row, p.column) for p in preview.problems] == [
        ("Data", 35, "Number of Offences")
    ]


def test_several_data_sheets_make_one_dataset(tmp_path: Path, store: Path) -> None:
    header, *body = records()
    later = [[r[0].replace("2017/18", "2018/19"), *r[1:]] for r in body]
    path = tmp_path / "years.ods"
    WRITER.write_ods(
        path, [("Cover", [["Cover"]]), ("2017-18", [header, *body]), ("2018-19", [header, *later])]
    )
    result = import_file(path, name="years")
    assert result.years == ("2017/18", "2018/19")
    assert result.preview is not None and result.preview.sheets_read == ("2017-18", "2018-19")
    assert result.rows == 2 * 716


def test_the_same_year_in_two_sheets_is_a_duplicate(tmp_path: Path) -> None:
    header, *body = records()
    changed = [list(r) for r in body]
    changed[0][7] = "1"  # Action Fraud Q1: 66776 in the first sheet, 1 in the second
    path = tmp_path / "twice.xlsx"
    WRITER.write_xlsx(path, [("A", [header, *body]), ("B", [header, *changed])])
    preview = preview_file(path)
    problem = preview.problems[0]
    assert (problem.sheet, problem.row, problem.column) == ("B", 2, "Number of Offences")
    assert problem.message == (
        "duplicate rows: sheet 'A' row 2 and sheet 'B' row 2 all give Action Fraud, 2017/18 Q1, "
        "offence AF but with different counts (66,776, 1)"
    )


def test_a_header_only_sheet_beside_data_is_a_warning(tmp_path: Path, store: Path) -> None:
    header, *body = records()
    path = tmp_path / "partly.xlsx"
    WRITER.write_xlsx(path, [("2017-18", [header, *body]), ("2018-19", [header])])
    result = import_file(path, name="partly")
    assert result.warnings == ("sheet '2018-19' has a header (row 1) but no data rows; skipped",)


def _write_csv(path: Path, rows: list[list[str]], **kwargs: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=kwargs.pop("lineterminator", "\n"), **kwargs).writerows(rows)  # type: ignore[arg-type]
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def test_a_quoted_cell_over_two_lines_keeps_row_numbers(tmp_path: Path) -> None:
    rows = records()[:30]
    rows[2][3] = "Bigamy,\nas recorded"  # a real line break inside a quoted cell, in row 3
    rows[9][7] = "twelve"
    path = tmp_path / "multiline.csv"
    _write_csv(path, rows)
    preview = preview_file(path)
    assert [(p.row, p.column) for p in preview.problems] == [(10, "Number of Offences")]


def test_a_ragged_row_after_a_cell_over_two_lines(tmp_path: Path) -> None:
    rows = records()[:30]
    rows[2][3] = "Bigamy,\nas recorded"
    rows[11] = rows[11][:7]  # row 12 lacks its count
    path = tmp_path / "ragged.csv"
    _write_csv(path, rows)
    preview = preview_file(path)
    assert [(p.row, p.message) for p in preview.problems] == [
        (12, "this row has 7 values but the header (row 1) has 8 columns")
    ]


@pytest.mark.parametrize(
    ("delimiter", "terminator", "bom", "word"),
    [
        ("\t", "\r\n", False, "tab"),
        ("|", "\n", True, "pipe"),
        (";", "\r\n", True, "semicolon"),
    ],
)
def test_csv_dialects(
    delimiter: str, terminator: str, bom: bool, word: str, tmp_path: Path
) -> None:
    path = tmp_path / "dialect.csv"
    _write_csv(path, records(), delimiter=delimiter, lineterminator=terminator)
    if bom:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    preview = preview_file(path)
    assert preview.ok and preview.delimiter == word and preview.figures == 716
    assert preview.encoding == ("UTF-8 (with byte-order mark)" if bom else "UTF-8")


def test_old_mac_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    _write_csv(path, records(), lineterminator="\r")
    preview = preview_file(path)
    assert preview.ok and preview.figures == 716


def test_utf16_tab_separated_as_excel_saves_unicode_text(tmp_path: Path) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(records())
    path = tmp_path / "unicode.txt"
    path.write_bytes(buffer.getvalue().encode("utf-16"))  # with a byte-order mark, like Excel
    preview = preview_file(path)
    assert (preview.encoding, preview.delimiter, preview.figures) == ("UTF-16", "tab", 716)


def test_windows_1252_is_told_from_latin1(tmp_path: Path) -> None:
    rows = records()[:5]
    rows[1][3] = "Fraud – recorded"  # an en dash: byte 0x96 in Windows-1252, not text in Latin-1
    path = tmp_path / "cp1252.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    assert preview_file(path).encoding == "Windows-1252"


def test_huge_line_limit_is_generous_for_real_rows() -> None:
    longest = max(
        len(line) for line in (GOOD / "nspcc_slice.csv").read_text(encoding="utf-8").splitlines()
    )
    assert longest * 50 < MAX_LINE
