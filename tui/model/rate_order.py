"""Sorting the Forces table's rows by rate per 100,000 people (the ``m`` toggle's order).

Pure Python; counts are sorted by :func:`tui.model.ordering.sort_force_rows`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.model.ordering import sort_force_rows
from tui.model.types import ForceRow, ForceTable


def sort_force_rows_by(
    table: ForceTable, rows: Sequence[ForceRow], key: str, descending: bool, measure: str
) -> list[ForceRow]:
    """Sort by ``key`` in the measure shown: with ``rate``, a year, the change, the % change and
    the rank use the rates (missing rates last); other keys sort as for counts."""
    value: Callable[[ForceRow], object] | None = None
    if measure == "rate":
        if key.startswith("year:"):
            year = int(key.split(":", 1)[1])
            at = next((i for i, c in enumerate(table.years) if c.year == year), None)
            if at is not None:
                value = lambda r: r.rates[at] if at < len(r.rates) else None  # noqa: E731
        elif key == "change":
            value = lambda r: r.rate_change  # noqa: E731
        elif key == "pct":
            value = lambda r: r.rate_pct_change  # noqa: E731
        elif key == "rank":
            value = lambda r: r.rate_rank  # noqa: E731
    if value is None:
        return sort_force_rows(table, rows, key, descending)
    get = value
    present = [r for r in rows if get(r) is not None]
    present.sort(key=get, reverse=descending)  # type: ignore[arg-type]
    return present + [r for r in rows if get(r) is None]
