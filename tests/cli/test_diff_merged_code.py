"""The release diff of a total that holds code 90: one row per force-year, never a second
"all 0 → removed" row for the code the later release counts in code 81.

Issue 20 (the fresh-eyes trial): ``ox diff homeoffice-2023-10 homeoffice --offence all`` showed
``Kent 2021/22 all 180,886 180,826 -60 changed`` and then ``Kent 2021/22 all 0 — — removed``,
with "Removed (only in homeoffice-2023-10): … 2021/22: 43"; only the CSV note said it was code 90.

Figures from the shared source files: West Yorkshire 2021/22, every offence code summed, is
294,241 in the Oct 2023 release (prc_pfa_tidy.csv; code 90 'Other knives offences' is 3 of it)
and 294,283 in the 23 Apr 2026 release (prc-pfa_230426-release_…parquet, which has no code 90
from 2021/22: PROVENANCE.md, file 7).
"""

from __future__ import annotations

import json

from tests.conftest import run_cli as run

DIFF = ("diff", "homeoffice-2023-10", "homeoffice")


def test_the_all_offences_total_is_one_row_with_code_90_inside_it() -> None:
    code, out, err = run(*DIFF, "--offence", "all", "--force", "West Yorkshire", "-f", "json")
    assert code == 0, err
    rows = [r for r in json.loads(out) if r["year"] == "2021/22"]
    assert len(rows) == 1, rows
    row = rows[0]
    assert (row["value_a"], row["value_b"], row["change"]) == (294_241, 294_283, 42)
    assert row["status"] == "changed" and "code 90 in A is counted in code 81 in B" in row["note"]
    assert "Code 90 in homeoffice-2023-10 is counted in code 81 in homeoffice" in err


def test_no_force_year_of_the_total_reads_removed_for_code_90() -> None:
    code, out, err = run(*DIFF, "--offence", "all")
    assert code == 0, err
    removed = [line for line in out.splitlines() if line.rstrip().endswith("removed")]
    assert not [line for line in removed if "2021/22" in line or "2022/23" in line], removed
    text = " ".join(out.split())
    # Was "Removed (only in homeoffice-2023-10): 2019/20 Q2-Q4: 1." (GMP's codes 8T and 8U, all
    # 0): those years are now not counted in that release (tui/model/data/uncounted.py), as in
    # the other; nor is code 4.2's 0 in 2022/23 (kept there, not counted in homeoffice) a row.
    assert "0 removed (only in homeoffice-2023-10)" in text
    # What moved is said beside the counts, in words.
    assert (
        "Code 90 in homeoffice-2023-10 is counted in code 81 in homeoffice (2021/22 to 2023/24): "
        "its figures are compared within the total"
    ) in text


def test_the_group_holding_both_codes_too() -> None:
    code, out, err = run(
        *DIFF, "--offence", "group:Possession of weapons offences", "--force", "Kent", "-f", "json"
    )
    assert code == 0, err
    years = [r["year"] for r in json.loads(out)]
    assert len(years) == len(set(years)), years  # one row per year
    assert all(r["status"] != "removed" for r in json.loads(out))


def test_code_90_alone_is_a_moved_row() -> None:
    code, out, err = run(*DIFF, "--offence", "90", "--force", "West Yorkshire", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["year"], r["status"], r["value_a"], r["change"]) for r in rows] == [
        ("2021/22", "moved", 3, -3),
        ("2022/23", "moved", 0, 0),
        ("2023/24 Q1", "moved", 0, 0),
    ]
    assert all("counted in code 81" in r["note"] for r in rows)
