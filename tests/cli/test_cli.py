"""The lookup CLI: formats, exit codes and one-line errors, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tests.conftest import write_dataset
from tui.launcher import main as launcher_main


def test_show_table_names_the_offence_and_labels_the_partial_year() -> None:
    code, out, err = run("show", "northam")
    assert code == 0 and err == ""
    assert "Northamptonshire: code 86: Obscene publications etc" in out
    assert "2016/17" in out and " 248 " in out and " 269 " in out
    assert "2025/26 is a partial year" in out and "Q1-Q3" in out
    assert "Open Government Licence" in out


def test_show_json_rows_are_flat_with_the_same_keys() -> None:
    """Every row has ``quarters`` and ``partial`` (null / false for a whole year), so a reader
    never meets a key on some rows only (issue #8)."""
    code, out, _ = run("show", "E23000022", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and all({"force", "year", "count"} <= r.keys() for r in rows)
    assert len({tuple(r) for r in rows}) == 1
    full = next(r for r in rows if r["year"] == "2017/18")
    partial = next(r for r in rows if r["year"] == "2025/26")
    assert full["quarters"] is None and full["partial"] is False and full["count"] == 269
    assert partial["quarters"] == "Q1-Q3" and partial["partial"] is True
    assert not [v for r in rows for v in r.values() if isinstance(v, (list, dict))]  # flat
    assert partial["change"] is None  # never compared silently with a full year


def test_show_quarters() -> None:
    code, out, _ = run("show", "northamptonshire", "--quarters", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0] == {
        "force": "Northamptonshire",
        "year": "2012/13",
        "quarter": "1",
        "count": rows[0]["count"],
    }
    assert sum(int(r["count"]) for r in rows if r["year"] == "2017/18") == 269


def test_nspcc_show_keeps_other_periods_out_of_year_columns() -> None:
    code, out, _ = run("show", "northants", "-d", "nspcc")
    assert code == 0 and "Other periods" in out and "2013 (calendar year)" in out
    code, out, _ = run("show", "northants", "-d", "nspcc", "-f", "json")
    assert [r["year"] for r in json.loads(out)] == ["2016/17", "2017/18"]
    code, out, _ = run("show", "northants", "-d", "nspcc", "-f", "json", "--all-periods")
    extra = [r for r in json.loads(out) if r["year"] is None]
    assert {r["period"] for r in extra} == {"2013 (calendar year)", "2015 (calendar year)"}


def test_compare_formats_agree() -> None:
    args = ("compare", "2016-17", "2017", "--top", "3")
    _, js, _ = run(*args, "-f", "json")
    _, cs, _ = run(*args, "-f", "csv")
    _, md, _ = run(*args, "-f", "markdown")
    rows = json.loads(js)
    assert [r["force"] for r in rows][:3] == ["England and Wales", "England", "Wales"]
    assert len(rows) == 6  # three totals, then the top three forces
    # The 23 Apr 2026 release: Metropolitan Police code 86, 1,409 (2016/17) and 2,015 (2017/18).
    assert rows[3] == {**rows[3], "force": "Metropolitan Police", "count_a": 1409, "count_b": 2015}
    assert list(csv.DictReader(io.StringIO(cs)))[3]["count_b"] == "2015"
    assert "| Metropolitan Police | 1,409 | 2,015 |" in md


def test_compare_with_partial_year_warns_on_stderr() -> None:
    code, out, err = run("compare", "2024/25", "2025/26", "-f", "csv")
    assert code == 0 and err.count("partial year") == 1 and "2025/26 Q1-Q3" in out
    total = next(csv.DictReader(io.StringIO(out)))
    # Full year against Q1-Q3: both counts (the source's sums for the 43 forces), but no change
    # (the -26.2% would be a false fall).
    assert (total["count_a"], total["count_b"], total["change"], total["pct_change"]) == (
        "41838",
        "30894",
        "",
        "",
    )
    code, out, _ = run("compare", "2024/25", "2025/26")
    assert "cover different quarters, so neither a change nor a rank" in out  # on stdout too
    assert "-10,944" not in out and "-26.2%" not in out
    code, out, err = run("compare", "2024/25", "2025/26", "--like-for-like", "-f", "json")
    total = json.loads(out)[0]
    assert code == 0 and err == "" and total["year_a"] == "2024/25 Q1-Q3"


def test_compare_nspcc_says_how_many_forces_were_left_out() -> None:
    code, out, _ = run("compare", "2016/17", "2017/18", "-d", "nspcc")
    assert code == 0 and "have no figure for one or both years and are not ranked" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("show", "atlantis"), "unknown force 'atlantis' (list them with 'ox forces')"),
        (("show", "greater manchester", "-d", "nspcc"), "Greater Manchester has no figures in"),
        (("show", "kent", "-o", ""), "no offence given (list them with 'ox offences')"),
        (("show", "york"), "matches several forces"),
        (("show", "kent", "-o", "zzzz"), "unknown offence 'zzzz'"),
        (("show", "kent", "-d", "nope"), "unknown dataset 'nope'"),
        (("compare", "2010", "2017"), "2010/11 is not in dataset 'homeoffice'"),
        (("compare", "last year", "2017"), "'last year' is not a financial year"),
        (("compare", "2016", "2017", "--top", "0"), "--top must be at least 1"),
        (("compare", "2016"), "error: the following arguments are required"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_user_mistakes_give_one_line_and_exit_2(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In process, through the same entry point as ``ox`` (``tui.launcher.main``): the process
    # itself is run by ``test_a_mistake_in_a_real_process_gives_one_line_and_exit_2``.
    try:
        code = launcher_main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("ox")]) == 1


def test_a_mistake_in_a_real_process_gives_one_line_and_exit_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "show", "atlantis"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == "ox: error: unknown force 'atlantis' (list them with 'ox forces')\n"


def test_unreadable_data_file_exits_1(store: Path) -> None:
    write_dataset(
        store,
        "broken",
        [{"year": 2017, "force": "Kent", "offence_code": "86", "offence": "x", "count": 1}],
    )
    (store / "broken.parquet").write_bytes(b"garbage")
    code, _, err = run("show", "kent", "-d", "broken")
    assert code == 1 and "cannot read data file" in err and "broken.parquet" in err


def test_text_from_data_is_printed_literally(store: Path) -> None:
    evil = "[bold red]Evil[/] \x1b[2J Force"
    write_dataset(
        store,
        "evil",
        [
            {
                "year": 2017,
                "force": evil,
                "offence_code": "X",
                "offence": "[link=http://x]click[/link]",
                "count": 5,
            },
            {
                "year": 2018,
                "force": evil,
                "offence_code": "X",
                "offence": "[link=http://x]click[/link]",
                "count": 6,
            },
        ],
    )
    code, out, err = run("compare", "2017", "2018", "-d", "evil", "--include-national")
    assert code == 0, err
    assert "[bold red]Evil[/]" in out and "\x1b" not in out and "\\x1b[2J" in out
    code, out, _ = run("offences", "-d", "evil", "-f", "markdown")
    assert r"\[link=http://x\]click\[/link\]" in out  # neither Rich markup nor a Markdown link
    code, out, err = run("show", "\x1b[2Jqqq", "-d", "evil")
    assert code == 2 and "\x1b" not in err and "\\x1b[2Jqqq" in err  # error lines too
    code, out, _ = run("show", evil, "-d", "evil", "-f", "json")
    assert json.loads(out)[0]["force"] == evil  # JSON keeps the exact text, escaped


def test_listings() -> None:
    code, out, _ = run("forces", "york", "-f", "json")
    names = [r["force"] for r in json.loads(out)]
    assert code == 0 and {"North Yorkshire", "South Yorkshire", "West Yorkshire"} <= set(names)
    code, out, _ = run("offences", "obscene", "-f", "json")
    assert code == 0 and json.loads(out)[0]["code"] == "86"
    code, out, _ = run("datasets", "-f", "json")
    names = [r["name"] for r in json.loads(out)]
    assert code == 0 and names == ["homeoffice", "homeoffice-2023-10", "nspcc", "scotland"]
    assert "2025/26 Q1-Q3" in json.loads(out)[0]["years"]
    assert "2023/24 Q1" in json.loads(out)[1]["years"]


def test_version_names_the_libraries() -> None:
    code, out, _ = run("--version")
    assert code == 0 and "textual" in out and "polars" in out


def test_console_script_is_installed_and_pipes_quietly() -> None:
    bindir = Path(sys.executable).parent
    done = subprocess.run(
        f"'{bindir / 'ox'}' compare 2016 2017 -f csv | head -n 2",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stdout.startswith("kind,force,year_a")
    assert "Traceback" not in done.stderr


def test_percentages_are_rounded_once() -> None:
    # Hampshire code 86: 994 -> 1,238 is +24.547%: +24.5% in a table, 24.55 in CSV (not +24.6%).
    code, out, _ = run("compare", "2016/17", "2017/18")
    assert code == 0 and re.search(r"Hampshire +994 +1,238 +\+244 +\+24\.5% ", out)
    code, out, _ = run("compare", "2016/17", "2017/18", "-f", "markdown")
    assert "| Hampshire | 994 | 1,238 | +244 | +24.5% |" in out
    code, out, _ = run("compare", "2016/17", "2017/18", "-f", "csv")
    assert ",Hampshire,2016/17,2017/18,994,1238,244,24.55," in out
