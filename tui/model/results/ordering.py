"""Filtering and sorting a view's rows: pure Python over a few dozen rows, run per keystroke.

By count or, for the Forces table's ``m`` toggle, by rate per 100,000 people
(:func:`sort_force_rows_by`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from tui.model.data.reference import Force
from tui.model.data.search import match_text, near_misses, rank
from tui.model.results.types import ForceRow, ForceTable

if TYPE_CHECKING:
    from tui.model.results.comparison_types import CompareRow

R = TypeVar("R")


@dataclass(frozen=True)
class FilteredRow:
    """A row that matched the search, with what to highlight."""

    row: ForceRow
    positions: tuple[int, ...]
    """Matched positions in the force's name (empty when it matched through an alias or code)."""
    via: str
    """The alias or ONS code it matched through, or "" when it matched by name."""


def match_force(query: str, force: Force) -> tuple[float, tuple[int, ...], str] | None:
    """Best match of ``query`` over a force's name, aliases and ONS code."""
    best: tuple[float, tuple[int, ...], str] | None = None
    for field, text in enumerate(force.search_texts):
        if not text:
            continue
        m = match_text(query, text)
        if m is None:
            continue
        score = m.score - (0.5 if field else 0.0)
        if best is None or score > best[0]:
            best = (score, m.positions if field == 0 else (), "" if field == 0 else text)
    return best


def filter_rows(
    rows: Sequence[ForceRow], query: str, *, best_first: bool = False
) -> list[FilteredRow]:
    """Rows whose force matches ``query`` (fuzzy); all rows if it is empty.

    Args:
        rows: the rows, in their current order.
        query: what the user typed.
        best_first: order the matches as the matcher ranks them, best first (rows that match
            equally well keep their order), so the first row is the force the search means;
            otherwise they keep their order.
    """
    if not query.strip():
        return [FilteredRow(r, (), "") for r in rows]
    # The app's one matcher decides what matches (scattered letters drop out when some force
    # has the letters together) and, when asked, in which order.
    hits = rank(query, ((r, r.force.search_texts) for r in rows))
    if not best_first:
        order = {id(r): i for i, r in enumerate(rows)}
        hits.sort(key=lambda h: order[id(h.item)])
    return [
        FilteredRow(h.item, h.positions if h.field == 0 else (), "" if h.field == 0 else h.matched)
        for h in hits
    ]


def nearest_force(rows: Sequence[ForceRow], query: str) -> Force | None:
    """The force ``query`` most likely misspells ("kentt" → Kent), for a search that matched
    none: the same suggestion ``ox show`` makes (:func:`~tui.model.data.search.near_misses`)."""
    if not query.strip():
        return None
    found = near_misses(query, ((r.force, r.force.search_texts) for r in rows), limit=1)
    return found[0] if found else None


def _sorted(rows: Sequence[R], key: Callable[[R], object], descending: bool) -> list[R]:
    """Sort with missing values (``None``) always last, whatever the direction."""
    present = [r for r in rows if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    present.sort(key=key, reverse=descending)  # type: ignore[arg-type]
    return present + missing


FORCE_SORT_KEYS = ("force", "place", "change", "pct", "rank")
"""Sort keys of the force table besides ``year:<start year>``."""

ASCENDING_FIRST = ("force", "place", "rank")
"""Keys whose first sort is ascending (names A to Z, rank 1 first); counts and changes sort
largest first."""


def is_force_sort_key(key: str) -> bool:
    """Whether the force table can be sorted by ``key``."""
    return key in FORCE_SORT_KEYS or key.startswith("year:")


def descending_first(key: str) -> bool:
    """Which way a sort by ``key`` starts."""
    return key not in ASCENDING_FIRST


def sort_force_rows(
    table: ForceTable, rows: Sequence[ForceRow], key: str, descending: bool
) -> list[ForceRow]:
    """Sort force rows by ``force``, ``place``, ``change``, ``pct``, ``rank`` or ``year:2017``."""
    if key == "force":
        return _sorted(rows, lambda r: r.force.name.lower(), descending)
    if key == "place":
        return _sorted(rows, lambda r: (r.force.place.lower(), r.force.name.lower()), descending)
    if key == "change":
        return _sorted(rows, lambda r: r.change, descending)
    if key == "pct":
        return _sorted(rows, lambda r: r.pct_change, descending)
    if key == "rank":
        return _sorted(rows, lambda r: r.rank, descending)
    if key.startswith("year:"):
        year = int(key.split(":", 1)[1])
        return _sorted(rows, lambda r: r.count_for(table.years, year), descending)
    raise ValueError(f"unknown sort key {key!r}")


COMPARE_SORT_KEYS = ("b", "pct", "change", "a", "rank_change", "force")
"""Sort keys of the comparison, in the order ``s`` steps through them; the first is the default
(year B's count, largest first: a % change on small counts puts the smallest forces on top)."""


def sort_compare_rows(rows: Sequence[CompareRow], key: str, descending: bool) -> list[CompareRow]:
    """Sort comparison rows by ``force``, ``a``, ``b``, ``change``, ``pct`` or ``rank_change``."""
    keys: dict[str, Callable[[CompareRow], object]] = {
        "force": lambda r: r.force.name.lower(),
        "a": lambda r: r.count_a,
        "b": lambda r: r.count_b,
        "change": lambda r: r.change,
        "pct": lambda r: r.pct_change,
        "rank_change": lambda r: r.rank_change,
    }
    if key not in keys:
        raise ValueError(f"unknown sort key {key!r}")
    present = [r for r in rows if keys[key](r) is not None]
    # Rows without the value (no change between a partial and a full year, or a force with one
    # year's figure) follow, largest count first rather than in name order.
    rest = _sorted(
        [r for r in rows if keys[key](r) is None],
        lambda r: r.count_b if r.count_b is not None else r.count_a,
        descending=True,
    )
    return _sorted(present, keys[key], descending) + rest


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
