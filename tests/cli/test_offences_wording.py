"""``ox offences`` says what researchers' words mean in this dataset, once, and when each code was
last counted (issue 20, the fresh-eyes trial).

- ``ox offences burglary`` listed codes 28A-31 "To 2025/26" though the 23 Apr 2026 release counts
  them only to 2016/17 (its rows for 2017/18 to 2025/26 are all 0: the shared
  prc-pfa_230426-release_…parquet, code 28A's last non-zero row is 2016/17, its last row
  2025/26); it printed the same note and source twice; and it listed the 'Residential burglary'
  codes while the notes named only 'Domestic' and 'Non-domestic' burglary (which in that release
  hold only the codes counted to 2016/17).
- ``ox offences knife`` did not mention codes 90 ('Other knives offences') and 81 ('Other
  firearms, knives and offensive weapon offences' in that release, which has no code 90 from
  2021/22: PROVENANCE.md of homeoffice-prc, file 7), named so in the Home Office tables.
"""

from __future__ import annotations

import json

from tests.conftest import run_cli as run


def _offences(*argv: str) -> tuple[dict[str, dict[str, object]], str]:
    code, out, err = run("offences", *argv, "-f", "json")
    assert code == 0, err
    rows = {str(r["code"]): r for r in json.loads(out)}
    code, text, err = run("offences", *argv)
    assert code == 0, err
    return rows, " ".join(text.split())


def test_burglary_codes_say_when_they_were_last_counted() -> None:
    rows, text = _offences("burglary")
    # The source lists 28A to 2025/26 with 0 for every force after 2016/17; it said "To 2025/26"
    # with a note "in the tables to 2025/26, with 0 in every year after 2016/17". Those years are
    # now not counted (tui/model/data/uncounted.py): To is 2016/17 and the note says "—".
    assert rows["28A"]["last_year"] == "2016/17"
    assert rows["28A"]["last_counted_year"] == "2016/17"  # its last count above 0
    assert rows["31"]["last_year"] == rows["31"]["last_counted_year"] == "2016/17"
    assert rows["28E"]["first_year"] == "2017/18"
    assert (
        "28A, 28B, 28C, 28D, 29, 30A, 30B, 31: 2017/18 to 2025/26 shown as — (not counted)" in text
    )
    # 28E: 3 in 2024/25, then 0 in 2025/26 Q1-Q3, zeros chance can explain: kept, and said.
    assert rows["28E"]["last_year"] == "2025/26" and rows["28E"]["last_counted_year"] == "2024/25"
    assert "28E: in the tables to 2025/26, with 0 in every year after 2024/25" in text


def test_last_count_column_only_where_it_differs_from_to() -> None:
    _, text = _offences("knife")  # 90, 81, 10D: each counted to its last year
    assert "Last count" not in text and " To " in text


def test_burglary_is_said_once_with_every_subgroup_this_release_has() -> None:
    _, text = _offences("burglary")
    assert text.count("'burglary' →") == 1, text
    assert text.count("https://fdocuments.in/document/burglary-govuk.html") == 1, text
    assert "'subgroup:Residential burglary' (counted 2017/18 to 2025/26)" in text
    assert "'subgroup:Domestic burglary' (counted 2012/13 to 2016/17)" in text
    # The Oct 2023 release has no 'Residential burglary' subgroup: not offered there.
    _, older = _offences("burglary", "--dataset", "homeoffice-2023-10")
    assert "'subgroup:Domestic burglary'" in older
    assert "'subgroup:Residential burglary'" not in older


def test_knife_crime_names_codes_90_and_81() -> None:
    rows, text = _offences("knife")
    assert {"10D", "90", "81"} <= set(rows)
    assert rows["90"]["description"] == "Other knives offences"
    assert rows["90"]["last_counted_year"] == "2020/21"
    assert rows["81"]["description"] == "Other firearms, knives and offensive weapon offences"
    assert "'knife crime' → --offence '90'" in text and "'knife crime' → --offence '81'" in text
    assert "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables" in text
