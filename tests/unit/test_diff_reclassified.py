"""Release diff: a revision told apart from a reclassification (issue 21).

The earlier release is ``tests/fixtures/import/ho_201718_groups.parquet``: rows of the shared
2017/18 sheet copied unchanged (see its ``.md``). The expected figures were added up from the
shared files with a separate script (polars filters on the raw columns), never from this code's
output:

- earlier release, Metropolitan Police 2017/18, group "Miscellaneous crimes": 9,839; subgroup
  "Violence with injury": 77,103, of which codes 4.4, 4.6, 4.8, 4.9 and 37.1 hold 53 (e.g. lines
  3314 and 20614 of the shared CSV: code 4.4 Q1 = 4, Q4 = 23);
- Oct 2023 release (``prc_pfa_tidy.csv``): group "Miscellaneous crimes against society" 11,488;
  subgroup "Violence with injury" 77,291 without those five codes, which it files under "Death or
  serious injury - unlawful driving" (43 there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.model.data.dataset import load_dataset
from tui.model.findings.diff import diff_datasets, resolve_diff_offence
from tui.model.importing.api import import_file

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718_groups.parquet"
MOVED_CODES = "codes 4.4, 4.6, 4.8, 4.9, 37.1"


@pytest.fixture
def earlier(store: Path) -> str:
    import_file(FIXTURE, name="prc201718")
    return "prc201718"


def test_a_renamed_group_is_matched_by_its_codes(earlier: str) -> None:
    a, b = load_dataset(earlier), load_dataset("homeoffice-2023-10")
    selection = resolve_diff_offence(a, b, "group:Miscellaneous crimes against society")
    diff = diff_datasets(a, b, selection)
    # 41 of the 43 forces changed; 2017/18 is compared, never "added" against nothing.
    assert len(diff.rows) == 41 and diff.unchanged == 2
    assert not [c for c in diff.added if c.year == "2017/18"]
    assert {r.status for r in diff.rows} == {"renamed"}
    met = next(r for r in diff.rows if r.force == "Metropolitan Police")
    assert (met.year, met.value_a, met.value_b, met.change) == ("2017/18", 9_839, 11_488, 1_649)
    assert "called 'Miscellaneous crimes' in prc201718" in met.note
    # Typed with the older name, the same match the other way round.
    old_name = resolve_diff_offence(a, b, "group:Miscellaneous crimes")
    back = diff_datasets(a, b, old_name)
    assert [(r.force, r.value_a, r.value_b) for r in back.rows] == [
        (r.force, r.value_a, r.value_b) for r in diff.rows
    ]
    assert (
        "called 'Miscellaneous crimes against society' in homeoffice-2023-10" in back.rows[0].note
    )


def test_codes_moved_to_another_subgroup_get_their_own_row(earlier: str) -> None:
    a, b = load_dataset(earlier), load_dataset("homeoffice-2023-10")
    diff = diff_datasets(a, b, resolve_diff_offence(a, b, "subgroup:Violence with injury"))
    met = [r for r in diff.rows if r.force == "Metropolitan Police"]
    assert [(r.status, r.value_a, r.value_b, r.change) for r in met] == [
        ("changed", 77_103 - 53, 77_291, 241),  # the revision, on the codes in both
        ("moved", 53, None, -53),  # the five codes filed elsewhere in homeoffice
    ]
    assert sum(r.change or 0 for r in met) == 77_291 - 77_103  # the old "+188", split in two
    assert MOVED_CODES in met[0].note and "moved out" in met[0].note
    assert met[1].note.startswith(f"{MOVED_CODES} moved out")
    assert "'Death or serious injury - unlawful driving' in homeoffice-2023-10" in met[1].note
    assert len([r for r in diff.rows if r.status == "moved"]) == 43
    # The other way round the codes move in.
    back = diff_datasets(b, a, resolve_diff_offence(b, a, "subgroup:Violence with injury"))
    met_back = [r for r in back.rows if r.force == "Metropolitan Police"]
    assert [(r.status, r.change) for r in met_back] == [("changed", -241), ("moved", 53)]
    assert "moved in" in met_back[1].note


def test_one_force_only(earlier: str) -> None:
    a, b = load_dataset(earlier), load_dataset("homeoffice-2023-10")
    selection = resolve_diff_offence(a, b, "group:Miscellaneous crimes against society")
    diff = diff_datasets(a, b, selection, forces=["Metropolitan Police"])
    assert [(r.force, r.value_a, r.value_b) for r in diff.rows] == [
        ("Metropolitan Police", 9_839, 11_488)
    ]
    assert diff.unchanged == 0 and {c.force for c in diff.added} == {"Metropolitan Police"}
    assert diff.forces == ("Metropolitan Police",) and diff.left_out == ()


def test_a_code_with_no_figure_in_the_other_release_is_named(store: Path) -> None:
    """Synthetic releases (figures made up for the test): code 26 is in A's group only."""
    from tests.conftest import write_dataset

    group = {"offence_group": "Misc", "offence_subgroup": "Misc"}
    rows_a: list[dict[str, object]] = [
        {**group, "year": 2017, "force": "Kent", "offence_code": "86", "offence": "x", "count": 5},
        {**group, "year": 2017, "force": "Kent", "offence_code": "26", "offence": "y", "count": 2},
    ]
    write_dataset(store, "olda", rows_a, layout="homeoffice")
    write_dataset(store, "newb", rows_a[:1], layout="homeoffice")
    a, b = load_dataset("olda"), load_dataset("newb")
    diff = diff_datasets(a, b, resolve_diff_offence(a, b, "group:Misc"))
    assert diff.unchanged == 1  # code 86: 5 in both
    assert [(r.status, r.value_a, r.value_b, r.note) for r in diff.rows] == [
        ("removed", 2, None, "code 26: no figure in newb this year")
    ]
