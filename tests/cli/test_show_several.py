"""``ox show FORCE FORCE …``: several forces, side by side in a table, one record each in JSON."""

from __future__ import annotations

import csv
import io
import json

from tui.cli.main import main

OCT23 = "homeoffice-2023-10"
"""The figures below are the Oct 2023 release's (the shared prc_pfa_code86_by_force_year.csv)."""


def run(*argv: str) -> tuple[int, str, str]:
    argv = (*argv, "--dataset", OCT23)
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(argv), out=out, err=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_json_rows_are_each_forces_ox_show_rows() -> None:
    code, out, err = run("show", "kent", "essex", "england and wales", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    for query, name in (("kent", "Kent"), ("essex", "Essex"), ("england and wales", None)):
        _, alone, _ = run("show", query, "-f", "json")
        mine = [r for r in rows if r["force"] == (name or "England and Wales")]
        assert mine == json.loads(alone)
    # shared prc_pfa_code86_by_force_year.csv: Kent 1,209 and Essex 786 in 2017/18
    by = {(r["force"], r["year"]): r["count"] for r in rows}
    assert by["Kent", "2017/18"] == 1209 and by["Essex", "2017/18"] == 786
    assert by["England and Wales", "2017/18"] == 23_225
    assert {"force", "year", "count"} <= set(rows[0])


def test_table_puts_the_forces_side_by_side_with_years_as_rows() -> None:
    code, out, _ = run("show", "kent", "essex", "england and wales")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if "Year" in line)
    assert header.split() == ["Year", "Quarters", "Kent", "Essex", "England", "and", "Wales"]
    assert next(line for line in lines if line.strip().startswith("2017/18")).split() == [
        "2017/18",
        "1,209",
        "786",
        "23,225",
    ]
    partial = next(line for line in lines if line.strip().startswith("2023/24"))
    assert partial.split() == ["2023/24", "Q1", "460", "337", "10,546"]
    assert "partial year" in out


def test_csv_keeps_one_row_per_force_and_year_and_markdown_is_wide() -> None:
    code, out, _ = run("show", "kent", "essex", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["force"] for r in rows} == {"Kent", "Essex"}
    assert len(rows) == 2 * 12
    code, out, _ = run("show", "kent", "essex", "-f", "markdown")
    assert code == 0 and "| Year | Quarters | Kent | Essex |" in out
    assert "| 2017/18 |  | 1,209 | 786 |" in out


def test_quarters_and_a_repeated_force() -> None:
    code, out, _ = run("show", "kent", "kent", "essex", "-q", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and {r["force"] for r in rows} == {"Kent", "Essex"}
    kent_q1 = next(r for r in rows if r["force"] == "Kent" and r["year"] == "2023/24")
    assert kent_q1["quarter"] == 1 and kent_q1["count"] == 460
    code, out, _ = run("show", "kent", "essex", "-q")
    assert code == 0 and "Quarter" in out


def test_an_unknown_force_among_several_is_one_clear_error() -> None:
    code, out, err = run("show", "kent", "atlantis")
    assert code == 2 and out == "" and "atlantis" in err.lower() and "Traceback" not in err
