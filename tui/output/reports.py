"""Reports: the rows and columns of each lookup, as plain records, ready to render in any format.

The CLI prints them and the TUI exports them, so a figure is the same wherever it appears.
Headless: no Textual, and no dataframe work (the model has done it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from tui.formatting import (
    fmt_change,
    fmt_count,
    fmt_pct,
    fmt_rank,
    fmt_rank_change,
    fmt_rate,
)
from tui.model.catalogue import DatasetInfo
from tui.model.interface import DatasetView
from tui.model.offences import OffenceInfo
from tui.model.population import rate_for
from tui.model.reference import Force
from tui.model.types import (
    STATED_TOTAL_CODE,
    CompareRow,
    Comparison,
    ForceRow,
    ForceSeries,
    ForceTable,
    QuarterPoint,
)
from tui.model.years import quarters_label

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


def dataset_lines(info: DatasetInfo) -> list[str]:
    """The lines that say where a dataset's figures come from."""
    lines = [f"Dataset {info.name}: {info.title}"]
    if info.source:
        lines.append(f"Source: {info.source}")
    if info.licence:
        lines.append(info.licence)
    return lines


# --------------------------------------------------------------------------------------------
# show FORCE
# --------------------------------------------------------------------------------------------


def show_report(
    ds: DatasetView, series: ForceSeries, quarterly: Sequence[QuarterPoint] = ()
) -> Report:
    """A force's counts by financial year (or by quarter when ``quarterly`` is given)."""
    force = series.force
    has_provenance = (
        any(p.release for p in series.points if p.count is not None) and not ds.has_quarters
    )
    title = f"{force.name}: {series.offence.label}"
    subtitle = dataset_lines(ds.info)
    notes: list[str] = []
    if quarterly:
        columns = [
            Column("force", "Force", show=False),
            Column("year", "Year"),
            Column("quarter", "Quarter"),
            Column("count", "Count", _count, numeric=True),
        ]
        records: list[Record] = [
            {
                "force": force.name,
                "year": q.label.split(" ")[0],
                "quarter": q.quarter,
                "count": q.count,
            }
            for q in quarterly
        ]
        return Report(title, columns, records, subtitle, notes)
    columns = [
        Column("force", "Force", show=False),
        Column("year", "Year"),
        Column("count", "Count", _count, numeric=True),
        Column("change", "Change", _change, numeric=True),
        Column("pct_change", "%", _pct, numeric=True),
        Column("quarters", "Quarters", _quarters, csv=_quarters, show=ds.has_quarters),
        Column("rate", "Per 100k", _rate, numeric=True),
        Column("population_year", "Pop.", show=False),
    ]
    if has_provenance:
        columns += [
            Column("release", "Release"),
            Column("source_url", "Source", show=False),
            Column("also_stated", "Also stated", show=True),
        ]
    records = []
    for p in series.points:
        rec: Record = {
            "force": force.name,
            "year": p.year.fy,
            "count": p.count,
            "change": p.change,
            "pct_change": p.pct_change,
        }
        # A rate only for a whole year: a partial year's count is not set against a year's people.
        rate = None if p.partial or p.year.partial else rate_for(force.name, p.year.year, p.count)
        rec["rate"] = rate.per_100k if rate else None
        rec["population_year"] = rate.mid_year if rate else None
        if rate and rate.caveat and rate.caveat not in notes:
            notes.append(rate.caveat)
        if p.partial or p.year.partial:
            covered = quarters_label(p.quarters or p.year.quarters)
            rec["quarters"] = covered
            rec["partial"] = True
            notes.append(_partial_note(force.name, p.year.fy, p.year.label, covered))
        if has_provenance:
            rec["release"] = p.release or None
            rec["source_url"] = p.source_url or None
            rec["also_stated"] = (
                "; ".join(f"{a.count:,} ({a.release})" for a in p.alternatives) or None
            )
        records.append(rec)
    # Columns without a value anywhere are hidden in tables, and kept in CSV for a stable header.
    columns = [
        replace(c, show=False)
        if c.key in ("quarters", "also_stated") and not any(r.get(c.key) for r in records)
        else c
        for c in columns
    ]
    # Only financial years with a figure, unless the force has none at all.
    shown = [r for r in records if r["count"] is not None] or records
    if any(r.get("rate") is not None for r in shown):
        notes.append(RATE_NOTE)
    if has_provenance:
        if any(r.get("also_stated") for r in shown):
            notes.append(
                "Each figure is shown as first stated (earliest release); "
                "'Also stated' lists other figures for the same year."
            )
        urls = sorted({str(r["source_url"]) for r in shown if r.get("source_url")})
        notes += [f"Source: {u}" for u in urls]
    if ds.info.notes:
        notes.append(ds.info.notes)
    report = Report(title, columns, shown, subtitle, notes)
    if series.other_periods:
        report.sections.append(
            Report(
                "Other periods (calendar years and multi-year totals; "
                "not in any financial-year column)",
                [
                    Column("period", "Period"),
                    Column("count", "Count", _count, numeric=True),
                    Column("release", "Release"),
                    Column("source_url", "Source"),
                ],
                [
                    {
                        "period": o.period,
                        "count": o.count,
                        "release": o.release,
                        "source_url": o.source_url,
                    }
                    for o in series.other_periods
                ],
            )
        )
    return report


def _partial_note(force: str, fy: str, year_label: str, covered: str) -> str:
    """Why a year's count is not compared: the year, or this force's figures, lack quarters."""
    if f"{fy} {covered}" == year_label:
        return f"{fy} is a partial year ({covered} only): its count is not compared with others."
    return (
        f"{fy} is a partial year ({year_label} in this dataset) and {force}'s count covers "
        f"{covered} only: it is not compared with other years."
    )


def other_periods_records(series: ForceSeries) -> list[Record]:
    """Figures for non-financial-year periods as records (``year`` is null)."""
    return [
        {
            "force": series.force.name,
            "year": None,
            "period": o.period,
            "count": o.count,
            "release": o.release,
            "source_url": o.source_url,
        }
        for o in series.other_periods
    ]


# --------------------------------------------------------------------------------------------
# compare YEAR_A YEAR_B
# --------------------------------------------------------------------------------------------


def compare_report(
    ds: DatasetView, cmp: Comparison, rows: Sequence[CompareRow] | None = None
) -> Report:
    """Two years side by side for every force, totals first."""
    a, b = cmp.label_a, cmp.label_b
    columns = [
        Column("kind", "", show=False),
        Column("force", "Force"),
        Column("year_a", "Year A", show=False),
        Column("year_b", "Year B", show=False),
        Column("count_a", a, _count, numeric=True),
        Column("count_b", b, _count, numeric=True),
        Column("change", "Change", _change, numeric=True),
        Column("pct_change", "%", _pct, numeric=True),
        Column("rank_a", f"Rank {a}", _rank, numeric=True, show=False),
        Column("rank_b", "Rank", _rank, numeric=True),
        Column("rank_change", "Move", _rank_change, numeric=True),
    ]
    records: list[Record] = []
    body = rows if rows is not None else cmp.rows
    for kind, row_list in (("total", cmp.totals), ("force", body)):
        for r in row_list:
            records.append(
                {
                    "kind": kind if kind == "total" or r.force.ranked else "unranked",
                    "force": r.force.name,
                    "year_a": a,
                    "year_b": b,
                    "count_a": r.count_a,
                    "count_b": r.count_b,
                    "change": r.change,
                    "pct_change": r.pct_change,
                    "rank_a": r.rank_a,
                    "rank_b": r.rank_b,
                    "rank_change": r.rank_change,
                }
            )
    notes: list[str] = []
    if cmp.quarters is not None:
        notes.append(f"Like-for-like: both years count {quarters_label(cmp.quarters)} only.")
    elif cmp.unlike_quarters:
        notes.append(
            f"{a} and {b} cover different quarters, so no change is computed; "
            "compare the same quarters with --like-for-like."
        )
    if cmp.left_out:
        notes.append(
            f"{len(cmp.left_out)} force(s) have no figure for one or both years "
            "and are not ranked: " + ", ".join(cmp.left_out)
        )
    if cmp.totals and cmp.totals[0].force.kind == "computed_total":
        notes.append(
            "Totals are sums of the territorial forces (BTP and national fraud bodies excluded)."
        )
    elif cmp.totals:
        notes.append("Totals are as stated by the source (not sums of the forces listed).")
    if ds.info.notes:
        notes.append(ds.info.notes)
    return Report(
        title=f"{a} vs {b}: {cmp.offence.label}",
        columns=columns,
        records=records,
        subtitle=dataset_lines(ds.info),
        notes=notes,
        warnings=list(cmp.warnings),
    )


# --------------------------------------------------------------------------------------------
# The force table (TUI export) and listings
# --------------------------------------------------------------------------------------------


def force_table_report(
    ds: DatasetView, table: ForceTable, rows: Sequence[ForceRow] | None = None
) -> Report:
    """The Forces view: each force's count for every year, with the latest change."""
    columns = [Column("force", "Force"), Column("place", "Region / nation")]
    for y in table.years:
        # Keyed by the label, so a CSV or JSON export says "2023/24 Q1" for a partial year.
        columns.append(Column(y.label, y.label, _count, numeric=True))
    ch = (
        f"{table.change_from.fy} to {table.change_to.fy}"
        if table.change_from and table.change_to
        else ""
    )
    columns += [
        Column("change", f"Change {ch}".strip(), _change, numeric=True),
        Column("pct_change", "%", _pct, numeric=True),
    ]
    records: list[Record] = []
    body = rows if rows is not None else table.rows
    for r in [*table.totals, *body]:
        rec: Record = {"force": r.force.name, "place": r.force.place}
        for y, c in zip(table.years, r.counts):
            rec[y.label] = c
        rec["change"] = r.change
        rec["pct_change"] = r.pct_change
        records.append(rec)
    notes = [f"{y.fy} is a partial year ({y.label})." for y in table.years if y.partial]
    if ds.info.notes:
        notes.append(ds.info.notes)
    return Report(
        title=f"Forces: {table.offence.label}",
        columns=columns,
        records=records,
        subtitle=dataset_lines(ds.info),
        notes=notes,
    )


def forces_report(ds: DatasetView, forces: Sequence[Force]) -> Report:
    """A list of forces with their codes, places and aliases."""
    columns = [
        Column("force", "Force"),
        Column("ons_code", "ONS code"),
        Column("region", "Region"),
        Column("nation", "Nation"),
        Column("kind", "Kind"),
        Column("aliases", "Aliases"),
    ]
    records: list[Record] = [
        {
            "force": f.name,
            "ons_code": f.ons_code or None,
            "region": f.region or None,
            "nation": f.nation or None,
            "kind": f.kind,
            "aliases": "; ".join(f.aliases) or None,
        }
        for f in forces
    ]
    return Report(f"Forces in dataset {ds.name}", columns, records)


def offences_report(ds: DatasetView, offences: Sequence[OffenceInfo]) -> Report:
    """A list of offence codes with descriptions, groups and the years they appear."""
    from tui.model.years import fy_label

    columns = [
        Column("code", "Code"),
        Column("description", "Description"),
        Column("group", "Group"),
        Column("subgroup", "Subgroup"),
        Column("first_year", "From"),
        Column("last_year", "To"),
    ]
    records: list[Record] = [
        {
            "code": o.code,
            "description": o.description,
            "group": o.group or None,
            "subgroup": o.subgroup or None,
            "first_year": fy_label(o.first_year) if o.first_year is not None else None,
            "last_year": fy_label(o.last_year) if o.last_year is not None else None,
        }
        for o in offences
    ]
    every = (
        "--offence all is the stated total (the categories are never added on top of it)"
        if any(o.code == STATED_TOTAL_CODE for o in ds.offences)
        else "--offence all sums every offence"
    )
    notes = [
        "Choose one with --offence CODE, or a whole group with --offence 'group:NAME' "
        f"(or 'subgroup:NAME'); {every}."
    ]
    return Report(f"Offences in dataset {ds.name}", columns, records, notes=notes)
