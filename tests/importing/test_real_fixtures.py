"""Real Home Office and NSPCC slices import with the figures their sources state, in all formats."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest

from tests.importing.conftest import GOOD, run
from tui.model.data.dataset import load_dataset
from tui.model.importing.api import import_file, preview_file

# Names in the 2017/18 file that the reference spells differently (data/forces.csv).
CANONICAL = {"Devon and Cornwall": "Devon & Cornwall", "Financial Fraud Action UK": "UK Finance"}


def source_figures() -> dict[tuple[int, str, str], int]:
    """The 2017/18 fixture read by hand: (quarter, force, code) → count, "-00" as 0, homicide's four
    rows (code 1/4.1/4.10/4.2) added together."""
    figures: dict[tuple[int, str, str], int] = defaultdict(int)
    with open(GOOD / "ho_201718.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            count = row["Number of Offences"].strip()
            force = CANONICAL.get(row["Force Name"], row["Force Name"])
            key = (int(row["Financial Quarter"]), force, row["Offence Code"])
            figures[key] += 0 if count == "-00" else int(count)
    return dict(figures)


def imported_figures(name: str) -> dict[tuple[int, str, str], int]:
    ds = load_dataset(name)
    assert ds.alternates.height == 0
    rows = ds.figures.select("quarter", "force", "offence_code", "count").iter_rows()
    return {(q, f, c): n for q, f, c, n in rows}


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "ods"])
def test_201718_imports_with_the_source_figures(suffix: str, store: Path) -> None:
    result = import_file(GOOD / f"ho_201718.{suffix}", name=f"ho-{suffix}")
    assert result.layout == "homeoffice" and result.written
    assert result.years == ("2017/18",) and result.forces == 47
    assert imported_figures(f"ho-{suffix}") == source_figures()
    figures = load_dataset(f"ho-{suffix}").figures
    code86 = figures.filter(pl.col("offence_code") == "86")
    # PROVENANCE.md: "For code 86 the national total is 22,949 in the earlier release".
    assert code86.get_column("count").sum() == 22_949
    northants = code86.filter(pl.col("force") == "Northamptonshire").sort("quarter")
    # Source lines 3873, 9639, 15406 and 21173 of prc-pfa-mar2013-onwards-tables201718.csv.
    assert northants.get_column("count").to_list() == [63, 63, 69, 76]
    homicide = figures.filter(
        (pl.col("force") == "Northamptonshire") & (pl.col("offence_code") == "1/4.1/4.10/4.2")
    ).sort("quarter")
    # Source lines 15394-15397: -00, -00, 1, 2 in Q3; one "1" in Q1 and Q4; all -00 in Q2.
    assert homicide.get_column("count").to_list() == [1, 0, 3, 1]
    bigamy = figures.filter(
        (pl.col("force") == "Cambridgeshire") & (pl.col("offence_code") == "26")
    )
    assert bigamy.filter(pl.col("quarter") == 2).get_column("count").to_list() == [-1]  # line 6187


def test_dash_zero_is_zero_and_reported(store: Path) -> None:
    with open(GOOD / "ho_201718.csv", newline="", encoding="utf-8") as fh:
        dashes = sum(1 for row in csv.DictReader(fh) if row["Number of Offences"].strip() == "-00")
    assert dashes == 718
    result = import_file(GOOD / "ho_201718.csv", name="ho")
    notes = {(n.column, n.what): n.cells for n in result.cleaning}
    assert (
        notes[("Number of Offences", "'-00' read as 0 (the Home Office writes zero as -00)")] == 718
    )
    assert notes[("Force Name", "'Devon and Cornwall' read as 'Devon & Cornwall'")] == 28
    assert notes[("", "negative counts kept (Home Office adjustments)")] == 3


def test_the_ods_skips_its_cover_and_notes_sheets() -> None:
    preview = preview_file(GOOD / "ho_201718.ods", max_rows=2)
    assert preview.format == "ODS" and preview.ok
    assert preview.sheets_read == ("2017-18",)
    assert [s.name for s in preview.sheets_skipped] == ["Cover", "Notes"]
    assert preview.header_row == 3  # below a title row and an empty row
    assert preview.rows[1] == (
        "2017/18",
        "1",
        "Avon and Somerset",
        "Bigamy",
        "Miscellaneous crimes",
        "Miscellaneous crimes",
        "26",
        "-00",
    )


def test_ox_show_and_compare_give_the_imported_figures(store: Path) -> None:
    import_file(GOOD / "ho_201718.ods", name="earlier")
    code, out, err = run(
        "show", "northamptonshire", "--dataset", "earlier", "--quarters", "-f", "csv"
    )
    assert code == 0, err
    rows = list(csv.DictReader(out.splitlines()))
    assert [(r["year"], r["quarter"], r["count"]) for r in rows] == [
        ("2017/18", "1", "63"),
        ("2017/18", "2", "63"),
        ("2017/18", "3", "69"),
        ("2017/18", "4", "76"),
    ]
    code, out, _ = run("show", "northamptonshire", "--dataset", "earlier")
    assert code == 0 and " 271 " in out
    code, out, _ = run("show", "northamptonshire")  # the bundled Oct 2023 release says 269
    assert code == 0 and " 269 " in out
    code, out, err = run("show", "met", "--dataset", "earlier", "-f", "json")
    assert code == 0, err
    met = next(r for r in json.loads(out) if r["force"] == "Metropolitan Police")
    assert met["count"] == 236 + 373 + 607 + 730  # source lines 3349, 9115, 14882, 20649


def test_2023_layout_with_dotted_names_and_thousands(store: Path) -> None:
    result = import_file(GOOD / "ho_2023_layout.csv", name="recent")
    assert result.layout == "homeoffice"
    assert result.years == ("2021/22", "2022/23", "2023/24 Q1")
    assert dict(result.preview.mapping)["count"] == "Number.of.Offences"  # type: ignore[union-attr]
    assert any("thousands separators removed" in n.what for n in result.cleaning)
    figures = load_dataset("recent").figures
    totals = dict(
        figures.filter(pl.col("offence_code") == "86")
        .group_by("period")
        .agg(pl.col("count").sum())
        .iter_rows()
    )
    # PROVENANCE.md's table, column "code 86, all bodies".
    assert totals == {"2021/22": 35_393, "2022/23": 40_472, "2023/24": 10_550}
    af = figures.filter(
        (pl.col("force") == "Action Fraud")
        & (pl.col("period") == "2021/22")
        & (pl.col("quarter") == 1)
    )
    assert af.get_column("count").to_list() == [112_292]  # tidy CSV line 204980, written "112,292"


def test_latin1_semicolon_file(store: Path) -> None:
    preview = preview_file(GOOD / "ho_latin1_semicolon.csv")
    assert (preview.encoding, preview.delimiter, preview.layout) == (
        "Latin-1 (ISO-8859-1)",
        "semicolon",
        "homeoffice",
    )
    import_file(GOOD / "ho_latin1_semicolon.csv", name="latin")
    kent = load_dataset("latin").figures.filter(pl.col("force") == "Kent")
    by_code = {c: (o, n) for c, o, n in kent.select("offence_code", "offence", "count").iter_rows()}
    assert by_code["86"] == ("Obscene publications etc", 460)  # tidy CSV line 255402
    # Line 255327; the source has a non-breaking space in "of unconnected", read as a plain space.
    assert by_code["28M"] == ("Residential burglary of unconnected building", 277)


def test_nspcc_slice_keeps_every_figure_and_its_source(store: Path) -> None:
    result = import_file(GOOD / "nspcc_slice.csv", name="nspcc-slice")
    assert result.layout == "nspcc"
    ds = load_dataset("nspcc-slice")
    uk = ds.figures.filter((pl.col("force") == "UK total") & (pl.col("period") == "2016/17"))
    alt = ds.alternates.filter((pl.col("force") == "UK total") & (pl.col("period") == "2016/17"))
    # NOTES.md: "UK 2016/17: 18,522 (2018 release) vs 18,574 (2023 release)"; the earliest is shown.
    assert uk.select("count", "release").rows() == [(18_522, "2018-09")]
    assert alt.select("count", "release").rows() == [(18_574, "2023-02")]
    cy = ds.figures.filter(
        (pl.col("force") == "Northamptonshire") & (pl.col("period") == "2013 (calendar year)")
    )
    assert cy.select("year", "count").rows() == [(None, 10)]  # nspcc_foi_by_force.csv line 18
    cited = ds.figures.filter(pl.col("force") == "England and Wales total").filter(
        pl.col("period") == "2023/24"
    )
    assert cited.select("offence_code", "count").rows() == [("ho_cited", 38_685)]  # lines 203-205
    assert "Police Service of Northern Ireland" in ds.forces and "PSNI" not in ds.forces


def test_nspcc_slice_matches_the_bundled_dataset_built_by_build_data(store: Path) -> None:
    result = import_file(GOOD / "nspcc_slice.csv", name="nspcc-slice")
    mine = pl.read_parquet(result.path).drop("dataset")
    forces = mine.get_column("force").unique().to_list()
    bundled = pl.read_parquet(Path(__file__).resolve().parents[2] / "data" / "nspcc.parquet")
    bundled = bundled.drop("dataset").filter(pl.col("force").is_in(forces))
    assert mine.height == bundled.height == 58
    assert mine.sort(mine.columns).equals(bundled.sort(bundled.columns))


def test_parquet_with_typed_columns(tmp_path: Path, store: Path) -> None:
    raw = pl.read_csv(GOOD / "ho_201718.csv", infer_schema=False)
    count = pl.col("Number of Offences").str.strip_chars()
    typed = raw.with_columns(
        pl.col("Financial Quarter").cast(pl.Int64),
        pl.when(count == "-00")
        .then(pl.lit("0"))
        .otherwise(count)
        .cast(pl.Int64)
        .alias("Number of Offences"),
    )
    typed.write_parquet(tmp_path / "ho.parquet")
    result = import_file(tmp_path / "ho.parquet", name="from-parquet")
    assert result.format == "Parquet"
    assert imported_figures("from-parquet") == source_figures()


def test_header_spellings_of_other_releases(tmp_path: Path, store: Path) -> None:
    lines = (GOOD / "ho_201718.csv").read_text(encoding="utf-8").splitlines()
    body = [line.rsplit(",", 1) for line in lines[1:]]
    for header, name in (
        (
            "Financial_Year,Financial_Quarter,Force_Name,Offence_Description,Offence_Group,Offence_Subgroup,Offence_Code,Number_of_Offences",
            "underscores",
        ),
        (
            "financial year,financial quarter,force name,offence description,offence group,"
            "offence subgroup,offence code,number of offences",
            "lower",
        ),
    ):
        path = tmp_path / f"{name}.csv"
        path.write_text("\n".join([header, *lines[1:]]) + "\n", encoding="utf-8")
        assert import_file(path, name=name).layout == "homeoffice"
        assert imported_figures(name) == source_figures()
    # A release without group and subgroup columns.
    records = list(csv.reader(lines))
    slim = [[r[0], r[1], r[2], r[3], r[6], r[7]] for r in records]
    path = tmp_path / "slim.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(slim)
    assert import_file(path, name="slim").layout == "homeoffice"
    assert imported_figures("slim") == source_figures()
    assert set(load_dataset("slim").figures.get_column("offence_group").unique()) == {""}
    assert body  # the slice is not empty


def test_year_and_quarter_spellings(tmp_path: Path, store: Path) -> None:
    text = (GOOD / "ho_201718.csv").read_text(encoding="utf-8")
    header, *lines = text.splitlines()
    spelled = []
    for i, line in enumerate(lines):
        year, quarter, rest = line.split(",", 2)
        year = ("2017/18", "2017-18", "2017/2018", "FY2017-18")[i % 4]
        spelled.append(f"{year},Q{quarter},{rest}")
    path = tmp_path / "spelled.csv"
    path.write_text("\n".join([header, *spelled]) + "\n", encoding="utf-8")
    result = import_file(path, name="spelled")
    assert result.years == ("2017/18",)
    assert imported_figures("spelled") == source_figures()


def test_unknown_force_is_kept_and_reported(tmp_path: Path, store: Path) -> None:
    original = (GOOD / "ho_201718.csv").read_text(encoding="utf-8")
    rows = [
        n for n, line in enumerate(original.splitlines(), start=1) if ",Northamptonshire," in line
    ]
    path = tmp_path / "renamed.csv"
    path.write_text(
        original.replace(",Northamptonshire,", ",Northamptonshire Police Area,"), encoding="utf-8"
    )
    code, out, err = run("import", str(path), "--name", "renamed")
    assert code == 0
    assert len(rows) == 28  # 4 quarters of codes 86, 26, 95 and homicide's 4 rows
    assert (
        "ox: warning: unknown force 'Northamptonshire Police Area' "
        f"(Force Name, 28 rows, first at row {rows[0]}): "
        "kept as written"
    ) in err
    figures = load_dataset("renamed").figures
    kept = figures.filter(
        (pl.col("force") == "Northamptonshire Police Area") & (pl.col("offence_code") == "86")
    )
    assert kept.get_column("count").sum() == 271
    manifest = json.loads((store / "renamed.json").read_text(encoding="utf-8"))
    assert "unknown force 'Northamptonshire Police Area'" in manifest["notes"]


def test_a_misspelt_force_is_warned_with_the_force_it_likely_means(tmp_path: Path) -> None:
    original = (GOOD / "ho_201718.csv").read_text(encoding="utf-8")
    path = tmp_path / "typo.csv"
    path.write_text(original.replace(",Northamptonshire,", ",Northamptonshre,"), encoding="utf-8")
    code, _out, err = run("import", str(path), "--name", "typo")
    assert code == 0
    assert "unknown force 'Northamptonshre'" in err
    assert "(did you mean Northamptonshire?)" in err


def test_missing_markers_are_null_never_zero(tmp_path: Path, store: Path) -> None:
    records = list(csv.reader((GOOD / "ho_201718.csv").read_text(encoding="utf-8").splitlines()))
    markers = {5: "..", 6: "N/a", 7: "", 8: "n/a", 9: " - "}  # spreadsheet rows
    for row, marker in markers.items():
        records[row - 1][7] = marker
    path = tmp_path / "markers.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(records)
    result = import_file(path, name="markers")
    notes = {n.what: n.cells for n in result.cleaning if n.column == "Number of Offences"}
    assert notes["'..' read as missing (no figure, not 0)"] == 1
    assert notes["'N/a' read as missing (no figure, not 0)"] == 1
    assert notes["'n/a' read as missing (no figure, not 0)"] == 1
    assert notes["'-' read as missing (no figure, not 0)"] == 1
    assert notes["empty cells read as missing (no figure, not 0)"] == 1
    frame = pl.read_parquet(result.path)
    touched = [(r[1], r[2], r[6]) for r in (records[row - 1] for row in markers)]
    for quarter, force, code in touched:
        cell = frame.filter(
            (pl.col("quarter") == int(quarter))
            & (pl.col("force") == CANONICAL.get(force, force))
            & (pl.col("offence_code") == code)
        )
        assert cell.get_column("count").to_list() == [None]


def test_title_rows_above_a_csv_header_shift_the_rows_reported(tmp_path: Path) -> None:
    text = (
        Path(__file__).resolve().parents[1] / "fixtures" / "broken" / "text_in_count.csv"
    ).read_text(encoding="utf-8")
    path = tmp_path / "titled.csv"
    path.write_text("Police recorded crime, 2017/18\n\n" + text, encoding="utf-8")
    preview = preview_file(path)
    assert preview.header_row == 3
    assert [(p.row, p.column) for p in preview.problems] == [(59, "Number of Offences")]


def test_identical_repeated_rows_are_merged(tmp_path: Path, store: Path) -> None:
    lines = (GOOD / "ho_201718.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "repeated.csv"
    path.write_text("\n".join([*lines, lines[2], lines[3]]) + "\n", encoding="utf-8")
    result = import_file(path, name="repeated")
    assert any(
        n.what == "repeated rows (same figure twice) merged" and n.cells == 2
        for n in result.cleaning
    )
    assert imported_figures("repeated") == source_figures()
