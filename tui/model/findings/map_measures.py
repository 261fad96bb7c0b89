"""The tile map's values from a dataset: a count, a rate per 100,000 or a % change per force.

The figures come from the same queries as ``ox show`` and ``ox compare`` (:func:`force_table`,
:func:`compare_years`), so a tile's value is the very figure those print; this module only picks
the year(s) and puts the values on :mod:`tui.model.findings.tilemap`'s polars-free tiles.
"""

from __future__ import annotations

from dataclasses import replace

from tui.model.data.dataset import Dataset
from tui.model.data.errors import ModelError, UnknownYearError
from tui.model.data.names import name_list
from tui.model.data.offences import OffenceSelection
from tui.model.data.population import population_for
from tui.model.data.reference import TERRITORIAL
from tui.model.data.years import fy_label, partial_reason, quarters_label
from tui.model.figures.comparison import compare_years, default_compare_pair
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import normalise_selection, pick_year
from tui.model.findings.tilemap import (
    DEFAULT_BINS,
    TileMap,
    TilePosition,
    build_map,
    load_positions,
)
from tui.model.results.types import ForceTable
from tui.model.stats.rates import rate_caveat
from tui.paths import bundled_data_dir

MAP_NATIONS = ("England", "Wales")

CHANCE_NOTE = (
    "~ marks a change within chance variation (its 95% interval includes no change): small "
    "counts move by chance, so its bin says little."
)
RELEASE_NOTE = (
    "† marks a change between figures of two releases: part of it may be a revision, not a "
    "change in what was recorded."
)


def map_forces(ds: Dataset) -> tuple[str, ...]:
    """The forces the map shows: the territorial forces of England and Wales."""
    return tuple(
        sorted(
            f.name
            for f in ds.reference.forces.values()
            if f.kind == TERRITORIAL and f.nation in MAP_NATIONS
        )
    )


def tile_positions(ds: Dataset) -> tuple[TilePosition, ...]:
    """The tile positions, checked to hold every force of :func:`map_forces` exactly once.

    Raises:
        DatasetError: ``force_tiles.csv`` is missing, malformed or does not match ``forces.csv``.
    """
    return load_positions(bundled_data_dir(), map_forces(ds))


def population(ds: Dataset, force: str, fy_start_year: int) -> int | None:
    """The population a rate for ``force`` in the financial year starting ``fy_start_year`` uses.

    The ONS mid-year estimate of the year the financial year starts in
    (:func:`tui.model.data.population.population_for`), as every other rate uses; ``None`` where
    there is none. ``ds`` is kept for the callers (an imported dataset uses the same series).
    """
    found = population_for(force, fy_start_year)
    return found[0] if found is not None else None


def no_population_error(ds: Dataset, year: int) -> UnknownYearError:
    """The error for a year in which no mapped force has a population, naming those that have."""
    usable = [
        c.label
        for c in ds.full_years
        if any(population(ds, f, c.year) is not None for f in map_forces(ds))
    ]
    return UnknownYearError(
        f"no force has a population for {fy_label(year)}; rates use the population of the year "
        f"a financial year starts in (years with one: {', '.join(usable) or 'none'})"
    )


def map_values(
    ds: Dataset,
    measure: str,
    selection: OffenceSelection,
    *,
    year: int | None = None,
    years: tuple[int, int] | None = None,
    bins: int = DEFAULT_BINS,
    like_for_like: bool = False,
) -> TileMap:
    """The tile map of one measure for an offence selection.

    Args:
        ds: the dataset.
        measure: ``count`` (in ``year``, default the latest full year), ``rate`` per 100,000
            people (in ``year``, default the latest full year with populations), or ``change``:
            the % change between ``years`` (default the Compare view's pair), from the counts.
        selection: the offences counted.
        year: the financial year (start year) for a count or a rate.
        years: the two years of a change, oldest first.
        bins: how many quantile bins.
        like_for_like: for a change, compare only the quarters both years have (as Compare's
            like-for-like); without it, a partial year against a full one gives no change, and
            the map's ``no_change`` says why.

    Raises:
        UnknownYearError: a year is not in the dataset, or a rate is asked for a partial year.
        ValueError: an unknown measure.
        ModelError: the dataset has no figure for any force on the map (Scotland's council areas).
    """
    on_map = set(map_forces(ds))
    if not any(name in on_map for name in ds.forces):
        areas = any(ds.reference.force(name).council_area for name in ds.forces)
        raise ModelError(
            f"dataset '{ds.name}' has no figures for the forces of England and Wales that the tile "
            "map shows"
            + (" (Recorded Crime in Scotland is by council area)" if areas else "")
            + f": see its figures in the Forces table, or 'ox table --dataset {ds.name}'"
        )
    selection = normalise_selection(ds, selection)
    positions = tile_positions(ds)
    what = f"{selection.label} ({ds.name})"
    if measure == "change":
        pair = years or default_compare_pair(ds, selection)
        if pair is None:
            raise UnknownYearError(f"dataset '{ds.name}' has no two full years to compare")
        cmp = compare_years(ds, pair[0], pair[1], selection, like_for_like=like_for_like)
        changes = {r.force.name: r.pct_change for r in cmp.rows}
        chance = {
            r.force.name: None if r.significant is None else not r.significant for r in cmp.rows
        }
        across = [r.force.name for r in cmp.rows if r.crosses_releases]
        title = f"% change {cmp.label_a} to {cmp.label_b}: {what}"
        change_notes = ["Changes are computed from the counts of the two years."]
        no_change = ""
        if cmp.quarters is not None and len(cmp.quarters) < 4:
            title = f"% change {cmp.label_a} to {cmp.label_b} (like-for-like): {what}"
            change_notes[0] = (
                f"Like-for-like: both years count {quarters_label(cmp.quarters)} only; changes "
                "are computed from those counts."
            )
        elif cmp.unlike_quarters:
            no_change = partial_reason(cmp.year_a, cmp.year_b)
            change_notes = [
                f"{no_change}: no change is computed between years with different quarters "
                "(compare the same quarters of both years: like-for-like)."
            ]
        if any(chance.get(f) for f in map_forces(ds)):
            change_notes.append(CHANCE_NOTE)
        if set(across) & set(map_forces(ds)):
            change_notes.append(RELEASE_NOTE)
        found = build_map(
            positions,
            changes,
            measure,
            title,
            bins=bins,
            notes=change_notes,
            warnings=cmp.warnings,
            within_chance=chance,
            crosses_releases=across,
        )
        return replace(found, years=pair, like_for_like=like_for_like, no_change=no_change)
    if measure not in ("count", "rate"):
        raise ValueError(f"unknown measure {measure!r}")
    table = force_table(ds, selection)
    if year is None:
        year = _best_year(ds, table, with_population=measure == "rate")
        if year is None:
            raise UnknownYearError(f"dataset '{ds.name}' has no full year to map")
    cov = pick_year(ds, year)
    counts = {row.force.name: row.count_for(table.years, year) for row in table.rows}
    notes: list[str] = []
    if cov.partial:
        if measure == "rate":
            raise UnknownYearError(
                f"{cov.label} is a partial year ({len(cov.quarters)} of 4 quarters); "
                "a rate per 100,000 needs a full year"
            )
        notes.append(
            f"{cov.label} is a partial year: counts cover {len(cov.quarters)} of 4 quarters."
        )
    if measure == "count":
        values: dict[str, float | None] = {k: v for k, v in counts.items()}
        title = f"count in {cov.label}: {what}"
        found = build_map(positions, values, measure, title, bins=bins, notes=notes)
        return replace(found, years=(year,))
    values = {}
    for force in map_forces(ds):
        people, count = population(ds, force, year), counts.get(force)
        values[force] = None if people is None or count is None else count / people * 100_000
    title = f"rate per 100,000 people in {cov.label}: {what}"
    notes.append(
        f"Rates use each force area's ONS mid-{year} population estimate (the year "
        f"{fy_label(year)} starts in; data/population_series.csv)."
    )
    caveats = [
        c
        for f in ds.reference.forces.values()
        if f.name in values and values[f.name] is not None and (c := rate_caveat(f))
    ]
    notes += [f"{c}." for c in caveats]  # City of London: a rate per resident misleads
    no_pop = [f for f in map_forces(ds) if population(ds, f, year) is None]
    if len(no_pop) == len(map_forces(ds)):
        raise no_population_error(ds, year)
    if no_pop:
        notes.append(f"No population for {fy_label(year)}: {name_list(no_pop)}.")
    found = build_map(positions, values, measure, title, bins=bins, notes=notes)
    return replace(found, years=(year,))


def _best_year(ds: Dataset, table: ForceTable, *, with_population: bool) -> int | None:
    """The full year in which most mapped forces have a figure (and, for rates, a population),
    the latest on a tie: the latest full year for a complete dataset, a well-covered one for a
    sparse one (NSPCC FOI figures), never a year in which no tile could have a value."""
    forces = set(map_forces(ds))
    rows = [r for r in table.rows if r.force.name in forces]

    def covered(year: int) -> int:
        return sum(
            1
            for r in rows
            if r.count_for(table.years, year) is not None
            and (not with_population or population(ds, r.force.name, year) is not None)
        )

    full = [c.year for c in ds.full_years]
    best = max(reversed(full), key=covered) if full else None
    return best if best is not None and covered(best) else None
