"""What a figure covers and where it comes from: its quarters and its release, per force and year.

A force's figure for a year may cover fewer quarters than the year (UK Finance has code 'UK
Finance' for 2017/18 Q2-Q4 only in the Oct 2023 release), and in a dataset assembled from several
releases (NSPCC) two years' figures may come from different releases. Comparisons use these facts
to label such figures and to offer a like-for-like change within one release.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.offences import OffenceSelection
from tui.model.figures.selection import offence_filter
from tui.model.results.comparison_types import SameRelease
from tui.model.stats.changes import pct_change

Key = tuple[str, int]


@dataclass(frozen=True)
class FigureFacts:
    """Quarters and releases of the figures of one selection, by (force, year)."""

    quarters: dict[Key, tuple[int, ...]]
    """The quarters a force's figure covers (empty when the source gives whole years)."""
    releases: dict[Key, str]
    """The release(s) a force's figure comes from, e.g. ``"2018-09"``."""
    stated: dict[tuple[str, int, str], int] = field(default_factory=dict)
    """Every stated figure (preferred or not) by (force, year, release), for one offence code."""

    def total(self, name: str, members: tuple[str, ...], years: tuple[int, ...]) -> FigureFacts:
        """The facts of a total row: for a sum of forces, the quarters every member covers and
        the releases of all of them; for a stated total, its own."""
        if members == (name,):
            return self
        quarters: dict[Key, tuple[int, ...]] = {}
        releases: dict[Key, str] = {}
        for year in years:
            sets = [set(self.quarters.get((m, year), ())) for m in members]
            with_quarters = [s for s in sets if s]
            if with_quarters:
                quarters[(name, year)] = tuple(sorted(set.intersection(*with_quarters)))
            known = [(m, year) for m in members if (m, year) in self.releases]
            found = sorted({self.releases[k] for k in known})
            if found:
                releases[(name, year)] = "+".join(found)
        return FigureFacts(quarters, releases)


def figure_facts(
    ds: Dataset,
    selection: OffenceSelection,
    years: tuple[int, ...],
    quarters: tuple[int, ...] | None = None,
) -> FigureFacts:
    """The quarters and releases of every force's figure for ``selection`` in ``years``.

    Args:
        ds: the dataset.
        selection: the offences counted (already normalised).
        years: the start years wanted.
        quarters: count only these quarters (like-for-like), as the comparison does.
    """
    wanted = offence_filter(selection) & pl.col(S.YEAR).is_in(list(years))
    frame = ds.figures.filter(wanted)
    if quarters is not None:
        frame = frame.filter(pl.col(S.QUARTER).is_in(list(quarters)))
    grouped = frame.group_by(S.FORCE, S.YEAR).agg(
        pl.col(S.QUARTER).drop_nulls().unique().sort().alias("quarters"),
        pl.col(S.RELEASE).drop_nulls().unique().sort().alias("releases"),
    )
    found_quarters: dict[Key, tuple[int, ...]] = {}
    found_releases: dict[Key, str] = {}
    for force, year, qs, releases in grouped.iter_rows():
        key = (force, int(year))
        found_quarters[key] = tuple(int(q) for q in qs)
        named = [r for r in releases if r]
        if named:
            found_releases[key] = "+".join(named)
    stated: dict[tuple[str, int, str], int] = {}
    if selection.kind == "code" and not ds.has_quarters:
        every = pl.concat([ds.figures.filter(wanted), ds.alternates.filter(wanted)])
        for force, year, release, count in every.select(
            S.FORCE, S.YEAR, S.RELEASE, S.COUNT
        ).iter_rows():
            if release and count is not None:
                stated.setdefault((force, int(year), release), int(count))
    return FigureFacts(found_quarters, found_releases, stated)


def same_release(
    facts: FigureFacts,
    force: str,
    years: tuple[int, int],
    releases: tuple[str, str],
) -> SameRelease | None:
    """Both years as stated by one release, when the shown figures come from two releases.

    The later release is tried first (it usually restates the earlier year: the NSPCC's 2023
    release gives UK 2016/17 as 18,574), then the earlier one.
    """
    release_a, release_b = releases
    if not release_a or not release_b or release_a == release_b:
        return None
    for release in (release_b, release_a):
        a = facts.stated.get((force, years[0], release))
        b = facts.stated.get((force, years[1], release))
        if a is not None and b is not None:
            return SameRelease(release, a, b, b - a, pct_change(a, b))
    return None
