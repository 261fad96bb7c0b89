"""The Compare view's notes: what the rates use, the recording events between the two years, small
counts, the chance method in the status line, and the 95 % interval of the row under the cursor."""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text

from tui.formatting import fmt_count, fmt_pct, forces_count, partial_mark
from tui.model.data.names import name_list
from tui.model.data.years import fy_label, partial_reason, quarters_label
from tui.model.results.compare_order import pct_of, significant_of
from tui.model.results.comparison_types import CompareRow, Comparison
from tui.model.stats.changes import NEGATIVE_NOTE, any_negative
from tui.widgets.compare_cells import release_mark
from tui.widgets.measure_legend import measure_lines, within_chance_text

SMALL_COUNT = 20
"""Below this, a count's year-to-year swing by chance alone is large (±45 % and more)."""


def compare_notes(cmp: Comparison, rows: Sequence[CompareRow], measure: str) -> Text:
    """Lines under the Compare header: rates and events (each starts with a newline)."""
    out = measure_lines(measure, caveat=any(r.rate_caveat for r in rows))
    if any_negative(c for r in rows for c in (r.count_a, r.count_b)):
        out.append(f"\n{NEGATIVE_NOTE}", style="dim")  # why a % is "—"
    for event in cmp.events:  # every one, a line each (ox events: sources and details)
        where = event.force if event.scope == "force" else "all forces"
        out.append("\n⚠ ", style="bold")
        out.append(f"event {fy_label(event.year)}, {where}: {event.title} · ox events")
    return out


def extremes_text(rows: Sequence[CompareRow], measure: str) -> list[str]:
    """The biggest rise and fall in the measure shown, among changes beyond chance (a 4 → 2 is
    not a "biggest fall")."""
    beyond = [
        (r, p)
        for r in rows
        if r.force.ranked
        and not (measure == "rate" and r.rate_caveat)  # not comparable with the others
        and significant_of(r, measure)
        and (p := pct_of(r, measure)) is not None
    ]
    parts = []
    rise = max(beyond, key=lambda rp: rp[1], default=None)
    fall = min(beyond, key=lambda rp: rp[1], default=None)
    if rise is not None and rise[1] > 0:
        parts.append(f"biggest rise {rise[0].force.name} {fmt_pct(rise[1])}")
    if fall is not None and fall[1] < 0:
        parts.append(f"biggest fall {fall[0].force.name} {fmt_pct(fall[1])}")
    return parts


def chance_status(cmp: Comparison, measure: str) -> str:
    """E.g. ``"~ 12 within chance (exact Poisson test, 95%; 3 with counts under 20)"``: small
    counts swing widely by chance alone. Every row shown is counted, national bodies included."""
    if cmp.unlike_quarters:  # no change is computed, so none is tested ("~ 0" read as a test)
        return f"no change tested: {partial_reason(cmp.year_a, cmp.year_b)} (l: like-for-like)"
    within = sum(1 for r in cmp.rows if significant_of(r, measure) is False)
    small = sum(
        1
        for r in cmp.rows
        if r.count_a is not None
        and r.count_b is not None
        and min(r.count_a, r.count_b) < SMALL_COUNT
    )
    counts = f"; {small} with counts under {SMALL_COUNT}" if small else ""
    return within_chance_text(within, counts)


def compare_status(cmp: Comparison, measure: str, sorted_by: str) -> str:
    """The Compare status line: ``sorted_by`` (e.g. ``"sorted by year B ↓ (default)"``) and what
    the ranks are among come first, so they show at 80 columns; then the chance method, the
    biggest rise and fall beyond chance, and the forces left out."""
    parts = [sorted_by, chance_status(cmp, measure)]
    ranked = cmp.rate_ranked_count if measure == "rate" else cmp.ranked_count
    if ranked:
        # Like-for-like: ranked by the same quarters of each year, and said so.
        like = f" ({quarters_label(cmp.quarters)} of each)" if cmp.quarters is not None else ""
        parts.append(f"rank among the {forces_count(ranked)} with both years{like}")
    parts += extremes_text(cmp.rows, measure)
    if cmp.left_out:
        parts.append(f"{len(cmp.left_out)} force(s) without both figures: not ranked")
    return " · ".join(parts)


def interval_text(row: CompareRow | None, measure: str) -> str:
    """The row under the cursor's change with its 95 % interval, as ``ox compare`` has it
    (``pct_ci_low``, ``pct_ci_high``), the interval first so it shows at 80 columns: e.g.
    ``"Kent +138.5% (95% interval +108.6% to +174.6%, beyond chance)"`` (its counts are in the
    row). The interval is of the counts' change (the rates' test is the same counts over their
    populations): by rates, each figure says which measure it is, ``"Cleveland: counts -4.4%
    (95% interval …); rate -6.0%"`` (the line gave the counts' -4.4% under a row of rates that
    read -6.0%, as if one figure)."""
    if row is None:
        return ""
    name = row.force.display_name
    low, high = row.pct_ci_low, row.pct_ci_high
    if low is None or high is None:
        why = "no change tested: a count missing, both 0 or a partial year"
        return f"{name}: no 95% interval ({why})"
    pct = fmt_pct(row.pct_change) if row.pct_change is not None else "from 0"
    top = "no upper limit" if math.isinf(high) else fmt_pct(high)
    verdict = "within chance" if row.significant is False else "beyond chance"
    interval = f"(95% interval {fmt_pct(low)} to {top}, {verdict})"
    if measure == "rate":
        return f"{name}: counts {pct} {interval}; rate {fmt_pct(row.rate_pct_change)}"
    return f"{name} {pct} {interval}"


def interval_for(cmp: Comparison, key: str, measure: str) -> str:
    """:func:`interval_text` of the row keyed ``key`` (``total:NAME`` for a totals row)."""
    name = key.removeprefix("total:")
    row = next((r for r in (*cmp.totals, *cmp.rows) if r.force.name == name), None)
    if row is not None and cmp.unlike_quarters:  # the reason, not a list of possible ones
        why = f"no change tested: {partial_reason(cmp.year_a, cmp.year_b)}; l: like-for-like"
        return f"{row.force.display_name}: no 95% interval ({why})"
    return interval_text(row, measure)


def compare_notes_line(cmp: Comparison, ascii_only: bool) -> str:
    """One line of what keeps a reader from a wrong conclusion (the export has them in full):
    partial force-years, figures from different releases, codes that change between the years,
    what the ``*`` after a national body's name means."""
    parts = []
    short = cmp.short_rows
    if short:
        named = name_list(
            f"{r.force.display_name} "
            + (cmp.year_a.fy + " " + quarters_label(r.quarters_a) if r.short_a else "")
            + (cmp.year_b.fy + " " + quarters_label(r.quarters_b) if r.short_b else "")
            for r in short[:2]
        )
        more = f" +{len(short) - 2} more" if len(short) > 2 else ""
        parts.append(f"{partial_mark(ascii_only)} partial force-year, not compared: {named}{more}")
    every = (*cmp.totals, *cmp.rows)
    releases_a = sorted({r.release_a for r in every if r.release_a and r.count_a is not None})
    releases_b = sorted({r.release_b for r in every if r.release_b and r.count_b is not None})
    if len(set(releases_a) | set(releases_b)) > 1:
        parts.append(
            f"releases {cmp.year_a.fy}: {', '.join(releases_a) or '—'}; "
            f"{cmp.year_b.fy}: {', '.join(releases_b) or '—'}"
        )
    crossing = [r for r in every if r.crosses_releases and r.change is not None]
    if crossing:
        text = f"{release_mark(ascii_only)} {len(crossing)} change(s) across releases"
        restated = next(
            (
                r
                for r in crossing
                if r.same_release is not None
                and (r.same_release.count_a, r.same_release.count_b) != (r.count_a, r.count_b)
            ),
            None,
        )
        if restated is not None and restated.same_release is not None:
            same = restated.same_release
            text += (
                f"; like-for-like {restated.force.display_name} ({same.release} both years): "
                f"{fmt_count(same.count_a)} → {fmt_count(same.count_b)} {fmt_pct(same.pct_change)}"
            )
        parts.append(text)
    if cmp.membership:
        parts.append("codes differ: " + "; ".join(c.text for c in cmp.membership))
    if any(not r.force.ranked for r in cmp.rows):
        parts.append("* national body (BTP, fraud): not ranked")
    return " · ".join(parts)
