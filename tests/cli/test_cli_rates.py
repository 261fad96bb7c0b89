"""``ox show`` rows carry a rate per 100,000 and the mid-year population it uses."""

from __future__ import annotations

import io
import json

from tui.cli.main import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def rows(*argv: str) -> dict[str, dict[str, object]]:
    code, out, _ = run(*argv, "-f", "json")
    assert code == 0
    return {str(r["year"]): r for r in json.loads(out)}


def test_northamptonshire_code_86_rate_uses_the_start_years_mid_year_population() -> None:
    by_year = rows("show", "northamptonshire")
    # 269 offences over mid-2017's 759,436 people (pfa_population_series.csv) = 35.42 per 100,000
    assert by_year["2017/18"]["count"] == 269
    assert by_year["2017/18"]["rate"] == 35.42
    assert by_year["2017/18"]["population_year"] == 2017
    # 248 over mid-2016's 746,666 = 33.21
    assert by_year["2016/17"]["rate"] == 33.21
    # a partial year gets no rate: a quarter's count is not set against a year's people
    assert by_year["2025/26"]["rate"] is None and by_year["2025/26"]["population_year"] is None
    # 2024/25 uses mid-2024 (the last year of the series): 590 offences
    assert by_year["2024/25"]["population_year"] == 2024


def test_total_rate_and_no_rate_without_a_population() -> None:
    ew = rows("show", "england and wales")
    # 23,215 code-86 offences in 2017/18 (43 territorial forces, summed from the 23 Apr 2026
    # release's source file; 23,225 in the Oct 2023 release) over mid-2017's 58,700,914 = 39.55
    assert ew["2017/18"]["count"] == 23_215
    assert ew["2017/18"]["rate"] == 39.55
    uk = rows("show", "UK total", "-d", "nspcc")
    assert uk["2017/18"]["count"] == 22_724 and uk["2017/18"]["rate"] is None
    btp = rows("show", "British Transport Police")
    assert all(r["rate"] is None for r in btp.values())


def test_city_of_london_rate_carries_the_caveat() -> None:
    code, out, _ = run("show", "city of london")
    assert code == 0
    assert "City of London: rate per resident" in out.replace("\n", " ")
    code, out, _ = run("show", "kent")
    assert "rate per resident" not in out


def test_ox_table_measure_rate_sorts_and_prints_rates() -> None:
    from tests.cli.test_reproduce import json_rows

    rows = json_rows("ox table --offence 86 --sort 2022/23 --measure rate --format json")
    forces = [r for r in rows if r["force"] not in {"England and Wales", "England", "Wales"}]
    rates = [r["rate 2022/23"] for r in forces if r["rate 2022/23"] is not None]
    assert rates == sorted(rates, reverse=True)  # type: ignore[type-var]
    northants = next(r for r in rows if r["force"] == "Northamptonshire")
    assert northants["2022/23"] == 738  # the count stays, under its own name
    assert northants["rate 2022/23"] == round(738 / 792_856 * 100_000, 2)
