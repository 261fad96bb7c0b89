"""The default dataset is the Home Office release of 23 Apr 2026: its figures against the source.

Every expected value below was read from the source file itself, not from this app:
``prc-pfa_230426-release_2012-13_to_2025-26Q3.parquet`` in ``shared/data-sources/homeoffice-prc/``
(a third-party copy of ``prc-pfa-mar2013-onwards-tables-230426.ods``; see its PROVENANCE.md), by
summing its ``n`` column with Polars for the rows named (``Offence Code == "86"``, ``territorial``
for England and Wales, quarters 1-4 or 1-3). They are copied here as numbers so the test runs from
a clean clone without the shared sources; Northamptonshire's series is also stated in issue #21 and
PROVENANCE.md ("Cross-checks"). They are read through the path a user takes: ``ox show`` and
``ox compare`` with ``--format json``.
"""

from __future__ import annotations

import functools
import io
import json

import pytest

from tui.cli.main import main

SOURCE = "prc-pfa_230426-release_2012-13_to_2025-26Q3.parquet"

# Northamptonshire, code 86 (issue #21; PROVENANCE.md "Cross-checks").
NORTHANTS_86 = {
    "2012/13": 52,
    "2013/14": 51,
    "2014/15": 111,
    "2015/16": 186,
    "2016/17": 248,
    "2017/18": 269,
    "2018/19": 358,
    "2019/20": 527,
    "2020/21": 539,
    "2021/22": 545,
    "2022/23": 738,
    "2023/24": 738,
    "2024/25": 590,
    "2025/26": 448,  # Q1-Q3
}

# Code 86, the 43 territorial forces (rows with territorial == True), by year.
EW_86 = {
    "2012/13": 3493,
    "2015/16": 13072,
    "2016/17": 18837,
    "2017/18": 23215,
    "2021/22": 35497,
    "2022/23": 40905,
    "2023/24": 39686,
    "2024/25": 41838,
}
EW_86_2025_Q1_Q3 = 30894

# Code 86, every body (43 forces and BTP): PROVENANCE.md says 40,910 for 2022/23 (40,472 in the
# Oct 2023 release).
ALL_BODIES_86 = {"2022/23": 40910, "2023/24": 39715, "2024/25": 41857}
BTP_86 = {"2022/23": 5, "2023/24": 29, "2024/25": 19, "2025/26": 26}
# Code 86, one force each: Avon and Somerset 2024/25 Q1 = 347 is also in PROVENANCE.md (an
# independent copy agrees); the rest are sums of the source's quarters.
FORCE_86 = [
    ("Metropolitan Police", "2017/18", 2015),
    ("Metropolitan Police", "2024/25", 3012),
    ("Kent", "2024/25", 1818),
    ("Avon and Somerset", "2024/25", 347 + 292 + 370 + 407),
]
# Every offence, every body (fraud bodies and BTP included), full years.
ALL_OFFENCES = {"2012/13": 4063571, "2022/23": 6737083, "2023/24": 6658335, "2024/25": 6588827}


def run_json(*argv: str) -> list[dict[str, object]]:
    return json.loads(_printed(argv))  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=None)
def _printed(argv: tuple[str, ...]) -> str:
    """What ``ox ARGV --format json`` prints, run once per module for the same ARGV (several
    figures are read from one command's output: a string, parsed again for each)."""
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--format", "json"], out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def shown(force: str, offence: str = "86") -> dict[str, dict[str, object]]:
    rows = run_json("show", force, "--offence", offence)
    return {str(r["year"]): r for r in rows}


def test_northamptonshire_code86_is_the_2026_release() -> None:
    rows = shown("Northamptonshire")
    assert {y: r["count"] for y, r in rows.items()} == NORTHANTS_86, SOURCE
    assert rows["2025/26"]["quarters"] == "Q1-Q3"  # partial, labelled as such
    assert rows["2025/26"]["change"] is None and rows["2025/26"]["pct_change"] is None
    assert rows["2024/25"]["change"] == 590 - 738


@pytest.mark.parametrize(("force", "year", "expected"), FORCE_86)
def test_force_year_figures_equal_the_source(force: str, year: str, expected: int) -> None:
    assert shown(force)[year]["count"] == expected, SOURCE


def test_england_and_wales_code86_totals() -> None:
    counts = {y: r["count"] for y, r in shown("England and Wales").items()}
    assert {y: counts[y] for y in EW_86} == EW_86, SOURCE
    assert counts["2025/26"] == EW_86_2025_Q1_Q3


def test_the_partial_year_is_labelled_and_never_compared_silently() -> None:
    rows = run_json("compare", "2025/26", "2024/25", "-o", "86")
    total = next(r for r in rows if r["force"] == "England and Wales")
    assert total["year_a"] == "2025/26 Q1-Q3" and total["count_a"] == EW_86_2025_Q1_Q3
    assert total["count_b"] == EW_86["2024/25"]


def test_all_bodies_code86_and_btp() -> None:
    for year_a, year_b in (("2022/23", "2023/24"), ("2024/25", "2022/23")):  # both columns read
        rows = run_json("compare", year_a, year_b, "-o", "86", "--include-national")
        bodies = [r for r in rows if r["kind"] != "total"]
        assert sum(r["count_a"] for r in bodies) == ALL_BODIES_86[year_a], year_a  # type: ignore[misc]
        assert sum(r["count_b"] for r in bodies) == ALL_BODIES_86[year_b], year_b  # type: ignore[misc]
    btp = {y: r["count"] for y, r in shown("British Transport Police").items()}
    assert {y: btp[y] for y in BTP_86} == BTP_86


def test_all_offences_all_bodies_totals() -> None:
    for year_a, year_b in (("2012/13", "2022/23"), ("2023/24", "2024/25")):  # both columns read
        rows = run_json("compare", year_a, year_b, "--offence", "all", "--include-national")
        bodies = [r for r in rows if r["kind"] != "total"]
        assert sum(r["count_a"] for r in bodies) == ALL_OFFENCES[year_a], year_a  # type: ignore[misc]
        assert sum(r["count_b"] for r in bodies) == ALL_OFFENCES[year_b], year_b  # type: ignore[misc]


def test_a_rate_for_2024_25_uses_mid_2024_and_the_partial_year_has_none() -> None:
    rows = shown("Northamptonshire")
    assert rows["2024/25"]["population_year"] == 2024
    assert rows["2024/25"]["rate"] is not None
    assert rows["2025/26"]["rate"] is None


def test_the_fraud_bodies_unknown_quarter_is_not_a_count() -> None:
    # The source holds 0 for Action Fraud, CIFAS and UK Finance in 2025/26 Q3: cells that were
    # "N/a" in the Home Office file (data/README.md). The app shows those years as Q1-Q2 only.
    af = shown("Action Fraud", "all")["2025/26"]
    assert af["count"] == 96504 + 108325 and af["quarters"] == "Q1-Q2"
    rows = run_json("show", "Action Fraud", "--offence", "all", "--quarters")
    q3 = [r for r in rows if r["year"] == "2025/26" and r.get("quarter") == 3]
    assert not q3 or q3[0]["count"] is None


@pytest.mark.parametrize("body", ["CIFAS", "Cifas", "UK Finance", "Financial Fraud Action UK"])
def test_names_of_one_body_are_one_series(body: str) -> None:
    rows = shown(body, "all")
    # CIFAS is spelt "Cifas" in 2013/14-2016/17; UK Finance was "Financial Fraud Action UK"
    # before 2017/18 Q2: every year is there, once.
    assert list(rows)[:6] == [f"{y}/{(y + 1) % 100:02d}" for y in range(2012, 2018)]
    assert all(rows[y]["count"] for y in list(rows)[:13])


def test_the_two_bundled_releases_diff_with_no_import() -> None:
    """Issue #21: what the 2026 release revised, from a clean clone. PROVENANCE.md: code 86, all
    bodies, 2022/23 = 40,472 in the Oct 2023 release and 40,910 in this one; Northamptonshire
    737 → 738; 2023/24 Q1 (provisional in Oct 2023) revised throughout."""
    rows = run_json("diff", "homeoffice-2023-10", "homeoffice", "-o", "86")
    northants = next(r for r in rows if (r["force"], r["year"]) == ("Northamptonshire", "2022/23"))
    assert (northants["value_a"], northants["value_b"]) == (737, 738)
    assert sum(1 for r in rows if r["year"] == "2023/24 Q1") >= 40  # nearly every force revised
    for dataset, expected in (("homeoffice-2023-10", 40472), ("homeoffice", 40910)):
        compared = run_json(
            "compare", "2022/23", "2021/22", "-o", "86", "--include-national", "-d", dataset
        )
        assert sum(r["count_a"] for r in compared if r["kind"] != "total") == expected  # type: ignore[misc]
