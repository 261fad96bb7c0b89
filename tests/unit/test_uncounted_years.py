"""Years an offence code was not counted are "—", never 0 (tui/model/data/uncounted.py).

The Home Office tables list retired codes with 0 for every force in every later year: in the 23 Apr
2026 release (``data/homeoffice.parquet``, read here with Polars, not through the app) code 30A
(non-domestic burglary) counts 177,129 in England and Wales in 2016/17, then 0 from 2017/18 to
2025/26. Expected figures are sums of the source rows; the app's are read from ``ox show``.
"""

from __future__ import annotations

import json
import math
from functools import cache

import polars as pl

from tests.conftest import run_cli
from tui.model.data.dataset import load_dataset
from tui.paths import bundled_data_dir


@cache
def _source(name: str = "homeoffice") -> pl.DataFrame:
    return pl.read_parquet(bundled_data_dir() / f"{name}.parquet").filter(pl.col("preferred"))


def _source_by_year(force: str, *codes: str) -> dict[str, int]:
    rows = _source().filter(pl.col("force") == force)
    if codes:
        rows = rows.filter(pl.col("offence_code").is_in(codes))
    sums = rows.group_by("year").agg(pl.col("count").sum()).sort("year")
    return {f"{y}/{(y + 1) % 100:02d}": int(c) for y, c in sums.iter_rows()}


def _shown(force: str, offence: str) -> dict[str, object]:
    code, out, err = run_cli("show", force, "--offence", offence, "-f", "json")
    assert code == 0, err
    return {str(r["year"]): r["count"] for r in json.loads(out)}


def test_30a_is_counted_to_2016_17_and_not_counted_after() -> None:
    source = _source_by_year("Northamptonshire", "30A")
    assert source["2016/17"] == 3133 and source["2017/18"] == 0 and source["2025/26"] == 0
    shown = _shown("northants", "30A")
    for year, count in source.items():
        if year <= "2016/17":
            assert shown[year] == count, year
        else:  # the source's 0: not counted, so no figure (None or no row), never 0
            assert shown.get(year) is None, (year, shown.get(year))


def test_the_zero_years_of_a_rare_code_stay_0() -> None:
    # Code 4.2 (infanticide): England and Wales 0 in 2013/14 and 2017/18 beside counts of 1;
    # zeros that chance explains (1 a year: 0 in a year has a chance of 1 in e) are real.
    national = (
        _source()
        .filter(pl.col("offence_code") == "4.2")
        .group_by("year")
        .agg(pl.col("count").sum())
    )
    totals = dict(national.iter_rows())
    assert (totals[2013], totals[2014], totals[2017], totals[2016], totals[2018]) == (0, 1, 0, 1, 2)
    ds = load_dataset("homeoffice")
    kept = ds.figures.filter(pl.col("offence_code") == "4.2").group_by("year").agg(pl.len())
    assert {2013, 2017} <= set(kept.get_column("year").to_list())
    rows = {force: _source_by_year(force, "4.2") for force in ("Kent", "Metropolitan Police")}
    for force, source in rows.items():
        shown = _shown(force, "4.2")
        assert shown["2013/14"] == source["2013/14"] == 0 and shown["2017/18"] == 0, force
    # Its last run, 2022/23 to 2025/26 (15 quarters of 0 after 7 in 2021/22), is not chance:
    # exp(-7/4 x 15) is far below 1/1000, so those years are "—".
    assert totals[2021] == 7 and math.exp(-7 / 4 * 15) < 1 / 1000
    assert _shown("Metropolitan Police", "4.2").get("2023/24") is None


def test_all_offences_for_a_force_year_are_unchanged() -> None:
    source = _source_by_year("Northamptonshire")
    shown = _shown("northants", "all")
    assert source and {y: shown[y] for y in source} == source


def test_datasets_by_year_keep_every_row() -> None:
    # NSPCC FOI answers and Recorded Crime in Scotland are given by year: nothing is left out.
    for name in ("nspcc", "scotland"):
        ds = load_dataset(name)
        source = _source(name)
        assert ds.figures.height == source.height and ds.uncounted == (), name
        assert ds.figures.get_column("count").sum() == source.get_column("count").sum(), name
