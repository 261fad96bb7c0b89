"""The lines a table's context adds when it shows rates: what a rate is, and the City of London
caveat when its rate is listed."""

from __future__ import annotations

from rich.text import Text

from tui.model.rates import CAVEAT_LEGEND, POPULATION_NOTE
from tui.model.types import ForceTable


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
