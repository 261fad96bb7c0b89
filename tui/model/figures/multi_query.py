"""Several forces' series from a dataset: one ``ox show`` series per force, side by side.

Each force's counts come from :func:`~tui.model.figures.series.force_series` and its rates from
:func:`~tui.model.data.population.rate_for`, exactly as ``ox show`` prints them, so every figure of
the multi-force chart is the figure ``ox show FORCE`` gives. The result is polars-free
(:mod:`tui.model.results.multi_series`).
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.data.dataset import Dataset
from tui.model.data.errors import ModelError
from tui.model.data.offences import OffenceSelection
from tui.model.data.population import rate_for
from tui.model.data.reference import Force
from tui.model.figures.selection import normalise_selection
from tui.model.figures.series import force_series
from tui.model.results.multi_series import MAX_FORCES, ForceLine, MultiSeries


def multi_series(ds: Dataset, forces: Sequence[Force], selection: OffenceSelection) -> MultiSeries:
    """The series of up to :data:`MAX_FORCES` forces (or totals) for one offence selection.

    Raises:
        ModelError: no force, or more than :data:`MAX_FORCES`.
    """
    unique = list({f.name: f for f in forces}.values())
    if not unique:
        raise ModelError("no force to show: mark one or more forces first")
    if len(unique) > MAX_FORCES:
        raise ModelError(f"at most {MAX_FORCES} forces fit one chart ({len(unique)} asked)")
    selection = normalise_selection(ds, selection)
    lines = []
    notes: list[str] = []
    for force in unique:
        series = force_series(ds, force, selection)
        rates: list[float | None] = []
        for p in series.points:
            partial = p.partial or p.year.partial
            rate = None if partial else rate_for(force.name, p.year.year, p.count)
            rates.append(rate.per_100k if rate else None)
            if rate and rate.caveat and rate.caveat not in notes:
                notes.append(rate.caveat)
        lines.append(
            ForceLine(
                force=force,
                counts=tuple(p.count for p in series.points),
                rates=tuple(rates),
                partial=tuple(p.partial for p in series.points),
            )
        )
    partial_years = [c.label for c in ds.coverage if c.partial]
    if partial_years:
        notes.insert(0, f"{', '.join(partial_years)}: partial year, not charted or compared.")
    return MultiSeries(
        dataset=ds.name,
        offence=selection,
        years=ds.coverage,
        lines=tuple(lines),
        notes=tuple(notes),
    )
