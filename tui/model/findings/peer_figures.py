"""The figures behind peer groups, read from a dataset with the same queries as ``ox show``.

For one financial year: each force's population, all offences, and the count of each major offence
group. The grouping itself is in :mod:`tui.model.findings.peers` (no Polars there).
"""

from __future__ import annotations

from dataclasses import replace

from tui.model.data.dataset import Dataset
from tui.model.data.errors import ModelError, NoPeerGroupsError, UnknownYearError
from tui.model.data.names import name_list
from tui.model.data.offences import ALL_OFFENCES, OffenceSelection, select_group
from tui.model.data.years import fy_label
from tui.model.figures.selection import normalise_selection, pick_year, yearly_counts
from tui.model.figures.totals import listed_forces, resolve_force
from tui.model.findings.map_measures import map_forces, no_population_error, population
from tui.model.findings.peers import DEFAULT_PEERS, OUTLIERS, PeerFigures, PeerGroup, peer_group


def peer_year(ds: Dataset) -> int:
    """The latest full year in which every force of the pool (outliers aside) has a population.

    Raises:
        UnknownYearError: there is no such year.
    """
    forces = [f for f in map_forces(ds) if f not in OUTLIERS]
    for cov in reversed(ds.full_years):
        if all(population(ds, f, cov.year) is not None for f in forces):
            return cov.year
    raise UnknownYearError(
        f"dataset '{ds.name}' has no full year with a population for every force"
    )


def mix_groups(ds: Dataset) -> tuple[str, ...]:
    """The offence groups of the mix: every group the dataset names, sorted."""
    return tuple(sorted({o.group for o in ds.offences if o.group}))


def year_counts(ds: Dataset, selection: OffenceSelection, year: int) -> dict[str, int | None]:
    """Each listed force's count of ``selection`` in ``year`` (``None``: no figure), as the
    Forces table has it; only the counts, not a whole table (its changes, tests and rates took
    ~2 s of CPU for the 11 selections of a peer group, in the detail view's worker, issue 11)."""
    yearly = yearly_counts(ds, normalise_selection(ds, selection))
    return {f.name: yearly.get((f.name, year)) for f in listed_forces(ds)}


def collect_figures(
    ds: Dataset, year: int
) -> tuple[dict[str, PeerFigures], tuple[str, ...], list[str]]:
    """Every mapped force's figures for ``year``.

    Returns:
        (force → figures, the offence groups with any offence that year, forces left out because a
        figure or population is missing).
    """
    cov = pick_year(ds, year)
    if cov.partial:
        raise UnknownYearError(f"{cov.label} is a partial year; peers need a full year")
    forces = map_forces(ds)
    totals = year_counts(ds, ALL_OFFENCES, year)
    by_group = {group: year_counts(ds, select_group(group), year) for group in mix_groups(ds)}
    # A group nobody has a count for that year (e.g. fraud, recorded by Action Fraud) adds nothing.
    groups = tuple(
        g for g in by_group if any(by_group[g].get(f) for f in forces if f not in OUTLIERS)
    )
    figures: dict[str, PeerFigures] = {}
    left_out: list[str] = []
    for force in forces:
        people, total = population(ds, force, year), totals.get(force)
        counts = [by_group[g].get(force) for g in groups]
        if people is None or not total or any(c is None for c in counts):
            left_out.append(force)
            continue
        figures[force] = PeerFigures(
            force=force,
            year=year,
            population=people,
            population_year=year,
            total=total,
            groups=tuple((g, c or 0) for g, c in zip(groups, counts)),
        )
    return figures, groups, left_out


def peers_for(
    ds: Dataset, query: str, *, year: int | None = None, k: int = DEFAULT_PEERS
) -> PeerGroup:
    """The peer group of the force the user typed.

    Args:
        ds: the dataset (needs all offences by offence group, e.g. ``homeoffice``).
        query: a force name, alias or ONS code.
        year: the financial year (default: :func:`peer_year`).
        k: how many peers.

    Raises:
        UnknownForceError: no such force, or it is not a territorial force of England and Wales.
        ModelError: the dataset cannot place this force (no offence groups, no figures).
    """
    force = resolve_force(ds, query)
    if force.name not in map_forces(ds):
        raise ModelError(
            f"{force.name} has no peer group: peers are for the 43 forces of England and Wales"
            + (
                "; compare Scotland's council areas in the Forces table or with 'ox table "
                f"--dataset {ds.name}'"
                if force.council_area
                else ""
            )
        )
    year = peer_year(ds) if year is None else year
    figures, groups, left_out = collect_figures(ds, year)
    if len(groups) < 2:
        raise NoPeerGroupsError(ds.name)
    if not figures:
        raise no_population_error(ds, year)
    if force.name not in figures and force.name not in OUTLIERS:
        raise ModelError(f"{force.name} has no figures or population for {fy_label(year)}")
    group = peer_group(figures, force.name, groups, k)
    if left_out and group.peers:
        names = name_list(left_out)
        return PeerGroup(
            group.force,
            group.figures,
            group.peers,
            group.groups,
            f"left out (no figure or population for {fy_label(year)}): {names}",
        )
    return group


def with_offence(ds: Dataset, group: PeerGroup, selection: OffenceSelection) -> PeerGroup:
    """The same peer group (nearness still from all offences) with each force's count of
    ``selection`` in the group's year, to be ordered by that offence's rate per 100,000; the
    group as it is for all offences."""
    selection = normalise_selection(ds, selection)
    if selection.kind == "all" or (group.figures is None and not group.peers):
        return group
    year = (group.figures or group.peers[0].figures).year
    counts = year_counts(ds, selection, year)

    def counted(fig: PeerFigures) -> PeerFigures:
        return replace(fig, offence_count=counts.get(fig.force))

    return replace(
        group,
        figures=counted(group.figures) if group.figures is not None else None,
        peers=tuple(replace(p, figures=counted(p.figures)) for p in group.peers),
        offence=selection.label,
    )
