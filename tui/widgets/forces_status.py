"""The Forces view's status line, built by a pure function (the screen only places it)."""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.types import ForceRow

ALIAS_MARK = "="
"""Before the alias or code a search found a force by (``Northamptonshire =Northants``); ASCII,
and not "~", which after a % means a change within chance."""


def found_by_text(via: str, name: str) -> str:
    """A match found through an alias, as the status line names it:
    ``=Northants: Northamptonshire``."""
    return f"{ALIAS_MARK}{via}: {name}"


def forces_status(
    rows: Sequence[ForceRow],
    shown: int,
    query: str,
    *,
    sort_label: str,
    include_national: bool,
    marks: str = "",
    found_by: Sequence[str] = (),
    by_match: bool = False,
    measure_parts: Sequence[str] = (),
    suggestion: str = "",
) -> str:
    """E.g. ``"12 of 44 rows · BTP, fraud bodies hidden (n) · sorted by 2022/23 ↓ (s, r)"``:
    ``rows`` are the table's rows, ``shown`` how many the search ``query`` leaves, ``marks``
    the marked forces' status (empty when none is marked), ``found_by`` the matches found
    through an alias (``"=Northants: Northamptonshire"``), ``by_match`` whether the matches are
    listed best first, ``measure_parts`` what the measure shown needs said (rates, the chance
    and release marks: :func:`tui.widgets.measure_legend.measure_status`), ``suggestion`` the
    force a search that matched none most likely means (Enter opens it)."""
    total = len(rows)
    parts = [f"{shown} of {total} rows" if query else f"{total} rows"]
    if query and not shown:
        parts = [f"no force matches '{query}' (Esc clears)"]
        if suggestion:
            parts = [
                f"no force matches '{query}' — did you mean {suggestion}? (Enter opens it, "
                "Esc clears)"
            ]
    if found_by:
        more = f" and {len(found_by) - 2} more" if len(found_by) > 2 else ""
        parts[0] += f" ({', '.join(found_by[:2])}{more})"
    missing = sum(1 for r in rows if all(c is None for c in r.counts))
    if missing:
        parts.append(f"{missing} with no figure at all")
    if not include_national:
        parts.append("BTP, fraud bodies hidden (n)")
    if by_match:
        parts.append(f"best match first (s: by {sort_label})")
    else:
        parts.append(f"sorted by {sort_label} (s, r)")
    parts += measure_parts
    if marks:
        parts.insert(0, marks)
    return " · ".join(parts)
