"""The report of a release diff (``ox diff`` prints it, the TUI's diff view exports it): the
changed cells, largest first, with the counts of unchanged, added and removed cells as notes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.formatting import fmt_change, fmt_count
from tui.model.catalogue import DatasetInfo
from tui.model.diff_types import DatasetDiff, DiffCell
from tui.output.reports import Column, Record, Report, dataset_lines


def _count(value: object) -> str:
    return fmt_count(value if isinstance(value, int) else None)


def _change(value: object) -> str:
    return fmt_change(value if isinstance(value, int) else None)


def _years(cells: Sequence[DiffCell]) -> str:
    """``"2012/13 to 2023/24 Q1 (12 years)"`` or ``"2017/18: 3, 2018/19: 1"``."""
    per_year = Counter(c.year for c in cells)
    if len(per_year) <= 4:
        return ", ".join(f"{y}: {n:,}" for y, n in sorted(per_year.items()))
    years = sorted(per_year)
    financial = {y.split(" ")[0] for y in years}
    return f"{years[0]} to {years[-1]}, {len(financial)} financial years"


def _examples(cells: Sequence[DiffCell], limit: int = 3) -> str:
    shown = "; ".join(f"{c.force} {c.year} {c.offence} ({c.note})" for c in cells[:limit])
    more = f"; and {len(cells) - limit:,} more" if len(cells) > limit else ""
    return shown + more


def summary_lines(diff: DatasetDiff) -> list[str]:
    """The counts and caveats a diff is read with."""
    a, b = diff.dataset_a, diff.dataset_b
    lines = [
        f"{len(diff.rows):,} changed, {diff.unchanged:,} unchanged, {len(diff.added):,} added "
        f"(only in {b}), {len(diff.removed):,} removed (only in {a}); cells are force x financial "
        f"year x offence ({diff.offence}), summed over quarters."
    ]
    if diff.added:
        lines.append(f"Added in {b}: {_years(diff.added)}.")
    if diff.removed:
        lines.append(f"Removed (only in {a}): {_years(diff.removed)}.")
    if diff.quarters_differ:
        lines.append(
            f"{len(diff.quarters_differ):,} cell(s) cover different quarters in the two datasets "
            f"and were compared on the quarters both have (the year says which): "
            f"{_examples(diff.quarters_differ)}."
        )
    if diff.not_compared:
        lines.append(
            f"{len(diff.not_compared):,} cell(s) not compared (their periods do not overlap): "
            f"{_examples(diff.not_compared)}."
        )
    if diff.left_out:
        lines.append(
            "Left out (not police force areas; add them with --include-national): "
            + ", ".join(diff.left_out)
            + "."
        )
    return lines


def diff_report(
    info_a: DatasetInfo, info_b: DatasetInfo, diff: DatasetDiff, top: int | None = None
) -> Report:
    """The changed cells as a report (every format), with the counts as notes."""
    a, b = diff.dataset_a, diff.dataset_b
    columns = [
        Column("force", "Force"),
        Column("year", "Year"),
        Column("offence", "Offence"),
        Column("value_a", a, _count, numeric=True),
        Column("value_b", b, _count, numeric=True),
        Column("change", "Change", _change, numeric=True),
    ]
    rows = diff.rows[:top] if top is not None else diff.rows
    records: list[Record] = [
        {
            "force": r.force,
            "year": r.year,
            "offence": r.offence,
            "value_a": r.value_a,
            "value_b": r.value_b,
            "change": r.change,
        }
        for r in rows
    ]
    notes = summary_lines(diff)
    if top is not None and len(diff.rows) > top:
        notes.insert(0, f"Showing the {top:,} largest of {len(diff.rows):,} changes.")
    subtitle = [f"Measure: {diff.measure}"]
    subtitle += [f"A = {line}" for line in dataset_lines(info_a)[:2]]
    subtitle += [f"B = {line}" for line in dataset_lines(info_b)[:2]]
    title = (
        f"What changed from {a} to {b}: {diff.offence}"
        if diff.rows
        else f"No differences from {a} to {b}: {diff.offence}"
    )
    return Report(title, columns, records, subtitle=subtitle, notes=notes)
