"""The marks of a year-on-year change in a force's series, as Compare and the Forces table mark
theirs: whether it is within chance variation and whether its two figures come from different
releases. Computed once here, carried on each :class:`~tui.model.detail_types.SeriesPoint`, and
shown by ``ox show`` and the detail view alike.

Pure (standard library only).
"""

from __future__ import annotations

from tui.model.chance import change_interval
from tui.model.detail_types import SeriesPoint


def change_marks(before: SeriesPoint | None, p: SeriesPoint) -> tuple[bool | None, bool | None]:
    """``(significant, crosses_releases)`` of ``p``'s change from ``before`` (the year before).

    ``significant`` is the exact test of :mod:`tui.model.chance` (``False``: within chance);
    ``crosses_releases`` whether the two figures come from different releases. Both are ``None``
    where no change is computed (a missing or partial year)."""
    if p.change is None or p.count is None:
        return None, None
    significant = change_interval(p.count - p.change, p.count).significant
    crosses = bool(before and before.release and p.release and before.release != p.release)
    return significant, crosses
