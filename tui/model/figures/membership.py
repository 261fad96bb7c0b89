"""Which offence codes a group or subgroup counts, year by year.

Codes move between subgroups over time (8L and 8M are under "Violence without injury" in 2012/13
only, then under "Stalking and harassment"), and codes start and end. A group's series then
changes because its membership does, not because offending did; the views say so, naming the codes
and the years.
"""

from __future__ import annotations

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.offences import OffenceSelection
from tui.model.figures.selection import offence_filter
from tui.model.results.detail_types import MembershipChange


def membership_by_year(ds: Dataset, selection: OffenceSelection) -> dict[int, frozenset[str]]:
    """The offence codes counted in ``selection`` in each financial year with figures."""
    if selection.kind not in ("group", "subgroup"):
        return {}
    frame = (
        ds.figures.filter(offence_filter(selection) & pl.col(S.YEAR).is_not_null())
        .group_by(S.YEAR)
        .agg(pl.col(S.OFFENCE_CODE).unique())
    )
    return {int(year): frozenset(codes) for year, codes in frame.iter_rows()}


def membership_changes(
    ds: Dataset, selection: OffenceSelection, years: tuple[int, ...] | None = None
) -> tuple[MembershipChange, ...]:
    """Codes counted in ``selection`` in some of ``years`` but not all of them.

    Args:
        ds: the dataset.
        selection: a group or subgroup (anything else has a fixed membership: ``()``).
        years: the years compared (default: every year the selection has figures).

    Codes with the same years are reported together; for each, where the same codes are counted
    in the other years (another group or subgroup), if anywhere.
    """
    by_year = membership_by_year(ds, selection)
    if years is not None:
        by_year = {y: codes for y, codes in by_year.items() if y in years}
    if len(by_year) < 2:
        return ()
    every = frozenset.union(*by_year.values())
    always = frozenset.intersection(*by_year.values())
    changing = sorted(every - always)
    if not changing:
        return ()
    counted: dict[str, tuple[int, ...]] = {
        code: tuple(sorted(y for y, codes in by_year.items() if code in codes)) for code in changing
    }
    column = S.OFFENCE_GROUP if selection.kind == "group" else S.OFFENCE_SUBGROUP
    other = (
        ds.figures.filter(
            pl.col(S.OFFENCE_CODE).is_in(changing)
            & pl.col(S.YEAR).is_in(sorted(by_year))
            & ~offence_filter(selection)
        )
        .group_by(S.OFFENCE_CODE, column)
        .agg(pl.col(S.YEAR).unique().sort())
    )
    elsewhere: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for code, name, ys in other.sort(S.OFFENCE_CODE, column).iter_rows():
        elsewhere.setdefault(code, []).append((name or "no " + column, tuple(int(y) for y in ys)))
    grouped: dict[tuple[object, ...], list[str]] = {}
    for code in changing:
        key = (counted[code], tuple(elsewhere.get(code, ())))
        grouped.setdefault(key, []).append(code)
    changes = [
        MembershipChange(
            codes=tuple(codes),
            years=counted[codes[0]],
            elsewhere=tuple(elsewhere.get(codes[0], ())),
        )
        for codes in grouped.values()
    ]
    return tuple(sorted(changes, key=lambda c: (c.years, c.codes)))
