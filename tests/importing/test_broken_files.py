"""Files that cannot be imported: one clear report locating each problem, and nothing written."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.importing.conftest import BROKEN, GOOD, run, snapshot
from tui.model.importing.api import import_file, preview_file
from tui.model.importing.problems import DatasetImportError


class Expected(NamedTuple):
    phrase: str
    row: int | None = None
    column: str | None = None
    sheet: str | None = None


COUNT = "Number of Offences"

# Each broken fixture (scripts/build_import_fixtures.py says how it was made) and how its report's
# line must start. Rows are as a spreadsheet shows them: the header of a plain CSV file is row 1.
CASES = {
    "binary_junk.csv": Expected("the file holds binary data (zero bytes), not text"),
    "blank_lines.csv": Expected("the file is empty (it has only blank lines)"),
    "bom_but_latin1.csv": Expected("wrong encoding: the file says it is UTF-8"),
    "compressed.csv.gz": Expected("the file is compressed (gzip, bzip2 or xz)"),
    "corrupt.parquet": Expected("cannot read the Parquet file"),
    "csv_named.parquet": Expected("the file ends .parquet but is not a Parquet file"),
    "decimal_count.csv": Expected("'3.5' is not a whole number", 15, COUNT),
    "deflate64.ods": Expected(
        "the file is a ZIP archive packed with a compression method that cannot be read"
    ),
    "far_cell.ods": Expected("the sheet claims 16,384 × 1,048,576 cells", sheet="Data"),
    "far_cell.xlsx": Expected("the sheet claims 16,384 × 1,048,576 cells", sheet="Data"),
    "repeated_rows.ods": Expected("the sheet claims 16,384 × 6,002 cells", sheet="Data"),
    "duplicate_rows.csv": Expected("duplicate rows: rows 4 and 62", 62, COUNT),
    "empty.csv": Expected("the file is empty (0 bytes)"),
    "empty_force.csv": Expected("the force is empty", 25, "Force Name"),
    "header_only.csv": Expected("the file has a header row but no data rows", 1),
    "many_problems.csv": Expected("'n.k.' is text, not a number", 10, COUNT),
    "missing_count_column.csv": Expected(
        "this looks like a Home Office table but lacks: Number of Offences;", 1
    ),
    # Row 2 holds "café" in UTF-8; the last line (row 31) is Latin-1.
    "mixed_encoding.csv": Expected("wrong encoding: the file is partly UTF-8 and partly not", 31),
    "negative_junk.csv": Expected("'--5' is not a number", 6, COUNT),
    "no_layout.parquet": Expected("no recognisable layout; columns found: 'a', 'b'"),
    "nspcc_bad_count.csv": Expected("'more than 600' is text, not a number", 6, "count"),
    "ods_cover_only.ods": Expected("no sheet holds a table: 'Cover'"),
    "ods_sheet_without_data.ods": Expected(
        "this sheet has a header but no data rows", 1, None, "2017-18"
    ),
    "ods_text_in_count.ods": Expected("'twelve' is text, not a number", 21, COUNT, "2017-18"),
    "quarter_7.csv": Expected("'7' is not a quarter (1 to 4)", 12, "Financial Quarter"),
    "ragged_rows.csv": Expected("this row has 7 values but the header (row 1) has 8 columns", 5),
    "text_in_count.csv": Expected("'twelve' is text, not a number", 57, COUNT),
    "title_rows_only.csv": Expected(
        "no recognisable layout; columns found: 'Police recorded crime';", 1
    ),
    "unclosed_quote.csv": Expected('a quote (") opened in this row is never closed', 13),
    "unknown_columns.csv": Expected(
        "no recognisable layout; columns found: 'Area', 'When', 'Total';", 1
    ),
    "unparseable_year.csv": Expected("'Last year' is not a financial year", 20, "Financial Year"),
    "web_page.xls": Expected("the file is a web page (HTML/XML), not a table"),
    "wrong_delimiter.csv": Expected("only one column was found", 1),
    "xlsx_header_only.xlsx": Expected(
        "this sheet has a header but no data rows", 1, None, "2017-18"
    ),
    "xlsx_not_a_zip.xlsx": Expected("the file ends .xlsx but is not an XLSX workbook"),
    "xlsx_truncated.xlsx": Expected(
        "the file starts like a ZIP archive (XLSX/ODS) but is damaged or cut short"
    ),
    "xlsx_zip_of_junk.xlsx": Expected("the file is a ZIP archive but not an XLSX or ODS workbook"),
    "year_2017_19.csv": Expected(
        "'2017/19' is not a financial year (the one starting in 2017 is 2017/18)",
        10,
        "Financial Year",
    ),
}


def test_every_broken_fixture_has_a_case() -> None:
    files = {p.name for p in BROKEN.iterdir()}
    assert files == set(CASES)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_gives_one_clear_report_and_writes_nothing(name: str, existing: Path) -> None:
    expected = CASES[name]
    before = snapshot(existing)
    with pytest.raises(DatasetImportError) as caught:
        import_file(BROKEN / name, name="attempt")
    error = caught.value
    assert error.kind == "file"
    assert snapshot(existing) == before
    first = next(p for p in error.problems if p.message.startswith(expected.phrase))
    assert first.file == name
    assert first.row == expected.row
    assert first.column == expected.column
    assert first.sheet == expected.sheet
    assert first.fix  # every problem says what would fix it
    report = str(error)
    assert report.startswith(f"cannot import {name}: ")
    where = ", ".join(
        part
        for part in (
            name,
            f"sheet '{expected.sheet}'" if expected.sheet else "",
            f"row {expected.row}" if expected.row else "",
            f"column '{expected.column}'" if expected.column else "",
        )
        if part
    )
    assert f"{where}: {expected.phrase}" in report


@pytest.mark.parametrize("name", sorted(CASES))
def test_preview_reports_instead_of_raising(name: str) -> None:
    preview = preview_file(BROKEN / name)
    assert not preview.ok and preview.problem_count >= 1
    assert any(p.message.startswith(CASES[name].phrase) for p in preview.problems)
    assert preview.figures == 0 and preview.years == ()


def test_the_twelve_is_really_at_row_57_of_the_fixture() -> None:
    """Guards the fixture: a spreadsheet shows 'twelve' in row 57, column Number of Offences."""
    with open(BROKEN / "text_in_count.csv", newline="", encoding="utf-8") as fh:
        records = list(csv.reader(fh))
    assert records[0][7] == COUNT
    assert records[57 - 1][7] == "twelve"


def test_ragged_rows_lists_both_rows() -> None:
    preview = preview_file(BROKEN / "ragged_rows.csv")
    located = {(p.row, p.message.split(" but")[0]) for p in preview.problems}
    assert located == {(5, "this row has 7 values"), (9, "this row has 9 values")}


def test_negative_looking_junk_is_reported_cell_by_cell() -> None:
    preview = preview_file(BROKEN / "negative_junk.csv")
    assert [(p.row, p.message) for p in preview.problems] == [
        (6, "'--5' is not a number"),
        (7, "'5-' is not a number"),
        (8, "'(3)' is not a number"),
    ]


def test_many_problems_lists_twenty_then_says_how_many_more() -> None:
    with pytest.raises(DatasetImportError) as caught:
        import_file(BROKEN / "many_problems.csv")
    lines = caught.value.report().splitlines()
    assert lines[0] == "cannot import many_problems.csv: 35 problems"
    assert len(lines) == 1 + 20 + 1
    assert lines[1].strip().startswith("many_problems.csv, row 10, column 'Number of Offences'")
    assert lines[20].strip().startswith("many_problems.csv, row 29,")
    assert lines[-1].strip() == "and 15 more"


def test_huge_line(tmp_path: Path, existing: Path) -> None:
    header = (GOOD / "ho_201718.csv").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "huge.csv"
    path.write_text(f"{header}\n2017/18,1,Kent,{'x' * 2_000_000},a,b,86,1\n", encoding="utf-8")
    before = snapshot(existing)
    with pytest.raises(DatasetImportError) as caught:
        import_file(path)
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (2, None)
    # 15 characters before the long cell, 2,000,000 in it, 9 after it.
    assert problem.message.startswith("this row is 2,000,024 characters long")
    assert snapshot(existing) == before


def test_the_cli_prints_the_report_on_stderr_and_exits_2(existing: Path) -> None:
    before = snapshot(existing)
    code, out, err = run("import", str(BROKEN / "text_in_count.csv"))
    assert code == 2
    assert "ox: error: cannot import text_in_count.csv: 1 problem" in err
    assert "text_in_count.csv, row 57, column 'Number of Offences': 'twelve' is text" in err
    assert "Nothing was imported." in err
    assert "Layout: homeoffice" in out  # what was recognised, to help fix the file
    assert snapshot(existing) == before


def test_a_missing_file_is_one_line(existing: Path) -> None:
    code, out, err = run("import", "no/such/file.csv")
    assert code == 2 and out == ""
    assert err == "ox: error: no such file: no/such/file.csv\n"
