"""Release diff (tui.model.findings.diff): what a newer release revised, checked against the source
rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.findings.diff import MeasureMismatchError, diff_datasets, resolve_diff_offence
from tui.model.importing.api import import_file

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"
"""Rows copied byte for byte from shared/data-sources/homeoffice-prc/prc-pfa-mar2013-onwards-
tables201718.csv (the 2017/18 sheet of an earlier release; code 86 for every force and quarter)."""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dataset]:
    """``FIXTURE_201718`` imported once for this module as "prc201718": its store folder and the
    dataset loaded from it (the tests only read it)."""
    data = tmp_path_factory.mktemp("prc201718")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("OFFENCE_EXPLORER_DATA_DIR", str(data))
        import_file(FIXTURE_201718, name="prc201718")
        return data / "datasets", load_dataset("prc201718")


def test_a_dataset_diffed_with_itself_has_no_differences() -> None:
    ds = load_dataset(OCT23)
    diff = diff_datasets(ds, ds)
    assert diff.rows == () and diff.added == () and diff.removed == ()
    assert diff.quarters_differ == () and diff.not_compared == ()
    # Every (force, year, code) cell of the 43 territorial forces is compared and unchanged.
    assert diff.unchanged > 60_000
    nspcc = load_dataset("nspcc")
    same = diff_datasets(nspcc, nspcc)
    assert same.rows == () and same.unchanged > 0


def test_earlier_release_against_the_bundled_one_finds_northamptonshire_271_to_269(
    imported: tuple[Path, Dataset],
) -> None:
    earlier, bundled = imported[1], load_dataset(OCT23)
    diff = diff_datasets(earlier, bundled, resolve_diff_offence(earlier, bundled, "86"))
    northants = [r for r in diff.rows if r.force == "Northamptonshire"]
    # Earlier release, prc-pfa-mar2013-onwards-tables201718.csv lines 3873, 9639, 15406, 21173:
    #   2017/18,1,Northamptonshire,Obscene publications etc,Miscellaneous crimes,...,86, 63
    #   2017/18,2,Northamptonshire,...,86, 63
    #   2017/18,3,Northamptonshire,...,86, 69
    #   2017/18,4,Northamptonshire,...,86, 76          -> 271
    # Oct 2023 release (bundled), prc_pfa_tidy.csv lines 115556, 121323, 127090, 132857:
    #   2017/18,1,Northamptonshire,86,Obscene publications etc,...,60
    #   2017/18,2,...,61   2017/18,3,...,71   2017/18,4,...,77          -> 269
    assert [(r.year, r.offence, r.value_a, r.value_b, r.change) for r in northants] == [
        ("2017/18", "86", 271, 269, -2)
    ]


def test_the_2017_18_revisions_match_the_provenance_check(imported: tuple[Path, Dataset]) -> None:
    """PROVENANCE.md, 'Checks': code 86 in 2017/18 is 22,949 in the earlier release and 23,236 in
    Oct 2023; 38 forces differ, by between -22 and +65 (Metropolitan Police 1,946 against 2,011)."""
    earlier, bundled = imported[1], load_dataset(OCT23)
    selection = resolve_diff_offence(earlier, bundled, "86")
    diff = diff_datasets(earlier, bundled, selection, include_national=True)
    assert len(diff.rows) == 38
    changes = [r.change for r in diff.rows if r.change is not None]
    assert (min(changes), max(changes)) == (-22, 65)
    assert sum(changes) == 23_236 - 22_949
    first = diff.rows[0]
    assert (first.force, first.value_a, first.value_b) == ("Metropolitan Police", 1_946, 2_011)
    # Largest change first, then by force: the order is by size whatever the sign.
    keys = [(-abs(r.change or 0), r.force) for r in diff.rows]
    assert keys == sorted(keys)
    # Every other year of the bundled data is "added", never a change against nothing.
    assert diff.removed == () and {c.year for c in diff.added} >= {"2016/17", "2023/24 Q1"}
    assert diff.unchanged == 44 - 38  # 43 forces and BTP have a 2017/18 figure in both


def test_nspcc_and_homeoffice_are_not_diffed() -> None:
    with pytest.raises(MeasureMismatchError, match="different measures"):
        diff_datasets(load_dataset("nspcc"), load_dataset(OCT23))


def test_a_generic_import_has_no_known_measure_and_is_not_diffed(store: Path) -> None:
    write_dataset(
        store,
        "mapped",
        [{"year": 2017, "force": "Kent", "offence_code": "86", "offence": "x", "count": 5}],
        layout="generic",
    )
    with pytest.raises(MeasureMismatchError, match="measure of 'mapped' is not known"):
        diff_datasets(load_dataset("mapped"), load_dataset(OCT23))


def test_imports_record_their_measure_and_older_manifests_are_inferred(
    store: Path, imported: tuple[Path, Dataset]
) -> None:
    manifest = json.loads((imported[0] / "prc201718.json").read_text(encoding="utf-8"))
    assert manifest["measure_id"] == "homeoffice-prc"
    # A manifest written before imports recorded it: the layout says what it counts.
    write_dataset(
        store,
        "older",
        [{"year": 2017, "force": "Kent", "offence_code": "86", "offence": "x", "count": 5}],
        layout="homeoffice",
    )
    diff_datasets(load_dataset("older"), load_dataset(OCT23), forces=["Kent"])  # no error


def test_partial_years_are_compared_on_common_quarters_and_labelled(store: Path) -> None:
    """A synthetic later release (figures made up for the test, marked so below) against the
    bundled data, whose 2023/24 has Q1 only. Bundled (prc_pfa_tidy.csv): Northamptonshire 2023/24
    Q1 code 86 = 225 (line 256852); Kent 2022/23 = 396 + 384 + 432 + 526 = 1,738 (lines 231430,
    237373, 243316, 249259); Northamptonshire 2022/23 = 195 + 151 + 161 + 230 = 737."""
    base = {"offence_code": "86", "offence": "Obscene publications etc"}
    rows: list[dict[str, object]] = [
        # synthetic: Q1 revised 225 -> 230, and a new Q2
        {**base, "year": 2023, "quarter": 1, "force": "Northamptonshire", "count": 230},
        {**base, "year": 2023, "quarter": 2, "force": "Northamptonshire", "count": 200},
        # synthetic: Kent 2022/23 as one whole-year figure equal to the four quarters
        {**base, "year": 2022, "force": "Kent", "count": 1_738},
        # synthetic: a whole year where the bundled data has Q1 only: never compared
        {**base, "year": 2023, "force": "Kent", "count": 1_000},
        # synthetic: a missing quarter makes the year's figure missing, not 3 quarters' worth
    ]
    rows += [
        {**base, "year": 2022, "quarter": q, "force": "Northamptonshire", "count": c}
        for q, c in ((1, 195), (2, 151), (3, None), (4, 230))
    ]
    write_dataset(store, "later", rows, layout="homeoffice")
    bundled, later = load_dataset(OCT23), load_dataset("later")
    diff = diff_datasets(bundled, later, resolve_diff_offence(bundled, later, "86"))
    compared = [r for r in diff.rows if r.status != "removed"]
    assert [(r.force, r.year, r.value_a, r.value_b, r.change) for r in compared] == [
        ("Northamptonshire", "2023/24 Q1", 225, 230, 5)
    ]
    # The other forces have no figure in B in years both cover: listed as removed, not changed.
    assert {r.status for r in diff.rows[1:]} == {"removed"}
    assert all(r.value_b is None and r.change is None for r in diff.rows[1:])
    assert [(c.force, c.year, c.note) for c in diff.quarters_differ] == [
        ("Northamptonshire", "2023/24 Q1", "Q1 in A, Q1-Q2 in B")
    ]
    assert [(c.force, c.year, c.note) for c in diff.not_compared] == [
        ("Kent", "2023/24", "Q1 in A, whole year in B")
    ]
    assert diff.unchanged == 1  # Kent 2022/23: 1,738 both ways
    removed = {(c.force, c.year): c.value for c in diff.removed}
    assert removed[("Northamptonshire", "2022/23")] == 737  # B's figure is missing ("—")


def test_diff_backwards_swaps_values_added_and_removed(imported: tuple[Path, Dataset]) -> None:
    earlier, bundled = imported[1], load_dataset(OCT23)
    forward = diff_datasets(earlier, bundled)
    backward = diff_datasets(bundled, earlier)
    assert forward.unchanged == backward.unchanged > 0
    assert {(r.force, r.year, r.offence, r.value_b, r.value_a) for r in forward.rows} == {
        (r.force, r.year, r.offence, r.value_a, r.value_b) for r in backward.rows
    }
    assert [(c.force, c.year, c.offence) for c in forward.added] == [
        (c.force, c.year, c.offence) for c in backward.removed
    ]
    # Every code apart: the earlier release gives 2017/18 homicide as code 1/4.1/4.10/4.2 (4 rows
    # per force and quarter, added up on import); the Oct 2023 release gives its parts 1, 4.1, 4.10
    # and 4.2. Each force's combined figure is set against the sum of the parts, as a split naming
    # the codes: never 43 "removed" and 172 "added" with no word of why.
    assert forward.removed == () and backward.added == ()
    parts = {"1", "4.1", "4.10", "4.2"}
    assert not [c for c in forward.added if c.year == "2017/18" and c.offence in parts]
    splits = [r for r in forward.rows if r.status == "split"]
    assert len(splits) == 43 == len([r for r in backward.rows if r.status == "split"])
    assert {r.offence for r in splits} == {"1/4.1/4.10/4.2"}
    assert splits[0].note == (
        "code 1/4.1/4.10/4.2 in A is codes 1, 4.1, 4.10, 4.2 in B (added up here)"
    )
    met = next(r for r in splits if r.force == "Metropolitan Police")
    # Earlier release (ho_201718.csv, from the shared 2017/18 file): the Met's 16 homicide rows
    # are 2 + 46 (Q1), 26 (Q2), 2 + 32 (Q3), 49 (Q4), the rest "-00" = 157. Oct 2023 release
    # (prc_pfa_tidy.csv lines 114923, 114983, 120690, 126457, 126517, 132224): code 1 = 50, 28,
    # 32, 46 and code 4.1 = 1, 0, 1, 0 (4.10 and 4.2 are 0) = 158.
    assert (met.value_a, met.value_b, met.change) == (157, 158, 1)
