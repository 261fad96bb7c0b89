"""The Forces view's status and context lines and its sort label, built by pure functions (the
screen only places them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from tui.formatting import partial_mark
from tui.model.data.catalogue import DatasetInfo, release_tag
from tui.model.data.reference import area_words
from tui.model.data.years import fy_label
from tui.model.results.types import ForceRow, ForceTable
from tui.widgets.cells import line
from tui.widgets.detail_title import release_forms
from tui.widgets.measure_legend import measure_lines
from tui.widgets.status_line import TitleParts

if TYPE_CHECKING:
    from tui.model.data.reference import Force
    from tui.model.results.interface import DatasetView

ALIAS_MARK = "="
"""Before the alias or code a search found a force by (``Northamptonshire =Northants``); ASCII,
and not "~", which after a % means a change within chance."""


def found_by_text(via: str, force: Force) -> str:
    """A match found through an alias or code, as the status line names it, the row first:
    ``Northamptonshire =Northants, an alias``, as its tag in the table reads. It read
    ``=Lancashire Constabulary: Lancashire`` after ``nha`` with the cursor on Northamptonshire,
    and was taken for a word about the row under the cursor (issue 20)."""
    what = "its ONS code" if via == force.ons_code else "an alias"
    return f"{force.display_name} {ALIAS_MARK}{via}, {what}"


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
    through an alias (``"Northamptonshire =Northants, an alias"``), ``by_match`` whether the
    matches are listed best first, ``measure_parts`` what the measure shown needs said (rates,
    the chance and release marks: :func:`tui.widgets.measure_legend.measure_status`),
    ``suggestion`` the force a search that matched none most likely means (Enter opens it)."""
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
        parts[0] += f" ({'; '.join(found_by[:2])}{more})"
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


TREND_MOST = 20
"""The most years a trend draws (the latest): Recorded Crime in Scotland's 27 (1996/97–2022/23)
pushed the % change off screen at 80×24."""


def trend_span(table: ForceTable) -> slice:
    """The part of each row's trend (and of ``table.trend_years``) the Forces table draws: from
    the first year any row has a figure in (Scotland's indecent photos category is recorded from
    2009/10: its 1996/97–2008/09 were thirteen blanks), and at most the latest
    :data:`TREND_MOST` years."""
    years = len(table.trend_years)
    rows = (*table.totals, *table.rows)
    first = next(
        (i for i in range(years) if any(i < len(r.trend) and r.trend[i] is not None for r in rows)),
        0,
    )
    return slice(max(first, years - TREND_MOST), years)


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
        else "no change: no force has figures in two consecutive full years"
    )
    trend = table.trend_years[trend_span(table)]
    span = f"trend {trend[0].fy}–{trend[-1].fy}" if trend else ""
    partial = [y.label for y in table.years if y.partial]
    partial_note = f" · {', '.join(partial)}: partial year" if partial else ""
    if any(any(r.quarters) for r in (*table.rows, *table.totals)):
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


def forces_heading(
    table: ForceTable, dataset: DatasetView, *, measure: str, ascii_only: bool
) -> tuple[TitleParts, Text]:
    """:func:`forces_context` as a title line (:func:`forces_title`) and the lines after it."""
    info = dataset.info
    context = forces_context(
        table, dataset.name, release_tag(info) or info.title, measure=measure, ascii_only=ascii_only
    )
    title = forces_title(table, dataset.name, info)  # the same first line, cut as a title
    return title, context[len(title.text) :]


def forces_title(table: ForceTable, dataset: str, info: DatasetInfo) -> TitleParts:
    """The first line of :func:`forces_context` as a title: where it does not fit, the release
    is said in fewer words ("23 Apr 2026 release"), then left out, as in the detail's title (cut
    at its last " · ", it read "code 86: Obscene publications etc  ·  homeoffice…" at 80×24,
    the release off screen though its date fitted)."""
    forms = release_forms(info) or [info.title]
    ends = [f" · {form}" for form in forms] + [""]
    return TitleParts(
        Text(),
        line((table.offence.label, "bold")),
        [line("  ·  ", (dataset, "bold"), end) for end in ends],
    )


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
