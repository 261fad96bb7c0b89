"""``ox map -m change`` against a partial year says why no tile has a change, and
``--like-for-like`` maps the change between the same quarters of both years, as ``ox compare``.

Issue 20 (the fresh-eyes trial): ``ox map -m change --years 2024/25 2025/26`` listed all 43 forces
under "— no figure" (only stderr said 2025/26 is partial), and the map had no like-for-like.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli as run

# Code 86 by quarter in the shared prc-pfa_230426-release_2012-13_to_2025-26Q3.parquet (the
# 23 Apr 2026 release): 2024/25 Q1, Q2, Q3 and 2025/26 Q1, Q2, Q3.
SOURCE_Q1_Q3 = {
    "Cumbria": ((120, 98, 131), (110, 87, 115)),  # 349 -> 312
    "Metropolitan Police": ((657, 719, 845), (923, 778, 750)),  # 2,221 -> 2,451
    "Kent": ((485, 426, 398), (451, 422, 436)),  # 1,309 -> 1,309
}
YEARS = ("--measure", "change", "--years", "2024/25", "2025/26")


def test_a_partial_year_says_why_no_tile_has_a_change() -> None:
    code, out, err = run("map", *YEARS)
    assert code == 0, err
    assert "no figure" not in out  # the years' fault, not the 43 forces'
    assert "2025/26 has Q1-Q3 only" in out and "--like-for-like" in out, out
    assert "Cumbria;" not in out  # not a list of every force


def test_like_for_like_maps_the_change_in_the_same_quarters_of_both_years() -> None:
    code, out, err = run("map", *YEARS, "--like-for-like", "-f", "json")
    assert code == 0, err
    tiles = {t["force"]: t for t in json.loads(out)}
    assert len(tiles) == 43 and all(t["value"] is not None for t in tiles.values())
    for force, (a, b) in SOURCE_Q1_Q3.items():
        expected = round((sum(b) - sum(a)) / sum(a) * 100, 2)
        assert tiles[force]["value"] == pytest.approx(expected, abs=0.005), force
    assert tiles["Cumbria"]["value"] == pytest.approx(-10.60, abs=0.005)
    # The same changes and chance flags as ox compare --like-for-like.
    code, out, _ = run("compare", "2024/25", "2025/26", "--like-for-like", "-f", "json")
    rows = {r["force"]: r for r in json.loads(out) if r.get("kind") == "force"}
    for force in SOURCE_Q1_Q3:
        assert tiles[force]["value"] == pytest.approx(rows[force]["pct_change"], abs=0.005)


def test_like_for_like_is_said_in_the_title() -> None:
    code, out, err = run("map", *YEARS, "--like-for-like")
    assert code == 0, err
    title = " ".join(out.split("\n\n")[0].split())
    assert title.startswith("% change 2024/25 Q1-Q3 to 2025/26 Q1-Q3 (like-for-like)"), title
    assert "no change computed" not in out


def test_like_for_like_goes_with_a_change() -> None:
    code, _, err = run("map", "--like-for-like")
    assert code == 2 and "--like-for-like goes with --measure change" in err
