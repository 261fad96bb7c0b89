"""The report of a release diff (``ox diff`` prints it, the TUI's diff view exports it): the
changed cells, largest first, with the counts of unchanged, added and removed cells as notes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.formatting import fmt_change, fmt_count
from tui.model.data.catalogue import DatasetInfo
from tui.model.data.names import name_list
from tui.model.findings.diff_types import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    RENAMED,
    SPLIT,
    DatasetDiff,
    DiffCell,
)
from tui.output.reports import Column, Record, Report, dataset_lines


def _count(value: object) -> str:
    return fmt_count(value if isinstance(value, int) else None)


def _change(value: object) -> str:
    return fmt_change(value if isinstance(value, int) else None)


def _start(label: str) -> int:
    return int(label[:4]) if label[:4].isdigit() else 0


def _years(cells: Sequence[DiffCell]) -> str:
    """``"2012/13 to 2016/17 and 2018/19 to 2023/24 Q1 (11 financial years)"`` (runs of years,
    so a gap is never hidden inside a range) or ``"2017/18: 3, 2018/19: 1"``."""
    per_year = Counter(c.year for c in cells)
    if len(per_year) <= 4:
        return ", ".join(f"{y}: {n:,}" for y, n in sorted(per_year.items()))
    labels: dict[int, list[str]] = {}
    for label in sorted(per_year):
        labels.setdefault(_start(label), []).append(label)
    runs: list[list[int]] = []
    for year in sorted(labels):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    spans = [
        labels[run[0]][0] if len(run) == 1 else f"{labels[run[0]][0]} to {labels[run[-1]][-1]}"
        for run in runs
    ]
    text = ", ".join(spans[:-1]) + " and " + spans[-1] if len(spans) > 1 else spans[0]
    return f"{text} ({len(labels)} financial years)"


def _examples(cells: Sequence[DiffCell], limit: int = 3) -> str:
    shown = "; ".join(f"{c.force} {c.year} {c.offence} ({c.note})" for c in cells[:limit])
    more = f"; and {len(cells) - limit:,} more" if len(cells) > limit else ""
    return shown + more


def row_notes(diff: DatasetDiff) -> list[str]:
    """What the statuses mean here: each distinct note once, with how many rows carry it."""
    lines = []
    notes = Counter((r.status, r.note) for r in diff.rows if r.note and r.status != CHANGED)
    notes.update((r.status, r.note) for r in diff.rows if r.note and r.status == CHANGED)
    for (status, note), n in notes.items():
        if status in (ADDED, REMOVED):
            continue  # said by the counts above
        lines.append(f"{status.capitalize()} ({n:,} row{'s' if n != 1 else ''}): {note}.")
    return lines


def summary_lines(diff: DatasetDiff) -> list[str]:
    """The counts and caveats a diff is read with."""
    a, b = diff.dataset_a, diff.dataset_b
    others = "".join(f"{diff.count(s):,} {s}, " for s in (RENAMED, SPLIT, MOVED) if diff.count(s))
    lines = [
        f"{diff.count(CHANGED):,} changed, {diff.unchanged:,} unchanged, {others}"
        f"{len(diff.added):,} added (only in {b}), {len(diff.removed):,} removed (only in {a}); "
        f"cells are force x financial year x offence ({diff.offence}), summed over quarters."
    ]
    lines += [f"{line}." for line in diff.folded]  # what moved, never a removal (code 90)
    if diff.forces:
        lines.append("Forces compared: " + name_list(diff.forces) + ".")
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
    lines += row_notes(diff)
    if diff.left_out:
        lines.append(
            "Left out (not police force areas; add them with --include-national): "
            + name_list(diff.left_out)
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
        Column("status", "What"),
        Column("note", "Note", show=False),
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
            "status": r.status,
            "note": r.note,
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
