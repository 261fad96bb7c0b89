"""Several forces' series side by side, and the measures they can be shown in (no Polars).

:mod:`tui.model.figures.multi_query` builds a :class:`MultiSeries` from a dataset with the very
query ``ox show`` uses (one :func:`~tui.model.figures.series.force_series` per force); this module
only holds the result and turns it into the figures of one measure, so a view switches between
counts, rates and an index without asking the data again:

- ``count``: the count of each financial year, as ``ox show`` prints it (partial years included,
  labelled, never compared);
- ``rate``: per 100,000 residents, as ``ox show``'s ``rate`` column (none for a partial year, nor
  where there is no population);
- ``index``: each count divided by the same force's count in a chosen base year, times 100, over
  full years from the base year on (a partial year is never indexed against a whole one).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage

MAX_FORCES = 8
"""The most forces one chart shows (beyond that the lines cannot be told apart)."""
MEASURES = ("count", "index", "rate")
MEASURE_LABELS = {
    "count": "count by financial year",
    "index": "index",
    "rate": "rate per 100,000 residents",
}


@dataclass(frozen=True)
class ForceLine:
    """One force's figures, aligned with :attr:`MultiSeries.years`."""

    force: Force
    counts: tuple[int | None, ...]
    rates: tuple[float | None, ...]
    """Per 100,000 residents (``None`` for a partial year or without a population)."""
    partial: tuple[bool, ...]
    """True where this force has fewer than four quarters of that year."""


@dataclass(frozen=True)
class MultiSeries:
    """Several forces' series for one offence selection."""

    dataset: str
    offence: OffenceSelection
    years: tuple[YearCoverage, ...]
    """Every financial year of the dataset, oldest first."""
    lines: tuple[ForceLine, ...]
    """In the order asked."""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureTable:
    """The figures of one measure: years as rows, forces as columns."""

    measure: str
    years: tuple[YearCoverage, ...]
    forces: tuple[Force, ...]
    values: tuple[tuple[float | None, ...], ...]
    """One tuple per force, aligned with ``years``."""
    base_year: YearCoverage | None = None
    """The year = 100 of an index."""
    notes: tuple[str, ...] = ()

    def value(self, force: str, year: int) -> float | None:
        """The value for a force name and a start year, or ``None``."""
        for f, vals in zip(self.forces, self.values):
            if f.name == force:
                for cov, v in zip(self.years, vals):
                    if cov.year == year:
                        return v
        return None


def _full(series: MultiSeries, i: int) -> bool:
    """True when year ``i`` is a full year for the dataset and for every force."""
    return not series.years[i].partial and not any(line.partial[i] for line in series.lines)


def index_bases(series: MultiSeries) -> tuple[YearCoverage, ...]:
    """The years an index can start from: full years in which every force has a non-zero count."""
    return tuple(
        cov
        for i, cov in enumerate(series.years)
        if _full(series, i) and all(line.counts[i] for line in series.lines)
    )


def measure_table(series: MultiSeries, measure: str, base_year: int | None = None) -> MeasureTable:
    """The figures of ``measure`` (one of :data:`MEASURES`).

    Args:
        series: the forces' series.
        measure: ``count``, ``rate`` or ``index``.
        base_year: for an index, the start year that is 100 (default: the first year every force
            has a count in); ignored for other measures.

    Raises:
        ValueError: an unknown measure, or a base year that cannot be one (see :func:`index_bases`).
    """
    forces = tuple(line.force for line in series.lines)
    if measure == "count":
        values = tuple(tuple(float_or_none(c) for c in line.counts) for line in series.lines)
        return MeasureTable(measure, series.years, forces, values, notes=series.notes)
    if measure == "rate":
        values = tuple(line.rates for line in series.lines)
        notes = (
            *series.notes,
            "Rates: offences per 100,000 residents (ONS mid-year estimate of the year each "
            "financial year starts in); none for a partial year.",
        )
        return MeasureTable(measure, series.years, forces, values, notes=notes)
    if measure != "index":
        raise ValueError(f"unknown measure {measure!r}")
    bases = index_bases(series)
    if base_year is None:
        if not bases:
            return MeasureTable(
                measure,
                (),
                forces,
                tuple(() for _ in forces),
                notes=("No full year in which every force has a count: no index.",),
            )
        base = bases[0]
    else:
        found = next((b for b in bases if b.year == base_year), None)
        if found is None:
            raise ValueError(f"{base_year} cannot be the base year: a force has no count in it")
        base = found
    start = series.years.index(base)
    kept = [i for i in range(start, len(series.years)) if _full(series, i)]
    values = tuple(
        tuple(index_value(line.counts[i], line.counts[start]) for i in kept)
        for line in series.lines
    )
    note = f"Index: each force's count divided by its own count in {base.label}, times 100."
    return MeasureTable(
        measure,
        tuple(series.years[i] for i in kept),
        forces,
        values,
        base_year=base,
        notes=(*series.notes, note),
    )


def float_or_none(value: int | None) -> float | None:
    """A count as a float (``None`` stays ``None``)."""
    return None if value is None else float(value)


def index_value(count: int | None, base: int | None) -> float | None:
    """``count / base * 100``; ``None`` when either is missing or the base is 0."""
    if count is None or not base:
        return None
    return count / base * 100.0
