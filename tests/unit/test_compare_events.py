"""Compare names a force's own recording event only when that force has a figure in the
comparison: the NSPCC FOI figures have none for Greater Manchester in 2020/21 or 2021/22, so its
2020/21 event is not the first thing an NSPCC comparison says; the Home Office figures, which
have Greater Manchester's counts, keep it."""

from __future__ import annotations

import csv
from pathlib import Path

from tui.model.data.dataset import load_dataset
from tui.model.figures.comparison import compare_years
from tui.model.figures.selection import default_selection, pick_offence

NSPCC_ROWS = Path("/work/shared/data-sources/nspcc-foi/nspcc_foi_by_force.csv")


def nspcc_forces(year: str) -> set[str]:
    """The forces with an NSPCC FOI figure for ``year`` in the shared source rows."""
    with open(NSPCC_ROWS, newline="", encoding="utf-8") as fh:
        return {row["force"] for row in csv.DictReader(fh) if row["financial_year"] == year}


def test_an_event_of_a_force_without_figures_is_not_named() -> None:
    assert nspcc_forces("2020/21") and nspcc_forces("2021/22")
    assert not any("Manchester" in f for f in nspcc_forces("2020/21") | nspcc_forces("2021/22"))
    nspcc = load_dataset("nspcc")
    cmp = compare_years(nspcc, 2020, 2021, default_selection(nspcc))
    assert "Greater Manchester" not in {e.force for e in cmp.events}


def test_an_event_of_a_force_with_figures_is_named() -> None:
    ho = load_dataset("homeoffice")
    cmp = compare_years(ho, 2019, 2020, pick_offence(ho, "86"))
    gmp = next(r for r in cmp.rows if r.force.name == "Greater Manchester")
    assert gmp.count_a is not None and gmp.count_b is not None
    assert "Greater Manchester" in {e.force for e in cmp.events}
