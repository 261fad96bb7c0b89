"""``ox map`` and ``ox peers`` as a user runs them: figures equal ``ox show`` / ``ox compare``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

OCT23 = "homeoffice-2023-10"
"""The 19 Oct 2023 release, whose rows the shared prc_pfa_tidy.csv and
prc_pfa_code86_by_force_year.csv hold (the figures below come from those files)."""

# Code 86 counts by force, from shared homeoffice-prc/prc_pfa_code86_by_force_year.csv.
CODE86 = {
    2021: {"Northamptonshire": 544, "Metropolitan Police": 3626, "Kent": 1612, "Cumbria": 346},
    2022: {"Northamptonshire": 737, "Metropolitan Police": 3774, "Kent": 1738, "Cumbria": 378},
}


def tiles(*argv: str) -> dict[str, dict[str, object]]:
    code, out, err = run("map", *argv, "-f", "json")
    assert code == 0, err
    return {t["force"]: t for t in json.loads(out)}


def shared_population(force: str, year: int) -> int:
    """The ONS mid-year estimate in the shared series (not the app's copy)."""
    path = Path("/work/shared/data-sources/reference/pfa_population_series.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = csv.DictReader(fh)
        return next(
            int(r["population"]) for r in rows if (r["force"], r["year"]) == (force, str(year))
        )


def shown(force: str, year: str, *opts: str) -> object:
    code, out, _ = run("show", force, *opts, "-f", "json")
    assert code == 0
    return next(r["count"] for r in json.loads(out) if r["year"] == year)


def test_map_json_has_one_flat_object_per_force_with_the_source_counts() -> None:
    found = tiles("-d", OCT23)  # default: code 86, latest full year (2022/23 in that release)
    assert len(found) == 43
    keys = {"force", "label", "row", "col", "value", "bin", "within_chance", "crosses_releases"}
    assert all(set(t) == keys for t in found.values())
    assert all(t["within_chance"] is None for t in found.values())  # a count is not tested
    for force, count in CODE86[2022].items():
        assert found[force]["value"] == count == shown(force, "2022/23", "-d", OCT23)
    assert {t["bin"] for t in found.values()} == {1, 2, 3, 4, 5}
    assert found["Metropolitan Police"]["bin"] == 5 and found["Cumbria"]["bin"] == 1


def test_map_change_equals_ox_compare() -> None:
    found = tiles("--measure", "change", "--years", "2021/22", "2022/23", "-d", OCT23)
    code, out, _ = run("compare", "2021", "2022", "-f", "json", "-d", OCT23)
    compared = {r["force"]: r["pct_change"] for r in json.loads(out)}
    assert code == 0
    for force, tile in found.items():
        assert tile["value"] == compared[force], force
    before, after = CODE86[2021]["Northamptonshire"], CODE86[2022]["Northamptonshire"]
    assert found["Northamptonshire"]["value"] == round((after - before) / before * 100, 2)


def test_map_change_marks_what_is_within_chance_as_ox_compare_does() -> None:
    """Hertfordshire 499 → 502 (127+121+118+133 → 113+101+149+139 in the shared prc_pfa rows) is
    within chance; Northamptonshire 544 → 737 is not. Every tile says what ox compare says."""
    found = tiles("--measure", "change", "--years", "2021/22", "2022/23", "-d", OCT23)
    assert found["Hertfordshire"]["value"] == round((502 - 499) / 499 * 100, 2)
    assert found["Hertfordshire"]["within_chance"] is True
    assert found["Northamptonshire"]["within_chance"] is False
    code, out, _ = run("compare", "2021", "2022", "-f", "json", "-d", OCT23)
    significant = {r["force"]: r["significant"] for r in json.loads(out)}
    assert code == 0
    for force, tile in found.items():
        assert tile["within_chance"] is (not significant[force]), force
    code, out, _ = run("map", "-m", "change", "--years", "2021/22", "2022/23", "-d", OCT23)
    within = out.split("within chance variation:")[1].split("Note:")[0]
    assert code == 0 and "HERT" in within and "NHAN" not in within
    assert "its 95% interval includes no change" in out.replace("\n      ", " ")


def test_map_change_marks_a_change_across_releases_as_ox_compare_does() -> None:
    """NSPCC Lancashire 674 → 770 (2017/18 from the 2018-09 release, 2018/19 from the 2023-02
    one): ox compare marks it †; so does the map, in JSON and in text (r with --ascii)."""
    found = tiles("-d", "nspcc", "-m", "change", "--years", "2017/18", "2018/19")
    assert found["Lancashire"]["value"] == round((770 - 674) / 674 * 100, 2)
    assert found["Lancashire"]["crosses_releases"] is True
    code, out, _ = run("compare", "-d", "nspcc", "2017/18", "2018/19", "-f", "json")
    across = {r["force"] for r in json.loads(out) if r["release_a"] != r["release_b"]}
    flagged = {f for f, t in found.items() if t["crosses_releases"]}
    assert code == 0 and flagged == {f for f in across if f in found and found[f]["value"]}
    code, out, _ = run("--ascii", "map", "-d", "nspcc", "-m", "change", "--years", "2017", "2018")
    assert code == 0 and out.isascii() and "  r  across releases: LANC" in out


def test_map_rate_uses_the_population_of_the_year() -> None:
    """Northamptonshire 2021/22: 61,749 offences (shared prc_pfa_tidy.csv) for 787,125 people
    (ONS mid-2021 estimate, the year 2021/22 starts in: shared
    reference/pfa_population_series.csv)."""
    assert shared_population("Northamptonshire", 2021) == 787_125
    found = tiles("-m", "rate", "--year", "2021", "-o", "all", "-d", OCT23)
    assert found["Northamptonshire"]["value"] == round(61_749 / 787_125 * 100_000, 2)
    assert shown("Northamptonshire", "2021/22", "-o", "all", "-d", OCT23) == 61_749
    assert all(t["value"] is not None for t in found.values())


def test_text_map_has_labels_bins_legend_and_fits_80_columns() -> None:
    code, out, err = run("map", "-o", "all")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "count in 2024/25: all offences (homeoffice)"  # what, before which data
    assert "CUMB" in lines[2] and "NTHU" in lines[2] and "KENT" in out and "MET  5" in out
    assert "Bins (quantiles" in out and "  1  " in out
    assert all(len(line) <= 80 for line in lines)
    code, out, _ = run("map", "-d", "nspcc")  # a long list of forces without a figure
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80


def test_missing_figures_show_a_dash_and_ascii_is_plain() -> None:
    code, out, _ = run("map", "-d", "nspcc")
    assert code == 0 and "—  no figure:" in out
    for argv in (("--ascii", "map", "-d", "nspcc"), ("map", "-d", "nspcc", "--ascii")):
        code, out, _ = run(*argv)
        assert code == 0 and out.isascii() and "-  no figure:" in out


def test_partial_year_is_labelled_and_never_given_a_rate() -> None:
    code, out, _ = run("map", "--year", "2025")
    assert code == 0 and "count in 2025/26 Q1-Q3" in out and "partial year" in out
    code, out, err = run("map", "-m", "rate", "--year", "2025")
    assert code == 2 and out == "" and "needs a full year" in err and "Traceback" not in err


def test_map_csv_has_a_header_and_empty_cells_for_missing() -> None:
    code, out, _ = run("map", "-d", "nspcc", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (
        code == 0
        and len(rows) == 43
        and list(rows[0])
        == ["force", "label", "row", "col", "value", "bin", "within_chance", "crosses_releases"]
    )
    assert any(r["value"] == "" and r["bin"] == "" for r in rows)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("map", "--years", "2021", "2022"), "--years goes with --measure change"),
        (("map", "-m", "change", "--year", "2021"), "a change needs two years"),
        (("map", "--bins", "0"), "--bins must be between 1 and 9"),
        (("map", "--year", "1999"), "1999/00 is not in dataset"),
        (("map", "-o", "no such offence"), "ox offences"),
    ],
)
def test_map_user_mistakes_exit_2_with_one_line(argv: tuple[str, ...], message: str) -> None:
    code, out, err = run(*argv)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


def test_peers_json_keys_and_figures_equal_ox_show() -> None:
    code, out, err = run("peers", "northants", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and err == "" and len(rows) == 7
    assert [r["rank"] for r in rows] == list(range(1, 8))
    for row in rows:
        assert {"force", "peer", "distance", "population", "offences", "rate_per_100k"} <= set(row)
        assert row["force"] == "Northamptonshire" and row["peer"] != "Northamptonshire"
        assert row["offences"] == shown(row["peer"], "2024/25", "-o", "all")
    first = rows[0]
    robbery = shown(first["peer"], "2024/25", "-o", "group:Robbery")
    assert isinstance(robbery, int)
    assert first["share_robbery"] == round(robbery / first["offences"] * 100, 2)
    assert first["rate_per_100k"] == round(first["offences"] / first["population"] * 100_000, 2)


def test_peers_table_says_where_the_force_sits() -> None:
    code, out, _ = run("peers", "Northamptonshire")
    assert code == 0 and "Forces like Northamptonshire" in out
    # The latest full year with a population for every force: 2024/25, the ONS mid-2024 estimate.
    people = shared_population("Northamptonshire", 2024)
    offences = shown("Northamptonshire", "2024/25", "-o", "all")
    assert f"Northamptonshire, 2024/25: population {people:,} (2024); {offences:,} offences" in out
    assert "Rate per 100,000: " in out and " of 8 (highest first)" in out


def test_city_of_london_has_no_peers_and_says_why() -> None:
    code, out, err = run("peers", "City of London", "-f", "json")
    assert code == 0 and json.loads(out) == [] and "no peer group" in err


def test_peers_mistakes_exit_2() -> None:
    code, _, err = run("peers", "btp")
    assert code == 2 and "43 forces of England and Wales" in err
    code, _, err = run("peers", "kent", "-d", "nspcc")
    assert code == 2 and "ox: error:" in err and "Traceback" not in err
    code, _, err = run("peers", "kent", "--year", "2025")
    assert code == 2 and "2025/26 Q1-Q3 is a partial year; peers need a full year" in err


def test_the_nspcc_rate_map_opens_on_a_year_with_figures() -> None:
    """From the new-user trial: it opened on 2023/24, where no force has an FOI figure."""
    code, out, _err = run("map", "-d", "nspcc", "-m", "rate", "-f", "json")
    assert code == 0
    tiles = json.loads(out)
    assert any(tile["value"] is not None for tile in tiles)


def test_a_force_without_peers_gets_no_empty_table_and_consistent_figures() -> None:
    """City of London: the note's population agrees with the series (8,689 mid-2021, 11,615
    mid-2022 and 15,111 mid-2024 in the shared pfa_population_series.csv), and no table of
    nothing is printed."""
    assert shared_population("London, City of", 2024) == 15_111
    code, out, err = run("peers", "city of london")
    assert code == 0 and "(no rows)" in out and "Distance" not in out
    assert "8,600" not in err and "at most about 15,000" in err


def test_a_rate_map_says_the_city_of_londons_rate_misleads() -> None:
    """City of London 2024/25: 8 code-86 offences (the 23 Apr 2026 release's source file) for
    15,111 residents (mid-2024), but a rate per resident there is not comparable: the map says
    so, as Compare does."""
    code, out, _ = run("map", "-m", "rate")
    assert code == 0 and tiles("-m", "rate")["London, City of"]["value"] == round(
        8 / 15_111 * 1e5, 2
    )
    flat = " ".join(out.split())
    assert (
        "City of London: rate per resident" in flat and "not comparable with other forces" in flat
    )
    code, out, _ = run("map")  # a count is not a rate
    assert code == 0 and "rate per resident" not in out
