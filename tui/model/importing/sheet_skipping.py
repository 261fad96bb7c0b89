"""A workbook with one sheet per year: a damaged or foreign sheet among good ones is skipped.

A Home Office release has a sheet per financial year, plus cover and notes sheets (skipped as
holding no table). When every sheet is read (no ``--sheet``), a sheet that cannot be imported
(it has problems: a count that is not a number, cells far outside its table, a sheet the reader
cannot read) or holds a table of another layout than the first (an NSPCC table among Home Office
ones) is skipped with a warning that names it and its first problem, and the other sheets are
imported, unless the import is *strict*: then any such sheet stops the import, named.

A sheet is never skipped when it is the only one with a table, or when a problem belongs to no
sheet (the file itself is bad): those stop the import as always.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.model.importing.problems import Problem
from tui.model.importing.raw import RawTable, ReadResult
from tui.model.importing.results import SkippedSheet


@dataclass(frozen=True)
class Skipped:
    """A sheet left out of the import, with why (for the preview) and a warning (for the user)."""

    sheet: SkippedSheet
    warning: str


def foreign_tables(read: ReadResult, strict: bool) -> list[Skipped]:
    """Tables whose layout differs from the first table's, taken out of ``read`` (not strict)
    or recorded as problems of ``read`` (strict)."""
    if len(read.tables) < 2:
        return []
    main = read.tables[0].layout
    foreign = [t for t in read.tables if t.layout.name != main.name and t.sheet is not None]
    skipped = []
    for table in foreign:
        message = (
            f"this sheet holds a table in the {table.layout.name} layout, but the first table "
            f"of the file is in the {main.name} layout"
        )
        if strict:
            read.problem(message, "import this sheet on its own with --sheet", sheet=table.sheet)
            continue
        read.tables.remove(table)
        warning = (
            f"sheet '{table.sheet}' of {read.file} skipped: {message}; the other sheets were "
            "imported (--strict refuses the whole file instead)"
        )
        reason = f"not imported: a {table.layout.name} table"
        skipped.append(Skipped(SkippedSheet(str(table.sheet), reason), warning))
    return skipped


def damaged_sheets(
    problems: Sequence[Problem], tables: Sequence[RawTable]
) -> dict[str, list[Problem]]:
    """The sheets that ``problems`` belong to, when leaving them out leaves a table to import.

    Empty when a problem belongs to no sheet, or when every sheet with a table has problems.

    Args:
        problems: what reading or cleaning found (sheets that could not be read have problems
            and no table).
        tables: the tables read.
    """
    if not problems or any(p.sheet is None for p in problems):
        return {}
    by_sheet: dict[str, list[Problem]] = {}
    for problem in problems:
        by_sheet.setdefault(str(problem.sheet), []).append(problem)
    good = [t for t in tables if t.sheet not in by_sheet]
    return by_sheet if good else {}


def skip_damaged(
    read: ReadResult, damaged: dict[str, list[Problem]], totals: Callable[[str], int]
) -> list[Skipped]:
    """Take the damaged sheets' tables and problems out of ``read``; say what was skipped.

    Args:
        totals: how many problems a sheet has in all (more than were kept, perhaps).
    """
    read.tables[:] = [t for t in read.tables if t.sheet not in damaged]
    kept = [p for p in read.problems if p.sheet not in damaged]
    removed = len(read.problems) - len(kept)
    read.problems[:] = kept
    read.problem_total = max(0, read.problem_total - removed)
    return [
        _skipped(name, str(problems[0]), totals(name), read.file)
        for name, problems in damaged.items()
    ]


def _skipped(name: str, first: str, count: int, file: str) -> Skipped:
    noun = "1 problem" if count == 1 else f"{count:,} problems"
    reason = f"not imported: {noun}"
    warning = (
        f"sheet '{name}' of {file} skipped ({noun}; the first: {first}); the other sheets were "
        "imported (--strict refuses the whole file instead)"
    )
    return Skipped(SkippedSheet(name, reason), warning)
