"""Reproduce it: the command a view offers prints the figures the view shows (run in process)."""

from __future__ import annotations

import io
import json
import shlex
from pathlib import Path

from tui.cli.main import main
from tui.model.data.dataset import load_dataset
from tui.model.figures.comparison import compare_years
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.figures.series import force_series
from tui.model.figures.totals import resolve_force
from tui.model.findings.diff import diff_datasets, resolve_diff_offence
from tui.model.findings.reproduce import ViewSpec, command_args, command_for
from tui.model.importing.api import import_file
from tui.model.results.ordering import filter_rows, sort_compare_rows, sort_force_rows

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"


def run_command(command: str) -> tuple[int, str, str]:
    """Run an ``ox ...`` command line as a shell would split it."""
    argv = shlex.split(command)
    assert argv[0] == "ox"
    out, err = io.StringIO(), io.StringIO()
    code = main(argv[1:], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def json_rows(command: str) -> list[dict[str, object]]:
    code, out, err = run_command(command)
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def test_forces_view_command_prints_the_view_rows_in_the_view_order() -> None:
    ds = load_dataset("homeoffice")
    selection = pick_offence(ds, "86")
    table = force_table(ds, selection)
    # The view after pressing sort on "%" and typing "north" in the search box.
    rows = [f.row for f in filter_rows(sort_force_rows(table, table.rows, "pct", True), "north")]
    view = ViewSpec("forces", "homeoffice", "86", sort="pct", search="north")
    command = command_for(view)
    assert command == "ox table north --dataset homeoffice --offence 86 --sort pct"
    printed = json_rows(command_for(view, "json"))
    shown = [*table.totals, *rows]
    assert [r["force"] for r in printed] == [r.force.name for r in shown]
    for rec, row in zip(printed, shown):
        assert [rec[y.label] for y in table.years] == list(row.counts)
        assert rec["change"] == row.change
    # Code 86 in 2017/18 for the 43 territorial forces, summed from the 23 Apr 2026 release's
    # source file (23,225 in the Oct 2023 release: PROVENANCE.md 'Checks').
    assert printed[0]["force"] == "England and Wales" and printed[0]["2017/18"] == 23_215
    # The command as shown (readable table) runs and shows the same first force.
    code, out, _ = run_command(command)
    assert code == 0 and rows[0].force.name in out


def test_forces_view_default_sort_is_the_latest_change_year() -> None:
    ds = load_dataset("homeoffice")
    table = force_table(ds, pick_offence(ds, "all"))
    assert table.change_to is not None
    view = ViewSpec("forces", "homeoffice", "all", sort=f"year:{table.change_to.year}")
    assert command_for(view).endswith("--sort 2024/25")
    ordered = sort_force_rows(table, table.rows, f"year:{table.change_to.year}", True)
    printed = json_rows(command_for(view, "json"))[len(table.totals) :]
    assert [r["force"] for r in printed] == [r.force.name for r in ordered]


def test_detail_view_command_prints_the_series() -> None:
    ds = load_dataset("homeoffice")
    force = resolve_force(ds, "northants")
    series = force_series(ds, force, pick_offence(ds, "86"))
    view = ViewSpec("detail", "homeoffice", "86", forces=(force.name,))
    assert command_for(view) == "ox show Northamptonshire --dataset homeoffice --offence 86"
    printed = json_rows(command_for(view, "json"))
    shown = [p for p in series.points if p.count is not None]
    assert [(r["year"], r["count"], r["change"]) for r in printed] == [
        (p.year.fy, p.count, p.change) for p in shown
    ]
    assert ("2017/18", 269) in [(r["year"], r["count"]) for r in printed]  # prc_pfa_tidy.csv


def test_compare_view_command_prints_the_comparison_in_the_view_order() -> None:
    for dataset, offence, sort, descending in (
        ("homeoffice", "86", "pct", True),
        ("nspcc", "all", "change", False),
    ):
        ds = load_dataset(dataset)
        selection = pick_offence(ds, offence)
        cmp = compare_years(ds, 2016, 2017, selection)
        rows = sort_compare_rows(cmp.rows, sort, descending)
        view = ViewSpec(
            "compare", dataset, selection.key, years=(2016, 2017), sort=sort, descending=descending
        )
        printed = json_rows(command_for(view, "json"))
        shown = [*cmp.totals, *rows]
        assert [(r["force"], r["count_a"], r["count_b"], r["change"]) for r in printed] == [
            (r.force.name, r.count_a, r.count_b, r.change) for r in shown
        ]
    assert command_for(view) == (
        "ox compare 2016/17 2017/18 --dataset nspcc --offence all --sort change --ascending"
    )


def test_diff_view_command_prints_the_diff(store: Path) -> None:
    import_file(FIXTURE_201718, name="earlier")
    a, b = load_dataset("earlier"), load_dataset("homeoffice")
    diff = diff_datasets(a, b, resolve_diff_offence(a, b, "86"))
    view = ViewSpec("diff", "earlier", "86", dataset_b="homeoffice")
    assert command_for(view) == "ox diff earlier homeoffice --offence 86"
    printed = json_rows(command_for(view, "json"))
    assert [(r["force"], r["year"], r["value_a"], r["value_b"]) for r in printed] == [
        (r.force, r.year, r.value_a, r.value_b) for r in diff.rows
    ]


def test_commands_are_shell_quoted_and_never_mistake_a_value_for_an_option() -> None:
    view = ViewSpec(
        "compare",
        "homeoffice",
        "group:Violence against the person",
        years=(2021, 2022),
        sort="force",
        like_for_like=True,
    )
    command = command_for(view)
    assert "--offence 'group:Violence against the person'" in command
    assert shlex.split(command) == command_args(view)
    odd = ViewSpec("detail", "my data", "-5", forces=("-x; rm -rf ~",))
    args = command_args(odd)
    assert args == ["ox", "show", "--dataset", "my data", "--offence=-5", "--", "-x; rm -rf ~"]
    assert shlex.split(command_for(odd)) == args
    cite = ViewSpec("cite", "homeoffice", "86", forces=("Kent",), years=(2016, 2017))
    code, out, _ = run_command(command_for(cite, "json"))
    assert code == 0 and json.loads(out)["years"] == ["2016/17", "2017/18"]


def test_ox_table_errors_and_the_terminal_table_keeps_the_latest_years() -> None:
    code, _, err = run_command("ox table --sort 2030")
    assert code == 2 and "cannot sort by '2030': the table has 2012/13 to 2025/26 Q1-Q3" in err
    code, _, err = run_command("ox table zzzz")
    assert code == 2 and "no force matches 'zzzz'" in err
    code, out, _ = run_command("ox table --offence 86")
    assert code == 0
    assert "Older years (2012/13 to 2017/18) are in --format csv, json or markdown" in out
    assert "2025/26 Q1-Q3" in out and "Change 2023/24 to 2024/25" in out
    # England and Wales 39,686 -> 41,838 (the source file's sums): the change column is not cut
    assert "+5.4%" in out
