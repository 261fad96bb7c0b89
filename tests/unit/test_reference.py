"""Force names, aliases and ONS codes resolve to one canonical force, or fail with suggestions."""

from __future__ import annotations

import pytest

from tui.model.data.errors import UnknownForceError
from tui.model.data.reference import load_reference
from tui.paths import bundled_data_dir


@pytest.fixture(scope="module")
def ref():  # type: ignore[no-untyped-def]
    return load_reference(bundled_data_dir())


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("Northamptonshire", "Northamptonshire"),
        ("northamptonshire police", "Northamptonshire"),
        ("NORTHAM", "Northamptonshire"),
        ("northants", "Northamptonshire"),
        ("E23000022", "Northamptonshire"),
        ("e23000022", "Northamptonshire"),
        ("Devon and Cornwall", "Devon & Cornwall"),
        ("City of London", "London, City of"),
        ("Met", "Metropolitan Police"),
        ("PSNI", "Police Service of Northern Ireland"),
        ("Dyfed Powys", "Dyfed-Powys"),
        ("BTP", "British Transport Police"),
        ("Cifas", "CIFAS"),
        ("Financial Fraud Action UK", "UK Finance"),
        ("W15000004", "Dyfed-Powys"),
    ],
)
def test_aliases_codes_and_unique_fragments_resolve(ref, typed: str, canonical: str) -> None:  # type: ignore[no-untyped-def]
    assert ref.resolve(typed).name == canonical


def test_ambiguous_fragment_lists_the_candidates(ref) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownForceError) as info:
        ref.resolve("york")
    assert set(info.value.suggestions) >= {"North Yorkshire", "South Yorkshire", "West Yorkshire"}
    assert "matches several forces" in str(info.value)


def test_unknown_force_suggests_close_names(ref) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownForceError) as info:
        ref.resolve("Nrthamptonshir")
    assert info.value.suggestions[0] == "Northamptonshire"
    with pytest.raises(UnknownForceError):
        ref.resolve("Atlantis")


def test_kinds_keep_national_bodies_out_of_rankings(ref) -> None:  # type: ignore[no-untyped-def]
    ranked = [f for f in ref.forces.values() if f.ranked]
    assert len([f for f in ranked if f.nation in ("England", "Wales")]) == 43
    for name in ("Action Fraud", "CIFAS", "UK Finance", "British Transport Police", "UK total"):
        assert not ref.forces[name].ranked
