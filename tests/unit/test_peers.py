"""Peer groups: deterministic, never the force itself, outliers left out, sane on real data.

The real-data checks are about forces whose likeness does not depend on this code: the three
force areas of more than 2.5 million people that are big cities (Census 2021: Metropolitan Police
8,791,113; West Midlands 2,919,650; Greater Manchester 2,867,752 people — shared
reference/pfa_population.csv), and the least densely populated force areas, mostly upland
countryside (Dyfed-Powys, North Wales, Cumbria).
"""

from __future__ import annotations

import math

import pytest

from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import ModelError, UnknownForceError
from tui.model.findings.peer_figures import collect_figures, peer_year, peers_for
from tui.model.findings.peers import (
    OUTLIERS,
    PeerFigures,
    PeerGroup,
    feature_vectors,
    nearest,
    peer_group,
)

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""

GROUPS = ("Robbery", "Theft")


def fig(force: str, population: int, total: int, robbery: int) -> PeerFigures:
    return PeerFigures(
        force, 2021, population, 2021, total, (("Robbery", robbery), ("Theft", total - robbery))
    )


SYNTHETIC = {
    f.force: f
    for f in [
        fig("Alpha", 1_000_000, 50_000, 500),
        fig("Bravo", 1_000_000, 50_000, 500),  # identical to Alpha
        fig("Charlie", 1_000_000, 50_000, 500),  # identical to Alpha
        fig("Delta", 3_000_000, 300_000, 9_000),
        fig("Echo", 500_000, 20_000, 100),
        fig("London, City of", 8_600, 6_300, 113),
    ]
}


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_dataset(OCT23)


Real = tuple[dict[str, PeerFigures], tuple[str, ...]]


@pytest.fixture(scope="module")
def real(ds: Dataset) -> Real:
    figures, groups, _left_out = collect_figures(ds, peer_year(ds))
    return figures, groups


def names(group: PeerGroup) -> list[str]:
    return [p.figures.force for p in group.peers]


def real_peers(real: Real, force: str, k: int = 7) -> list[str]:
    return names(peer_group(real[0], force, real[1], k))


def test_a_force_is_never_its_own_peer_and_ties_go_by_name() -> None:
    group = peer_group(SYNTHETIC, "Bravo", GROUPS, k=3)
    assert names(group) == ["Alpha", "Charlie", "Echo"]
    assert [p.distance for p in group.peers][:2] == [0.0, 0.0]
    assert [p.rank for p in group.peers] == [1, 2, 3]
    assert "Bravo" not in names(peer_group(SYNTHETIC, "Bravo", GROUPS, k=10))


def test_outliers_get_no_peers_and_are_no_ones_peer() -> None:
    city = peer_group(SYNTHETIC, "London, City of", GROUPS)
    assert city.peers == () and "City of London has no peer group" in city.note
    for force in ("Alpha", "Delta", "Echo"):
        assert "London, City of" not in names(peer_group(SYNTHETIC, force, GROUPS, k=10))


def test_each_block_weighs_as_much_as_one_figure() -> None:
    pool = [f for n, f in sorted(SYNTHETIC.items()) if n not in OUTLIERS]
    vectors = feature_vectors(pool, GROUPS)
    for i in range(len(next(iter(vectors.values())))):
        column = [v[i] for v in vectors.values()]
        variance = sum(x * x for x in column) / len(column)  # standardised: mean 0
        expected = 1.0 if i < 2 else 1 / len(GROUPS)
        assert math.isclose(variance, expected, rel_tol=1e-9) or variance == 0
    assert nearest(vectors, "Delta", 1)[0][0] != "Delta"


def test_peer_groups_are_deterministic(ds: Dataset) -> None:
    first = peers_for(ds, "Northamptonshire")
    again = peers_for(ds, "northants")
    assert first == again and len(first.peers) == 7
    assert [p.distance for p in first.peers] == sorted(p.distance for p in first.peers)


def test_big_city_forces_are_each_others_peers(real: Real) -> None:
    assert {"Greater Manchester", "West Midlands"} <= set(real_peers(real, "Metropolitan Police"))
    assert {"West Midlands", "West Yorkshire"} <= set(real_peers(real, "Greater Manchester"))


def test_rural_forces_are_peers_and_far_from_london(real: Real) -> None:
    assert {"Cumbria", "North Wales"} <= set(real_peers(real, "Dyfed-Powys"))
    for rural in ("Dyfed-Powys", "Cumbria", "North Wales", "North Yorkshire"):
        assert "Metropolitan Police" not in real_peers(real, rural, k=10)


def test_city_of_london_is_left_out_on_real_data(ds: Dataset, real: Real) -> None:
    city = peers_for(ds, "City of London")
    assert city.peers == () and "resident population" in city.note
    assert len(real[0]) == 43  # it has figures; it is left out of the pool, not of the data
    for force in real[0]:
        if force != "London, City of":
            assert "London, City of" not in real_peers(real, force)


def test_figures_are_the_source_rows(ds: Dataset) -> None:
    """Northamptonshire 2021/22: 61,749 offences, 737 robberies (sums of the 2021/22 rows of
    shared homeoffice-prc/prc_pfa_tidy.csv); 787,125 people (ONS mid-2021 estimate, shared
    reference/pfa_population_series.csv). The default year is the latest full year with a
    population for every force: 2022/23 (mid-2022)."""
    assert peer_year(ds) == 2022
    figures, groups, left_out = collect_figures(ds, 2021)
    north = figures["Northamptonshire"]
    assert (north.total, north.population, north.population_year) == (61_749, 787_125, 2021)
    assert dict(north.groups)["Robbery"] == 737
    assert figures["Lincolnshire"].total == 54_300
    assert "Fraud offences" not in groups and len(groups) == 9 and left_out == []
    assert sum(c for _g, c in north.groups) == north.total


def test_peers_need_a_force_of_england_and_wales_and_offence_groups(ds: Dataset) -> None:
    with pytest.raises(ModelError, match="43 forces of England and Wales"):
        peers_for(ds, "British Transport Police")
    with pytest.raises(UnknownForceError):
        peers_for(ds, "Atlantis")
    with pytest.raises(ModelError, match="partial year"):
        peers_for(ds, "Kent", year=2023)


def test_peer_figures_are_counts_only(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """A peer group needs each force's counts for one year, not a whole Forces table with a
    chance test per change (~2 s of CPU for 11 tables, in the worker beside the detail view's
    first render, issue 11): no change is tested, and the figures are the source's (as above)."""
    import tui.model.figures.force_table as table_module

    def no_test(*_args: object) -> None:
        raise AssertionError("a change was tested for a peer group")

    monkeypatch.setattr(table_module, "change_interval", no_test)
    figures, _groups, _left_out = collect_figures(ds, 2021)
    assert figures["Northamptonshire"].total == 61_749
    assert dict(figures["Northamptonshire"].groups)["Robbery"] == 737
