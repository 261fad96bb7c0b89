"""Two financial years side by side for every listed force (the Compare view and ``ox compare``)."""

from __future__ import annotations

from tui.model.changes import change, pct_change, ranks
from tui.model.compare_chance import with_rates_and_chance
from tui.model.dataset import Dataset
from tui.model.force_table import change_pair
from tui.model.offences import OffenceSelection
from tui.model.reference import Force
from tui.model.selection import normalise_selection, pick_year, yearly_counts
from tui.model.totals import listed_forces, total_for, total_force, total_specs
from tui.model.types import CompareRow, Comparison
from tui.model.years import YearCoverage


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

    Raises:
        UnknownYearError: a year is not in the dataset.
    """
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
            f"partial year: {partial}; the change is not computed between years with different "
            "quarters (compare like-for-like quarters instead)"
        )
    yearly = yearly_counts(ds, selection, quarters)
    forces = listed_forces(ds, include_national)
    both = {
        f.name: (yearly.get((f.name, year_a)), yearly.get((f.name, year_b)))
        for f in forces
        if f.ranked
    }
    # Ranked only where both years have a figure, so the ranks of the two years are comparable.
    compared = {name: ab for name, ab in both.items() if None not in ab}
    rank_a = ranks({name: a for name, (a, _b) in compared.items()})
    rank_b = ranks({name: b for name, (_a, b) in compared.items()})
    rows: list[CompareRow] = []
    left_out = [name for name in both if name not in compared]
    for f in forces:
        a, b = yearly.get((f.name, year_a)), yearly.get((f.name, year_b))
        if not f.ranked and a is None and b is None:
            continue
        rows.append(_compare_row(f, a, b, unlike, rank_a.get(f.name), rank_b.get(f.name)))
    totals = [
        _compare_row(
            total_force(ds, spec),
            total_for(spec, yearly, year_a),
            total_for(spec, yearly, year_b),
            unlike,
            None,
            None,
        )
        for spec in total_specs(ds)
    ]
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
    force: Force,
    a: int | None,
    b: int | None,
    unlike: bool,
    rank_a: int | None,
    rank_b: int | None,
) -> CompareRow:
    if unlike:
        return CompareRow(force, a, b, None, None, rank_a, rank_b)
    return CompareRow(force, a, b, change(a, b), pct_change(a, b), rank_a, rank_b)


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
