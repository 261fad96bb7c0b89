"""The map's "within chance" flag agrees with Compare's on every tile (issue 20): City of London,
homicide 0 → 1, was ``within_chance: null`` on the map where ``ox compare`` says
``significant: false``."""

from __future__ import annotations

import io
import json

import pytest

from tui.cli.main import main


def _json(*argv: str) -> list[dict[str, object]]:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out=out, err=err) == 0, err.getvalue()
    rows: list[dict[str, object]] = json.loads(out.getvalue())
    return rows


@pytest.mark.parametrize(
    ("offence", "a", "b"),
    [("subgroup:Homicide", "2021/22", "2022/23"), ("86", "2016/17", "2017/18")],
)
def test_every_tile_says_what_compare_says(offence: str, a: str, b: str) -> None:
    tiles = _json("map", "-m", "change", "-o", offence, "--years", a, b, "-f", "json")
    rows = {r["force"]: r for r in _json("compare", a, b, "-o", offence, "-f", "json")}
    assert len(tiles) == 43
    for tile in tiles:
        significant = rows[tile["force"]]["significant"]
        expected = None if significant is None else not significant
        assert tile["within_chance"] == expected, tile["force"]
    city = next(t for t in tiles if t["force"] == "London, City of")
    if offence == "subgroup:Homicide":
        assert rows["London, City of"]["count_a"] == 0 and rows["London, City of"]["count_b"] == 1
        assert city["within_chance"] is True
