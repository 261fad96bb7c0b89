"""Ordering comparison rows by count or by rate, and with changes beyond chance first.

Pure Python. The "beyond chance first" order (key ``sig``) lists the changes the exact test finds
distinguishable from chance, by % change, then those within chance, by % change, then the rows
without a change: so a small force's −50 % (4 → 2) never heads a ranking of falls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.model.results.ordering import sort_compare_rows

if TYPE_CHECKING:
    from tui.model.results.comparison_types import CompareRow

MEASURES = ("count", "rate")
SIG = "sig"
"""Sort key: changes beyond chance first (by % change), then the rest (by % change)."""

_RATE_KEYS: dict[str, Callable[[CompareRow], float | int | None]] = {
    "a": lambda r: r.rate_a,
    "b": lambda r: r.rate_b,
    "change": lambda r: r.rate_change,
    "pct": lambda r: r.rate_pct_change,
    "rank_change": lambda r: r.rate_rank_change,
}


def pct_of(row: CompareRow, measure: str) -> float | None:
    """The row's % change in the measure shown."""
    return row.rate_pct_change if measure == "rate" else row.pct_change


def significant_of(row: CompareRow, measure: str) -> bool | None:
    """Whether the row's change in the measure shown is beyond chance (``None``: not tested)."""
    return row.rate_significant if measure == "rate" else row.significant


def _by(
    rows: Sequence[CompareRow], value: Callable[[CompareRow], object], descending: bool
) -> list[CompareRow]:
    present = [r for r in rows if value(r) is not None]
    present.sort(key=value, reverse=descending)  # type: ignore[arg-type]
    return present


def sort_rows(
    rows: Sequence[CompareRow], key: str, descending: bool, measure: str = "count"
) -> list[CompareRow]:
    """Sort comparison rows by ``key`` (``sig`` or a key of :func:`sort_compare_rows`) in the
    measure shown (``count`` or ``rate``); rows without the value follow, largest first."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    if key == SIG:
        tested = [r for r in rows if pct_of(r, measure) is not None]
        beyond = [r for r in tested if significant_of(r, measure)]
        within = [r for r in tested if not significant_of(r, measure)]
        ordered = _by(beyond, lambda r: pct_of(r, measure), descending)
        ordered += _by(within, lambda r: pct_of(r, measure), descending)
        rest = [r for r in rows if pct_of(r, measure) is None]
        return ordered + sort_compare_rows(rest, "b", True)
    if measure == "rate" and key in _RATE_KEYS:
        value = _RATE_KEYS[key]
        present = _by(rows, value, descending)
        rest = [r for r in rows if value(r) is None]
        return present + sort_compare_rows(rest, "b", True)
    return sort_compare_rows(rows, key, descending)
