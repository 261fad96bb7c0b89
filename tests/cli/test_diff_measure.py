"""A newer release imported through a column mapping can be diffed once its measure is declared
(issue 21), and ``ox diff --force`` (issue 20).

Fixture: ``tests/fixtures/import/ho_230426_codes.parquet``, rows of the 23 Apr 2026 release copied
unchanged (see its ``.md``). Northamptonshire code 86, as PROVENANCE.md (file 7) lists it from that
file: 2022/23 = 738, 2023/24 = 738, 2024/25 = 590, 2025/26 Q1-Q3 = 448; in the bundled Oct 2023
release (prc_pfa_tidy.csv) 2022/23 = 195 + 151 + 161 + 230 = 737 and 2023/24 Q1 = 225.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli as run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_230426_codes.parquet"
MAP = [
    "--map",
    "year=FY",
    "--map",
    "force=Force",
    "--map",
    "count=n",
    "--map",
    "offence_group=Group",
]


def test_a_mapped_import_is_refused_with_how_to_declare_its_measure(store: Path) -> None:
    code, _, err = run("import", str(FIXTURE), "--name", "ho2026", *MAP)
    assert code == 0, err
    code, out, err = run("diff", "homeoffice-2023-10", "ho2026", "-o", "86")
    assert code == 2 and out == ""
    assert "the measure of 'ho2026' is not known" in err
    assert "--measure homeoffice" in err and "--replace" in err


def test_a_declared_measure_lets_the_releases_be_diffed(store: Path) -> None:
    code, out, err = run(
        "import", str(FIXTURE), "--name", "ho2026", "--measure", "homeoffice", *MAP
    )
    assert code == 0, err
    assert "Imported 6,424 rows as dataset ho2026" in out
    manifest = json.loads((store / "ho2026.json").read_text(encoding="utf-8"))
    assert manifest["measure_id"] == "homeoffice-prc"
    code, out, err = run(
        "diff", "homeoffice-2023-10", "ho2026", "-o", "86", "--force", "northants", "-f", "json"
    )
    assert code == 0, err
    rows = {r["year"]: (r["value_a"], r["value_b"], r["status"]) for r in json.loads(out)}
    assert rows["2022/23"] == (737, 738, "changed")
    assert "2023/24 Q1" in rows  # compared on the quarter both have, labelled so
    assert {r["force"] for r in json.loads(out)} == {"Northamptonshire"}
    assert "Forces compared: Northamptonshire." in err
    assert "Added in ho2026: 2024/25: 1, 2025/26 Q1-Q3: 1." in err


def test_code_90_merged_into_81_is_a_move_not_a_removal(store: Path) -> None:
    run("import", str(FIXTURE), "--name", "ho2026", "--measure", "homeoffice", *MAP)
    code, out, err = run("diff", "homeoffice-2023-10", "ho2026", "--force", "kent", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    ninety = [r for r in rows if r["offence"] == "90"]
    # The Oct 2023 release has code 90 in 2021/22, 2022/23 and 2023/24 Q1; the 2026 one has not.
    assert [(r["year"], r["status"]) for r in ninety] == [
        ("2021/22", "moved"),
        ("2022/23", "moved"),
        ("2023/24 Q1", "moved"),
    ]
    assert all("counted in code 81" in r["note"] for r in ninety)
    # (Every other code is "removed": the fixture holds codes 81, 86 and 90 only.)
    assert not [r for r in rows if r["status"] == "removed" and r["offence"] in ("81", "90")]


def test_a_declared_measure_is_checked_against_the_file(store: Path, tmp_path: Path) -> None:
    # Synthetic, made up for the test: codes that are no Home Office codes.
    other = tmp_path / "other.csv"
    other.write_text(
        "FY,Force,Code,n\n2017/18,Kent,X1,5\n2017/18,Kent,X2,7\n2017/18,Essex,X1,3\n",
        encoding="utf-8",
    )
    argv = ["import", str(other), "--name", "other", "--map", "year=FY", "--map", "force=Force"]
    argv += ["--map", "offence_code=Code", "--map", "count=n", "--measure", "homeoffice"]
    code, _, err = run(*argv)
    assert code == 2 and "Nothing was imported" in err
    assert "only 0% of its rows have a Home Office offence code" in err and "X1" in err
    assert not (store / "other.json").exists()
    code, _, err = run("import", str(FIXTURE), "--name", "x", "--measure", "nspcc", *MAP)
    assert code == 2 and "recognised by their own layout" in err
    code, _, err = run("import", str(FIXTURE), "--name", "x", "--measure", "crime", *MAP)
    assert code == 2 and "'crime' is not a measure" in err and "homeoffice" in err


def test_diff_force_refuses_a_total(store: Path) -> None:
    code, _, err = run("diff", "homeoffice", "homeoffice", "--force", "england and wales")
    assert code == 2 and "is a total, not a force" in err
