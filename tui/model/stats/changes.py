"""Changes, percentages, ranks and indexes, computed from counts (pure Python, no Polars).

Also the marks of a year-on-year change in a force's series (:func:`change_marks`), as Compare and
the Forces table mark theirs: whether it is within chance variation and whether its two figures
come from different releases. Computed once here, carried on each
:class:`~tui.model.results.detail_types.SeriesPoint`, and shown by ``ox show`` and the detail view
alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.model.stats.chance import change_interval

if TYPE_CHECKING:
    from tui.model.results.detail_types import SeriesPoint

NEGATIVE_NOTE = (
    "— for a % change where a count is negative (an adjustment, or a figure given as negative): "
    "a % change, and the test of chance, are not defined for a negative count."
)
"""Said wherever a count shown is negative and its % change is therefore "—"."""


def pct_change(before: int | None, after: int | None) -> float | None:
    """Percentage change from ``before`` to ``after``; ``None`` if either is missing or negative
    (a % change of an adjustment means nothing: -100 → 200 is not "+300%"), or 0 before."""
    if before is None or after is None or before <= 0 or after < 0:
        return None
    return (after - before) / before * 100.0


def any_negative(counts: Iterable[int | None]) -> bool:
    """True when a count is negative (so :data:`NEGATIVE_NOTE` applies)."""
    return any(c is not None and c < 0 for c in counts)


def change(before: int | None, after: int | None) -> int | None:
    """``after - before``, or ``None`` when either is missing."""
    if before is None or after is None:
        return None
    return after - before


def ranks(counts: dict[str, int | None]) -> dict[str, int]:
    """Rank by count, highest first; ties share the better rank; missing counts are not ranked."""
    present = sorted((c for c in counts.values() if c is not None), reverse=True)
    first: dict[int, int] = {}
    for i, c in enumerate(present, start=1):
        first.setdefault(c, i)
    return {name: first[c] for name, c in counts.items() if c is not None}


def index_series(values: Iterable[int | None], base: int = 0) -> list[float | None]:
    """Index a series so that ``values[base]`` is 100; ``None`` where it cannot be computed."""
    vals = list(values)
    if not vals or base >= len(vals) or not vals[base]:
        return [None] * len(vals)
    ref = vals[base]
    assert ref is not None
    return [None if v is None else v / ref * 100.0 for v in vals]


def change_marks(before: SeriesPoint | None, p: SeriesPoint) -> tuple[bool | None, bool | None]:
    """``(significant, crosses_releases)`` of ``p``'s change from ``before`` (the year before).

    ``significant`` is the exact test of :mod:`tui.model.stats.chance` (``False``: within chance);
    ``crosses_releases`` whether the two figures come from different releases. Both are ``None``
    where no change is computed (a missing or partial year)."""
    if p.change is None or p.count is None:
        return None, None
    significant = change_interval(p.count - p.change, p.count).significant
    crosses = bool(before and before.release and p.release and before.release != p.release)
    return significant, crosses
