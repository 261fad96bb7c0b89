"""A % change or a test of chance on a negative count is not defined (issue 19): -100 → 200 was
"+300.0%", -5 → -8 "-60.0%", with a "within chance" mark beside others. Shown as "—", and said
why, in ``ox show``, ``ox compare`` and the map of changes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.importing.conftest import run
from tui.model.stats.changes import NEGATIVE_NOTE, pct_change
from tui.model.stats.rates import rate_pct_change

ROWS = [
    ("2016/17", "Kent", -100),
    ("2017/18", "Kent", 200),
    ("2016/17", "Essex", 50),
    ("2017/18", "Essex", 60),
    ("2016/17", "Surrey", -5),
    ("2017/18", "Surrey", -8),
]


def _import(tmp_path: Path) -> None:
    path = tmp_path / "neg.csv"
    lines = ["Financial Year,Force Name,Offence Code,Offence Description,Number of Offences"]
    lines += [f"{y},{f},86,Obscene publications etc,{c}" for y, f, c in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _out, err = run("import", str(path), "--name", "neg")
    assert code == 0, err


def test_no_percentage_of_a_negative_count() -> None:
    assert pct_change(-100, 200) is None
    assert pct_change(-5, -8) is None
    assert pct_change(100, -8) is None
    assert pct_change(50, 60) == 20.0
    assert rate_pct_change(-1.5, 2.0) is None


def test_show_and_compare_say_why(tmp_path: Path, store: Path) -> None:
    _import(tmp_path)
    code, out, err = run("show", "kent", "-d", "neg", "-f", "json")
    assert code == 0, err
    record = json.loads(out)
    by_year = {r["year"]: r for r in record} if isinstance(record, list) else {}
    if not by_year:
        by_year = {r["year"]: r for r in record["records"]}
    assert by_year["2017/18"]["pct_change"] is None
    code, out, err = run("show", "kent", "-d", "neg")
    assert "+300.0%" not in out
    assert NEGATIVE_NOTE.split(":")[0] in " ".join(out.split())
    code, out, err = run("compare", "2016/17", "2017/18", "-d", "neg")
    assert code == 0, err
    assert "+300.0%" not in out and "-60.0%" not in out
    assert "+20.0%" in out  # Essex, both counts positive, is computed as before
    assert NEGATIVE_NOTE.split(":")[0] in " ".join(out.split())
    code, out, err = run(
        "map", "-m", "change", "-d", "neg", "--years", "2016/17", "2017/18", "-f", "json"
    )
    assert code == 0, err
    tiles = (
        {t["force"]: t for t in json.loads(out)["tiles"]}
        if out.startswith("{")
        else {t["force"]: t for t in json.loads(out)}
    )
    assert tiles["Kent"]["value"] is None and tiles["Kent"]["within_chance"] is None


def test_the_detail_view_says_why_too() -> None:
    from tui.model.stats.chance import change_interval
    from tui.widgets.detail_notes import chance_text

    text = chance_text(change_interval(-100, 200)).plain
    assert "not defined for a negative count" in text and "within chance" not in text
    assert "within chance" in chance_text(change_interval(50, 60)).plain
