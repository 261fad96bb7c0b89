"""Which rows a table lists, and the totals it pins (stated by the source, or summed by nation)."""

from __future__ import annotations

from tui.model.data.dataset import Dataset
from tui.model.data.reference import COMPUTED_TOTAL, STATED_TOTAL, TERRITORIAL, Force
from tui.model.figures import force_lookup
from tui.model.figures.force_lookup import resolve_among
from tui.model.results.types import TotalSpec


def listed_forces(ds: Dataset, include_national: bool = False) -> list[Force]:
    """The forces a table lists, in name order.

    A dataset that covers most territorial forces of a nation (a national survey such as the
    NSPCC's) lists the rest of them too, with "—", so a missing force is seen to be missing; one
    about a few forces lists just those. BTP, the national fraud bodies, regional totals and
    combined figures are listed only with ``include_national``; stated national totals go in the
    totals instead.
    """
    ref = ds.reference
    present = [ref.force(n) for n in ds.forces]
    mostly = _mostly_covered_nations(ds)
    listed = {
        name: ref.force(name)
        for nation, (every, _covered) in _nation_forces(ds).items()
        if nation in mostly
        for name in every
    }
    for f in present:
        if f.kind == TERRITORIAL or (include_national and f.kind != STATED_TOTAL):
            listed[f.name] = f
    return sorted(listed.values(), key=lambda f: f.name)


def _nation_forces(ds: Dataset) -> dict[str, tuple[set[str], set[str]]]:
    """For each nation: (its territorial areas, those of them with figures in ``ds``).

    A nation's areas are its police forces, or, for a dataset by council area (Recorded Crime in
    Scotland), its council areas: whichever of the two ``ds`` covers more of. Scotland is then the
    sum of its 32 council areas, never of Police Scotland and the areas together.
    """
    present = set(ds.forces)
    groups: dict[tuple[str, bool], tuple[set[str], set[str]]] = {}
    for f in ds.reference.forces.values():
        if f.kind == TERRITORIAL:
            every, covered = groups.setdefault((f.nation, f.council_area), (set(), set()))
            every.add(f.name)
            if f.name in present:
                covered.add(f.name)
    by_nation: dict[str, tuple[set[str], set[str]]] = {}
    for (nation, _council), (every, covered) in sorted(groups.items()):
        if nation not in by_nation or len(covered) > len(by_nation[nation][1]):
            by_nation[nation] = (every, covered)
    return by_nation


def _mostly_covered_nations(ds: Dataset) -> set[str]:
    """Nations with figures for more than half of their territorial forces."""
    return {
        nation
        for nation, (every, covered) in _nation_forces(ds).items()
        if covered and len(covered) * 2 > len(every)
    }


def total_specs(ds: Dataset) -> list[TotalSpec]:
    """The totals a dataset gets: its stated totals if it has any, else sums by nation."""
    ref = ds.reference
    stated = [ref.force(n) for n in ds.forces if ref.force(n).kind == STATED_TOTAL]
    if stated:
        order = {"UK total": 0, "England and Wales total": 1}
        return [
            TotalSpec(f.name, ())
            for f in sorted(stated, key=lambda f: (order.get(f.name, 2), f.name))
        ]
    # A nation's total is the sum of all its forces (missing where any has no figure: a sum of
    # some of them under the nation's name would read as the nation's figure), and only for the
    # nations whose forces are listed.
    nations = _mostly_covered_nations(ds)
    by_nation = {
        nation: tuple(sorted(every))
        for nation, (every, _covered) in _nation_forces(ds).items()
        if nation in nations
    }
    specs: list[TotalSpec] = []
    if "England" in by_nation and "Wales" in by_nation:
        specs.append(TotalSpec("England and Wales", by_nation["England"] + by_nation["Wales"]))
    for nation in ("England", "Wales", "Scotland", "Northern Ireland"):
        if nation in by_nation:
            specs.append(TotalSpec(nation, by_nation[nation]))
    return specs


def total_for(spec: TotalSpec, yearly: dict[tuple[str, int], int], year: int) -> int | None:
    if not spec.members:
        return yearly.get((spec.name, year))
    values = [yearly.get((m, year)) for m in spec.members]
    # A sum with a force missing would understate the total: show "—" instead.
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def members_of(ds: Dataset, force: Force) -> tuple[str, ...]:
    """The forces whose figures make up ``force``: its members for a computed total (e.g.
    England and Wales), else just itself."""
    if force.kind == COMPUTED_TOTAL:
        for spec in total_specs(ds):
            if spec.name == force.name:
                return spec.members
    return (force.name,)


def find_force(ds: Dataset, name: str) -> Force:
    """The force, stated total or computed total (e.g. ``"England and Wales"``) called ``name``
    in ``ds``: what a row of a table stands for."""
    for spec in total_specs(ds):
        if spec.members and spec.name == name:
            return total_force(ds, spec)
    return ds.reference.force(name)


def resolve_force(ds: Dataset, query: str) -> Force:
    """Resolve what the user typed to a force with figures in ``ds``, or to one of its computed
    totals written in full (``england and wales``, ``England & Wales``, ``wales``).

    Raises:
        UnknownForceError: no force matched, several did, or the force has no figures here.
    """
    return resolve_among(ds.reference, ds.forces, total_specs(ds), ds.name, query)


def total_force(ds: Dataset, spec: TotalSpec) -> Force:
    """The force a totals row of ``ds`` stands for (see :func:`force_lookup.total_force`)."""
    return force_lookup.total_force(ds.reference, spec)
