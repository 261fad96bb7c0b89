"""Forces like this one: a deterministic peer group for each territorial force of England and Wales.

Standard library only (no Polars, no Textual): the figures come in as :class:`PeerFigures`
(:mod:`tui.model.findings.peer_figures` reads them from a dataset) and the result types can go to a
screen.

**Method.** Each force is described by three equally weighted blocks of standardised figures, all
for one financial year (the latest full year with a population for every force):

1. *size*: log10 of the force area's population;
2. *level*: log10 of all recorded offences per 100,000 people. We have no area, so no density;
   the recorded-crime rate per head is the closest proxy in our data for how urban an area is
   (cities record far more per head), and it is what HMIC's most similar groups set out to match;
3. *mix*: each major offence group's share of all offences (violence, theft, public order...).
   Each share is standardised on its own and the block is scaled by ``1/sqrt(number of groups)``, so
   the mix as a whole weighs as much as size or level, not nine times as much.

Each figure is standardised (z-score: minus the mean, divided by the standard deviation over the
pool of forces), and a force's peers are the ``k`` (7, as in HMIC's groups) nearest forces by
Euclidean distance, ties broken by name. Peers are not symmetric: B can be among A's nearest
without A being among B's.

**City of London** is left out of the pool and gets no peers: its resident population (8,689 in
mid-2021, 15,111 in mid-2024: ``data/population_series.csv``) is a tiny fraction of the people in
the Square Mile by day, so rates per resident are not comparable with any other force (HMIC gives
it no most similar group either). Its outsized figures would also skew every other force's
standardisation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DEFAULT_PEERS = 7
OUTLIERS = {
    "London, City of": (
        "City of London has no peer group: its resident population (at most about 15,000 in "
        "every ONS mid-year estimate, 2012-2024) is a tiny fraction of the people there by day, "
        "so its rates per resident are not comparable with any other force (HMIC's most similar "
        "groups leave it out too)"
    ),
}
"""Forces left out of the pool, with the reason shown to the user."""


@dataclass(frozen=True)
class PeerFigures:
    """The figures that place a force among its peers, all for one financial year."""

    force: str
    year: int
    """Start year of the financial year of the counts."""
    population: int
    population_year: int
    """Calendar year of the ONS mid-year population estimate."""
    total: int
    """All offences recorded in the year (as ``ox show FORCE --offence all``)."""
    groups: tuple[tuple[str, int], ...]
    """(offence group, count) for each major group, as ``ox show FORCE --offence group:NAME``."""

    offence_count: int | None = None
    """The chosen offence's count in the year, when an offence is chosen (``None``: no figure)."""

    @property
    def rate_per_100k(self) -> float:
        """All offences per 100,000 people."""
        return self.total / self.population * 100_000

    @property
    def offence_rate(self) -> float | None:
        """The chosen offence per 100,000 people (``None`` without a count)."""
        if self.offence_count is None:
            return None
        return self.offence_count / self.population * 100_000

    def share(self, group: str) -> float | None:
        """A group's share of all offences, in percent (``None`` for a group not listed)."""
        for name, count in self.groups:
            if name == group:
                return count / self.total * 100 if self.total else None
        return None


@dataclass(frozen=True)
class Peer:
    """One force in another force's peer group."""

    rank: int
    """1 = the nearest."""
    distance: float
    figures: PeerFigures


@dataclass(frozen=True)
class PeerGroup:
    """A force's nearest forces, with the figures used."""

    force: str
    figures: PeerFigures | None
    """The force's own figures (``None`` for a force left out, e.g. City of London)."""
    peers: tuple[Peer, ...]
    groups: tuple[str, ...]
    """The offence groups of the mix, in a fixed order."""
    note: str = ""
    """Why a force has no peers, or a caveat."""
    offence: str = ""
    """The offence the group is ordered by (its label), or "" for all offences."""

    def rate(self, fig: PeerFigures) -> float | None:
        """The rate the group is ordered by: the chosen offence's, else all offences'."""
        return fig.offence_rate if self.offence else fig.rate_per_100k

    def ordered(self) -> list[PeerFigures]:
        """The force and its peers by :meth:`rate`, highest first (no rate last)."""
        every = [*([self.figures] if self.figures else []), *(p.figures for p in self.peers)]
        return sorted(every, key=lambda f: (self.rate(f) is None, -(self.rate(f) or 0), f.force))

    def position(self) -> tuple[int, int] | None:
        """Where the force's rate (:meth:`rate`) sits among itself and its peers: (place, of);
        place 1 is the highest rate. ``None`` without figures or a rate."""
        mine = self.rate(self.figures) if self.figures is not None else None
        if mine is None:
            return None
        higher = sum(1 for p in self.peers if (self.rate(p.figures) or 0) > mine)
        return higher + 1, len(self.peers) + 1


def _standardise(values: Sequence[float]) -> list[float]:
    """Z-scores (population standard deviation); all zeros when the values do not vary."""
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return [0.0 if sd == 0 else (v - mean) / sd for v in values]


def feature_vectors(
    pool: Sequence[PeerFigures], groups: Sequence[str]
) -> dict[str, tuple[float, ...]]:
    """Each force's standardised, weighted figures: size, level, then the mix (see module doc)."""
    names = [f.force for f in pool]
    columns = [
        _standardise([math.log10(f.population) for f in pool]),
        _standardise([math.log10(max(f.rate_per_100k, 1e-9)) for f in pool]),
    ]
    weight = 1 / math.sqrt(len(groups)) if groups else 0.0
    for group in groups:
        shares = [f.share(group) or 0.0 for f in pool]
        columns.append([weight * z for z in _standardise(shares)])
    return {name: tuple(col[i] for col in columns) for i, name in enumerate(names)}


def nearest(
    vectors: Mapping[str, Sequence[float]], force: str, k: int = DEFAULT_PEERS
) -> list[tuple[str, float]]:
    """The ``k`` forces nearest to ``force`` (never itself), nearest first, ties by name."""
    here = vectors[force]
    found = [(math.dist(here, there), name) for name, there in vectors.items() if name != force]
    return [(name, d) for d, name in sorted(found)[:k]]


def peer_group(
    figures: Mapping[str, PeerFigures],
    force: str,
    groups: Sequence[str],
    k: int = DEFAULT_PEERS,
) -> PeerGroup:
    """The peer group of ``force`` among the forces of ``figures`` (outliers left out).

    Args:
        figures: force name → its figures, for every force of the pool.
        force: the force to find peers for.
        groups: the offence groups of the mix.
        k: how many peers.

    Raises:
        KeyError: ``force`` has no figures and is not a known outlier.
    """
    if force in OUTLIERS:
        return PeerGroup(force, figures.get(force), (), tuple(groups), OUTLIERS[force])
    pool = [f for name, f in sorted(figures.items()) if name not in OUTLIERS]
    vectors = feature_vectors(pool, groups)
    mine = figures[force]
    peers = tuple(
        Peer(rank, distance, figures[name])
        for rank, (name, distance) in enumerate(nearest(vectors, force, k), start=1)
    )
    return PeerGroup(force, mine, peers, tuple(groups))
