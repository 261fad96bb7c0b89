"""Compare-table cells for rates per 100,000 and for changes within chance.

A change the exact test cannot tell from chance gets "~" after its % and is dimmed, so it reads
as "no evidence of a change" rather than as a rise or a fall.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rich.text import Text

from tui.formatting import (
    CAVEAT_MARK,
    CAVEAT_MARK_ASCII,
    MISSING,
    bar,
    fmt_change,
    fmt_count,
    fmt_pct,
    fmt_rank,
    fmt_rank_change,
    fmt_rate,
)
from tui.model.results.compare_order import pct_of, significant_of
from tui.widgets.cells import number, plain

if TYPE_CHECKING:  # the table imports this module
    from tui.model.results.comparison_types import CompareRow
    from tui.widgets.compare_table import BarStyles

CHANCE_MARK = "~"
"""After the % of a change within chance variation."""
RELEASE_MARK = "†"
RELEASE_MARK_ASCII = "r"


def release_mark(ascii_only: bool) -> str:
    """The marker after a % change between figures from different releases."""
    return RELEASE_MARK_ASCII if ascii_only else RELEASE_MARK


def marked_pct(pct: float | None, within: bool, crossed: str = "") -> str:
    """A % change with ``crossed`` (the release mark) and "~" when ``within`` chance; a space
    otherwise keeps the % signs in one column."""
    pad = " " if pct is not None else ""
    return fmt_pct(pct) + crossed + (CHANCE_MARK if within else pad)


def chance_pct_cell(pct: float | None, significant: bool | None, crossed: str = "") -> Text:
    """A % change cell marked as Compare marks it: "~" and dimmed within chance (the Forces
    table's, which has no rise and fall colours)."""
    within = significant is False
    return number(marked_pct(pct, within, crossed), style="dim" if within else "")


def _rate_change(value: float | None) -> str:
    return MISSING if value is None else f"{value:+,.1f}"


def honest_cells(
    r: CompareRow,
    measure: str,
    scale: float,
    styles: BarStyles,
    ascii_only: bool,
    style: str,
    bar_width: int,
    *,
    partial: str = "",
    crossed: str = "",
) -> list[Text]:
    """The cells of a row in the measure shown, with the chance mark; ``partial`` follows a
    partial force-year's count, ``crossed`` a % change across releases."""
    rate = measure == "rate"
    pct = pct_of(r, measure)
    within = significant_of(r, measure) is False
    pct_style = style
    if pct is not None and pct != 0:
        pct_style = f"{style} {styles.rise if pct > 0 else styles.fall}".strip()
    if within:
        pct_style = f"{style} dim".strip()
    marker = ""
    if pct and not style and not within:
        marker = ("+" if ascii_only else "▲") if pct > 0 else ("-" if ascii_only else "▼")
    bar_text = bar(pct, scale, bar_width, ascii_only) if scale else ""
    name = r.force.display_name + ("" if r.force.ranked or style else " *")
    if rate and r.rate_caveat:
        name += f" {CAVEAT_MARK_ASCII if ascii_only else CAVEAT_MARK}"
    pct_text = marked_pct(pct, within, crossed if not rate else "")
    count_a = fmt_count(r.count_a) + (partial if r.short_a else "")
    count_b = fmt_count(r.count_b) + (partial if r.short_b else "")
    return [
        plain(name, style=style),
        number(fmt_rate(r.rate_a) if rate else count_a, style=style),
        number(fmt_rate(r.rate_b) if rate else count_b, style=style),
        number(_rate_change(r.rate_change) if rate else fmt_change(r.change), style=style),
        number(pct_text, style=pct_style),
        number(fmt_rank(r.rate_rank_b if rate else r.rank_b), style=style),
        number(fmt_rank_change(r.rate_rank_change if rate else r.rank_change), style=style),
        Text(f"{marker}{bar_text}", style=pct_style),
    ]


def interval_cells(r: CompareRow, style: str) -> list[Text]:
    """The 95 % interval of the % change in counts, as ``ox compare``'s ``pct_ci_low`` and
    ``pct_ci_high``: "—" where no change is tested, "no limit" above a count of 0."""
    low, high = r.pct_ci_low, r.pct_ci_high
    top = MISSING if high is None else ("no limit" if math.isinf(high) else fmt_pct(high))
    return [number(fmt_pct(low), style=style), number(top, style=style)]
