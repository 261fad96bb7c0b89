"""City of London's rate is shown with its caveat but never ranked among the forces' rates.

Its rate is set against a resident population of ~15,000 in an area whose daytime population is
many times larger ("not comparable with other forces"), so by rate it headed every ranking: by
shoplifting (code 46) in 2024/25, 10,171 per 100,000 against Cleveland's 1,387 (found by a
new-user trial: "ranked #1 by rate while its caveat says not comparable"). The expected ranks are
computed here from the shared Home Office file and the ONS population file, not by the model.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

from tui.model.data.dataset import Dataset, load_dataset
from tui.model.figures.comparison import compare_years
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.output.compare_report import honest_compare_report
from tui.widgets.compare_notes import compare_status, extremes_text

SHARED = Path("/work/shared/data-sources")
RELEASE = SHARED / "homeoffice-prc" / "prc-pfa_230426-release_2012-13_to_2025-26Q3.parquet"
POPULATION = SHARED / "reference" / "pfa_population_series.csv"
CITY = "London, City of"


@pytest.fixture(scope="module")
def ho() -> Dataset:
    return load_dataset("homeoffice")


def source_rates(fy: str, mid_year: int) -> dict[str, float]:
    """Shoplifting per 100,000 people by territorial force, from the source rows."""
    with open(POPULATION, newline="", encoding="utf-8") as fh:
        people = {r["force"]: int(r["population"]) for r in csv.DictReader(fh)
                  if r["year"] == str(mid_year)}  # fmt: skip
    counts = (
        pl.read_parquet(RELEASE)
        .filter((pl.col("FY") == fy) & pl.col("territorial") & (pl.col("Offence Code") == "46"))
        .group_by("Force")
        .agg(pl.col("n").sum(), pl.len().alias("quarters"))
    )
    assert set(counts["quarters"]) == {4}
    # The ONS file spells one force "Devon & Cornwall", the Home Office file "Devon and Cornwall".
    named = {f if f in people else f.replace(" and ", " & "): n
             for f, n in zip(counts["Force"], counts["n"])}  # fmt: skip
    assert set(named) == set(people), set(named) ^ set(people)
    return {f: n / people[f] * 1e5 for f, n in named.items()}


def expected_ranks(rates: dict[str, float]) -> dict[str, int]:
    others = sorted((r for f, r in rates.items() if f != CITY), reverse=True)
    return {f: others.index(r) + 1 for f, r in rates.items() if f != CITY}


def test_the_source_puts_city_of_london_first_by_rate() -> None:
    rates = source_rates("2024/25", 2024)
    assert max(rates, key=rates.__getitem__) == CITY
    assert round(rates[CITY]) == 10_171 and round(rates["Cleveland"]) == 1_387


def test_compare_by_rate_ranks_the_other_42(ho: Dataset) -> None:
    cmp = compare_years(ho, 2023, 2024, pick_offence(ho, "46"))
    rows = {r.force.name: r for r in cmp.rows}
    city = rows[CITY]
    assert city.rate_b is not None and round(city.rate_b) == 10_171  # shown, with its caveat
    assert city.rate_caveat and "not ranked by rate" in city.rate_caveat
    assert city.rate_rank_a is None and city.rate_rank_b is None and city.rate_rank_change is None
    for year, field in ((("2023/24", 2023)), "rate_rank_a"), ((("2024/25", 2024)), "rate_rank_b"):
        expected = expected_ranks(source_rates(*year))
        got = {f: getattr(r, field) for f, r in rows.items() if getattr(r, field) is not None}
        assert got == expected, year
    assert cmp.rate_ranked_count == 42 and cmp.ranked_count == 43  # counts still rank all 43
    status = compare_status(cmp, "rate", "sorted")
    assert "rank among the 42 forces with both years" in status
    assert "rank among the 43 forces with both years" in compare_status(cmp, "count", "sorted")
    assert not any(CITY in part for part in extremes_text(cmp.rows, "rate"))
    notes = honest_compare_report(ho, cmp, measure="rate").notes
    assert any(
        n.startswith("Rank and Move are among the 42 forces with a rate in both years")
        and n.endswith("not ranked (see the caveat): London, City of.")
        for n in notes
    ), notes


def test_the_forces_table_by_rate_ranks_the_other_42(ho: Dataset) -> None:
    table = force_table(ho, pick_offence(ho, "46"))
    assert table.change_to is not None and table.change_to.year == 2024
    ranks = {r.force.name: r.rate_rank for r in table.rows if r.rate_rank is not None}
    assert ranks == expected_ranks(source_rates("2024/25", 2024))
    city = next(r for r in table.rows if r.force.name == CITY)
    assert city.rate_rank is None and city.rate_caveat
