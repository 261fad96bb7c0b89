"""``ox diff``: a new release against the bundled one, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import run_cli as run
from tests.conftest import write_dataset
from tui.model.importing.api import import_file

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"


OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release, against which PROVENANCE.md cross-checks the 2017/18 release."""


def test_diff_json_rows_carry_both_values_and_the_change(store: Path) -> None:
    import_file(FIXTURE_201718, name="prc201718")
    code, out, err = run("diff", "prc201718", OCT23, "--offence", "86", "-f", "json")
    assert code == 0
    rows = json.loads(out)
    keys = {"force", "year", "offence", "value_a", "value_b", "change", "status", "note"}
    assert all(set(r) == keys for r in rows)
    # Source rows quoted in tests/unit/test_diff.py: 63+63+69+76 = 271 earlier, 60+61+71+77 = 269.
    assert {
        "force": "Northamptonshire",
        "year": "2017/18",
        "offence": "86",
        "value_a": 271,
        "value_b": 269,
        "change": -2,
        "status": "changed",
        "note": "",
    } in rows
    assert rows[0]["force"] == "Metropolitan Police" and rows[0]["change"] == 65
    # The counts go to stderr, apart from the rows.
    assert "38 changed, 5 unchanged" in err and "473 added (only in homeoffice-2023-10)" in err
    # One count for one range: the years added are 2012/13-2016/17 and 2018/19-2023/24 Q1 (2017/18
    # is in both), 11 financial years, never "2012/13 to 2023/24 Q1" (12 years) called 11.
    assert (
        "Added in homeoffice-2023-10: 2012/13 to 2016/17 and 2018/19 to 2023/24 Q1 "
        "(11 financial years)." in err
    )


def test_diff_table_top_and_csv(store: Path) -> None:
    import_file(FIXTURE_201718, name="prc201718")
    code, out, _ = run("diff", "prc201718", OCT23, "-o", "86", "--top", "3")
    assert code == 0
    assert "What changed from prc201718 to homeoffice-2023-10: code 86" in out
    assert "Metropolitan Police" in out and "1,946" in out and "2,011" in out and "+65" in out
    assert "Showing the 3 largest of 38 changes" in out
    assert "Left out (not police force areas" in out and "British Transport Police" in out
    code, out, _ = run("diff", "prc201718", OCT23, "-o", "86", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 38
    assert rows[0] == {
        "force": "Metropolitan Police",
        "year": "2017/18",
        "offence": "86",
        "value_a": "1946",
        "value_b": "2011",
        "change": "65",
        "status": "changed",
        "note": "",
    }


def test_diff_with_itself_says_no_differences() -> None:
    code, out, _ = run("diff", "homeoffice", "homeoffice", "--offence", "all")
    assert code == 0
    assert "No differences from homeoffice to homeoffice: all offences" in out
    assert "0 changed" in out and "0 added" in out and "0 removed" in out
    code, out, _ = run("diff", "homeoffice", "homeoffice", "-f", "json")
    assert code == 0 and json.loads(out) == []


def test_diff_of_different_measures_is_refused_in_one_line() -> None:
    code, out, err = run("diff", "nspcc", "homeoffice")
    assert code == 2 and out == ""
    assert err.startswith("ox: error: cannot diff 'nspcc' and 'homeoffice': they are different")
    assert "NSPCC" in err and "Home Office" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_diff_errors_name_the_problem(store: Path) -> None:
    code, _, err = run("diff", "homeoffice", "nosuch")
    assert code == 2 and "unknown dataset 'nosuch'" in err
    code, _, err = run("diff", "homeoffice", "homeoffice", "--top", "0")
    assert code == 2 and "--top must be at least 1" in err
    write_dataset(
        store,
        "mapped",
        [{"year": 2017, "force": "Kent", "offence_code": "86", "offence": "x", "count": 5}],
        layout="generic",
    )
    code, _, err = run("diff", "mapped", "homeoffice")
    assert code == 2 and "the measure of 'mapped' is not known" in err
