"""Several forces in one report: ``ox show FORCE FORCE …`` and the multi-force chart's export.

CSV and JSON keep one record per force and year (``force``, ``year``, ``count`` … as ``ox show``
writes for one force), so a script reads several forces as it reads one; a table or Markdown puts
the forces side by side, years as rows, one column per force.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.output.reports import Column, Record, Report, _count

SIDE_BY_SIDE_FORMATS = ("table", "markdown")
"""Formats read by people: forces side by side. CSV and JSON stay one record per force and year."""


def combined_report(title: str, reports: Sequence[Report]) -> Report:
    """One report holding every record of ``reports`` (one per force), in order.

    The columns are the union of theirs (the first report's order first); the notes are kept once
    each; the subtitle is the first report's (the same dataset for all).
    """
    columns: list[Column] = []
    seen: set[str] = set()
    for report in reports:
        for col in report.columns:
            if col.key not in seen:
                seen.add(col.key)
                columns.append(col)
    records: list[Record] = [rec for report in reports for rec in report.records]
    notes: list[str] = []
    warnings: list[str] = []
    for report in reports:
        notes += [n for n in report.notes if n not in notes]
        warnings += [w for w in report.warnings if w not in warnings]
    subtitle = list(reports[0].subtitle) if reports else []
    return Report(title, columns, records, subtitle, notes, warnings)


def side_by_side(report: Report, forces: Sequence[str], value: str = "count") -> Report:
    """A combined report turned wide: one row per year (and quarter), one column per force.

    Args:
        report: one record per force and year (see :func:`combined_report`).
        forces: the force names, in column order.
        value: the record key shown in each force's column (its column's format is kept).
    """
    fmt = next((c.fmt for c in report.columns if c.key == value), _count)
    has_quarter = any("quarter" in rec for rec in report.records)
    keys: list[tuple[object, object]] = []
    cells: dict[tuple[object, object], Record] = {}
    for rec in report.records:
        key = (rec.get("year"), rec.get("quarter") if has_quarter else None)
        if key not in cells:
            keys.append(key)
            cells[key] = {"year": key[0]} | ({"quarter": key[1]} if has_quarter else {})
        cells[key][f"force:{rec.get('force')}"] = rec.get(value)
        if rec.get("quarters"):  # a partial year: which quarters it covers
            cells[key]["quarters"] = rec["quarters"]
    keys.sort(key=lambda k: (str(k[0]), str(k[1] or "")))
    columns = [Column("year", "Year")]
    if has_quarter:
        columns.append(Column("quarter", "Quarter"))
    if any("quarters" in c for c in cells.values()):
        columns.append(Column("quarters", "Quarters"))
    columns += [Column(f"force:{name}", name, fmt, numeric=True) for name in forces]
    wide = Report(report.title, columns, [cells[k] for k in keys], report.subtitle, report.notes)
    wide.warnings = report.warnings
    return wide
