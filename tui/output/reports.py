"""Reports: the rows and columns of each lookup, as plain records, ready to render in any format.

The CLI prints them and the TUI exports them, so a figure is the same wherever it appears.
Headless: no Textual, and no dataframe work (the model has done it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.formatting import (
    fmt_change,
    fmt_count,
    fmt_pct,
    fmt_rank,
    fmt_rank_change,
    fmt_rate,
)
from tui.model.data.catalogue import DatasetInfo
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import area_words
from tui.model.data.years import quarters_label
from tui.model.results.detail_types import MembershipChange
from tui.model.results.types import ForceRow, ForceTable
from tui.model.stats.changes import NEGATIVE_NOTE, any_negative
from tui.output.show_marks import mark_notes, marked_pct

if TYPE_CHECKING:  # a protocol, for the annotations only: importing it costs ~0.1 s
    from tui.model.results.interface import DatasetView

Value = object

RATE_NOTE = (
    "Per 100k: offences per 100,000 residents, using the ONS mid-year population estimate of the "
    "year each financial year starts in (2017/18: mid-2017; 'population_year' in CSV/JSON)."
)
Record = dict[str, Value]


def _quarters(value: Value) -> str:
    return value if isinstance(value, str) else ""


def _plain(value: Value) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    """One column of a report."""

    key: str
    header: str
    fmt: Callable[[Value], str] = _plain
    """How the value looks in a table or Markdown."""
    numeric: bool = False
    """Right-aligned in tables."""
    csv: Callable[[Value], str] | None = None
    """How the value is written in CSV (default: as is, empty for missing)."""
    show: bool = True
    """Shown in tables and Markdown (hidden columns are still in CSV and JSON)."""
    cell: Callable[[Record], str] | None = None
    """How the cell looks in a table or Markdown when it depends on the rest of the record (a
    partial year's count shows its quarters); default: ``fmt`` of the value."""
    long: str = ""
    """The header a copy (TSV, every column) uses when ``header`` alone is ambiguous beside the
    hidden columns ("Change" of the counts and of the rates); default: ``header``."""

    def text(self, record: Record) -> str:
        """The cell as shown in a table or Markdown."""
        return self.cell(record) if self.cell is not None else self.fmt(record.get(self.key))


def _count(v: Value) -> str:
    return fmt_count(v if isinstance(v, int) else None)


def _change(v: Value) -> str:
    return fmt_change(v if isinstance(v, int) else None)


def _pct(v: Value) -> str:
    return fmt_pct(float(v) if isinstance(v, (int, float)) else None)


def _rank(v: Value) -> str:
    return fmt_rank(v if isinstance(v, int) else None)


def _rank_change(v: Value) -> str:
    return fmt_rank_change(v if isinstance(v, int) else None)


def _rate(v: Value) -> str:
    return fmt_rate(float(v) if isinstance(v, (int, float)) else None)


@dataclass
class Report:
    """A titled table of records with the notes that keep a reader from a wrong conclusion."""

    title: str
    columns: list[Column]
    records: list[Record]
    subtitle: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Printed on stderr by the CLI (and shown as a notification by the TUI)."""
    sections: list[Report] = field(default_factory=list)
    """Further tables shown after this one in tables and Markdown (not in CSV or JSON)."""
    meta: dict[str, str] = field(default_factory=dict)
    """What an export's provenance adds after ``view`` (e.g. the years a change is between)."""


def dataset_lines(info: DatasetInfo) -> list[str]:
    """The lines that say where a dataset's figures come from."""
    lines = [f"Dataset {info.name}: {info.title}"]
    if info.source:
        lines.append(f"Source: {info.source}")
    if info.licence:
        lines.append(info.licence)
    return lines


# --------------------------------------------------------------------------------------------
# The force table (TUI export) and listings
# --------------------------------------------------------------------------------------------


def force_table_report(
    ds: DatasetView, table: ForceTable, rows: Sequence[ForceRow] | None = None
) -> Report:
    """The Forces view: each force's count for every year, with the latest change."""
    body = rows if rows is not None else table.rows
    marks = {
        (r.force.name, y.label): quarters_label(r.short_in(i))
        for r in [*table.totals, *body]
        for i, y in enumerate(table.years)
        if r.short_in(i)
    }
    # "Council area" heads the rows of Recorded Crime in Scotland, as in the view (the key stays
    # ``force`` in CSV and JSON, so scripts read every dataset alike).
    every = [*table.totals, *table.rows]
    columns = [
        Column("force", area_words(r.force for r in every)[0]),
        Column("place", "Region / nation"),
    ]
    for y in table.years:
        # Keyed by the label, so a CSV or JSON export says "2023/24 Q1" for a partial year.
        columns.append(
            Column(y.label, y.label, _count, numeric=True, cell=_marked_count(y.label, marks))
        )
    ch = (
        f"{table.change_from.fy} to {table.change_to.fy}"
        if table.change_from and table.change_to
        else ""
    )
    columns += [
        Column("change", f"Change {ch}".strip(), _change, numeric=True),
        Column("pct_change", "%", _pct, numeric=True, cell=marked_pct),
    ]
    records: list[Record] = []
    for r in [*table.totals, *body]:
        rec: Record = {"force": r.force.name, "place": r.force.place}
        for y, c in zip(table.years, r.counts):
            rec[y.label] = c
        rec["change"] = r.change
        rec["pct_change"] = r.pct_change
        # As ``ox show``: None where no change is computed (nothing tested).
        rec["significant"] = r.significant
        rec["crosses_releases"] = r.crosses_releases if r.change is not None else None
        short = [
            f"{y.fy} {quarters_label(r.short_in(i))}"
            for i, y in enumerate(table.years)
            if r.short_in(i)
        ]
        rec["partial_years"] = "; ".join(short) or None
        records.append(rec)
    columns += [
        Column("significant", "Beyond chance", show=False),
        Column("crosses_releases", "Across releases", show=False),
        Column("partial_years", "Partial force-years", show=False),
    ]
    notes = [f"{y.fy} is a partial year ({y.label})." for y in table.years if y.partial]
    notes += [
        f"{rec['force']} has {rec['partial_years']} only: not compared or ranked."
        for rec in records
        if rec["partial_years"]
    ]
    notes += mark_notes(records)
    if any_negative(c for r in [*table.totals, *body] for c in r.counts):
        notes.append(NEGATIVE_NOTE)
    if table.offence.note:
        notes.insert(0, f"{ds.info.name}: {table.offence.note}.")
    if ds.info.notes:
        notes.append(ds.info.notes)
    return Report(
        title=f"Forces: {table.offence.label}",
        columns=columns,
        records=records,
        subtitle=dataset_lines(ds.info),
        notes=notes,
    )


def _marked_count(key: str, marks: dict[tuple[str, str], str]) -> Callable[[Record], str]:
    """A count cell that shows a partial force-year's quarters: ``"0 (Q2-Q4)"``."""

    def cell(record: Record) -> str:
        text = _count(record.get(key))
        mark = marks.get((str(record.get("force")), key))
        return f"{text} ({mark})" if mark else text

    return cell


def membership_notes(offence: OffenceSelection, changes: Sequence[MembershipChange]) -> list[str]:
    """Notes naming the codes a group or subgroup counts in some years only."""
    if not changes:
        return []
    return [
        f"The {offence.kind} '{offence.value}' counts different codes in different years (a "
        "reclassification, not a change in offending): " + "; ".join(c.text for c in changes) + "."
    ]
