"""The lines a table's context adds when it shows rates: what a rate is, and the City of London
caveat when its rate is listed; and the status line's legend of the marks after a % change."""

from __future__ import annotations

from rich.text import Text

from tui.formatting import CAVEAT_LEGEND, POPULATION_NOTE
from tui.model.results.types import ForceTable
from tui.model.stats.changes import any_negative
from tui.widgets.compare_cells import CHANCE_MARK, release_mark

CHANCE_METHOD = "exact Poisson test, 95%"

NEGATIVE_STATUS = "% '—' where a count is negative (not defined)"
"""The status line's short form of :data:`tui.model.stats.changes.NEGATIVE_NOTE`."""


def within_chance_text(within: int, detail: str = "") -> str:
    """E.g. ``"~ 12 within chance (exact Poisson test, 95%)"``, the status lines' legend of "~"."""
    return f"{CHANCE_MARK} {within} within chance ({CHANCE_METHOD}{detail})"


def measure_status(table: ForceTable, measure: str, ascii_only: bool) -> list[str]:
    """The Forces status line's words on the measure and the marks of its % column, as Compare's:
    changes within chance ("~") and, in counts, changes across releases ("†", "r" in ASCII), a
    "—" for a negative count; first, why the offence shown is not the dataset's default."""
    rate = measure == "rate"
    tested = [r.rate_significant if rate else r.significant for r in table.rows]
    parts = ["rates (m: counts)"] if rate else []
    if any(t is not None for t in tested):
        parts.append(within_chance_text(sum(1 for t in tested if t is False)))
    crossing = sum(1 for r in table.rows if r.crosses_releases and r.pct_change is not None)
    if crossing and not rate:
        parts.append(f"{release_mark(ascii_only)} {crossing} change(s) across releases")
    if any_negative(c for r in (*table.totals, *table.rows) for c in r.counts):
        parts.append(NEGATIVE_STATUS)
    if table.offence.note:  # the dataset's default offence is not in it
        parts.insert(0, table.offence.note)
    return parts


def measure_lines(measure: str, table: ForceTable | None = None, caveat: bool = False) -> Text:
    """ "\\nper 100,000 people (…)" and the caveat legend for rates; nothing for counts.

    Args:
        measure: ``count`` or ``rate``.
        table: the Forces table, to see whether a listed row carries a caveat.
        caveat: a listed row carries a caveat (for views without a ``ForceTable``).
    """
    if measure != "rate":
        return Text()
    out = Text("\n")
    out.append("Rates ", style="bold")
    # Two lines, so the whole phrase is readable at 80 columns.
    out.append(POPULATION_NOTE.replace(" (", "\n(", 1))
    if caveat or (table is not None and any(r.rate_caveat for r in table.rows)):
        out.append("\n" + CAVEAT_LEGEND, style="dim")
    return out
