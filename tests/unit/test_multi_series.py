"""Several forces' series (the multi-force chart): counts, index and rates against the sources.

Counts: shared homeoffice-prc/prc_pfa_code86_by_force_year.csv; populations: shared
reference/pfa_population_series.csv (ONS mid-year estimates).
"""

from __future__ import annotations

import pytest

from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import ModelError
from tui.model.figures.multi_query import multi_series
from tui.model.figures.selection import default_selection
from tui.model.figures.totals import listed_forces, resolve_force
from tui.model.results.multi_series import MAX_FORCES, MultiSeries, index_bases, measure_table

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""

# code 86 offences by force and financial year (start year), from the shared CSV
KENT = {2012: 136, 2016: 507, 2021: 1612, 2022: 1738, 2023: 460}
ESSEX = {2012: 125, 2016: 591, 2021: 1162, 2022: 1261, 2023: 337}
KENT_MID_2021 = 1_858_455


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_dataset(OCT23)


@pytest.fixture(scope="module")
def three(ds: Dataset) -> MultiSeries:
    forces = [resolve_force(ds, q) for q in ("kent", "essex", "england and wales")]
    return multi_series(ds, forces, default_selection(ds))


def test_counts_are_the_source_rows_and_the_partial_year_is_marked(three: MultiSeries) -> None:
    counts = measure_table(three, "count")
    assert [f.name for f in counts.forces] == ["Kent", "Essex", "England and Wales"]
    for year, count in KENT.items():
        assert counts.value("Kent", year) == count
    for year, count in ESSEX.items():
        assert counts.value("Essex", year) == count
    # PROVENANCE.md: 23,225 code-86 offences in 2017/18 over the 43 territorial forces
    assert counts.value("England and Wales", 2017) == 23_225
    last = counts.years[-1]
    assert last.year == 2023 and last.partial and last.label == "2023/24 Q1"


def test_index_starts_at_the_base_year_and_never_takes_a_partial_year(three: MultiSeries) -> None:
    index = measure_table(three, "index")
    assert index.base_year is not None and index.base_year.year == 2012
    assert index.value("Kent", 2012) == 100.0
    assert index.value("Kent", 2016) == pytest.approx(507 / 136 * 100)
    assert index.value("Essex", 2022) == pytest.approx(1261 / 125 * 100)
    assert all(not y.partial for y in index.years)
    later = measure_table(three, "index", 2016)
    assert [y.year for y in later.years][0] == 2016
    assert later.value("Kent", 2022) == pytest.approx(1738 / 507 * 100)
    assert later.value("Kent", 2012) is None  # before the base year: not shown
    with pytest.raises(ValueError, match="cannot be the base year"):
        measure_table(three, "index", 2023)  # the partial year


def test_rates_use_the_mid_year_population_and_none_for_a_partial_year(
    three: MultiSeries,
) -> None:
    rates = measure_table(three, "rate")
    assert rates.value("Kent", 2021) == pytest.approx(1612 / KENT_MID_2021 * 100_000, abs=0.005)
    assert rates.value("Kent", 2023) is None
    assert any("per 100,000" in n for n in rates.notes)


def test_index_bases_are_years_every_force_has_a_count() -> None:
    nspcc = load_dataset("nspcc")  # sparse FOI figures: forces without a figure in some years
    forces = [f for f in listed_forces(nspcc) if f.ranked][:4]
    series = multi_series(nspcc, forces, default_selection(nspcc))
    bases = index_bases(series)
    every = [c for i, c in enumerate(series.years) if all(ln.counts[i] for ln in series.lines)]
    assert bases == tuple(c for c in every if not c.partial)
    assert len(bases) < len(series.years)


def test_at_most_eight_forces(ds: Dataset) -> None:
    forces = [f for f in listed_forces(ds) if f.ranked][: MAX_FORCES + 1]
    with pytest.raises(ModelError, match="at most 8"):
        multi_series(ds, forces, default_selection(ds))
    with pytest.raises(ModelError, match="no force"):
        multi_series(ds, [], default_selection(ds))
    same = [forces[0], forces[0]]
    assert len(multi_series(ds, same, default_selection(ds)).lines) == 1
