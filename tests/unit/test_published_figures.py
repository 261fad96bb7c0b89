"""Figures on screen are the product: check them against figures published by the sources.

Each expected value below is copied from a published source or from the provenance notes of the
shared data (not computed by this code), with the place it comes from. They are read through the
same path a user takes: ``ox show`` / ``ox compare`` with ``--format json``.
"""

from __future__ import annotations

import functools
import io
import json
import re

import pytest

from tui.cli.main import main

PROV = "shared/data-sources/homeoffice-prc/PROVENANCE.md, 'Checks' table"
OCT23 = "homeoffice-2023-10"
"""The 19 Oct 2023 release, whose figures PROVENANCE.md's 'Checks' table states (the 2026 release,
the default dataset, is pinned in test_published_figures_2026.py)."""
NOTES = "shared/data-sources/nspcc-foi/NOTES.md, 'Coverage' table"
ISSUE = "issue #2, 'Must hold'"

# (dataset, force, year, offence, expected count, where it is published)
FORCE_YEAR_FIGURES = [
    ("homeoffice", "Northamptonshire", "2016/17", "86", 248, ISSUE),
    ("homeoffice", "Northamptonshire", "2017/18", "86", 269, ISSUE),
    (OCT23, "Northamptonshire", "2016/17", "86", 248, ISSUE),
    (OCT23, "Northamptonshire", "2017/18", "86", 269, ISSUE),
    (OCT23, "Northamptonshire", "2022/23", "86", 737, "issue #21 (737 -> 738 in 2026)"),
    (
        OCT23,
        "Metropolitan Police",
        "2017/18",
        "86",
        2011,
        PROV + " (Oct 2023 release, 2017/18)",
    ),
    ("nspcc", "Northamptonshire", "2016/17", None, 245, "northamptonchron.co.uk (DOMAIN.md §0)"),
    ("nspcc", "Northamptonshire", "2017/18", None, 263, "northamptonchron.co.uk (DOMAIN.md §0)"),
    ("nspcc", "UK total", "2016/17", None, 18522, "royston-crow.co.uk (DOMAIN.md §0)"),
    ("nspcc", "UK total", "2017/18", None, 22724, "nspcc.org.uk (DOMAIN.md §0)"),
    ("nspcc", "Hertfordshire", "2016/17", None, 309, "royston-crow.co.uk"),
    ("nspcc", "Hertfordshire", "2017/18", None, 301, "royston-crow.co.uk"),
    ("nspcc", "Bedfordshire", "2016/17", None, 118, "royston-crow.co.uk"),
    ("nspcc", "Bedfordshire", "2017/18", None, 200, "royston-crow.co.uk"),
    ("nspcc", "Cambridgeshire", "2016/17", None, 209, "royston-crow.co.uk"),
    ("nspcc", "Cambridgeshire", "2017/18", None, 164, "royston-crow.co.uk"),
    ("nspcc", "Cheshire", "2020/21", None, 506, NOTES),
    ("nspcc", "Lancashire", "2021/22", None, 1133, NOTES),
    ("nspcc", "Devon and Cornwall", "2017/18", None, 829, NOTES),
    ("nspcc", "West Yorkshire", "2017/18", None, 1320, NOTES),
    ("nspcc", "Kent", "2022/23", None, 1568, NOTES),
    ("nspcc", "Dyfed-Powys", "2016/17", None, 363, NOTES),
    ("nspcc", "Wales total", "2017/18", None, 1458, NOTES),
    ("nspcc", "PSNI", "2017/18", None, 478, NOTES),
    ("nspcc", "Police Scotland", "2018/19", None, 554, NOTES),
    ("nspcc", "UK total", "2020/21", None, 25281, NOTES + " (NSPCC 2021 page)"),
    ("nspcc", "UK total", "2021/22", None, 30925, NOTES),
    ("nspcc", "Metropolitan Police", "2023/24", "ho_cited", 2780, NOTES + " (Home Office data)"),
    ("nspcc", "England and Wales total", "2023/24", "ho_cited", 38685, "nspcc.org.uk 2025-02-18"),
]

# Code 86 for the 43 territorial forces of England and Wales, by year (PROVENANCE.md checks).
EW_CODE86 = {
    "2012/13": 3493,
    "2013/14": 4600,
    "2014/15": 8028,
    "2015/16": 13091,
    "2016/17": 18834,
    "2017/18": 23225,
    "2018/19": 25283,
    "2019/20": 26966,
    "2020/21": 31901,
    "2021/22": 35383,
    "2022/23": 40468,
}
BTP_CODE86 = {"2012/13": 13, "2016/17": 10, "2017/18": 11, "2022/23": 4, "2023/24": 4}


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


def shown(dataset: str, force: str, offence: str | None) -> dict[str, object]:
    argv = ["show", force, "--dataset", dataset]
    if offence:
        argv += ["--offence", offence]
    return {str(r["year"]): r["count"] for r in run_json(*argv)}


@pytest.mark.parametrize(
    ("dataset", "force", "year", "offence", "expected", "source"), FORCE_YEAR_FIGURES
)
def test_force_year_figures_equal_the_published_ones(
    dataset: str, force: str, year: str, offence: str | None, expected: int, source: str
) -> None:
    assert shown(dataset, force, offence)[year] == expected, source


def test_england_and_wales_code86_totals_by_year() -> None:
    years = list(EW_CODE86)
    # Two years a comparison (the same year twice is refused): both of its columns are read.
    for year_a, year_b in zip(years[::2], [*years[1::2], years[0]]):
        rows = run_json("compare", year_a, year_b, "-o", "86", "-d", OCT23)
        total = next(r for r in rows if r["force"] == "England and Wales")
        assert total["count_a"] == EW_CODE86[year_a], (year_a, PROV)
        assert total["count_b"] == EW_CODE86[year_b], (year_b, PROV)


def test_partial_year_total_and_its_label() -> None:
    rows = run_json("compare", "2023/24", "2022/23", "-d", OCT23)
    total = next(r for r in rows if r["force"] == "England and Wales")
    assert total["count_a"] == 10546 and total["year_a"] == "2023/24 Q1"  # PROVENANCE.md: Q1 only


def test_btp_code86_is_kept_out_of_totals_but_shown_when_asked() -> None:
    btp = shown(OCT23, "British Transport Police", "86")
    for year, expected in BTP_CODE86.items():
        assert btp[year] == expected, PROV


def test_all_offences_all_bodies_totals() -> None:
    # PROVENANCE.md: all-offence total over all 47 bodies, including fraud bodies and BTP.
    expected = {"2012/13": 4063571, "2017/18": 5528510, "2022/23": 6736588}
    for year_a, year_b in (("2012/13", "2017/18"), ("2022/23", "2012/13")):  # both columns read
        rows = run_json(
            "compare", year_a, year_b, "--offence", "all", "--include-national", "-d", OCT23
        )
        bodies = [r for r in rows if r["kind"] != "total"]
        assert sum(r["count_a"] for r in bodies) == expected[year_a], year_a  # type: ignore[misc]
        assert sum(r["count_b"] for r in bodies) == expected[year_b], year_b  # type: ignore[misc]


def test_nspcc_uk_change_is_computed_from_the_counts() -> None:
    rows = run_json("compare", "2016/17", "2017/18", "--dataset", "nspcc")
    uk = next(r for r in rows if r["force"] == "UK total")
    assert (uk["count_a"], uk["count_b"], uk["change"]) == (18522, 22724, 4202)
    assert uk["pct_change"] == pytest.approx(22.69, abs=0.01)  # press: "23 per cent", not "25%"


@pytest.mark.parametrize(
    ("force", "pct"),
    [
        ("Northamptonshire", 7.35),
        ("Bedfordshire", 69.49),
        ("Hertfordshire", -2.59),
        ("Cambridgeshire", -21.53),
    ],
)
def test_nspcc_force_percentages(force: str, pct: float) -> None:
    # DOMAIN.md §0: +7.3 %, +69.5 % (press said 66), −2.6 %, −21.5 %.
    rows = run_json("compare", "2016/17", "2017/18", "--dataset", "nspcc")
    row = next(r for r in rows if r["force"] == force)
    assert row["pct_change"] == pytest.approx(pct, abs=0.01)


def test_the_two_measures_stay_apart() -> None:
    # Bedfordshire 2017/18: NSPCC FOI 200 vs Home Office code 86 133 (earlier release) / Oct 2023.
    assert shown("nspcc", "Bedfordshire", None)["2017/18"] == 200
    assert shown("homeoffice", "Bedfordshire", "86")["2017/18"] != 200


def test_disagreeing_sources_keep_both_and_show_the_first_stated() -> None:
    rows = run_json("show", "UK total", "--dataset", "nspcc")
    row = next(r for r in rows if r["year"] == "2016/17")
    assert row["count"] == 18522 and row["release"] == "2018-09"
    assert "18,574" in str(row["also_stated"])  # the 2023 release's figure is kept, not shown


def test_nspcc_ranks_only_forces_with_both_years() -> None:
    # NOTES.md 'Coverage': Kent and PSNI have a 2017/18 figure (1,042; 478) but none for 2016/17,
    # so they are shown, not ranked. 2017/18 among forces with both: West Yorkshire 1,320,
    # Hampshire 1,199, Devon and Cornwall 829.
    rows = {r["force"]: r for r in run_json("compare", "2016", "2017", "--dataset", "nspcc")}
    for force in ("Kent", "Police Service of Northern Ireland"):
        assert rows[force]["count_a"] is None and rows[force]["count_b"] is not None
        assert (rows[force]["rank_a"], rows[force]["rank_b"]) == (None, None), force
    ranks = [rows[f]["rank_b"] for f in ("West Yorkshire", "Hampshire", "Devon & Cornwall")]
    assert ranks == [1, 2, 3]
    both = [
        r
        for r in rows.values()
        if r["kind"] == "force" and None not in (r["count_a"], r["count_b"])
    ]
    ranked = [r for r in rows.values() if r["rank_b"] is not None]
    assert ranked == both and max(int(str(r["rank_b"])) for r in ranked) <= len(both)


def test_one_offence_code_keeps_one_series_across_the_float_artefacts_of_2012() -> None:
    # prc_pfa_tidy.csv writes Kent's 2012/13 aggravated vehicle taking as code 37.200000000000003
    # (Q1-Q4: 49, 36, 51, 53) and later years as 37.2: one offence, one series.
    kent = shown(OCT23, "Kent", "37.2")
    assert kent["2012/13"] == 189 and kent["2013/14"] == 182
    codes = [r["code"] for r in run_json("offences", "--dataset", OCT23)]
    assert "4.10" in codes and "4.1" in codes  # Corporate manslaughter is not Manslaughter
    assert not [c for c in codes if re.search(r"\.\d{3,}", str(c))]


@pytest.mark.parametrize("typed", ["England and Wales", "england & wales"])
def test_the_national_total_has_its_own_series(typed: str) -> None:
    counts = shown(OCT23, typed, "86")
    assert {y: counts[y] for y in EW_CODE86} == EW_CODE86
    assert counts["2023/24"] == 10546  # Q1 only, labelled partial
