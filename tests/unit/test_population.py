"""Populations and rates per 100,000 against the shared ONS series and published totals.

Expected values are literal numbers read from ``../shared/data-sources/reference/
pfa_population_series.csv`` (force rows) and from the ONS England and Wales totals quoted in
``POPULATION-NOTES.md`` (which match ONS's own "ENGLAND AND WALES" rows), never recomputed here the
way the code does it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.model.data.errors import DatasetError
from tui.model.data.population import (
    CITY_OF_LONDON_CAVEAT,
    caveat_for,
    load_population_series,
    population_figure,
    population_for,
    rate_for,
    rate_per_100k,
)
from tui.paths import bundled_data_dir


@pytest.mark.parametrize(
    ("force", "fy", "expected"),
    [
        # pfa_population_series.csv rows, as printed there
        ("Northamptonshire", 2017, (759_436, 2017)),
        ("Northamptonshire", 2016, (746_666, 2016)),
        ("Kent", 2016, (1_808_526, 2016)),
        ("Kent", 2017, (1_821_359, 2017)),
        ("London, City of", 2017, (7_877, 2017)),
        ("Dyfed-Powys", 2024, (524_219, 2024)),
        ("Northamptonshire", 2012, (703_143, 2012)),
        # aliases reach the same rows
        ("northants", 2017, (759_436, 2017)),
        ("City of London", 2024, (15_111, 2024)),
        ("Devon and Cornwall", 2017, (1_745_066, 2017)),
    ],
)
def test_force_population_is_the_mid_year_estimate_of_the_start_year(
    force: str, fy: int, expected: tuple[int, int]
) -> None:
    assert population_for(force, fy) == expected


@pytest.mark.parametrize(
    ("total", "fy", "published"),
    [
        # ONS England and Wales totals (K04000001), quoted in POPULATION-NOTES.md
        ("England and Wales", 2017, 58_700_914),  # rebased series, mid-2017
        ("England and Wales", 2021, 59_660_524),  # rebased series, mid-2021
        ("England and Wales", 2022, 60_278_591),  # Jul 2025 release
        ("England and Wales", 2024, 61_806_682),  # ONS bulletin, mid-2024
        ("England and Wales total", 2024, 61_806_682),  # the NSPCC's stated total: same area
        ("england & wales", 2024, 61_806_682),
    ],
)
def test_national_total_sums_its_forces_to_the_published_total(
    total: str, fy: int, published: int
) -> None:
    assert population_for(total, fy) == (published, fy)


def test_england_and_wales_split_into_their_forces() -> None:
    england = population_for("England", 2017)
    wales = population_for("Wales", 2017)
    assert england is not None and wales is not None
    assert england[0] + wales[0] == 58_700_914
    # mid-2017 rows of the shared file: Dyfed-Powys 511,046, Gwent 581,102, North Wales 687,156,
    # South Wales 1,302,062
    assert wales == (511_046 + 581_102 + 687_156 + 1_302_062, 2017)
    assert population_for("Wales total", 2017) == wales


@pytest.mark.parametrize(
    "force",
    [
        "British Transport Police",
        "BTP",
        "Action Fraud",
        "CIFAS",
        "UK Finance",
        "UK total",
        "Police Scotland",
        "Police Service of Northern Ireland",
        "PSNI",
        "South East total",
        "No such force",
    ],
)
def test_no_population_for_bodies_without_an_area_or_outside_the_series(force: str) -> None:
    assert population_for(force, 2017) is None
    assert rate_for(force, 2017, 100) is None


@pytest.mark.parametrize("fy", [2011, 2025, 1999])
def test_no_population_outside_mid_2012_to_mid_2024(fy: int) -> None:
    assert population_for("Kent", fy) is None
    assert population_for("England and Wales", fy) is None


def test_northamptonshire_2017_18_code_86_rate() -> None:
    # 269 offences (Home Office code 86, 2017/18) over mid-2017's 759,436 people:
    # 269 / 759,436 × 100,000 = 35.4210... → 35.42 per 100,000
    rate = rate_for("Northamptonshire", 2017, 269)
    assert rate is not None
    assert round(rate.per_100k, 2) == 35.42
    assert (rate.population, rate.mid_year, rate.caveat) == (759_436, 2017, None)


@pytest.mark.parametrize(
    ("force", "fy", "count", "expected"),
    [
        # hand-computed: count / population × 100,000, rounded to 2 decimals
        ("Kent", 2016, 507, 28.03),  # 507 / 1,808,526
        ("Kent", 2017, 1209, 66.38),  # 1,209 / 1,821,359
        ("Northamptonshire", 2016, 248, 33.21),  # 248 / 746,666
        ("London, City of", 2017, 2, 25.39),  # 2 / 7,877
        ("England and Wales", 2017, 58_700_914, 100_000.0),  # everyone, once
    ],
)
def test_rates_equal_count_over_population(
    force: str, fy: int, count: int, expected: float
) -> None:
    rate = rate_for(force, fy, count)
    assert rate is not None
    assert round(rate.per_100k, 2) == expected


def test_city_of_london_rate_carries_its_caveat() -> None:
    rate = rate_for("City of London", 2017, 2)
    assert rate is not None and rate.caveat == CITY_OF_LONDON_CAVEAT
    assert "resident" in CITY_OF_LONDON_CAVEAT and "not comparable" in CITY_OF_LONDON_CAVEAT
    assert caveat_for("London, City of") == CITY_OF_LONDON_CAVEAT
    assert caveat_for("Metropolitan Police") is None
    figure = population_figure("England and Wales", 2017)
    assert figure is not None and figure.caveat is None  # a total is not City of London


@pytest.mark.parametrize(
    ("count", "population", "expected"),
    [
        (None, 1000, None),
        (5, None, None),
        (5, 0, None),
        (-3, 1000, None),  # a negative Home Office adjustment is not a count of offences
        (0, 1000, 0.0),  # zero offences is a rate of zero, not missing
        (1, 100_000, 1.0),
    ],
)
def test_rate_per_100k_edge_cases(
    count: int | None, population: int | None, expected: float | None
) -> None:
    assert rate_per_100k(count, population) == expected


# ONS England and Wales totals for each mid-year of the series (POPULATION-NOTES.md: the rebased
# series for 2012-2021, the Jul 2025 release for 2022-2024); each equals ONS's K04000001 row.
PUBLISHED_EW = {
    2012: 56_577_740,
    2013: 56_989_744,
    2014: 57_444_107,
    2015: 57_881_415,
    2016: 58_366_199,
    2017: 58_700_914,
    2018: 59_008_368,
    2019: 59_317_788,
    2020: 59_430_444,
    2021: 59_660_524,
    2022: 60_278_591,
    2023: 61_099_801,
    2024: 61_806_682,
}


def test_bundled_series_is_43_forces_by_13_years_summing_to_ons_totals() -> None:
    series = load_population_series()
    assert series.years == tuple(PUBLISHED_EW)
    for year, published in PUBLISHED_EW.items():
        forces = [f for (f, y) in series.people if y == year]
        assert len(forces) == 43, year
        assert sum(series.people[(f, year)] for f in forces) == published, year
        assert population_for("England and Wales", year) == (published, year)


def test_total_needs_every_member(tmp_path: Path) -> None:
    for name in ("forces.csv", "population_series.csv"):
        shutil.copy(bundled_data_dir() / name, tmp_path / name)
    path = tmp_path / "population_series.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for line in lines if not line.startswith("Gwent,2017,")), encoding="utf-8"
    )
    assert population_for("Wales", 2017, tmp_path) is None
    assert population_for("England and Wales", 2017, tmp_path) is None
    assert population_for("England", 2017, tmp_path) == population_for("England", 2017)
    assert population_for("Gwent", 2018, tmp_path) == population_for("Gwent", 2018)


def test_malformed_population_file_names_file_and_row(tmp_path: Path) -> None:
    shutil.copy(bundled_data_dir() / "forces.csv", tmp_path / "forces.csv")
    (tmp_path / "population_series.csv").write_text(
        "force,year,population,source\nKent,2017,1821359,x\nKent,2018,lots,x\n", encoding="utf-8"
    )
    with pytest.raises(DatasetError, match=r"population_series\.csv, row 3"):
        load_population_series(tmp_path)
