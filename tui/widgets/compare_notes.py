"""The Compare view's notes: what the rates use, the recording events between the two years, small
counts, and the chance method in the status line."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.model.compare_order import significant_of
from tui.model.types import CompareRow, Comparison
from tui.model.years import fy_label
from tui.widgets.measure_legend import measure_lines

SMALL_COUNT = 20
"""Below this, a count's year-to-year swing by chance alone is large (±45 % and more)."""
CHANCE_METHOD = "exact Poisson test, 95%"


def compare_notes(cmp: Comparison, rows: Sequence[CompareRow], measure: str) -> Text:
    """Lines under the Compare header: rates, events, small counts (each starts with a newline)."""
    out = measure_lines(measure, caveat=any(r.rate_caveat for r in rows))
    if cmp.events:
        first = cmp.events[0]
        where = first.force if first.scope == "force" else "all forces"
        more = f" (+{len(cmp.events) - 1} more)" if len(cmp.events) > 1 else ""
        out.append("\n⚠ ", style="bold")
        out.append(
            f"event {fy_label(first.year)}, {where}: {first.title}{more} · ox events",
        )
    small = [
        r
        for r in rows
        if r.force.ranked
        and r.count_a is not None
        and r.count_b is not None
        and min(r.count_a, r.count_b) < SMALL_COUNT
    ]
    if small:
        out.append(
            f"\n{len(small)} force(s) with small counts (under {SMALL_COUNT}): chance alone "
            "moves them a lot",
            style="dim",
        )
    return out


def chance_status(cmp: Comparison, measure: str) -> str:
    """E.g. ``"~ 12 within chance (exact Poisson test, 95%)"``."""
    within = sum(1 for r in cmp.rows if significant_of(r, measure) is False)
    return f"~ {within} within chance ({CHANCE_METHOD})"
