"""A tile map (grid cartogram) of the 43 territorial forces of England and Wales.

One tile per force area at a fixed grid position (``data/force_tiles.csv``, north up, neighbours
near each other), each carrying a value (a count, a rate or a % change) and the bin that value falls
in. Standard library only: no Polars, no Textual, so a screen can import these types freely; the
values themselves are computed from a dataset by :mod:`tui.model.findings.map_measures`.

Bins are **quantile bins** (quintiles by default): forces with a value are ranked and cut into
groups of (nearly) equal size, so every bin has forces in it whatever the skew (the Metropolitan
Police's counts would squash fixed-width bins into one). Equal values always share a bin. Each bin
carries the range of the values in it, for the legend. A force without a value has no bin ("—").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tui.model.data.errors import DatasetError
from tui.model.data.names import name_list

DEFAULT_BINS = 5
TILES_FILE = "force_tiles.csv"
MEASURES = ("count", "rate", "change")
"""What a map can show: a count, a rate per 100,000 people, or a % change between two years."""


@dataclass(frozen=True)
class TilePosition:
    """Where a force's tile sits on the grid (row 0 is the top, column 0 the left)."""

    force: str
    """Canonical force name, as in ``data/forces.csv``."""
    label: str
    """A short label of 3 or 4 characters, unique on the map."""
    row: int
    col: int


@dataclass(frozen=True)
class Bin:
    """One bin of the legend: its number (1 = lowest values) and the range of values in it."""

    index: int
    low: float
    high: float
    forces: int
    """How many tiles fall in this bin."""


@dataclass(frozen=True)
class Tile:
    """One force on the map, with its value and bin (``None`` for both when it has no figure)."""

    force: str
    label: str
    row: int
    col: int
    value: float | None
    bin: int | None
    within_chance: bool | None = None
    """For a % change: ``True`` when the change is within chance variation (its 95% interval
    includes no change), ``False`` when it is beyond; ``None`` when not tested (a count, a rate,
    or a change that could not be computed)."""
    crosses_releases: bool = False
    """For a % change: the two years' figures come from different releases (a change across
    releases may be a revision, not a change in what was recorded)."""


@dataclass(frozen=True)
class TileMap:
    """Every tile of the map, the legend of bins and what the values are."""

    measure: str
    """One of :data:`MEASURES`."""
    title: str
    """What is shown, e.g. ``"All offences: rate per 100,000, 2021/22 (homeoffice)"``."""
    tiles: tuple[Tile, ...]
    """In row, then column order."""
    bins: tuple[Bin, ...]
    """The non-empty bins, lowest first."""
    rows: int
    cols: int
    notes: tuple[str, ...] = ()
    """Caveats a reader needs (partial years, populations used, forces without a figure)."""
    warnings: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    """The financial years mapped (start years): one for a count or rate, two for a change."""
    like_for_like: bool = False
    """A change between the same quarters of both years (as Compare's like-for-like)."""
    no_change: str = ""
    """Why no tile has a change, when it is the years' fault rather than the forces' (a partial
    year against a year with other quarters: ``"2025/26 has Q1-Q3 only"``); empty otherwise."""

    def tile(self, force: str) -> Tile | None:
        """The tile of ``force``, or ``None`` when it is not on the map."""
        return next((t for t in self.tiles if t.force == force), None)

    def at(self, row: int, col: int) -> Tile | None:
        """The tile at a grid cell, or ``None`` for an empty cell."""
        return next((t for t in self.tiles if t.row == row and t.col == col), None)

    @property
    def missing(self) -> tuple[str, ...]:
        """Forces on the map without a value."""
        return tuple(t.force for t in self.tiles if t.value is None)


def load_positions(
    data_dir: Path, territorial: Iterable[str] | None = None
) -> tuple[TilePosition, ...]:
    """Read the tile positions from ``force_tiles.csv`` in ``data_dir``.

    Args:
        data_dir: the folder holding ``force_tiles.csv``.
        territorial: if given, the force names the map must hold, each exactly once.

    Raises:
        DatasetError: the file is missing or malformed; the message names file, row and column.
    """
    path = data_dir / TILES_FILE
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise DatasetError(f"cannot read tile map {path}: {exc.strerror or exc}") from exc
    positions: list[TilePosition] = []
    cells: dict[tuple[int, int], str] = {}
    labels: dict[str, str] = {}
    names: set[str] = set()
    for line, row in enumerate(rows, start=2):
        force, label = (row.get("force") or "").strip(), (row.get("label") or "").strip()
        try:
            r, c = int(row.get("row") or ""), int(row.get("col") or "")
        except ValueError:
            raise DatasetError(f"{path}, row {line}, column row/col: not a whole number") from None
        if not force or not 3 <= len(label) <= 4:
            raise DatasetError(
                f"{path}, row {line}, column label: needs a force and 3-4 characters"
            )
        if r < 0 or c < 0:
            raise DatasetError(f"{path}, row {line}, column row/col: negative position")
        if (r, c) in cells:
            raise DatasetError(f"{path}, row {line}: cell ({r}, {c}) already holds {cells[r, c]}")
        if label in labels:
            raise DatasetError(f"{path}, row {line}, column label: {label} is {labels[label]}'s")
        cells[r, c], labels[label] = force, force
        if force in names:
            raise DatasetError(f"{path}, row {line}, column force: {force} is listed twice")
        names.add(force)
        positions.append(TilePosition(force, label, r, c))
    if territorial is not None:
        wanted = set(territorial)
        if wanted - names or names - wanted:
            missing = name_list(sorted(wanted - names)) or "none"
            unknown = name_list(sorted(names - wanted)) or "none"
            raise DatasetError(f"{path}: forces missing: {missing}; not territorial: {unknown}")
    return tuple(sorted(positions, key=lambda p: (p.row, p.col)))


def quantile_bins(values: Mapping[str, float | None], bins: int = DEFAULT_BINS) -> dict[str, int]:
    """Assign each present value a bin from 1 (lowest) to ``bins``, by rank.

    The value ranked ``i`` (0-based, lowest first) of ``n`` goes in bin ``i * bins // n + 1``; equal
    values all take the bin of the first of them, so a tie never straddles two bins. With fewer
    values than bins, each value gets its own bin. Missing values get no bin.
    """
    if bins < 1:
        raise ValueError("bins must be at least 1")
    present = sorted((v, k) for k, v in values.items() if v is not None)
    n = len(present)
    out: dict[str, int] = {}
    first_rank: dict[float, int] = {}
    for i, (v, k) in enumerate(present):
        rank = first_rank.setdefault(v, i)
        out[k] = rank * min(bins, n) // n + 1
    return out


def legend(values: Mapping[str, float | None], assigned: Mapping[str, int]) -> tuple[Bin, ...]:
    """The non-empty bins with the range of values each holds, lowest first."""
    by_bin: dict[int, list[float]] = {}
    for key, b in assigned.items():
        v = values[key]
        if v is not None:
            by_bin.setdefault(b, []).append(v)
    return tuple(Bin(b, min(vs), max(vs), len(vs)) for b, vs in sorted(by_bin.items()))


def build_map(
    positions: Iterable[TilePosition],
    values: Mapping[str, float | None],
    measure: str,
    title: str,
    *,
    bins: int = DEFAULT_BINS,
    notes: Iterable[str] = (),
    warnings: Iterable[str] = (),
    within_chance: Mapping[str, bool | None] | None = None,
    crosses_releases: Iterable[str] = (),
) -> TileMap:
    """Put values on the tiles and bin them.

    Args:
        positions: the tiles (see :func:`load_positions`).
        values: force name → value; a force absent from it, or ``None``, has no figure.
        measure: one of :data:`MEASURES`.
        title: what the values are, for the heading.
        bins: how many quantile bins.
        notes: caveats to carry with the map.
        warnings: problems to carry with the map.
        within_chance: force name → whether its change is within chance (changes only).
        crosses_releases: the forces whose change compares figures of two releases.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    places = tuple(positions)
    on_map = {p.force: values.get(p.force) for p in places}
    assigned = quantile_bins(on_map, bins)
    chance = within_chance or {}
    across = set(crosses_releases)
    tiles = tuple(
        Tile(
            p.force,
            p.label,
            p.row,
            p.col,
            on_map[p.force],
            assigned.get(p.force),
            # As Compare says it, even where there is no % to show (0 → 1 is within chance).
            chance.get(p.force),
            on_map[p.force] is not None and p.force in across,
        )
        for p in sorted(places, key=lambda p: (p.row, p.col))
    )
    return TileMap(
        measure=measure,
        title=title,
        tiles=tiles,
        bins=legend(on_map, assigned),
        rows=max((p.row for p in places), default=-1) + 1,
        cols=max((p.col for p in places), default=-1) + 1,
        notes=tuple(notes),
        warnings=tuple(warnings),
    )


def step(tile_map: TileMap, force: str, drow: int, dcol: int) -> Tile | None:
    """The tile an arrow key moves to from ``force``: the nearest tile in that direction.

    Moving right (``dcol=1``) looks at tiles in later columns and picks the one closest in columns,
    then in rows (upper first); likewise for the other directions. ``None`` when there is none.
    """
    here = tile_map.tile(force)
    if here is None or (drow, dcol) == (0, 0):
        return None
    ahead = [
        t
        for t in tile_map.tiles
        if (drow == 0 or (t.row - here.row) * drow > 0)
        and (dcol == 0 or (t.col - here.col) * dcol > 0)
    ]
    if not ahead:
        return None

    def cost(t: Tile) -> tuple[int, int, int, int]:
        along = abs(t.row - here.row) if drow else abs(t.col - here.col)
        across = abs(t.col - here.col) if drow else abs(t.row - here.row)
        return (along + 2 * across, across, t.row, t.col)

    return min(ahead, key=cost)
