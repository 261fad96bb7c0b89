"""What can be wrong with a file to import, located as a user sees it, and the error carrying it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.model.data.errors import DatasetError

MAX_SHOWN = 20
"""How many problems a report lists before it says "and N more"."""

FILE = "file"
NAME = "name"
STORE = "store"


@dataclass(frozen=True)
class Problem:
    """One thing that stops a file from being imported, and what would fix it."""

    file: str
    """The file's name (not its whole path, to keep the report readable)."""
    message: str
    """What is wrong, in one sentence."""
    fix: str = ""
    """What would fix it, in one sentence (may be empty when obvious)."""
    sheet: str | None = None
    row: int | None = None
    """The row as a spreadsheet shows it: the header row of a CSV file is row 1."""
    column: str | None = None
    """The column's header as written in the file."""

    @property
    def where(self) -> str:
        """File, sheet, row and column, as far as they are known."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text


def report_lines(
    problems: Iterable[Problem], total: int | None = None, limit: int = MAX_SHOWN
) -> list[str]:
    """The first ``limit`` problems, one line each, then "and N more" when there are more.

    Args:
        problems: the problems, in the order to show them.
        total: how many problems there are in all (more than were collected), if known.
        limit: how many to list.
    """
    listed = list(problems)
    count = max(total or 0, len(listed))
    lines = [str(p) for p in listed[:limit]]
    if count > limit:
        lines.append(f"and {count - limit:,} more")
    return lines


MAX_WARNINGS = 20
"""How many warnings an import lists (on screen, in the CLI and in the manifest's notes)."""
WARNING_LENGTH = 600
"""Characters of one warning kept: a warning quotes the file, which may hold anything."""


def summarise_warnings(warnings: Iterable[str], limit: int = MAX_WARNINGS) -> tuple[str, ...]:
    """The first ``limit`` warnings (each cut to :data:`WARNING_LENGTH` characters), then one line
    counting the rest: what an import reports stays short whatever the file holds."""
    listed = list(warnings)
    shown = [w if len(w) <= WARNING_LENGTH else w[: WARNING_LENGTH - 1] + "…" for w in listed]
    if len(listed) > limit:
        return (*shown[:limit], f"{len(listed) - limit:,} more warnings, not listed")
    return tuple(shown)


class DatasetImportError(DatasetError):
    """A file could not be imported (or a dataset not written or removed); nothing was changed.

    Carries every problem found (up to a cap) so the user can fix them all in one go.
    """

    def __init__(
        self,
        source: str,
        problems: Iterable[Problem],
        *,
        total: int | None = None,
        kind: str = FILE,
    ) -> None:
        self.source = source
        """The file (or dataset name) the problems are about."""
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.total = max(total or 0, len(self.problems))
        """How many problems there are in all (the tuple may hold fewer)."""
        self.kind = kind
        """``file`` (a bad file), ``name`` (a bad or taken name) or ``store`` (cannot write)."""
        self.preview: object | None = None
        """For a bad file: the :class:`ImportPreview` of how it was read (format, layout...)."""
        noun = "problem" if self.total == 1 else "problems"
        if kind == FILE:
            summary = f"cannot import {source}: {self.total:,} {noun}"
        elif self.total == 1:
            summary = self.problems[0].message
        else:
            summary = f"{source}: {self.total:,} {noun}"
        super().__init__(summary)

    def report(self, limit: int = MAX_SHOWN) -> str:
        """The whole report: a summary line, then one line per problem (the first ``limit``)."""
        if self.kind != FILE and self.total == 1:
            problem = self.problems[0]
            return f"{problem.message}; {problem.fix}" if problem.fix else problem.message
        lines = report_lines(self.problems, self.total, limit)
        return "\n".join([self.message, *(f"  {line}" for line in lines)])

    def __str__(self) -> str:
        return self.report()


def single(source: str, message: str, fix: str = "", *, kind: str = FILE) -> DatasetImportError:
    """An error with one problem that has no row or column (a bad name, a full disk...)."""
    return DatasetImportError(source, [Problem(source, message, fix)], kind=kind)
