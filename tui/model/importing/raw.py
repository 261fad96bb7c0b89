"""What reading a file gives: raw tables of text cells, and what was found on the way.

Shared by the CSV, workbook and Parquet readers (:mod:`readers`, :mod:`workbook_reader`,
:mod:`parquet_reader`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from tui.model.importing.layouts import Layout
from tui.model.importing.problems import Problem
from tui.model.importing.results import CleaningNote, SkippedSheet

ROW = "__row"
"""Column holding each row's number as a spreadsheet shows it (header of a plain CSV = row 1)."""

SHEET = "__sheet"
"""Column naming the sheet a figure was read from ("" for a file with no sheets)."""

HEADER_SEARCH_ROWS = 30
"""A header may sit below title rows; it is looked for in this many rows."""
PROBLEM_CAP = 200
"""Problems collected per kind; more are only counted."""


@dataclass(frozen=True, eq=False)
class RawTable:
    """One table of a file: data rows as text cells, with the header and layout found for them."""

    sheet: str | None
    header_row: int
    layout: Layout
    frame: pl.DataFrame
    """Columns ``c0``, ``c1``... (one per header cell, text, "" for empty) and :data:`ROW`."""
    blank_rows: int = 0


@dataclass
class ReadResult:
    """Everything reading found: the tables, and what stops the import if anything does."""

    file: str
    format: str = ""
    encoding: str = ""
    delimiter: str = ""
    tables: list[RawTable] = field(default_factory=list)
    skipped: list[SkippedSheet] = field(default_factory=list)
    notes: list[CleaningNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_total: int = 0
    found_header: tuple[str, ...] = ()

    def problem(self, message: str, fix: str = "", **where: object) -> None:
        """Record a problem (kept up to a cap, always counted)."""
        self.problem_total += 1
        if len(self.problems) < PROBLEM_CAP:
            self.problems.append(Problem(self.file, message, fix, **where))  # type: ignore[arg-type]


def add_table(
    result: ReadResult, sheet: str | None, header_row: int, layout: Layout, frame: pl.DataFrame
) -> bool:
    """Drop wholly empty rows and keep the table; a table with no data row is a problem for a
    single-table file and left to the caller for a workbook. Returns False when it has no rows."""
    cells = [c for c in frame.columns if c != ROW]
    empty = pl.all_horizontal([pl.col(c).str.strip_chars() == "" for c in cells])
    blank = frame.filter(empty).height
    frame = frame.filter(~empty)
    if frame.height == 0:
        if sheet is None:
            result.problem(
                "the file has a header row but no data rows",
                "add the figures below the header",
                row=header_row,
            )
        return False
    result.tables.append(RawTable(sheet, header_row, layout, frame, blank))
    return True


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
