"""``ox show FORCE --dataset homeoffice-2023-10,nspcc`` (the Oct 2023 release, whose 2023/24 is
Q1) has one row per year of either dataset, and shows both datasets even when they share no year
(issue 20): South Wales had no 2023/24 row, and the Met was refused."""

from __future__ import annotations

import io
import json

import pytest

from tui.cli.main import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "force", ["south wales", "north wales", "dyfed-powys", "gwent", "south yorkshire"]
)
def test_every_year_of_either_dataset_has_a_row(force: str) -> None:
    code, out, err = _run("show", force, "--dataset", "homeoffice-2023-10,nspcc")
    assert code == 0, err
    years = [line.split()[0] for line in out.splitlines() if line[:3] == " 20"]
    assert "2023/24" in years and "2012/13" in years
    row = next(line for line in out.splitlines() if line.strip().startswith("2023/24"))
    assert "(Q1)" in row  # the Home Office's partial year says so
    code, out, _ = _run("show", force, "--dataset", "homeoffice-2023-10,nspcc", "-f", "json")
    rows = json.loads(out)
    assert {r["dataset"] for r in rows} == {"homeoffice-2023-10", "nspcc"}
    assert any(r["year"] == "2023/24" and r["dataset"] == "nspcc" for r in rows)


def test_south_wales_2023_24_figures_are_the_sources() -> None:
    _code, out, _ = _run(
        "show", "south wales", "--dataset", "homeoffice-2023-10,nspcc", "-f", "json"
    )
    got = {(r["measure"], r["year"] or r["period"]): r for r in json.loads(out)}
    # NSPCC's 2025 release cites the Home Office's 2023/24 figure for South Wales: 964.
    assert got[("Home Office data cited by NSPCC", "2023/24")]["count"] == 964
    assert got[("Home Office code 86", "2023/24")]["quarters"] == "Q1"
    assert got[("NSPCC FOI", "2021/22")]["count"] == 789


def test_the_met_is_shown_though_the_datasets_share_no_year() -> None:
    code, out, err = _run("show", "met", "--dataset", "homeoffice-2023-10,nspcc", "-f", "json")
    assert code == 0, err
    got = {(r["dataset"], r["year"] or r["period"]): r["count"] for r in json.loads(out)}
    assert got[("nspcc", "2013-2015 (calendar years)")] == 1461
    assert got[("homeoffice-2023-10", "2017/18")] == 2011
