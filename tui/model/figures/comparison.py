"""Two financial years side by side for every listed force (the Compare view and ``ox compare``)."""

from __future__ import annotations

from tui.model.data.dataset import Dataset
from tui.model.data.errors import UnknownYearError
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage
from tui.model.figures.compare_chance import with_rates_and_chance
from tui.model.figures.figure_facts import FigureFacts, figure_facts, same_release
from tui.model.figures.force_table import change_pair
from tui.model.figures.membership import membership_changes
from tui.model.figures.selection import normalise_selection, pick_year, yearly_counts
from tui.model.figures.totals import listed_forces, total_for, total_force, total_specs
from tui.model.results.comparison_types import CompareRow, Comparison
from tui.model.stats.changes import change, pct_change, ranks


def compare_years(
    ds: Dataset,
    year_a: int,
    year_b: int,
    selection: OffenceSelection,
    *,
    include_national: bool = False,
    like_for_like: bool = False,
) -> Comparison:
    """Compare two financial years for every listed force.

    Args:
        ds: the dataset.
        year_a: start year of the first year (e.g. 2016 for 2016/17).
        year_b: start year of the second year.
        selection: the offences counted.
        include_national: also list BTP, fraud bodies and combined figures (never ranked).
        like_for_like: compare only the quarters present in both years, so a partial year can be
            compared fairly with a full one.

    A force whose figure for a year covers fewer quarters than the year compared (a partial
    force-year, e.g. UK Finance's 2017/18 code 'UK Finance': Q2-Q4 only) keeps its counts, marked
    with its quarters, and gets no change, % change, rank or rank move. Two years of different
    quarters (a partial year against a full one, unless ``like_for_like``) give counts only: no
    force gets a change or a rank.

    Raises:
        UnknownYearError: a year is not in the dataset, or both years are the same.
    """
    if year_a == year_b:
        raise UnknownYearError(
            f"compare needs two different years (both are {pick_year(ds, year_a).fy})"
        )
    selection = normalise_selection(ds, selection)
    cov_a, cov_b = pick_year(ds, year_a), pick_year(ds, year_b)
    quarters: tuple[int, ...] | None = None
    warnings: list[str] = []
    if like_for_like and cov_a.quarters and cov_b.quarters:
        quarters = tuple(sorted(set(cov_a.quarters) & set(cov_b.quarters)))
    # A partial year against a year with other quarters: counts shown, no change computed.
    unlike = quarters is None and cov_a.quarters != cov_b.quarters
    if unlike:
        partial = ", ".join(
            f"{c.label} ({len(c.quarters)} of 4 quarters)" for c in _partials(cov_a, cov_b)
        )
        warnings.append(
            f"partial year: {partial}; neither the change nor a rank is computed between years "
            "with different quarters (compare like-for-like quarters instead)"
        )
    yearly = yearly_counts(ds, selection, quarters)
    facts = figure_facts(ds, selection, (year_a, year_b), quarters)
    expected = {
        year_a: quarters if quarters is not None else cov_a.quarters,
        year_b: quarters if quarters is not None else cov_b.quarters,
    }
    forces = listed_forces(ds, include_national)

    def short(name: str, year: int) -> bool:
        """True when this force's figure covers fewer quarters than the year compared."""
        qs = facts.quarters.get((name, year), ())
        return bool(qs) and bool(expected[year]) and set(qs) != set(expected[year])

    both = {
        f.name: (yearly.get((f.name, year_a)), yearly.get((f.name, year_b)))
        for f in forces
        if f.ranked
    }
    # Ranked only where both years have a complete figure, so the ranks of the two years are
    # comparable (a partial force-year is no figure for a rank).
    compared = {
        name: ab
        for name, ab in both.items()
        if None not in ab and not short(name, year_a) and not short(name, year_b)
    }
    # Nor where the two years cover different quarters (a partial year against a full one):
    # its ranks sat beside the full year's counts as if the two were compared (issue 20).
    # Like-for-like (the same quarters of both years), they are ranked, and say so.
    rank_a = {} if unlike else ranks({name: a for name, (a, _b) in compared.items()})
    rank_b = {} if unlike else ranks({name: b for name, (_a, b) in compared.items()})
    rows: list[CompareRow] = []
    left_out = [name for name in both if name not in compared]
    for f in forces:
        a, b = yearly.get((f.name, year_a)), yearly.get((f.name, year_b))
        if not f.ranked and a is None and b is None:
            continue
        rows.append(
            _compare_row(
                ds,
                f,
                (a, b),
                (year_a, year_b),
                facts,
                unlike,
                (a is not None and short(f.name, year_a), b is not None and short(f.name, year_b)),
                (rank_a.get(f.name), rank_b.get(f.name)),
            )
        )
    totals = []
    for spec in total_specs(ds):
        members = spec.members or (spec.name,)
        ta, tb = total_for(spec, yearly, year_a), total_for(spec, yearly, year_b)
        # A sum with a partial member is partial too.
        totals.append(
            _compare_row(
                ds,
                total_force(ds, spec),
                (ta, tb),
                (year_a, year_b),
                facts.total(spec.name, members, (year_a, year_b)),
                unlike,
                (
                    ta is not None and any(short(m, year_a) for m in members),
                    tb is not None and any(short(m, year_b) for m in members),
                ),
                (None, None),
            )
        )
    cmp = Comparison(
        dataset=ds.name,
        offence=selection,
        year_a=cov_a,
        year_b=cov_b,
        rows=tuple(rows),
        totals=tuple(totals),
        left_out=tuple(left_out),
        warnings=tuple(warnings),
        quarters=quarters,
        membership=membership_changes(ds, selection, (year_a, year_b)),
    )
    return with_rates_and_chance(ds, cmp)


def _partials(*covs: YearCoverage) -> list[YearCoverage]:
    """The partial years among ``covs``, each once."""
    seen: dict[int, YearCoverage] = {}
    for cov in covs:
        if cov.partial:
            seen.setdefault(cov.year, cov)
    return list(seen.values())


def _compare_row(
    ds: Dataset,
    force: Force,
    counts: tuple[int | None, int | None],
    years: tuple[int, int],
    facts: FigureFacts,
    unlike: bool,
    short: tuple[bool, bool],
    ranks_ab: tuple[int | None, int | None],
) -> CompareRow:
    a, b = counts
    comparable = not unlike and not any(short)
    qa = facts.quarters.get((force.name, years[0]), ())
    qb = facts.quarters.get((force.name, years[1]), ())
    release_a = facts.releases.get((force.name, years[0]), "")
    release_b = facts.releases.get((force.name, years[1]), "")
    return CompareRow(
        force,
        a,
        b,
        change(a, b) if comparable else None,
        pct_change(a, b) if comparable else None,
        ranks_ab[0],
        ranks_ab[1],
        quarters_a=qa if len(qa) < 4 else (),
        quarters_b=qb if len(qb) < 4 else (),
        short_a=short[0],
        short_b=short[1],
        comparable=comparable,
        release_a=release_a,
        release_b=release_b,
        same_release=(
            same_release(facts, force.name, years, (release_a, release_b))
            if comparable and a is not None and b is not None
            else None
        ),
    )


def default_compare_pair(ds: Dataset, selection: OffenceSelection) -> tuple[int, int] | None:
    """The Compare view's default years: the same pair as the force table's latest change."""
    selection = normalise_selection(ds, selection)
    return change_pair(ds, yearly_counts(ds, selection), listed_forces(ds)) or latest_full_pair(ds)


def latest_full_pair(ds: Dataset) -> tuple[int, int] | None:
    """The two latest full years, oldest first."""
    full = ds.full_years
    if len(full) < 2:
        return None
    return full[-2].year, full[-1].year


def comparable_pairs(ds: Dataset, limit: int = 12) -> list[tuple[int, int]]:
    """Consecutive pairs of full years with figures, newest first (for the command palette)."""
    full = [c.year for c in ds.full_years]
    pairs = [(a, b) for a, b in zip(full, full[1:]) if b == a + 1]
    return list(reversed(pairs))[:limit]
