"""Recorded Crime in Scotland (issue 21): the bundled ``scotland`` dataset, read as a user reads it.

Expected figures are copied from ``shared/data-sources/scotland-rcs/PROVENANCE.md`` (sums of the 32
council areas published there, and the 2022/23 file's own Scotland row) and from the NSPCC figures
file, never computed by this code.
"""

from __future__ import annotations

import io
import json

import pytest

from tui.cli.main import main

PROV = "shared/data-sources/scotland-rcs/PROVENANCE.md"

# Indecent photos of children, sum of the 32 council areas (PROVENANCE.md), and the 2022/23 file's
# Scotland row (765).
SCOTLAND_IPC = {
    "2009/10": 69,
    "2010/11": 225,
    "2011/12": 375,
    "2012/13": 595,
    "2013/14": 621,
    "2014/15": 603,
    "2015/16": 645,
    "2016/17": 649,
    "2017/18": 658,
    "2018/19": 554,
    "2019/20": 584,
    "2020/21": 660,
    "2021/22": 662,
    "2022/23": 765,
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def run_json(*argv: str) -> list[dict[str, object]]:
    code, out, err = run(*argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def counts(force: str, offence: str | None = None) -> dict[str, object]:
    argv = ["show", force, "--dataset", "scotland"]
    if offence:
        argv += ["--offence", offence]
    return {str(r["year"]): r["count"] for r in run_json(*argv)}


def test_scotland_is_the_sum_of_its_council_areas_and_equals_the_published_figures() -> None:
    shown = counts("Scotland")
    assert {y: shown[y] for y in SCOTLAND_IPC} == SCOTLAND_IPC, PROV


@pytest.mark.parametrize(
    ("area", "expected"), [("Glasgow City", 67), ("City of Edinburgh", 60), ("Fife", 50)]
)
def test_council_area_figures_for_2021_22(area: str, expected: int) -> None:
    assert counts(area)["2021/22"] == expected, PROV


def test_a_council_area_is_found_by_the_name_people_use() -> None:
    assert counts("glasgow")["2021/22"] == 67


def test_years_before_a_category_existed_are_missing_not_zero() -> None:
    # The cube writes 0 for 2006/07 to 2008/09: the category starts in 2009/10 (PROVENANCE.md).
    shown = counts("Scotland")
    assert min(shown) == "2009/10"
    assert "2008/09" not in shown
    # A category that exists throughout starts with the series.
    assert min(counts("Scotland", "g1-robbery")) == "1996/97"


def test_the_2022_23_figures_come_from_the_later_vintage_and_say_so() -> None:
    rows = {str(r["year"]): r for r in run_json("show", "Glasgow City", "--dataset", "scotland")}
    assert rows["2022/23"]["release"] != rows["2021/22"]["release"]
    assert rows["2022/23"]["crosses_releases"] is True
    assert "2022/23" in str(rows["2022/23"]["release"])


def test_another_category_of_the_later_vintage() -> None:
    # "Communicating indecently", Scotland 2022/23: 1,518 (PROVENANCE.md, the 2022/23 file).
    assert counts("Scotland", "g2-communicating-indecently")["2022/23"] == 1518


def test_no_rates_for_council_areas() -> None:
    rows = run_json("show", "Fife", "--dataset", "scotland")
    assert all(r["rate"] is None for r in rows)
    code, out, _err = run("show", "Fife", "--dataset", "scotland")
    assert code == 0
    assert "No rates: no population series for council areas" in " ".join(out.split())


def test_the_scotland_total_is_named_as_a_sum_of_council_areas() -> None:
    code, out, err = run("table", "--dataset", "scotland")
    assert code == 0, err
    assert "sum of 32 council areas" in out
    assert "Police Scotland" not in out


def test_england_and_wales_events_do_not_apply_to_scotland() -> None:
    code, out, err = run("show", "Glasgow City", "--dataset", "scotland")
    assert code == 0, err
    assert "National Statistics" not in out and "Action Fraud" not in out


def test_views_that_cannot_show_scotland_say_so_and_what_to_do() -> None:
    code, _out, err = run("map", "--dataset", "scotland")
    assert code != 0
    assert "council area" in err and "ox table --dataset scotland" in err
    code, _out, err = run("peers", "glasgow", "--dataset", "scotland")
    assert code != 0
    assert "council areas" in err and "ox table --dataset scotland" in err


def test_police_scotland_side_by_side_with_the_nspcc_never_merged() -> None:
    code, out, err = run("show", "police scotland", "--dataset", "scotland,nspcc")
    assert code == 0, err
    assert "never merged" in out and "Scottish Crime Recording Standard" in out


def test_scottish_and_nspcc_figures_stay_in_their_own_columns() -> None:
    code, out, err = run(
        "show", "police scotland", "--dataset", "nspcc,scotland", "--format", "json"
    )
    assert code == 0, err
    rows = json.loads(out)
    # NSPCC's Police Scotland 2021/22 figure: 662 (nspcc_foi_by_force.csv, news.stv.tv);
    # Recorded Crime in Scotland's: 662 (PROVENANCE.md). Two measures, two columns.
    by_dataset = {(r["dataset"], r["year"]): r["count"] for r in rows}
    assert by_dataset[("nspcc", "2021/22")] == 662
    assert by_dataset[("scotland", "2021/22")] == 662
    assert by_dataset[("scotland", "2009/10")] == 69
    assert ("nspcc", "2009/10") not in by_dataset  # no NSPCC figure that year


def test_the_homeoffice_dataset_is_unchanged_by_the_council_areas() -> None:
    # England and Wales code 86, 2016/17: 18,834 in the Oct 2023 release (PROVENANCE.md); Scotland's
    # council areas join the reference but never a Home Office total.
    rows = run_json("compare", "2016/17", "2017/18", "-o", "86", "-d", "homeoffice-2023-10")
    names = {r["force"] for r in rows}
    assert not names & {"Glasgow City", "Fife", "Scotland"}
    total = next(r for r in rows if r["force"] == "England and Wales")
    assert total["count_a"] == 18834
