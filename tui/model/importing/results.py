"""What a preview, an import and a removal report: frozen dataclasses of plain Python values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.model.data.years import fy_label
from tui.model.importing.problems import MAX_SHOWN, Problem, report_lines


@dataclass(frozen=True)
class CleaningNote:
    """One kind of change made to the file's values, with how many cells it touched."""

    column: str
    """The column's header as written in the file ("" for whole rows)."""
    what: str
    """What was done, e.g. ``"'-00' read as 0 (the Home Office writes zero as -00)"``."""
    cells: int
    """How many cells (or rows) it applied to."""

    def __str__(self) -> str:
        if self.column:
            return f"{self.column}: {self.what}: {self.cells:,}"
        return f"{self.what[:1].upper()}{self.what[1:]}: {self.cells:,}"


@dataclass(frozen=True)
class SkippedSheet:
    """A sheet of a workbook that holds no table (a cover or notes sheet), and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do: how it was read, first rows, what would change, problems.

    ``preview_file`` never raises for a bad file: a file that cannot be imported has ``problems``.
    """

    path: str
    format: str
    """``CSV``, ``XLSX``, ``ODS``, ``XLS`` or ``Parquet`` ("" when not recognised)."""
    encoding: str = ""
    """CSV only: the text encoding found, e.g. ``UTF-8`` or ``Windows-1252``."""
    delimiter: str = ""
    """CSV only: the delimiter found, as a word (``comma``, ``semicolon``, ``tab``, ``pipe``)."""
    sheets_read: tuple[str, ...] = ()
    sheets_skipped: tuple[SkippedSheet, ...] = ()
    layout: str = ""
    """``homeoffice``, ``nspcc`` or ``generic``; "" when no layout was recognised."""
    layout_label: str = ""
    """The layout in words, for people."""
    mapping: tuple[tuple[str, str], ...] = ()
    """(field, column header) pairs: which column of the file gives which field."""
    header_row: int | None = None
    columns: tuple[str, ...] = ()
    """The header of the (first) table, as written."""
    rows: tuple[tuple[str, ...], ...] = ()
    """The first data rows, as written (empty cells are "")."""
    total_rows: int = 0
    """Data rows read (all sheets), before rows are merged."""
    figures: int = 0
    """Rows the dataset would have."""
    years: tuple[str, ...] = ()
    """Financial years, oldest first, then other periods (see ``other_periods``)."""
    other_periods: tuple[str, ...] = ()
    """Those of ``years`` that are not financial years (calendar years, multi-year spans)."""
    forces: int = 0
    cleaning: tuple[CleaningNote, ...] = ()
    warnings: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    problem_count: int = 0
    """How many problems there are in all (``problems`` holds at most a few dozen)."""

    @property
    def ok(self) -> bool:
        """True when the file can be imported as it is."""
        return self.problem_count == 0

    def problem_report(self, limit: int = MAX_SHOWN) -> list[str]:
        """The problems, one line each (the first ``limit``, then "and N more")."""
        return report_lines(self.problems, self.problem_count, limit)


@dataclass(frozen=True)
class ImportResult:
    """A dataset that was imported: where it lives and what it holds."""

    name: str
    rows: int
    years: tuple[str, ...]
    """Labels like ``2017/18``; a partial year is labelled with its quarters (``2023/24 Q1``).
    Other periods (calendar years, multi-year spans) come last, as written."""
    forces: int
    layout: str
    layout_label: str
    format: str
    path: str
    """The dataset's Parquet file."""
    manifest: str
    """The dataset's manifest (JSON)."""
    replaced: bool
    """True when an existing dataset of the same name was replaced."""
    source_file: str
    checksum: str
    cleaning: tuple[CleaningNote, ...] = ()
    warnings: tuple[str, ...] = ()
    written: bool = True
    """False for a dry run: everything was checked and nothing was written."""
    preview: ImportPreview | None = None
    """How the file was read (format, layout, first rows), as :func:`preview_file` reports it."""
    other_periods: tuple[str, ...] = ()
    """Those of ``years`` that are not financial years (calendar years, multi-year spans)."""


_SHOWN_PERIODS = 8


def describe_years(years: Sequence[str], other_periods: Sequence[str] = ()) -> str:
    """The periods of an import in a few words, financial years apart from other periods.

    ``("2016/17", ..., "2023/24", "2019/20-2023/24")`` →
    ``"years 2016/17 to 2023/24; other periods: 2019/20-2023/24"``. A run of more than three
    financial years is shown as its first and last, naming years missing in between.
    """
    other = [y for y in years if y in set(other_periods)]
    financial = [y for y in years if y not in set(other_periods)]
    parts = []
    if financial:
        parts.append("years " + _financial_span(financial))
    if other:
        shown = ", ".join(other[:_SHOWN_PERIODS])
        more = len(other) - _SHOWN_PERIODS
        shown += f" and {more} more" if more > 0 else ""
        parts.append(("other periods: " if financial else "periods: ") + shown)
    return "; ".join(parts) or "years none"


def _financial_span(labels: list[str]) -> str:
    if len(labels) <= 3:
        return ", ".join(labels)
    span = f"{labels[0]} to {labels[-1]}"
    starts = {int(label[:4]) for label in labels if label[:4].isdigit()}
    if not starts:
        return span
    missing = [y for y in range(min(starts), max(starts) + 1) if y not in starts]
    if not missing:
        return span
    if len(missing) > 3:
        return f"{span} (no figures for {len(missing)} of these years)"
    return f"{span} (no figures for {', '.join(fy_label(y) for y in missing)})"


@dataclass(frozen=True)
class RemovedDataset:
    """An imported dataset that was removed, and the files deleted."""

    name: str
    files: tuple[str, ...]
