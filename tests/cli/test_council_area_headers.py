"""The CLI and the exports call a Scottish row what the TUI calls it (issue 20): "Council area"
heads the rows of Recorded Crime in Scotland in text, Markdown and a copy's header; CSV and JSON
keep the key ``force``, so a script reads every dataset alike."""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import run_cli as run


def header_cells(out: str) -> list[str]:
    """The cells of a Markdown table's header line."""
    line = next(text for text in out.splitlines() if text.startswith("| "))
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.mark.parametrize(
    "argv",
    [
        ("table", "--dataset", "scotland"),
        ("table", "--dataset", "scotland", "--measure", "rate"),
        ("compare", "2021/22", "2022/23", "--dataset", "scotland"),
        ("forces", "--dataset", "scotland"),
    ],
)
def test_scottish_rows_are_council_areas_in_text_and_markdown(argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv, "--format", "markdown")
    assert code == 0, err
    assert header_cells(out)[0] == "Council area"
    code, out, err = run(*argv)
    assert code == 0, err
    assert "Council area " in out and " Force " not in out


@pytest.mark.parametrize(
    "argv",
    [
        ("table",),
        ("compare", "2021/22", "2022/23"),
        ("forces",),
    ],
)
def test_forces_stay_forces(argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv, "--format", "markdown")
    assert code == 0, err
    assert header_cells(out)[0] == "Force"


def test_csv_keeps_the_key_force_for_scotland() -> None:
    code, out, _ = run("table", "--dataset", "scotland", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {"force", "place"} <= rows[0].keys()
    assert "Fife" in {r["force"] for r in rows}


def test_listing_title_names_council_areas() -> None:
    code, out, _ = run("forces", "--dataset", "scotland")
    assert code == 0 and out.startswith("Council areas in dataset scotland")


def test_show_copy_header_names_a_council_area() -> None:
    """The detail's copy (TSV, named by each column's header) says "Council area" for Fife."""
    from tui.model.data.dataset import load_dataset
    from tui.model.figures.selection import normalise_selection, pick_offence
    from tui.model.figures.series import force_quarters, force_series
    from tui.model.figures.totals import resolve_force
    from tui.output.render import to_tsv
    from tui.output.show_report import show_report

    ds = load_dataset("scotland")
    fife = resolve_force(ds, "fife")
    selection = normalise_selection(ds, pick_offence(ds, None))
    years = to_tsv(show_report(ds, force_series(ds, fife, selection)))
    assert years.splitlines()[0].split("\t")[0] == "Council area"
    ho = load_dataset("homeoffice")
    northants = resolve_force(ho, "northants")
    sel = normalise_selection(ho, pick_offence(ho, None))
    quarters = force_quarters(ho, northants, sel)
    tsv = to_tsv(show_report(ho, force_series(ho, northants, sel), quarters))
    assert tsv.splitlines()[0].split("\t")[0] == "Force"
