"""The Forces view's status and context lines and its sort label, built by pure functions (the
screen only places them)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.model.data.years import fy_label
from tui.model.results.types import ForceRow, ForceTable
from tui.widgets.cells import area_words, line
from tui.widgets.measure_legend import measure_lines

ALIAS_MARK = "="
"""Before the alias or code a search found a force by (``Northamptonshire =Northants``); ASCII,
and not "~", which after a % means a change within chance."""


def found_by_text(via: str, name: str) -> str:
    """A match found through an alias, as the status line names it:
    ``=Northants: Northamptonshire``."""
    return f"{ALIAS_MARK}{via}: {name}"


def forces_status(
    rows: Sequence[ForceRow],
    shown: int,
    query: str,
    *,
    sort_label: str,
    include_national: bool,
    marks: str = "",
    found_by: Sequence[str] = (),
    by_match: bool = False,
    measure_parts: Sequence[str] = (),
    suggestion: str = "",
) -> str:
    """E.g. ``"12 of 44 rows · BTP, fraud bodies hidden (n) · sorted by 2022/23 ↓ (s, r)"``:
    ``rows`` are the table's rows, ``shown`` how many the search ``query`` leaves, ``marks``
    the marked forces' status (empty when none is marked), ``found_by`` the matches found
    through an alias (``"=Northants: Northamptonshire"``), ``by_match`` whether the matches are
    listed best first, ``measure_parts`` what the measure shown needs said (rates, the chance
    and release marks: :func:`tui.widgets.measure_legend.measure_status`), ``suggestion`` the
    force a search that matched none most likely means (Enter opens it)."""
    total = len(rows)
    parts = [f"{shown} of {total} rows" if query else f"{total} rows"]
    if query and not shown:
        parts = [f"no force matches '{query}' (Esc clears)"]
        if suggestion:
            parts = [
                f"no force matches '{query}' — did you mean {suggestion}? (Enter opens it, "
                "Esc clears)"
            ]
    if found_by:
        more = f" and {len(found_by) - 2} more" if len(found_by) > 2 else ""
        parts[0] += f" ({', '.join(found_by[:2])}{more})"
    missing = sum(1 for r in rows if all(c is None for c in r.counts))
    if missing:
        parts.append(f"{missing} with no figure at all")
    if not include_national and area_words(r.force for r in rows)[0] == "Force":
        parts.append("BTP, fraud bodies hidden (n)")  # none are in a table of council areas
    if by_match:
        parts.append(f"best match first (s: by {sort_label})")
    else:
        parts.append(f"sorted by {sort_label} (s, r)")
    parts += measure_parts
    if marks:
        parts.insert(0, marks)
    return " · ".join(parts)


def forces_context(
    table: ForceTable, dataset: str, title: str, *, measure: str, ascii_only: bool
) -> Text:
    """The two lines above the table: offence · dataset: title, then the change's years, the
    trend's span and the partial years (e.g. "change 2021/22 → 2022/23 · trend 2012/13–2022/23 ·
    2023/24 Q1: partial year"), then the recording changes in the latest years and what a rate
    means when rates are shown."""
    change = (
        f"change {table.change_from.fy} → {table.change_to.fy}"
        if table.change_from and table.change_to
        else "no two full years to compare"
    )
    trend = table.trend_years
    span = f"trend {trend[0].fy}–{trend[-1].fy}" if trend else ""
    partial = [y.label for y in table.years if y.partial]
    partial_note = f" · {', '.join(partial)}: partial year" if partial else ""
    if any(any(r.quarters) for r in (*table.rows, *table.totals)):
        from tui.widgets.force_table import partial_mark  # it imports this module's ALIAS_MARK

        partial_note += f" · {partial_mark(ascii_only)} a force's partial year"
    # "dataset · title" (not "dataset: title"): cut at a " · " to fit, the line once ended
    # with the offence, and the dataset's name was not on screen at 80 columns.
    context = line(
        (table.offence.label, "bold"),
        "  ·  ",
        (dataset, "bold"),
        f" · {title}\n{change} · {span}{partial_note}",
    )
    context.append_text(recording_change_lines(table))
    context.append_text(measure_lines(measure, table))
    return context


def recording_change_lines(table: ForceTable) -> Text:
    """A line for each recording change that starts in the latest columns' years, so a fall
    there (code 28E in 2023/24 Q1: 0 for most forces) is not read as a fall in offences."""
    out = Text()
    for e in table.recording_changes:
        out.append("\n")
        out.append_text(
            line((f"Recording change {fy_label(e.year)}", "bold"), f": {e.title} (ox events)")
        )
    return out


SORT_NAMES = {"place": "region", "pct": "% change"}
"""Sort keys the status line names differently; the others are named by their key."""


def sort_label(key: str, arrow: str, table: ForceTable | None) -> str:
    """What the table is sorted by, as the status line names it: "2022/23 ▼", "% change ▲"."""
    if key.startswith("year:") and table is not None:
        year = int(key.split(":")[1])
        label = next((y.label for y in table.years if y.year == year), key)
    else:
        label = SORT_NAMES.get(key, key)
    return f"{label} {arrow}"
