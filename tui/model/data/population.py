"""Populations of police force areas, and rates per 100,000 people.

Pure (standard library only). The figures are ``data/population_series.csv``: one consistent ONS
mid-year estimate series for the 43 police force areas of England and Wales, mid-2012 to mid-2024
(mid-2012..mid-2021 as rebased on Census 2021, mid-2022..mid-2024 from the July 2025 release; see
``data/README.md``).

Rules:

- A financial year uses the mid-year estimate of the calendar year it starts in: 2017/18 uses
  mid-2017 (as the Home Office and ONS do). Callers say which year they used
  (:attr:`PopulationFigure.mid_year`).
- The national totals ``England and Wales``, ``England`` and ``Wales`` (and the NSPCC's stated
  ``England and Wales total`` and ``Wales total``) get the sum of their forces' populations, and
  only when every member force has one for that year.
- Bodies without an area (British Transport Police, Action Fraud, CIFAS, UK Finance), Police
  Scotland, PSNI, the UK total, regional and combined figures, and any name this series does not
  cover get no population (``None``): never a guess.
- City of London's resident population (about 8,000 to 15,000) is tiny beside its daytime
  population, so its rate carries :data:`CITY_OF_LONDON_CAVEAT`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tui.model.data.errors import DatasetError
from tui.paths import bundled_data_dir

SERIES_FILE = "population_series.csv"
FORCES_FILE = "forces.csv"
PER = 100_000
"""Rates are per this many people."""

CITY_OF_LONDON = "London, City of"
CITY_OF_LONDON_CAVEAT = (
    "City of London: rate per resident (about 8,000 to 15,000 people) of an area whose daytime "
    "population is many times larger; not comparable with other forces, so not ranked by rate"
)

NATIONS = {
    "England and Wales": ("England", "Wales"),
    "England": ("England",),
    "Wales": ("Wales",),
}
"""National totals this module can give a population for, and the nations they sum."""

TOTAL_ALIASES = {
    "england and wales total": "England and Wales",
    "e&w": "England and Wales",
    "england & wales": "England and Wales",
    "wales total": "Wales",
}
"""Other names of the national totals (the NSPCC's stated totals cover the same areas)."""


@dataclass(frozen=True)
class PopulationSeries:
    """The population table: (force, mid-year) → people, and which forces make up each nation."""

    people: dict[tuple[str, int], int]
    """Canonical force name and calendar mid-year → population."""
    nations: dict[str, tuple[str, ...]]
    """Nation (England, Wales) → its territorial forces, from ``forces.csv``."""
    aliases: dict[str, str]
    """Lower-cased force name or alias → canonical name."""

    @property
    def years(self) -> tuple[int, ...]:
        """The mid-years the series covers, in order."""
        return tuple(sorted({year for _force, year in self.people}))


@dataclass(frozen=True)
class PopulationFigure:
    """The population a rate uses, and which year's estimate it is."""

    population: int
    mid_year: int
    """Calendar year of the mid-year (30 June) estimate."""
    caveat: str | None = None
    """Why this population makes a misleading rate (City of London), or ``None``."""


@dataclass(frozen=True)
class Rate:
    """A count per 100,000 people, with the population and estimate year it uses."""

    per_100k: float
    """Unrounded: rounding (2 decimals) is the display's job."""
    population: int
    mid_year: int
    caveat: str | None = None


def _read(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise DatasetError(f"cannot read population file {path}: {exc.strerror or exc}") from exc


@lru_cache(maxsize=4)
def load_population_series(data_dir: Path | None = None) -> PopulationSeries:
    """Load ``population_series.csv`` and ``forces.csv`` from ``data_dir`` (memoised).

    Args:
        data_dir: the data folder (default: the bundled ``data/``).

    Raises:
        DatasetError: a file is missing or a row is malformed (the message names file and row).
    """
    folder = data_dir or bundled_data_dir()
    nations: dict[str, list[str]] = {}
    aliases: dict[str, str] = {}
    forces_path = folder / FORCES_FILE
    for row in _read(forces_path):
        try:
            name, kind, nation = row["force"].strip(), row["kind"].strip(), row["nation"].strip()
            names = [name, *(a.strip() for a in row["aliases"].split(";") if a.strip())]
        except KeyError as exc:
            raise DatasetError(f"{forces_path}: missing column {exc}") from exc
        for text in names:
            aliases.setdefault(text.lower(), name)
        if kind == "territorial" and nation in ("England", "Wales"):
            nations.setdefault(nation, []).append(name)
    people: dict[tuple[str, int], int] = {}
    path = folder / SERIES_FILE
    for line, row in enumerate(_read(path), start=2):
        try:
            force, year, population = row["force"], int(row["year"]), int(row["population"])
        except KeyError as exc:
            raise DatasetError(f"{path}: missing column {exc}") from exc
        except ValueError as exc:
            raise DatasetError(f"{path}, row {line}: not a whole number ({exc})") from exc
        if population <= 0:
            raise DatasetError(f"{path}, row {line}, column population: {population} is not > 0")
        people[(force, year)] = population
    return PopulationSeries(
        people=people,
        nations={n: tuple(sorted(f)) for n, f in nations.items()},
        aliases=aliases,
    )


def _canonical(series: PopulationSeries, force: str) -> str:
    key = " ".join(force.strip().lower().split())
    if key in TOTAL_ALIASES:
        return TOTAL_ALIASES[key]
    for total in NATIONS:
        if key == total.lower():
            return total
    return series.aliases.get(key, force.strip())


def members(force: str, data_dir: Path | None = None) -> tuple[str, ...]:
    """The forces whose populations make up ``force``: the members of a national total, the force
    itself otherwise (whether or not the series covers it)."""
    series = load_population_series(data_dir)
    name = _canonical(series, force)
    if name in NATIONS:
        return tuple(f for nation in NATIONS[name] for f in series.nations.get(nation, ()))
    return (name,)


def population_figure(
    force: str, fy_start_year: int, data_dir: Path | None = None
) -> PopulationFigure | None:
    """The population for ``force`` in the financial year starting in ``fy_start_year``.

    Uses the mid-``fy_start_year`` estimate; a national total sums its forces and needs all of them.
    ``None`` where there is no such estimate (see the module docstring).
    """
    series = load_population_series(data_dir)
    names = members(force, data_dir)
    if not names:
        return None
    values = [series.people.get((name, fy_start_year)) for name in names]
    if any(v is None for v in values):
        return None  # a total with a member missing would understate its population
    total = sum(v for v in values if v is not None)
    caveat = CITY_OF_LONDON_CAVEAT if names == (CITY_OF_LONDON,) else None
    return PopulationFigure(population=total, mid_year=fy_start_year, caveat=caveat)


def population_for(
    force: str, fy_start_year: int, data_dir: Path | None = None
) -> tuple[int, int] | None:
    """``(population, mid_year)`` for ``force`` in the financial year starting ``fy_start_year``
    (2017 = 2017/18 → the mid-2017 estimate), or ``None`` where there is none."""
    figure = population_figure(force, fy_start_year, data_dir)
    return None if figure is None else (figure.population, figure.mid_year)


def caveat_for(force: str, data_dir: Path | None = None) -> str | None:
    """The caveat a rate for ``force`` must carry (City of London), or ``None``."""
    series = load_population_series(data_dir)
    return CITY_OF_LONDON_CAVEAT if _canonical(series, force) == CITY_OF_LONDON else None


def rate_per_100k(count: int | None, population: int | None) -> float | None:
    """``count / population × 100,000``, unrounded.

    ``None`` when either is missing, the population is not positive, or the count is negative (a
    Home Office adjustment, not a count of offences)."""
    if count is None or population is None or population <= 0 or count < 0:
        return None
    return count / population * PER


def rate_for(
    force: str, fy_start_year: int, count: int | None, data_dir: Path | None = None
) -> Rate | None:
    """The rate per 100,000 for ``count`` offences in ``force`` in the financial year starting
    ``fy_start_year``, with its population, estimate year and caveat; ``None`` when unknown.

    The caller decides whether the count may have a rate at all: a partial year (fewer than four
    quarters) must not be set against a whole year's population.
    """
    figure = population_figure(force, fy_start_year, data_dir)
    if figure is None:
        return None
    value = rate_per_100k(count, figure.population)
    if value is None:
        return None
    return Rate(value, figure.population, figure.mid_year, figure.caveat)
