"""``ox import`` and ``ox datasets remove`` as a user runs them: output and exit statuses."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.importing.conftest import GOOD, run, snapshot
from tui.model.importing.results import describe_years
from tui.model.store.derived_store import stored_detail

HO = str(GOOD / "ho_201718.csv")


class FakeTerminal(io.StringIO):
    """Standard input that says it is a terminal, with the user's answer in it."""

    def isatty(self) -> bool:
        return True


def test_import_prints_layout_preview_cleaning_and_how_to_use_it(store: Path) -> None:
    code, out, err = run("import", HO, "--name", "earlier")
    assert code == 0 and err == ""
    assert "Read ho_201718.csv: CSV, UTF-8, comma-separated" in out
    assert "Layout: homeoffice - Home Office open data table" in out
    assert "Number of Offences -> count" in out
    assert "First 5 rows:" in out and "  2017/18 | 1 | Action Fraud |" in out
    assert (
        "  - Number of Offences: '-00' read as 0 (the Home Office writes zero as -00): 718" in out
    )
    assert out.endswith(
        "Imported 716 rows as dataset earlier (years 2017/18, forces 47); "
        "use it with --dataset earlier\n"
    )
    assert (store / "earlier.json").exists()
    code, out, _ = run("datasets", "-f", "csv")
    assert code == 0
    assert [r["name"] for r in csv.DictReader(io.StringIO(out))] == [
        "homeoffice",
        "homeoffice-2023-10",
        "nspcc",
        "scotland",
        "earlier",
    ]


def test_dry_run_writes_nothing(existing: Path) -> None:
    before = snapshot(existing)
    code, out, err = run("import", HO, "--dry-run")
    assert code == 0 and err == ""
    assert out.endswith(
        "Dry run: nothing was written; would import 716 rows as dataset ho_201718 "
        "(years 2017/18, forces 47)\n"
    )
    assert snapshot(existing) == before


def test_dry_run_still_checks_the_name(existing: Path) -> None:
    code, _out, err = run("import", HO, "--dry-run", "--name", "kept")
    assert code == 2 and "a dataset called 'kept' already exists" in err


def test_name_taken_then_replace(existing: Path) -> None:
    code, out, err = run("import", HO, "--name", "kept")
    assert code == 2 and out == ""
    assert err == (
        "ox: error: a dataset called 'kept' already exists; choose another name with --name, "
        "or replace it with --replace\n"
    )
    code, out, _ = run("import", HO, "--name", "kept", "--replace")
    assert code == 0 and "Replaced 716 rows as dataset kept" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--name", "Not Valid"], "'Not Valid' is not a valid dataset name"),
        (["--name", "nspcc"], "'nspcc' is the name of a bundled dataset"),
        (["--map", "forse=Force Name"], "unknown field 'forse'"),
        (["--map", "count"], "'count' is not FIELD=COLUMN"),
    ],
)
def test_bad_names_and_mappings_exit_2(argv: list[str], message: str, store: Path) -> None:
    code, _out, err = run("import", HO, *argv)
    assert code == 2 and message in err
    assert not store.exists() or list(store.iterdir()) == []


def test_generic_layout_with_a_mapping(tmp_path: Path, store: Path) -> None:
    records = list(csv.reader((GOOD / "ho_201718.csv").read_text(encoding="utf-8").splitlines()))
    rows = [["Crimes recorded", "Area", "FY", "Period of year", "Code"]]
    rows += [[r[7], r[2], r[0], r[1], r[6]] for r in records[1:]]
    path = tmp_path / "mine.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    code, _out, err = run("import", str(path))
    assert code == 2
    assert (
        "no recognisable layout; columns found: "
        "'Crimes recorded', 'Area', 'FY', 'Period of year', 'Code'" in err
    )
    argv = [
        "--map",
        "count=Crimes recorded",
        "--map",
        "force=area",
        "--map",
        "year=FY",
        "--map",
        "quarter=Period of year",
    ]
    code, out, err = run("import", str(path), "--name", "mine", "--map", "offence_code=Code", *argv)
    assert code == 0, err
    assert "Layout: generic" in out and "Crimes recorded -> count" in out and "FY -> year" in out
    code, out, _ = run("show", "northamptonshire", "-d", "mine", "-f", "csv")
    assert code == 0 and list(csv.DictReader(io.StringIO(out)))[0]["count"] == "271"
    code, _out, err = run(
        "import", str(path), "--name", "other", "--map", "count=Offences", *argv[2:]
    )
    assert code == 2 and "the mapped column(s) count='Offences' are not in the header" in err
    # Without the quarter, four rows give each force, year and offence: reported, with the way out.
    code, _out, err = run(
        "import", str(path), "--name", "other", *argv[:6], "--map", "offence_code=Code"
    )
    assert code == 2
    assert "duplicate rows: rows 2, " in err
    assert "if a column not read ('Period of year') tells the rows apart, map it with --map" in err


def test_generic_layout_found_by_common_headers(tmp_path: Path, store: Path) -> None:
    tidy = [
        "financial_year",
        "quarter",
        "force",
        "offence_description",
        "offence_group",
        "offence_subgroup",
        "offence_code",
        "count",
    ]
    lines = (GOOD / "ho_2023_layout.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "tidy.csv"
    path.write_text("\n".join([",".join(tidy), *lines[1:]]) + "\n", encoding="utf-8")
    code, out, err = run("import", str(path), "--name", "tidy")
    assert code == 0, err
    assert "Layout: generic - generic table (columns mapped by name)" in out
    assert (
        "financial_year -> year, quarter -> quarter, force -> force, offence_description -> offence"
        in out
    )


@pytest.mark.derived_files
def test_period_mapping_keeps_other_periods_out_of_years(tmp_path: Path, store: Path) -> None:
    path = tmp_path / "periods.csv"
    path.write_text(
        "Area,When,Total\nKent,2017/18,12\nKent,2018 (calendar year),13\nEssex,2017-18,\n",
        encoding="utf-8",
    )
    code, out, err = run(
        "import",
        str(path),
        "--name",
        "periods",
        "--map",
        "force=Area",
        "--map",
        "period=When",
        "--map",
        "count=Total",
    )
    assert code == 0, err
    assert "  - Total: empty cells read as missing (no figure, not 0): 1" in out
    assert "(years 2017/18; other periods: 2018 (calendar year); forces 2)" in out
    code, out, _ = run("show", "kent", "-d", "periods", "-f", "csv", "--all-periods")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["year"], r["count"]) for r in rows} == {("2017/18", "12"), ("", "13")}
    # Essex's stated total is empty: its detail says "—" (it crashed, and no answer book was made)
    essex = stored_detail("periods", None, "Essex")
    assert essex is not None and essex.detail.breakdown is not None
    assert essex.detail.breakdown.total is None


def test_sheet_option(store: Path) -> None:
    code, _out, err = run("import", str(GOOD / "ho_201718.ods"), "--sheet", "Cover")
    assert code == 2 and "no sheet holds a table: 'Cover'" in err
    code, _out, err = run("import", str(GOOD / "ho_201718.ods"), "--sheet", "2018-19")
    assert (
        code == 2
        and "there is no sheet called '2018-19'" in err
        and "'Cover', 'Notes', '2017-18'" in err
    )
    code, out, _ = run("import", str(GOOD / "ho_201718.ods"), "--sheet", "2017-18", "--name", "s")
    assert code == 0 and "Sheets read: 2017-18" in out


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    code, out, err = run("import", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"ox: error: {tmp_path} is a folder, not a file\n"


# Removing -----------------------------------------------------------------------------------------


def test_remove_needs_yes_without_a_terminal(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # piped input is not a confirmation
    before = snapshot(existing)
    code, _out, err = run("datasets", "remove", "kept")
    assert code == 2
    assert (
        err == "ox: error: not removing 'kept' without confirmation; "
        "run 'ox datasets remove kept --yes'\n"
    )
    assert snapshot(existing) == before
    code, out, err = run("datasets", "remove", "kept", "--yes")
    assert code == 0 and err == ""
    assert out == "Removed dataset kept (kept.json, kept.parquet)\n"
    assert list(existing.iterdir()) == []


@pytest.mark.parametrize(
    ("answer", "code", "left"), [("y\n", 0, 0), ("yes\n", 0, 0), ("n\n", 1, 2), ("\n", 1, 2)]
)
def test_remove_asks_on_a_terminal(
    answer: str, code: int, left: int, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", FakeTerminal(answer))
    status, out, _err = run("datasets", "remove", "KEPT")
    assert status == code
    assert out.startswith("Remove the imported dataset 'kept' (Test dataset kept")
    assert len(list(existing.iterdir())) == left


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["datasets", "remove", "nope", "--yes"],
            "ox: error: no imported dataset called 'nope' (imported datasets: kept)\n",
        ),
        (
            ["datasets", "remove", "homeoffice", "--yes"],
            "ox: error: 'homeoffice' is a bundled dataset and cannot be removed\n",
        ),
        (
            ["datasets", "remove"],
            "ox: error: give the name of the dataset to remove: ox datasets remove NAME\n",
        ),
    ],
)
def test_remove_refusals_exit_2(argv: list[str], message: str, existing: Path) -> None:
    code, out, err = run(*argv)
    assert (code, out, err) == (2, "", message)


def test_a_bare_year_is_refused_saying_exactly_what_to_write(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "bare.csv"
    path.write_text(
        "Financial Year,Force Name,Offence Code,Number of Offences\n"
        "2020,Kent,86,5\n"
        "2020/21,Kent,195,6\n",
        encoding="utf-8",
    )
    code, out, err = run("import", str(path))
    assert code == 2 and snapshot(store) == {}
    assert err.endswith(
        "ox: error: cannot import bare.csv: 1 problem\n"
        "  bare.csv, row 2, column 'Financial Year': '2020' is a single year, not a financial "
        "year: write 2020/21 for April 2020 to March 2021, or 2019/20 if 2020 is the year it ends "
        "(a bare 2020 could also be a calendar year). Fix: write each financial year in full "
        "(2020/21, not 2020); if the column holds calendar years, import it as a period with "
        "--map period='Financial Year'\n"
        "Nothing was imported.\n"
    )


def test_other_periods_are_not_shown_as_the_end_of_the_year_range(store: Path) -> None:
    code, out, err = run("import", str(GOOD / "nspcc_slice.csv"), "--name", "slice")
    assert code == 0, err
    assert out.endswith(
        "Imported 58 rows as dataset slice (years 2016/17 to 2023/24; other periods: "
        "2013 (calendar year), 2013-2015 (calendar years), 2014 (calendar year), "
        "2015 (calendar year), 2016/17+2017/18, 2017/18-2022/23, 2019/20-2023/24; forces 7); "
        "use it with --dataset slice\n"
    )


@pytest.mark.parametrize(
    ("years", "other", "text"),
    [
        ((), (), "years none"),
        (("2017/18",), (), "years 2017/18"),
        (("2021/22", "2022/23", "2023/24 Q1"), (), "years 2021/22, 2022/23, 2023/24 Q1"),
        (("2016/17", "2017/18", "2018/19", "2019/20"), (), "years 2016/17 to 2019/20"),
        (
            ("2016/17", "2017/18", "2019/20", "2020/21"),
            (),
            "years 2016/17 to 2020/21 (no figures for 2018/19)",
        ),
        (
            ("2016/17", "2017/18", "2018/19", "2019/20-2023/24"),
            ("2019/20-2023/24",),
            "years 2016/17, 2017/18, 2018/19; other periods: 2019/20-2023/24",
        ),
        (("2013 (calendar year)",), ("2013 (calendar year)",), "periods: 2013 (calendar year)"),
        (
            tuple(f"{y} (calendar year)" for y in range(2010, 2020)),
            tuple(f"{y} (calendar year)" for y in range(2010, 2020)),
            "periods: "
            + ", ".join(f"{y} (calendar year)" for y in range(2010, 2018))
            + " and 2 more",
        ),
    ],
)
def test_describe_years(years: tuple[str, ...], other: tuple[str, ...], text: str) -> None:
    assert describe_years(years, other) == text
