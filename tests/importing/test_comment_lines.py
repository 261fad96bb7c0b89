"""Leading ``#`` lines (an offence-explorer export's provenance, or any tool's comments) are
skipped before the header is looked for, and every row keeps the file's own line number."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.importing.conftest import GOOD
from tui.model.importing.api import preview_file
from tui.model.importing.readers import HEADER_SEARCH_ROWS

COMMENTS = HEADER_SEARCH_ROWS + 10
"""More comment lines than the rows searched for a header, so skipping them is what finds it."""


def _records() -> list[list[str]]:
    with open(GOOD / "ho_201718.csv", newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _with_comments(path: Path, rows: list[list[str]], delimiter: str) -> None:
    out = io.StringIO()
    out.write("# generated_by,some other tool\n")
    out.write('# note,"a quote never closed\n')  # a stray quote must not run into the table
    out.writelines(f"# line {n},comment\n" for n in range(COMMENTS - 2))
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize(("delimiter", "suffix"), [(",", "csv"), ("\t", "tsv")])
def test_comment_lines_are_skipped_and_rows_keep_their_line_numbers(
    delimiter: str, suffix: str, tmp_path: Path
) -> None:
    rows = _records()
    path = tmp_path / f"commented.{suffix}"
    _with_comments(path, rows, delimiter)
    preview = preview_file(path)
    # The fixture's figures, as the same file without comments reads them.
    assert preview.ok and preview.figures == 716
    assert preview.header_row == COMMENTS + 1


@pytest.mark.parametrize(("delimiter", "suffix"), [(",", "csv"), ("\t", "tsv")])
def test_a_problem_below_comment_lines_names_the_files_line(
    delimiter: str, suffix: str, tmp_path: Path
) -> None:
    rows = _records()[:30]
    rows[9][7] = "twelve"  # the 10th record: line COMMENTS + 10 of the file
    rows[11] = rows[11][:7]  # the 12th lacks its count
    path = tmp_path / f"broken.{suffix}"
    _with_comments(path, rows, delimiter)
    preview = preview_file(path)
    found = {(p.row, p.message[:21]) for p in preview.problems}
    assert (COMMENTS + 12, "this row has 7 values") in found
    preview_ok = rows[:]
    preview_ok[11] = _records()[11]
    _with_comments(path, preview_ok, delimiter)
    problems = preview_file(path).problems
    assert [(p.row, p.column) for p in problems] == [(COMMENTS + 10, "Number of Offences")]
