"""The force × year table of the Forces view: counts, trend, latest change and rank per force."""

from __future__ import annotations

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.events import Event, events_for
from tui.model.data.measure import measure_id
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage
from tui.model.figures.figure_facts import FigureFacts, figure_facts
from tui.model.figures.selection import force_quarter_sets, normalise_selection, yearly_counts
from tui.model.figures.table_rates import with_rates
from tui.model.figures.totals import listed_forces, total_for, total_force, total_specs
from tui.model.results.types import ForceRow, ForceTable
from tui.model.stats.chance import change_interval
from tui.model.stats.changes import change, pct_change, ranks


def change_pair(
    ds: Dataset, yearly: dict[tuple[str, int], int], forces: list[Force]
) -> tuple[int, int] | None:
    """The two consecutive full years a table's "latest change" compares.

    For a complete dataset (figures by quarter, every force every year) that is simply the last two
    full years. For a sparse one (NSPCC FOI figures), it is the pair of consecutive years in which
    the most forces have both figures (the latest such pair on a tie), so the column is not all "—";
    none when no force has both figures of any pair (an NSPCC breakdown code, stated for 2017/18
    only, was "change 2022/23 → 2023/24" over a table of "—"). The same for an offence no longer
    counted (Non-domestic burglary after 2016/17: its last two counted years, not two of "—").
    """
    full = [c.year for c in ds.full_years]
    pairs = [(a, b) for a, b in zip(full, full[1:]) if b == a + 1]
    if not pairs:
        return None
    ranked = [f.name for f in forces if f.ranked]
    if ds.has_quarters and any((n, pairs[-1][1]) in yearly for n in ranked):
        return pairs[-1]  # complete: the last two full years (the shortcut for the usual case)

    def both(pair: tuple[int, int]) -> int:
        return sum(1 for n in ranked if (n, pair[0]) in yearly and (n, pair[1]) in yearly)

    best = max(reversed(pairs), key=both)
    return best if both(best) else None


def force_table(
    ds: Dataset, selection: OffenceSelection, include_national: bool = False
) -> ForceTable:
    """A force × financial-year table with a trend and the latest change per force.

    The change is between the years :func:`change_pair` picks (the last two full years of a
    complete dataset); partial years are listed (and labelled) but never used for a change. Each
    change carries the marks Compare gives it: whether it is within chance variation (the exact
    test of :mod:`tui.model.stats.chance`) and the releases its two figures come from.
    """
    selection = normalise_selection(ds, selection)
    yearly = yearly_counts(ds, selection)
    years = ds.coverage
    forces = listed_forces(ds, include_national)
    pair = change_pair(ds, yearly, forces)
    change_from = ds.year(pair[0]) if pair else None
    change_to = ds.year(pair[1]) if pair else None
    short = short_force_years(ds, force_quarter_sets(ds, selection))
    # Releases matter only where the figures come from several (NSPCC); skip the query otherwise.
    several = ds.figures.get_column(S.RELEASE).n_unique() > 1
    facts = figure_facts(ds, selection, pair) if pair and several else FigureFacts({}, {})
    latest_rank: dict[str, int] = {}
    if change_to is not None:
        # A partial force-year is no figure for a rank.
        latest_rank = ranks(
            {
                f.name: yearly.get((f.name, change_to.year))
                for f in forces
                if f.ranked and (f.name, change_to.year) not in short
            }
        )

    def make_row(
        force: Force,
        counts: tuple[int | None, ...],
        quarters: tuple[tuple[int, ...], ...],
        rank: int | None,
        facts: FigureFacts,
    ) -> ForceRow:
        by_year = dict(zip((y.year for y in years), zip(counts, quarters)))
        a, qa = by_year.get(change_from.year, (None, ())) if change_from else (None, ())
        b, qb = by_year.get(change_to.year, (None, ())) if change_to else (None, ())
        comparable = not qa and not qb
        # Tested, as in Compare, only where the change is computed.
        computed = comparable and change(a, b) is not None
        return ForceRow(
            force=force,
            counts=counts,
            trend=tuple(
                c if not q else None for y, c, q in zip(years, counts, quarters) if not y.partial
            ),
            change=change(a, b) if comparable else None,
            pct_change=pct_change(a, b) if comparable else None,
            rank=rank,
            quarters=quarters,
            significant=change_interval(a, b).significant if computed else None,
            release_from=facts.releases.get((force.name, pair[0]), "") if pair else "",
            release_to=facts.releases.get((force.name, pair[1]), "") if pair else "",
        )

    def short_of(
        names: tuple[str, ...], counts: tuple[int | None, ...]
    ) -> tuple[tuple[int, ...], ...]:
        """Per year: the quarters every one of ``names`` covers, when one of them is partial."""
        out = []
        for y, count in zip(years, counts):
            parts = [short[(n, y.year)] for n in names if (n, y.year) in short]
            out.append(
                tuple(sorted(set.intersection(*map(set, parts))))
                if parts and count is not None
                else ()
            )
        return tuple(out)

    rows = []
    for f in forces:
        counts = tuple(yearly.get((f.name, y.year)) for y in years)
        rows.append(
            make_row(f, counts, short_of((f.name,), counts), latest_rank.get(f.name), facts)
        )
    totals = []
    for spec in total_specs(ds):
        counts = tuple(total_for(spec, yearly, y.year) for y in years)
        members = spec.members or (spec.name,)
        own = facts.total(spec.name, members, pair) if pair else facts
        totals.append(make_row(total_force(ds, spec), counts, short_of(members, counts), None, own))
    table = ForceTable(
        dataset=ds.name,
        offence=selection,
        years=years,
        rows=tuple(rows),
        totals=tuple(totals),
        change_from=change_from,
        change_to=change_to,
        unranked=sum(1 for f in forces if not f.ranked),
        recording_changes=latest_recording_changes(ds, selection, years, change_to),
    )
    return with_rates(ds, table)


def latest_recording_changes(
    ds: Dataset,
    selection: OffenceSelection,
    years: tuple[YearCoverage, ...],
    change_to: YearCoverage | None,
) -> tuple[Event, ...]:
    """The national recording events the table's columns need said: those for ``selection`` that
    start in the latest change's later year or in a year listed after it (the partial year), and,
    for one offence code, every event that names that code in any year shown (code 81 from
    2021/22 also counts the knives offences that had code 90; code 28E falls to 0 for most
    forces from 2023/24 because residential burglary was split into codes 28I to 29C)."""
    if not years:
        return ()
    start = change_to.year if change_to is not None else years[-1].year
    shown = [y.year for y in years if y.year >= start]
    measure = measure_id(ds.info)
    found = events_for(None, selection, shown, catalogue=ds.offences, measure=measure)
    if selection.kind == "code":
        every = events_for(
            None, selection, [y.year for y in years], catalogue=ds.offences, measure=measure
        )
        found += [e for e in every if selection.value in e.offences and e not in found]
    national = [e for e in found if e.scope == "national"]
    return tuple(sorted(national, key=lambda e: (e.year, e.date, e.title)))


def short_force_years(
    ds: Dataset, quarters: dict[tuple[str, int], tuple[int, ...]]
) -> dict[tuple[str, int], tuple[int, ...]]:
    """The (force, year) figures that cover fewer quarters than the dataset has for that year
    (e.g. UK Finance's code 'UK Finance' in 2017/18: Q2-Q4 of Q1-Q4), with the quarters they
    cover."""
    expected = {c.year: set(c.quarters) for c in ds.coverage}
    return {
        key: qs
        for key, qs in quarters.items()
        if qs and expected.get(key[1]) and set(qs) != expected[key[1]]
    }
