"""Turning raw text tables into figures in the canonical schema, noting every change and problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from tui.model.data import schema as S
from tui.model.data.reference import Reference
from tui.model.data.years import quarters_label
from tui.model.importing import merging
from tui.model.importing.file_warnings import (
    ignored_columns,
    no_territorial_force,
    unknown_forces,
)
from tui.model.importing.layouts import NSPCC, Layout
from tui.model.importing.problems import Problem
from tui.model.importing.readers import PROBLEM_CAP, ROW, SHEET, RawTable
from tui.model.importing.results import CleaningNote
from tui.model.importing.values import (
    BAD,
    DASH_ZERO,
    MISSING,
    THOUSANDS,
    WHOLE_FLOAT,
    Count,
    clean_text,
    is_bare_year,
    mend_float_artefact,
    parse_count,
    parse_financial_year,
    parse_period,
    parse_quarter,
)

_COUNT_NOTES = {
    DASH_ZERO: "'-00' read as 0 (the Home Office writes zero as -00)",
    THOUSANDS: "thousands separators removed (e.g. '1,234' read as 1234)",
    WHOLE_FLOAT: "whole numbers written with decimals read as whole (e.g. '63.0' as 63)",
}
# Control characters left after spaces are tidied (tab, newlines and the like become spaces).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_COUNT_FIX = (
    "write the count in digits (e.g. 12); leave the cell empty or write '..' if it is not known"
)


@dataclass
class Cleaned:
    """The figures of a file in the canonical schema, with what was changed and what is wrong."""

    frame: pl.DataFrame
    rows_read: int = 0
    notes: list[CleaningNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_total: int = 0

    def problem(self, problem: Problem) -> None:
        """Record a problem (kept up to a cap, always counted)."""
        self.problem_total += 1
        if len(self.problems) < PROBLEM_CAP:
            self.problems.append(problem)


def empty_frame() -> pl.DataFrame:
    """A frame in the canonical schema with no rows."""
    return pl.DataFrame(schema=S.LONG_SCHEMA)


def clean_tables(
    tables: list[RawTable], *, file: str, name: str, release: str, reference: Reference
) -> Cleaned:
    """Clean every table of a file and merge them into one frame in :data:`LONG_SCHEMA`.

    Args:
        tables: the raw tables (one per sheet holding data).
        file: the file's name, for problem reports.
        name: the dataset's name (the ``dataset`` column).
        release: the ``release`` of figures whose layout has none (Home Office and generic).
        reference: forces and their aliases, to make force names canonical.
    """
    out = Cleaned(empty_frame())
    parts: list[pl.DataFrame] = []
    columns_by_sheet: dict[str, str] = {}
    unused: set[str] = set()
    for table in tables:
        out.rows_read += table.frame.height
        if table.blank_rows:
            out.notes.append(CleaningNote("", "empty rows skipped", table.blank_rows))
        cleaner = _TableCleaner(table, file, reference, out)
        part = cleaner.nspcc() if table.layout.name == NSPCC else cleaner.figures()
        parts.append(part.with_columns(pl.lit(table.sheet or "").alias(SHEET)))
        columns_by_sheet[table.sheet or ""] = table.layout.column("count")
        unused.update(table.layout.unused)
    if not parts or out.problem_total:
        return out
    frame = pl.concat(parts, how="vertical")
    if tables[0].layout.name == NSPCC:
        frame, notes = merging.merge_nspcc(frame)
    else:
        frame, notes, problems = merging.merge_duplicates(
            frame, file=file, count_columns=columns_by_sheet, unused=sorted(unused)
        )
        for problem in problems.items:
            out.problem(problem)
        out.problem_total += problems.more
    out.notes.extend(notes)
    if out.problem_total:
        return out
    out.warnings += ignored_columns(tables)
    out.warnings += no_territorial_force(frame, reference)
    negatives = frame.filter(pl.col(S.COUNT) < 0).height
    if negatives:
        out.notes.append(
            CleaningNote("", "negative counts kept (Home Office adjustments)", negatives)
        )
    out.frame = (
        frame.with_columns(
            pl.lit(name).alias(S.DATASET),
            pl.col(S.RELEASE).fill_null(release),
        )
        .select([pl.col(c).cast(t) for c, t in S.LONG_SCHEMA.items()])
        .sort(S.YEAR, S.QUARTER, S.FORCE, S.OFFENCE_CODE, S.PERIOD, S.RELEASE, nulls_last=False)
    )
    return out


def period_labels(frame: pl.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The periods of a canonical frame labelled for people: (financial years, other periods).

    Financial years come oldest first; a year with only some quarters is labelled with them
    (``2023/24 Q1``). Other periods have no financial year (calendar years, spans such as
    ``2019/20-2023/24``, any other text a period column holds) and are given as written.
    """
    per = (
        frame.group_by(S.PERIOD, S.YEAR)
        .agg(quarters=pl.col(S.QUARTER).drop_nulls().unique().sort())
        .sort(S.YEAR, S.PERIOD, nulls_last=True)
    )
    financial: list[str] = []
    other: list[str] = []
    for period, year, quarters in per.iter_rows():
        partial = quarters and len(quarters) < 4
        label = f"{period} {quarters_label(tuple(quarters))}" if partial else period
        (financial if year is not None else other).append(label)
    return tuple(financial), tuple(other)


class _TableCleaner:
    """Cleans the columns of one raw table; records notes, warnings and problems on ``out``."""

    def __init__(self, table: RawTable, file: str, reference: Reference, out: Cleaned) -> None:
        self.table = table
        self.layout: Layout = table.layout
        self.file = file
        self.reference = reference
        self.out = out
        self.frame = table.frame.select(
            ROW, *[pl.col(f"c{i}").alias(name) for name, i in self.layout.columns.items()]
        )

    # One column at a time: every distinct cell is read once in Python, then mapped back.

    def _distinct(self, name: str) -> dict[str, int]:
        counts = self.frame.get_column(name).value_counts(name="__n").sort(name)
        values = counts.get_column(name).to_list()
        return dict(zip(values, counts.get_column("__n").to_list(), strict=True))

    def _map(self, name: str, table: dict[str, Any], dtype: pl.DataType) -> pl.Expr:
        return pl.col(name).replace_strict(
            old=list(table), new=list(table.values()), return_dtype=dtype
        )

    def _flag(self, name: str, bad: dict[str, str], fix: str) -> None:
        """Report every cell of column ``name`` whose value is a key of ``bad`` (value → reason)."""
        if not bad:
            return
        rows = self.frame.filter(pl.col(name).is_in(list(bad))).select(ROW, name)
        column = self.layout.column(name)
        for row, value in rows.head(PROBLEM_CAP).iter_rows():
            self.out.problem(Problem(self.file, bad[value], fix, self.table.sheet, row, column))
        self.out.problem_total += max(0, rows.height - PROBLEM_CAP)

    def _controls(self, name: str, cleaned: dict[str, str]) -> None:
        """Warn about cells of column ``name`` holding control characters (a terminal escape).

        They are kept as written (the data says what the file says); every display escapes them.
        """
        raws = [raw for raw, text in cleaned.items() if _CONTROL.search(text)]
        if not raws:
            return
        rows = self.frame.filter(pl.col(name).is_in(raws)).get_column(ROW)
        cells = "1 cell holds" if rows.len() == 1 else f"{rows.len():,} cells hold"
        first = int(rows.min())  # type: ignore[arg-type]
        self.out.warnings.append(
            f"{self.layout.column(name)}: {cells} control characters (such as a terminal escape), "
            f"first at row {first}{self._in_sheet()}: kept as written; they are shown as "
            "codes like \\x1b, never sent to the terminal"
        )

    def _note(self, name: str, what: str, cells: int) -> None:
        if cells:
            self.out.notes.append(CleaningNote(self.layout.column(name), what, cells))

    def _text(self, name: str, required: str = "", *, code: bool = False) -> pl.Expr:
        """A text column, trimmed (spaces around and doubled inside removed).

        Empty cells are a problem when ``required`` names what the cell should hold. For a
        ``code``, float artefacts (``37.200000000000003``) are written in their shortest form.
        """
        if name not in self.layout.columns:
            return pl.lit("", dtype=pl.String)
        distinct = self._distinct(name)
        cleaned = {raw: clean_text(raw) for raw in distinct}
        self._controls(name, cleaned)
        self._note(
            name,
            "extra spaces removed",
            sum(n for raw, n in distinct.items() if cleaned[raw] != raw),
        )
        if code:
            mended = {raw: mend_float_artefact(text) for raw, text in cleaned.items()}
            changed = [raw for raw in distinct if mended[raw] != cleaned[raw]]
            if changed:
                example = f"'{cleaned[changed[0]]}' read as '{mended[changed[0]]}'"
                self._note(
                    name,
                    f"float artefacts mended (e.g. {example})",
                    sum(distinct[raw] for raw in changed),
                )
            cleaned = mended
        if required:
            self._flag(
                name,
                {raw: f"the {required} is empty" for raw, c in cleaned.items() if not c},
                f"fill in the {required}",
            )
        return self._map(name, cleaned, pl.String())

    def _force(self) -> pl.Expr:
        distinct = self._distinct("force")
        names: dict[str, str] = {}
        unknown: dict[str, int] = {}
        for raw, n in distinct.items():
            text = clean_text(raw)
            canonical = self.reference.canonical_name(text) if text else None
            names[raw] = canonical or text
            if text and canonical is None:
                unknown[raw] = n
            elif canonical is not None and canonical != text:
                self._note("force", f"'{text}' read as '{canonical}'", n)
        self.out.warnings += unknown_forces(
            self.frame, unknown, self.layout.column("force"), self._in_sheet(), self.reference
        )
        self._controls("force", {raw: clean_text(raw) for raw in distinct})
        self._note(
            "force",
            "extra spaces removed",
            sum(n for raw, n in distinct.items() if clean_text(raw) != raw),
        )
        self._flag(
            "force",
            {raw: "the force is empty" for raw in distinct if not clean_text(raw)},
            "fill in the force name",
        )
        return self._map("force", names, pl.String())

    def _in_sheet(self) -> str:
        return f", sheet '{self.table.sheet}'" if self.table.sheet else ""

    def _count(self) -> pl.Expr:
        distinct = self._distinct("count")
        parsed: dict[str, Count] = {raw: parse_count(raw) for raw in distinct}
        kinds: dict[str, int] = {}
        missing: dict[str, int] = {}
        for raw, result in parsed.items():
            kinds[result.kind] = kinds.get(result.kind, 0) + distinct[raw]
            if result.kind == MISSING:
                marker = clean_text(raw) or "empty"
                missing[marker] = missing.get(marker, 0) + distinct[raw]
        for kind, what in _COUNT_NOTES.items():
            self._note("count", what, kinds.get(kind, 0))
        for marker, n in sorted(missing.items()):
            shown = "empty cells" if marker == "empty" else f"'{marker}'"
            self._note("count", f"{shown} read as missing (no figure, not 0)", n)
        self._note(
            "count",
            "spaces around the number removed",
            sum(n for raw, n in distinct.items() if raw != raw.strip()),
        )
        self._flag(
            "count", {raw: r.error for raw, r in parsed.items() if r.kind == BAD}, _COUNT_FIX
        )
        return self._map("count", {raw: r.value for raw, r in parsed.items()}, pl.Int64())

    def _years(self, name: str) -> tuple[pl.Expr, pl.Expr]:
        parse = parse_financial_year if name == "year" else parse_period
        parsed = {raw: parse(raw) for raw in self._distinct(name)}
        fix = (
            "write financial years as 2017/18, 2017-18 or 2017/2018 (map other periods with "
            "--map period=COLUMN)"
            if name == "year"
            else "fill in the period"
        )
        bare = {raw: y.error for raw, y in parsed.items() if y.error and is_bare_year(raw)}
        self._flag(
            name,
            bare,
            "write each financial year in full (2020/21, not 2020); if the column holds calendar "
            f"years, import it as a period with --map period='{self.layout.column(name)}'",
        )
        self._flag(
            name, {raw: y.error for raw, y in parsed.items() if y.error and raw not in bare}, fix
        )
        self._controls(name, {raw: y.label for raw, y in parsed.items() if not y.error})
        label = self._map(name, {raw: y.label for raw, y in parsed.items()}, pl.String())
        start = self._map(name, {raw: y.start for raw, y in parsed.items()}, pl.Int16())
        return label, start

    def _quarter(self) -> pl.Expr:
        if "quarter" not in self.layout.columns:
            return pl.lit(None, dtype=pl.Int8)
        parsed = {raw: parse_quarter(raw) for raw in self._distinct("quarter")}
        self._flag(
            "quarter",
            {raw: err for raw, (_q, err) in parsed.items() if err},
            "write the quarter as 1, 2, 3 or 4 (or Q1 to Q4)",
        )
        return self._map("quarter", {raw: q for raw, (q, _err) in parsed.items()}, pl.Int8())

    def _offence(self) -> tuple[pl.Expr, pl.Expr]:
        has_code = "offence_code" in self.layout.columns
        has_text = "offence" in self.layout.columns
        if not has_code and not has_text:
            self.out.notes.append(
                CleaningNote(
                    "", "no offence column: every figure is for all offences", self.frame.height
                )
            )
            return pl.lit("all"), pl.lit("All offences (as given in the file)")
        code = self._text("offence_code", required="offence code" if has_code else "", code=True)
        text = self._text("offence", required="" if has_code else "offence")
        return (code if has_code else text), (text if has_text else code)

    # Layouts

    def figures(self) -> pl.DataFrame:
        """Home Office and generic layouts: one figure per row."""
        name = "year" if "year" in self.layout.columns else "period"
        period, year = self._years(name)
        code, offence = self._offence()
        exprs = [
            pl.col(ROW),
            period.alias(S.PERIOD),
            year.alias(S.YEAR),
            self._quarter().alias(S.QUARTER),
            self._force().alias(S.FORCE),
            code.alias(S.OFFENCE_CODE),
            offence.alias(S.OFFENCE),
            self._text("offence_group").alias(S.OFFENCE_GROUP),
            self._text("offence_subgroup").alias(S.OFFENCE_SUBGROUP),
            self._count().alias(S.COUNT),
            pl.lit(None, dtype=pl.String).alias(S.RELEASE),
            pl.lit(None, dtype=pl.String).alias(S.SOURCE_URL),
            pl.lit(None, dtype=pl.String).alias(S.QUOTE),
            pl.lit(True).alias(S.PREFERRED),
        ]
        return self.frame.select(exprs)

    def nspcc(self) -> pl.DataFrame:
        """NSPCC layout: figures with their release, page and quote (merged later)."""
        period, year = self._years("period")
        return self.frame.select(
            pl.col(ROW),
            period.alias(S.PERIOD),
            year.alias(S.YEAR),
            pl.lit(None, dtype=pl.Int8).alias(S.QUARTER),
            self._force().alias(S.FORCE),
            self._text("offence_code", required="offence").alias(S.OFFENCE_CODE),
            self._text("nation").alias("nation"),
            self._count().alias(S.COUNT),
            self._text("release", required="release").alias(S.RELEASE),
            self._text("source_url").alias(S.SOURCE_URL),
            self._text("quote").alias(S.QUOTE),
        )
