"""Financial years: parsing what users type, labelling years, and which years are partial.

A financial year runs April to March and is identified by its start year: 2017 is 2017/18.
Quarter 1 is April to June.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.model.data.errors import UnknownYearError

_YEAR_RE = re.compile(r"^\s*(\d{4})\s*(?:[/\-–]\s*(\d{2}|\d{4}))?\s*$")
_FY_RE = re.compile(r"^(\d{4})/(\d{2})$")


def fy_label(year: int) -> str:
    """Return the label of a financial year, e.g. ``2017`` → ``"2017/18"``."""
    return f"{year}/{(year + 1) % 100:02d}"


def fy_start(period: str) -> int | None:
    """Return the start year of a period label like ``"2017/18"``, or ``None`` for other periods."""
    match = _FY_RE.match(period.strip())
    if not match:
        return None
    start = int(match.group(1))
    return start if int(match.group(2)) == (start + 1) % 100 else None


def parse_year(text: str) -> int:
    """Parse a financial year as typed: ``2017/18``, ``2017-18``, ``2017/2018`` or ``2017``.

    Args:
        text: what the user typed.

    Returns:
        The start year (2017 for all the examples above).

    Raises:
        UnknownYearError: the text is not a financial year.
    """
    match = _YEAR_RE.match(text)
    if not match:
        raise UnknownYearError(
            f"'{text}' is not a financial year; write it as 2017/18, 2017-18 or 2017"
        )
    start = int(match.group(1))
    end = match.group(2)
    if end is not None:
        expected = start + 1
        if (len(end) == 2 and int(end) != expected % 100) or (
            len(end) == 4 and int(end) != expected
        ):
            raise UnknownYearError(
                f"'{text}' is not a financial year: a financial year that starts in {start} "
                f"is {fy_label(start)}"
            )
    return start


def quarters_label(quarters: tuple[int, ...]) -> str:
    """Label a set of quarters: ``(1,)`` → ``"Q1"``, ``(1, 2, 3)`` → ``"Q1-Q3"``."""
    if not quarters:
        return ""
    qs = sorted(quarters)
    if len(qs) == 1:
        return f"Q{qs[0]}"
    if qs == list(range(qs[0], qs[-1] + 1)):
        return f"Q{qs[0]}-Q{qs[-1]}"
    return "+".join(f"Q{q}" for q in qs)


@dataclass(frozen=True)
class YearCoverage:
    """What a dataset holds for one financial year."""

    year: int
    """Start year (2017 for 2017/18)."""
    quarters: tuple[int, ...]
    """Quarters present in the dataset for this year; empty when the source gives whole years."""
    forces: int
    """Number of territorial forces with at least one figure this year."""

    @property
    def partial(self) -> bool:
        """True when the source has quarters and fewer than all four are present."""
        return bool(self.quarters) and len(self.quarters) < 4

    @property
    def fy(self) -> str:
        """The plain financial-year label, e.g. ``"2023/24"``."""
        return fy_label(self.year)

    @property
    def label(self) -> str:
        """The label to show: ``"2017/18"``, or ``"2023/24 Q1"`` for a partial year."""
        if self.partial:
            return f"{self.fy} {quarters_label(self.quarters)}"
        return self.fy


def nearest_pair(
    wanted: tuple[int, int], coverage: Sequence[YearCoverage]
) -> tuple[int, int] | None:
    """The two years of ``coverage`` nearest to ``wanted`` (year A, year B), for keeping a
    comparison when the dataset changes; ``None`` when it has fewer than two years.

    Each year goes to the nearest year the dataset has (a full year before a partial one at the
    same distance, then the earlier). When both land on the same year, year B moves on to the
    nearest year past it (away from year A), or else year A moves, so the two years differ and
    keep their order.
    """
    years = sorted({c.year for c in coverage})
    if len(years) < 2:
        return None
    partial = {c.year for c in coverage if c.partial}

    def nearest(year: int, allowed: Callable[[int], bool] = lambda _y: True) -> int | None:
        return min(
            (y for y in years if allowed(y)),
            key=lambda y: (abs(y - year), y in partial, y),
            default=None,
        )

    wa, wb = wanted
    a, b = nearest(wa) or years[0], nearest(wb) or years[0]
    if a != b:
        return a, b
    step = 1 if wa <= wb else -1
    moved = nearest(wb, lambda y: (y - a) * step > 0)
    if moved is not None:
        return a, moved
    return nearest(wa, lambda y: (b - y) * step > 0) or years[0], b


def partial_reason(*years: YearCoverage) -> str:
    """Why two years give no change: ``"2025/26 has Q1-Q3 only"`` (each partial year named)."""
    partial = [c for c in years if c.partial]
    if not partial:
        return "the two years cover different quarters"
    return " and ".join(f"{c.fy} has {quarters_label(c.quarters)} only" for c in partial)
