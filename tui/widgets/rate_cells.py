"""The Forces table's cells when it shows rates per 100,000 people (the ``m`` toggle)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.text import Text

from tui.formatting import MISSING, fmt_rate, sparkline
from tui.model.results.types import ForceRow, ForceTable
from tui.widgets.cells import number, plain
from tui.widgets.compare_cells import chance_pct_cell


class Spec(Protocol):
    """A column of the table (its key)."""

    @property
    def key(self) -> str:
        """``force``, ``trend``, ``change``, ``pct``, ``place`` or ``year:2017``."""
        ...


def fmt_rate_change(value: float | None) -> str:
    """A change in rate points, signed, one decimal; "—" when missing."""
    return MISSING if value is None else f"{value:+,.1f}"


def rate_cells(
    specs: Sequence[Spec],
    table: ForceTable,
    row: ForceRow,
    ascii_only: bool,
    span: slice = slice(None),
) -> tuple[Text, ...]:
    """The cells after the name: rates by year, the rate's change and % change ("—" where a
    year has no population, is partial, or the body has no area); the trend of the ``span`` of
    its years the table draws."""
    by_year = {cov.year: rate for cov, rate in zip(table.years, row.rates)}
    cells: list[Text] = []
    for spec in specs:
        if spec.key == "place":
            cells.append(plain(row.force.place))
        elif spec.key.startswith("year:"):
            cells.append(number(fmt_rate(by_year.get(int(spec.key.split(":")[1])))))
        elif spec.key == "trend":
            trend = [r for cov, r in zip(table.years, row.rates) if not cov.partial]
            cells.append(plain(sparkline(trend[span], ascii_only)))
        elif spec.key == "change":
            cells.append(number(fmt_rate_change(row.rate_change)))
        elif spec.key == "pct":
            # As Compare's rates: "~" within chance, no release mark.
            cells.append(chance_pct_cell(row.rate_pct_change, row.rate_significant))
    return tuple(cells)
