"""Counts are bounded (10^9 either way), on import and on load, so no sum of counts can wrap."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import write_dataset
from tests.importing.conftest import run
from tui.model.data.dataset import load_dataset
from tui.model.data.errors import DatasetError
from tui.model.data.schema import MAX_COUNT

HEADER = (
    "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,"
    "Offence Subgroup,Offence Code,Number of Offences\n"
)


def quarters(path: Path, counts: list[str], force: str = "Kent") -> Path:
    """A Home Office layout file: one row per quarter of 2017/18 for ``force``, code 86."""
    rows = [
        f"2017/18,{q},{force},Obscene publications etc,Other,Other,86,{count}\n"
        for q, count in enumerate(counts, start=1)
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_the_issue_repro_two_quarters_of_5e18_are_refused(tmp_path: Path, store: Path) -> None:
    """Was: imported, then shown as -8446744073709551614 (the sum wrapped around)."""
    path = quarters(tmp_path / "over.csv", ["5000000000000000000", "5000000000000000000"])
    code, _out, err = run("import", str(path), "--name", "over")
    assert code == 2
    assert (
        "over.csv, row 2, column 'Number of Offences': '5000000000000000000' is too large to be "
        "a count (the largest accepted is 1,000,000,000 either way;"
    ) in err
    assert "over.csv, row 3, column 'Number of Offences'" in err
    assert "Nothing was imported." in err
    assert not store.exists() or not any(store.iterdir())


def test_a_typed_parquet_count_beyond_the_bound_is_refused(tmp_path: Path, store: Path) -> None:
    path = tmp_path / "typed.parquet"
    pl.DataFrame(
        {
            "Financial Year": ["2017/18"] * 2,
            "Financial Quarter": [1, 2],
            "Force Name": ["Kent"] * 2,
            "Offence Description": ["Obscene publications etc"] * 2,
            "Offence Group": ["Other"] * 2,
            "Offence Subgroup": ["Other"] * 2,
            "Offence Code": ["86"] * 2,
            "Number of Offences": [MAX_COUNT, MAX_COUNT + 1],
        }
    ).write_parquet(path)
    code, _out, err = run("import", str(path), "--name", "typed")
    assert code == 2
    assert "row 3, column 'Number of Offences': '1000000001' is too large to be a count" in err


def test_a_sum_at_the_bound_is_exact(tmp_path: Path, store: Path) -> None:
    """Four quarters of exactly 10^9 (and of -10^9): the year is 4,000,000,000, to the unit."""
    path = quarters(tmp_path / "bound.csv", ['"1,000,000,000"'] * 4)
    code, _out, err = run("import", str(path), "--name", "bound")
    assert code == 0, err
    code, out, err = run("show", "kent", "-d", "bound", "--format", "json")
    assert code == 0, err
    assert json.loads(out)[0]["count"] == 4_000_000_000 == 4 * MAX_COUNT
    negative = quarters(tmp_path / "neg.csv", ["-1000000000"] * 4)
    run("import", str(negative), "--name", "neg")
    code, out, _err = run("show", "kent", "-d", "neg", "--format", "json")
    assert json.loads(out)[0]["count"] == -4_000_000_000


@pytest.mark.parametrize("count", [5 * 10**18, MAX_COUNT + 1, -(MAX_COUNT + 1), -(2**63)])
def test_a_hand_edited_parquet_beyond_the_bound_is_refused_on_load(store: Path, count: int) -> None:
    rows: list[dict[str, object]] = [
        {"year": 2017, "force": "Kent", "offence_code": "86", "offence": "O", "count": 5},
        {"year": 2018, "force": "Kent", "offence_code": "86", "offence": "O", "count": count},
    ]
    path = write_dataset(store, "edited", rows)
    message = (
        f"data file {path}, row 2, column 'count': the count {count:,} (Kent, 2018/19, offence 86) "
        "is beyond the largest plausible count (1,000,000,000 either way); import the source "
        "file again"
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset("edited")
    assert str(caught.value) == message
    code, out, err = run("show", "kent", "-d", "edited")
    assert code == 1 and out == ""
    assert err == f"ox: error: {message}\n"
    code, out, _err = run("show", "kent", "--format", "csv")  # the bundled data still open
    assert code == 0 and out.startswith("force,year,count,")


def test_at_the_bound_a_hand_written_parquet_loads(store: Path) -> None:
    rows: list[dict[str, object]] = [
        {"year": 2017, "force": "Kent", "offence_code": "86", "offence": "O", "count": MAX_COUNT},
        {"year": 2018, "force": "Kent", "offence_code": "86", "offence": "O", "count": -MAX_COUNT},
    ]
    write_dataset(store, "edge", rows)
    assert load_dataset("edge").figures.get_column("count").to_list() == [MAX_COUNT, -MAX_COUNT]


def test_the_england_and_wales_total_at_the_bound_is_exact(tmp_path: Path, store: Path) -> None:
    """Every force of England and Wales at 10^9 in every quarter: the total, to the unit."""
    with open(Path(__file__).resolve().parents[2] / "data" / "forces.csv", encoding="utf-8") as fh:
        forces = [
            row["force"]
            for row in csv.DictReader(fh)
            if row["nation"] in ("England", "Wales") and row["kind"] == "territorial"
        ]
    assert len(forces) == 43
    rows = [
        f'2017/18,{q},"{force}",Obscene publications etc,Other,Other,86,{MAX_COUNT}\n'
        for force in forces
        for q in (1, 2, 3, 4)
    ]
    path = tmp_path / "all.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    code, _out, err = run("import", str(path), "--name", "all")
    assert code == 0, err
    code, out, err = run("show", "england and wales", "-d", "all", "--format", "json")
    assert code == 0, err
    assert json.loads(out)[0]["count"] == 172_000_000_000  # 43 forces x 4 quarters x 10^9
