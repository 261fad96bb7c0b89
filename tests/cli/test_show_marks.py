"""``ox show`` marks its changes as Compare does (issue #8): ``~`` after a % within chance
variation, ``†`` after a % between figures from different releases, each with a legend line;
CSV and JSON carry ``significant`` and ``crosses_releases`` on every row; ``ox table`` (the Forces
view) the same."""

from __future__ import annotations

import json

from tests.conftest import run_cli as run

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release, whose rows (the shared prc_pfa_tidy.csv) the Home Office figures below
are summed from."""


def test_a_change_within_chance_is_marked_with_its_legend() -> None:
    """City of London, code 86: 4 in 2016/17, 2 in 2017/18 (−50 %, 95 % interval −95 % to
    +249 %: within chance, as README, Methods, works out)."""
    code, out, _ = run("show", "city of london")
    assert code == 0
    row = next(line for line in out.splitlines() if line.strip().startswith("2017/18"))
    assert row.split()[:4] == ["2017/18", "2", "-2", "-50.0%~"]
    assert "~ after a %: the change from the year before is within chance" in " ".join(out.split())
    code, out, _ = run("show", "city of london", "-f", "json")
    rows = {r["year"]: r for r in json.loads(out)}
    assert rows["2017/18"]["significant"] is False and rows["2017/18"]["crosses_releases"] is False
    assert rows["2012/13"]["significant"] is None  # no change computed: nothing tested


def test_a_change_beyond_chance_is_not_marked() -> None:
    """West Yorkshire, code 86: 1,929 (2021/22) → 2,302 (2022/23), +19.3 %, beyond chance."""
    code, out, _ = run("show", "west yorkshire", "-d", OCT23)
    row = next(line for line in out.splitlines() if line.strip().startswith("2022/23"))
    assert code == 0 and row.split()[:4] == ["2022/23", "2,302", "+373", "+19.3%"]


def test_a_change_across_releases_is_marked_with_its_legend() -> None:
    """NSPCC UK: 25,281 for 2020/21 (2021 release) → 30,925 for 2021/22 (2023 release)."""
    code, out, _ = run("show", "uk", "-d", "nspcc")
    assert code == 0
    row = next(line for line in out.splitlines() if line.strip().startswith("2021/22"))
    assert row.split()[:4] == ["2021/22", "30,925", "+5,644", "+22.3%†"]
    assert "† after a %: the two years' figures come from different releases" in out
    code, out, _ = run("show", "uk", "-d", "nspcc", "-f", "json")
    rows = {r["year"]: r for r in json.loads(out) if r["year"]}
    assert rows["2021/22"]["crosses_releases"] is True
    assert rows["2017/18"]["crosses_releases"] is False  # both from the 2018 release


def test_ox_table_marks_its_changes_and_exports_the_flags() -> None:
    """Code 86, 2021/22 → 2022/23, summed from the source's quarters: Hertfordshire
    127+121+118+133 = 499 → 113+101+149+139 = 502 (within chance); Northamptonshire
    120+99+106+219 = 544 → 195+151+161+230 = 737 (beyond)."""
    code, out, _ = run("table", "-o", "86", "-d", OCT23, "--sort", "2022/23")
    assert code == 0
    herts = next(line for line in out.splitlines() if line.strip().startswith("Hertfordshire"))
    assert herts.split()[-2:] == ["+3", "+0.6%~"]
    northants = next(line for line in out.splitlines() if "Northamptonshire" in line)
    assert northants.split()[-2:] == ["+193", "+35.5%"]
    assert "~ after a %: the change from the year before is within chance" in " ".join(out.split())
    code, out, _ = run("table", "-o", "86", "-d", OCT23, "--sort", "2022/23", "-f", "json")
    rows = {r["force"]: r for r in json.loads(out)}
    assert (rows["Hertfordshire"]["significant"], rows["Hertfordshire"]["change"]) == (False, 3)
    assert (rows["Northamptonshire"]["significant"], rows["Northamptonshire"]["change"]) == (
        True,
        193,
    )
    assert rows["Northamptonshire"]["crosses_releases"] is False  # one release throughout
