"""The comparison report with rates, chance and recording events (``ox compare`` and the Compare
view's export): :func:`tui.output.reports.compare_report` plus

- ``rate_a``, ``rate_b``, ``rate_change``, ``rate_pct_change`` (per 100,000; ``null`` unknown);
- ``pct_ci_low``, ``pct_ci_high`` (the 95 % interval of the % change; ``null`` when not tested or,
  for the upper end, unbounded from a count of 0) and ``significant`` (``null`` when a count is
  missing, both are zero or no change is computed), and ``rate_significant``;
- in tables and Markdown a "~" after the % of a change within chance, and a note saying so;
- ``rate_caveat`` (City of London's), marked in rate tables;
- a note per recording event between the two years, and what the rates use.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from tui.formatting import (
    CAVEAT_MARK,
    POPULATION_NOTE,
    fmt_pct,
    fmt_rank,
    fmt_rank_change,
    fmt_rate,
)
from tui.model.data.events import Event
from tui.model.data.years import fy_label
from tui.model.results.comparison_types import CompareRow, Comparison
from tui.model.results.interface import DatasetView
from tui.model.stats.chance import METHOD
from tui.model.stats.changes import NEGATIVE_NOTE, any_negative
from tui.output.comparison_report import compare_report
from tui.output.reports import Column, Record, Report, Value

CHANCE_MARK = "~"
CHANCE_NOTE = (
    "~ after a %: the change is within chance variation (its 95% interval includes no change). "
    f"Method: {METHOD}. See README, Methods."
)
COUNT_COLUMNS = ("count_a", "count_b", "change", "pct_change", "rank_b", "rank_change")


def _rate(v: Value) -> str:
    return fmt_rate(float(v) if isinstance(v, (int, float)) else None)


def _pct(v: Value) -> str:
    return fmt_pct(float(v) if isinstance(v, (int, float)) else None)


def _rank(v: Value) -> str:
    return fmt_rank(v if isinstance(v, int) else None)


def _rank_change(v: Value) -> str:
    return fmt_rank_change(v if isinstance(v, int) else None)


def _rate_change(v: Value) -> str:
    if not isinstance(v, (int, float)):
        return "—"
    return f"{float(v):+,.1f}"


def _finite(value: float | None) -> float | None:
    return None if value is None or math.isinf(value) else value


def event_line(event: Event) -> str:
    """One event as a note: where, when, what, and its source."""
    where = event.force if event.scope == "force" else "all forces"
    return f"Event {fy_label(event.year)} ({where}): {event.title}. Source: {event.source_url}"


def events_note(cmp: Comparison) -> list[str]:
    """The notes for the recording events in or between the compared years."""
    if not cmp.events:
        return []
    head = (
        f"{len(cmp.events)} recording event(s) in or between {cmp.year_a.fy} and {cmp.year_b.fy} "
        "may change what the figures mean ('ox events' lists them all):"
    )
    return [head, *(event_line(e) for e in cmp.events)]


def rate_notes(cmp: Comparison, rows: Sequence[CompareRow]) -> list[str]:
    """What the rates use, and the City of London caveat when its rate is listed."""
    if cmp.population_years is None:
        return []
    a, b = cmp.population_years
    notes = [f"Rates: offences {POPULATION_NOTE}: mid-{a} for {cmp.year_a.fy}, mid-{b} for "
             f"{cmp.year_b.fy}; '—' where there is no population."]  # fmt: skip
    caveats = sorted({r.rate_caveat for r in rows if r.rate_caveat})
    return notes + [f"{CAVEAT_MARK} {c}" for c in caveats]


def _marked(column: Column, measure: str) -> Column:
    """``column`` with the chance or caveat mark in its table cell, where it takes one."""
    shown = column.text
    if column.key == ("rate_pct_change" if measure == "rate" else "pct_change"):
        flag = "rate_significant" if measure == "rate" else "significant"

        def pct_cell(record: Record) -> str:
            return shown(record) + (CHANCE_MARK if record.get(flag) is False else "")

        return replace(column, cell=pct_cell)
    if column.key == "force" and measure == "rate":

        def force_cell(record: Record) -> str:
            return shown(record) + (f" {CAVEAT_MARK}" if record.get("rate_caveat") else "")

        return replace(column, cell=force_cell)
    return column


def honest_compare_report(
    ds: DatasetView,
    cmp: Comparison,
    rows: Sequence[CompareRow] | None = None,
    *,
    measure: str = "count",
) -> Report:
    """The comparison with rates, chance and events.

    Args:
        ds: the dataset.
        cmp: the comparison.
        rows: the force rows in the order shown (default: ``cmp.rows``).
        measure: ``count`` or ``rate``: which figures a table shows (CSV and JSON carry both).
    """
    body = list(rows if rows is not None else cmp.rows)
    report = compare_report(ds, cmp, body, measure)
    label_a, label_b = cmp.label_a, cmp.label_b
    show_rates = measure == "rate"
    columns = [
        replace(c, show=c.show and not show_rates) if c.key in COUNT_COLUMNS else c
        for c in report.columns
    ]
    extra = [
        Column("rate_a", f"{label_a} per 100k", _rate, numeric=True, show=show_rates),
        Column("rate_b", f"{label_b} per 100k", _rate, numeric=True, show=show_rates),
        Column(
            "rate_change",
            "Change",
            _rate_change,
            numeric=True,
            show=show_rates,
            long=f"Change in rate per 100k {label_a} to {label_b}",
        ),
        Column(
            "rate_pct_change", "%", _pct, numeric=True, show=show_rates, long="% change in rate"
        ),
        Column("rate_rank_a", f"Rank {label_a} by rate", _rank, numeric=True, show=False),
        Column(
            "rate_rank_b",
            "Rank",
            _rank,
            numeric=True,
            show=show_rates,
            long=f"Rank {label_b} by rate",
        ),
        Column(
            "rate_rank_change",
            "Move",
            _rank_change,
            numeric=True,
            show=show_rates,
            long="Move in rank by rate",
        ),
        Column("pct_ci_low", "95% low", show=False, long="% change in count: 95% interval low"),
        Column("pct_ci_high", "95% high", show=False, long="% change in count: 95% interval high"),
        Column("significant", "Beyond chance", show=False, long="Count change beyond chance"),
        Column("rate_significant", "Rate beyond chance", show=False),
        Column("rate_caveat", "Rate caveat", show=False),
    ]
    at = next(i for i, c in enumerate(columns) if c.key == "pct_change") + 1
    if show_rates:
        at = len(columns)
    columns[at:at] = extra
    # Tables and Markdown: "~" after the % of a change within chance, the caveat mark after a
    # rate that carries one (CSV and JSON carry ``significant`` and the values as they are).
    columns = [_marked(c, measure) for c in columns]
    for rec, row in zip(report.records, [*cmp.totals, *body]):
        rec["rate_a"], rec["rate_b"] = row.rate_a, row.rate_b
        rec["rate_change"], rec["rate_pct_change"] = row.rate_change, row.rate_pct_change
        rec["rate_rank_a"], rec["rate_rank_b"] = row.rate_rank_a, row.rate_rank_b
        rec["rate_rank_change"] = row.rate_rank_change
        rec["pct_ci_low"] = _finite(row.pct_ci_low)
        rec["pct_ci_high"] = _finite(row.pct_ci_high)
        rec["significant"] = row.significant
        rec["rate_significant"] = row.rate_significant
        rec["rate_caveat"] = row.rate_caveat if row.rate_b is not None else None
    report.columns = columns
    notes = list(report.notes)
    if any(r.significant is not None for r in [*cmp.totals, *body]):
        notes.insert(0, CHANCE_NOTE)
    rates = rate_notes(cmp, [*cmp.totals, *body]) if show_rates else []
    notes = rates + notes + events_note(cmp)
    if any_negative(c for r in [*cmp.totals, *body] for c in (r.count_a, r.count_b)):
        notes.append(NEGATIVE_NOTE)
    report.notes = notes
    if show_rates:
        report.title += " (per 100,000 people)"
    return report
