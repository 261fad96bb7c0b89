"""A workbook with one sheet per financial year, as the Home Office publishes (issue 14, part 3).

``ho_two_years.xlsx`` and ``.ods`` hold every ``prc_pfa_tidy.csv`` row of 2016/17 and 2017/18
for codes 86 and 26 (Home Office release of 19 Oct 2023), a sheet per year, between a cover sheet
and a notes sheet. Figures are checked against that release's published totals; a damaged or
foreign sheet among the good ones is skipped with a warning naming it, unless ``--strict``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

from tests.importing.conftest import GOOD, HOSTILE, MIXED, WRITER, run, snapshot
from tui.model.data.dataset import load_dataset
from tui.model.importing.api import import_file, preview_file

FORMATS = ["xlsx", "ods"]
KEY = ["year", "quarter", "force", "offence_code"]

# Northamptonshire, code 86 (obscene publications), release of 19 Oct 2023: the published
# yearly totals (data-sources/homeoffice-prc/prc_pfa_code86_by_force_year.csv).
NORTHAMPTONSHIRE_86 = {2016: 248, 2017: 269}


def figures(name: str) -> pl.DataFrame:
    return load_dataset(name).figures.select(*KEY, "count").sort(KEY)


def yearly(name: str, force: str, code: str) -> dict[int, int]:
    frame = (
        load_dataset(name)
        .figures.filter((pl.col("force") == force) & (pl.col("offence_code") == code))
        .group_by("year")
        .agg(pl.col("count").sum())
    )
    return dict(frame.sort("year").iter_rows())


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_year_sheet_is_read_and_the_cover_and_notes_skipped(fmt: str, store: Path) -> None:
    code, out, err = run("import", str(GOOD / f"ho_two_years.{fmt}"), "--name", "both")
    assert code == 0, err
    assert "Sheets read: 2016-17, 2017-18; skipped: Cover_sheet (no table header" in out
    assert "Notes (no table header" in out
    assert "ox: warning" not in err
    assert yearly("both", "Northamptonshire", "86") == NORTHAMPTONSHIRE_86


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_workbook_gives_the_same_figures_as_each_sheet_alone(fmt: str, store: Path) -> None:
    path = GOOD / f"ho_two_years.{fmt}"
    import_file(path, name="both")
    import_file(path, name="first", sheet="2016-17")
    import_file(path, name="second", sheet="2017-18")
    alone = pl.concat([figures("first"), figures("second")]).sort(KEY)
    assert figures("both").equals(alone)
    assert figures("both").height == 704  # 2 years × 4 quarters × 44 bodies × 2 codes
    assert set(figures("first").get_column("year")) == {2016}
    assert yearly("second", "Northamptonshire", "86") == {2017: 269}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("kind", "sheet", "said"),
    [
        ("damaged", "2018-19", "sheet '2018-19', row 41, column 'Number of Offences': 'twelve'"),
        ("foreign", "NSPCC FOI", "this sheet holds a table in the nspcc layout"),
    ],
)
def test_one_bad_sheet_among_good_ones_is_skipped_by_name(
    fmt: str, kind: str, sheet: str, said: str, store: Path
) -> None:
    path = MIXED / f"years_{kind}_sheet.{fmt}"
    code, out, err = run("import", str(path), "--name", "years")
    assert code == 0, err
    assert f"ox: warning: sheet '{sheet}' of {path.name} skipped" in err
    assert said in err and "--strict refuses the whole file instead" in err
    assert f"{sheet} (not imported:" in out
    import_file(GOOD / f"ho_two_years.{fmt}", name="good")
    assert figures("years").equals(figures("good"))  # the good sheets, whole
    manifest = (store / "years.json").read_text(encoding="utf-8")
    assert f"sheet '{sheet}'" in manifest  # the warning is kept with the dataset


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("kind", "sheet"), [("damaged", "2018-19"), ("foreign", "NSPCC FOI")])
def test_strict_refuses_the_whole_file_naming_the_sheet(
    fmt: str, kind: str, sheet: str, existing: Path
) -> None:
    before = snapshot(existing)
    path = MIXED / f"years_{kind}_sheet.{fmt}"
    code, _out, err = run("import", str(path), "--name", "years", "--strict")
    assert code == 2
    assert f"{path.name}, sheet '{sheet}'" in err and "Nothing was imported." in err
    assert snapshot(existing) == before


def test_a_sheet_chosen_by_name_is_never_skipped() -> None:
    preview = preview_file(MIXED / "years_damaged_sheet.xlsx", sheet="2018-19")
    assert not preview.ok and preview.problems[0].sheet == "2018-19"


def test_a_bad_sheet_with_no_good_one_still_fails(tmp_path: Path) -> None:
    with open(GOOD / "ho_201718.csv", newline="", encoding="utf-8") as fh:
        rows = [list[object](r) for r in csv.reader(fh)][:60]
    rows[40][7] = "twelve"
    path = tmp_path / "only_bad.xlsx"
    WRITER.write_xlsx(path, [("Cover", HOSTILE.COVER_SHEET), ("2017-18", rows)])
    preview = preview_file(path)
    assert not preview.ok and preview.problems[0].row == 41
    assert preview.problems[0].sheet == "2017-18"


# The import screen names the sheet skipped: tests/importing/test_import_screen_hostile.py.
