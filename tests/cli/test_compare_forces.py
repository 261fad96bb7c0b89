"""``ox compare A B --force F [--force G]``: only those forces, ranked among all (issue 20)."""

from __future__ import annotations

import json

from tests.cli.test_cli_honest import run


def test_compare_only_the_forces_asked_for() -> None:
    code, out, err = run(
        "compare", "2016/17", "2017/18", "--force", "northants", "--force", "kent", "-f", "json"
    )
    assert code == 0, err
    rows = [r for r in json.loads(out) if r["kind"] == "force"]
    assert [r["force"] for r in rows] == ["Kent", "Northamptonshire"]
    northants = rows[1]
    # Code 86, Northamptonshire, in the source: 2016/17 248, 2017/18 60 + 61 + 71 + 77 = 269.
    assert (northants["count_a"], northants["count_b"]) == (248, 269)
    _code, everyone, _ = run("compare", "2016/17", "2017/18", "-f", "json")
    ranks = {r["force"]: r["rank_b"] for r in json.loads(everyone)}
    assert {r["force"]: r["rank_b"] for r in rows} == {
        f: ranks[f] for f in ("Kent", "Northamptonshire")
    }


def test_events_of_other_forces_are_left_out() -> None:
    _code, out, _ = run("compare", "2016/17", "2017/18", "--force", "northants")
    assert "Devon" not in out
    _code, out, _ = run("compare", "2016/17", "2017/18", "--force", "devon")
    assert "Devon and Cornwall" in out


def test_a_force_without_figures_is_refused() -> None:
    code, _out, err = run("compare", "2016/17", "2017/18", "--force", "btp")
    assert code == 2 and "--include-national" in err
