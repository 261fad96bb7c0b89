"""``ox show FORCE --dataset homeoffice,nspcc`` (or ``scotland,nspcc`` for Police Scotland): one
force in two measures, side by side.

CSV and JSON give one row per dataset and period (key ``dataset``); a table or Markdown puts the
series in adjacent columns, one row per financial year of either dataset (a partial year shows
its quarters and is never compared), then any other period a dataset has (the NSPCC's calendar
years). The series are never merged (see :mod:`tui.model.figures.side_by_side`): the NSPCC dataset's
citations of Home Office figures (``ho_cited``) get a column of their own.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import IO

from tui.formatting import fmt_count
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import ModelError
from tui.model.data.measure import NSPCC_FOI, SCOTLAND_RCS, measure_id
from tui.model.data.years import quarters_label
from tui.model.figures.selection import pick_offence
from tui.model.figures.series import force_series
from tui.model.figures.side_by_side import (
    LABELS,
    PAIRED_OFFENCE,
    WHY_SCOTLAND_DIFFERS,
    WHY_THEY_DIFFER,
    counterpart_measure,
    name_in,
    pair_force_name,
)
from tui.model.figures.totals import resolve_force
from tui.model.results.detail_types import ForceSeries
from tui.output import render
from tui.output.reports import Column, Record, Report, Value

CITED = {NSPCC_FOI: ("ho_cited", "Home Office data cited by NSPCC")}
"""Offences a dataset holds that quote another measure: shown in their own column."""


def _count(v: Value) -> str:
    return fmt_count(v if isinstance(v, int) else None)


def wants_both(args: argparse.Namespace) -> bool:
    """True when ``--dataset`` names two datasets (``a,b``)."""
    return "," in (args.dataset or "")


@dataclass(frozen=True)
class Side:
    """One column: a dataset's series of one offence."""

    key: str
    dataset: str
    label: str
    series: ForceSeries


def _sides(ds: Dataset, force_name: str, key: str) -> list[Side]:
    measure = measure_id(ds.info)
    if measure not in PAIRED_OFFENCE:
        return []
    force = resolve_force(ds, name_in(measure, force_name))
    paired = force_series(ds, force, pick_offence(ds, PAIRED_OFFENCE[measure]))
    sides = [Side(key, ds.name, LABELS[measure], paired)]
    cited = CITED.get(measure)
    if cited and any(o.code == cited[0] for o in ds.offences):
        series = force_series(ds, force, pick_offence(ds, cited[0]))
        if any(p.count is not None for p in series.points):
            sides.append(Side(f"{key}_cited", ds.name, cited[1], series))
    return sides


def _has_figures(side: Side) -> bool:
    return any(p.count is not None for p in side.series.points) or bool(side.series.other_periods)


def both_report(sides: list[Side], force: str, *, wide: bool) -> Report:
    """The sides as adjacent columns (``wide``) or one record per dataset and period."""
    title = f"{force}: {' and '.join(s.label for s in sides[:2])}, side by side (never merged)"
    scottish = any(s.label == LABELS[SCOTLAND_RCS] for s in sides)
    notes = [WHY_SCOTLAND_DIFFERS if scottish else WHY_THEY_DIFFER]
    years: dict[str, int] = {}
    periods: list[str] = []
    for s in sides:
        for p in s.series.points:
            if p.count is not None:
                years[p.year.fy] = p.year.year
        periods += [o.period for o in s.series.other_periods if o.period not in periods]
    for s in sides:
        notes += [
            f"{p.year.fy} in {s.dataset} ({s.label}) covers {quarters_label(p.quarters)} only: a "
            "partial year, never compared with a whole one."
            for p in s.series.points
            if p.count is not None and (p.partial or p.year.partial)
        ]
    if any(s.key.endswith("_cited") for s in sides):
        notes.append(
            "Home Office data cited by NSPCC: Home Office figures quoted in an NSPCC release, not "
            "answers to its FOI requests; a column of their own, never part of the FOI series."
        )
    long: list[Record] = []
    for s in sides:
        for p in s.series.points:
            if p.count is None:
                continue
            short = p.partial or p.year.partial
            long.append(
                {
                    "dataset": s.dataset,
                    "measure": s.label,
                    "force": force,
                    "year": p.year.fy,
                    "period": None,
                    "count": p.count,
                    "quarters": quarters_label(p.quarters) if short else None,
                    "partial": short,
                }
            )
        for o in s.series.other_periods:
            long.append(
                {
                    "dataset": s.dataset,
                    "measure": s.label,
                    "force": force,
                    "year": None,
                    "period": o.period,
                    "count": o.count,
                    "quarters": None,
                    "partial": None,
                }
            )
    if not wide:
        columns = [
            Column("dataset", "Dataset"),
            Column("measure", "Measure"),
            Column("force", "Force"),
            Column("year", "Year"),
            Column("period", "Period"),
            Column("count", "Count", _count, numeric=True),
            Column("quarters", "Quarters"),
            Column("partial", "Partial"),
        ]
        return Report(title, columns, long, notes=notes)
    columns = [Column("year", "Year")]
    columns += [Column(s.key, f"{s.label} ({s.dataset})", numeric=True) for s in sides]
    rows: dict[str, Record] = {}
    order = sorted(years, key=lambda fy: years[fy]) + periods
    for label in order:
        rows[label] = {"year": label, **{s.key: "—" for s in sides}}
    for s in sides:
        for rec in long:
            if rec["dataset"] == s.dataset and rec["measure"] == s.label:
                label = str(rec["year"] or rec["period"])
                text = _count(rec["count"])
                rows[label][s.key] = f"{text} ({rec['quarters']})" if rec["quarters"] else text
    return Report(title, columns, list(rows.values()), notes=notes)


def show_both(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox show FORCE --dataset A,B``."""
    names = [n.strip() for n in str(args.dataset).split(",") if n.strip()]
    if len(names) != 2 or args.quarters or args.offence:
        err.write(
            "ox: error: --dataset A,B takes exactly two datasets of paired measures "
            "(homeoffice,nspcc or scotland,nspcc), without --quarters or --offence\n"
        )
        return 2
    ds_a, ds_b = load_dataset(names[0]), load_dataset(names[1])
    force = pair_force_name(ds_a, args.force[0])
    paired = counterpart_measure(measure_id(ds_a.info), force) == measure_id(ds_b.info)
    try:
        sides = (_sides(ds_a, force, "a") + _sides(ds_b, force, "b")) if paired else []
    except ModelError:
        sides = []
    main = [s for s in sides if not s.key.endswith("_cited")]
    if len(main) != 2 or not any(_has_figures(s) for s in main):
        raise ModelError(
            f"no side-by-side figures for {force} in {names[0]} and {names[1]}: both must be "
            "paired measures (Home Office code 86 or Recorded Crime in Scotland, and NSPCC FOI) "
            "with figures for the force"
        )
    sides = [s for s in sides if _has_figures(s) or not s.key.endswith("_cited")]
    report = both_report(sides, force, wide=args.format in ("table", "markdown"))
    render.write(report, args.format, out)
    return 0
