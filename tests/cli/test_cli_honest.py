"""``ox compare`` rates and chance, ``--measure rate``, event notes, and ``ox show --dataset a,b``.

Expected figures come from the shared sources: counts from the published tables (DOMAIN.md), the
population from ``/work/shared/data-sources/reference/pfa_population_series.csv`` (read here, not
from the app's copy), and the chance verdicts from the exact binomial test worked by hand below.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from tui.cli.main import main

SHARED = Path("/work/shared/data-sources/reference/pfa_population_series.csv")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def shared_population(force: str, year: int) -> int:
    with open(SHARED, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["force"] == force and int(row["year"]) == year:
                return int(row["population"])
    raise AssertionError(f"{force} {year} not in the shared file")


def exact_two_sided_p(a: int, b: int) -> float:
    """The exact conditional test by direct binomial sums: b | a+b ~ Bin(a+b, ½), tails doubled."""
    n = a + b
    pmf = [math.comb(n, k) / 2**n for k in range(n + 1)]
    low, high = sum(pmf[: b + 1]), sum(pmf[b:])
    return float(min(1.0, 2 * min(low, high)))


def rows_of(*argv: str) -> dict[str, dict[str, object]]:
    code, out, err = run(*argv, "--format", "json")
    assert code == 0, err
    return {str(r["force"]): r for r in json.loads(out)}


def test_compare_rate_is_count_over_mid_year_population() -> None:
    rows = rows_of("compare", "2016/17", "2017/18")
    north = rows["Northamptonshire"]
    assert (north["count_a"], north["count_b"]) == (248, 269)
    pop = shared_population("Northamptonshire", 2017)
    assert pop == 759_436
    assert north["rate_b"] == round(269 / pop * 100_000, 2) == 35.42
    assert north["rate_a"] == round(248 / shared_population("Northamptonshire", 2016) * 1e5, 2)
    # A total: the population summed over its 43 forces.
    ew = rows["England and Wales"]
    with open(SHARED, newline="", encoding="utf-8") as fh:
        total = sum(int(r["population"]) for r in csv.DictReader(fh) if r["year"] == "2017")
    # 23,215: code 86, 43 territorial forces, 2017/18, in the 23 Apr 2026 release's source file.
    assert ew["rate_b"] == round(23_215 / total * 100_000, 2)


@pytest.mark.parametrize(
    ("dataset", "force", "a", "b"),
    [
        ("nspcc", "Northamptonshire", 245, 263),
        ("homeoffice", "Kent", 507, 1209),
    ],
)
def test_compare_chance_flags_match_the_exact_test(
    dataset: str, force: str, a: int, b: int
) -> None:
    row = rows_of("compare", "2016/17", "2017/18", "-d", dataset)[force]
    assert (row["count_a"], row["count_b"]) == (a, b)
    assert row["significant"] is (exact_two_sided_p(a, b) < 0.05)
    low, high = row["pct_ci_low"], row["pct_ci_high"]
    assert isinstance(low, float) and isinstance(high, float)
    assert (low > 0 or high < 0) is row["significant"]
    assert low < row["pct_change"] < high  # type: ignore[operator]


def test_northamptonshire_nspcc_is_within_chance_and_kent_is_not() -> None:
    assert exact_two_sided_p(245, 263) > 0.05 and exact_two_sided_p(507, 1209) < 1e-6
    assert (
        rows_of("compare", "2016/17", "2017/18", "-d", "nspcc")["Northamptonshire"]["significant"]
        is False
    )
    assert rows_of("compare", "2016/17", "2017/18")["Kent"]["significant"] is True


def test_four_to_two_is_within_chance() -> None:
    """City of London, code 86, 2016/17 → 2017/18: 4 → 2, −50 %, and chance explains it."""
    row = rows_of("compare", "2016/17", "2017/18")["London, City of"]
    assert (row["count_a"], row["count_b"], row["pct_change"]) == (4, 2, -50.0)
    assert exact_two_sided_p(4, 2) == pytest.approx(0.6875)
    assert row["significant"] is False
    assert row["pct_ci_low"] < -90 and row["pct_ci_high"] > 100  # type: ignore[operator]


def test_missing_count_has_no_chance_flag() -> None:
    row = rows_of("compare", "2016/17", "2017/18", "-d", "nspcc")["Kent"]
    assert row["count_a"] is None
    assert row["significant"] is None and row["pct_ci_low"] is None and row["rate_a"] is None


def test_table_marks_changes_within_chance_and_explains_it() -> None:
    code, out, _err = run("compare", "2016/17", "2017/18", "-d", "nspcc")
    assert code == 0
    north = next(line for line in out.splitlines() if line.strip().startswith("Northamptonshire"))
    assert "+7.3%~" in north.split()
    beds = next(line for line in out.splitlines() if line.strip().startswith("Bedfordshire"))
    assert "+69.5%" in beds.split() and "~" not in beds
    # Markdown the same; CSV and JSON carry the flag, never the mark.
    _, md, _ = run("compare", "2016/17", "2017/18", "-d", "nspcc", "-f", "markdown")
    assert "| Northamptonshire | 245 | 263 | +18 | +7.3%~ |" in md
    _, data, _ = run("compare", "2016/17", "2017/18", "-d", "nspcc", "-f", "csv")
    assert "~" not in data
    assert "~ after a %: the change is within chance variation" in out


def test_measure_rate_sorts_and_shows_rates() -> None:
    code, out, _err = run("compare", "2016/17", "2017/18", "--measure", "rate", "--sort", "b")
    assert code == 0
    assert "per 100,000 people (ONS mid-year estimate of the year the financial year" in " ".join(
        out.split()
    )
    code, data, _ = run("compare", "2016/17", "2017/18", "-m", "rate", "-s", "b", "-f", "json")
    forces = [r for r in json.loads(data) if r["kind"] == "force"]
    rates = [r["rate_b"] for r in forces if r["rate_b"] is not None]
    assert rates == sorted(rates, reverse=True) and len(rates) == 43


def test_sort_sig_puts_changes_beyond_chance_first() -> None:
    code, data, _ = run("compare", "2016/17", "2017/18", "-d", "nspcc", "-s", "sig", "-f", "json")
    forces = [r for r in json.loads(data) if r["kind"] == "force" and r["significant"] is not None]
    flags = [r["significant"] for r in forces]
    assert flags == sorted(flags, reverse=True) and False in flags and True in flags


def test_compare_note_names_the_events_between_the_years() -> None:
    code, out, _ = run("compare", "2013/14", "2015/16", "--offence", "all")
    assert code == 0
    text = " ".join(out.split())
    assert "Crime-recording: making the victim count" in text  # HMIC, November 2014
    assert "https://" in text


def test_show_two_datasets_side_by_side() -> None:
    code, out, err = run("show", "northants", "--dataset", "homeoffice,nspcc", "-f", "json")
    assert code == 0, err
    got = {(r["dataset"], r["year"]): r["count"] for r in json.loads(out)}
    assert got[("nspcc", "2016/17")] == 245 and got[("nspcc", "2017/18")] == 263
    assert got[("homeoffice", "2016/17")] == 248 and got[("homeoffice", "2017/18")] == 269
    code, table, _ = run("show", "northants", "--dataset", "homeoffice,nspcc")
    line = next(x for x in table.splitlines() if x.strip().startswith("2017/18"))
    assert line.split() == ["2017/18", "269", "263"]
    assert "Different measures" in table


def test_a_full_year_keeps_its_rate_beside_a_partial_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only the partial year's rate is "—": 2021/22 is whole (from the trial: both were "—")."""
    assert main(["compare", "2021/22", "2025/26", "--measure", "rate", "-f", "json"]) == 0
    rows = {r["force"]: r for r in json.loads(capsys.readouterr().out)}
    # Northamptonshire code 86, 2021/22: 545 (the 23 Apr 2026 release's source file) over
    # mid-2021's 787,125 (pfa_population_series.csv) = 69.24 per 100,000; 2025/26 is Q1-Q3: no rate.
    assert rows["Northamptonshire"]["rate_a"] == 69.24
    assert rows["Northamptonshire"]["rate_b"] is None
