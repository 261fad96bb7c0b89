"""The Forces table's report in the measure shown: counts, or rates per 100,000 people.

Its export's provenance says which years ``change`` and ``pct_change`` are between
(``change_from``, ``change_to``) and, for rates, what they use (``rates``).

:func:`tui.output.reports.force_table_report` gives the counts. With ``measure="rate"`` (the
Forces view after ``m``, ``ox table --measure rate``) the report also carries, per year,
``rate YEAR`` (e.g. ``rate 2022/23``), and ``rate_change``, ``rate_pct_change``, ``rate_rank``,
``rate_significant`` and ``rate_caveat``; tables and Markdown show the rates in place of the
counts (CSV and JSON carry both, each named), and the title and notes say what the rates use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.formatting import CAVEAT_MARK, POPULATION_NOTE, fmt_pct, fmt_rank, fmt_rate
from tui.model.data.years import fy_label
from tui.model.results.interface import DatasetView
from tui.model.results.types import ForceRow, ForceTable
from tui.output.reports import Column, Record, Report, Value, force_table_report
from tui.output.show_marks import mark_notes

CHANCE_MARK = "~"
RATE_TITLE = " (per 100,000 people)"


def rate_key(label: str) -> str:
    """The column of a year's rate: ``rate 2022/23``."""
    return f"rate {label}"


def _rate(v: Value) -> str:
    return fmt_rate(float(v) if isinstance(v, (int, float)) else None)


def _rate_change(v: Value) -> str:
    return f"{float(v):+,.1f}" if isinstance(v, (int, float)) else "—"


def _rank(v: Value) -> str:
    return fmt_rank(v if isinstance(v, int) else None)


def _rate_pct_cell(record: Record) -> str:
    v = record.get("rate_pct_change")
    text = fmt_pct(float(v) if isinstance(v, (int, float)) else None)
    return text + (CHANCE_MARK if record.get("rate_significant") is False else "")


def _force_cell(record: Record) -> str:
    caveat = f" {CAVEAT_MARK}" if record.get("rate_caveat") else ""
    return f"{record.get('force')}{caveat}"


def recording_change_notes(table: ForceTable) -> list[str]:
    """A note for each recording change that starts in the latest columns' years (code 28E in
    2023/24: residential burglary split into new codes, so most forces record 0 under 28E)."""
    return [
        f"Recording change {fy_label(e.year)} ({e.date}): {e.title}. {e.note} "
        f"Compare figures across it with care. Source: {e.source_url}"
        for e in table.recording_changes
    ]


def forces_report(
    ds: DatasetView,
    table: ForceTable,
    rows: Sequence[ForceRow] | None = None,
    *,
    measure: str = "count",
) -> Report:
    """The Forces table as shown: counts, or (``measure="rate"``) rates beside the counts."""
    body = list(rows if rows is not None else table.rows)
    report = force_table_report(ds, table, body)
    report.notes += recording_change_notes(table)
    if table.change_from and table.change_to:
        # ``change``, ``pct_change`` (and the rates') are between these years.
        report.meta["change_from"] = table.change_from.label
        report.meta["change_to"] = table.change_to.label
    if measure != "rate":
        return report
    years = [y.label for y in table.years]
    count_keys = {*years, "change", "pct_change"}
    columns = [replace(c, show=False) if c.key in count_keys else c for c in report.columns]
    columns = [replace(c, cell=_force_cell) if c.key == "force" else c for c in columns]
    ch = (
        f" {table.change_from.fy} to {table.change_to.fy}"
        if table.change_from and table.change_to
        else ""
    )
    # Headers as the view's: the title says "per 100,000 people"; CSV and JSON use the keys.
    extra = [Column(rate_key(y), y, _rate, numeric=True) for y in years]
    extra += [
        Column("rate_change", f"Change{ch}", _rate_change, numeric=True),
        Column("rate_pct_change", "%", numeric=True, cell=_rate_pct_cell),
        Column("rate_rank", "Rank by rate", _rank, numeric=True, show=False),
        Column("rate_significant", "Rate beyond chance", show=False),
        Column("rate_caveat", "Rate caveat", show=False),
    ]
    at = next(i for i, c in enumerate(columns) if c.key == "place") + 1
    columns[at:at] = extra
    for rec, row in zip(report.records, [*table.totals, *body]):
        for y, r in zip(years, row.rates):
            rec[rate_key(y)] = r
        rec["rate_change"] = row.rate_change
        rec["rate_pct_change"] = row.rate_pct_change
        rec["rate_rank"] = row.rate_rank
        rec["rate_significant"] = row.rate_significant
        rec["rate_caveat"] = row.rate_caveat
    report.columns = columns
    notes = [
        f"Rates: offences {POPULATION_NOTE}; '—' where there is no population, in a partial "
        "year and for bodies without an area. Counts are in CSV and JSON (columns named by "
        "the year alone).",
        *(f"{CAVEAT_MARK} {c}" for c in sorted({r.rate_caveat for r in body if r.rate_caveat})),
    ]
    if any(r.rate_significant is False for r in [*table.totals, *body]):
        notes.append(
            "~ after a %: the change in rate is within chance variation (its 95% interval "
            "includes no change; the counts weighed by their populations). See README, Methods."
        )
    # The counts' marks (chance, releases) are about the hidden count columns.
    count_marks = set(mark_notes(report.records))
    report.notes = notes + [n for n in report.notes if n not in count_marks]
    report.title += RATE_TITLE
    report.meta["rates"] = f"offences {POPULATION_NOTE}"
    return report
