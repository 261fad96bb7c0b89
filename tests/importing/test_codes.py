"""Offence codes that went through a number: trailing zeros lost in a spreadsheet (4.10 → 4.1) are
warned about, and float artefacts (37.200000000000003) are mended so they do not split a series."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.importing.conftest import WRITER, run
from tui.model.data.dataset import load_dataset
from tui.model.importing.api import import_file, preview_file

HEADER = [
    "Financial Year",
    "Force Name",
    "Offence Code",
    "Offence Description",
    "Number of Offences",
]


def _book(path: Path, codes: list[object], sheet: str = "Data") -> Path:
    rows: list[list[object]] = [list(HEADER)]
    for i, code in enumerate(codes):
        rows.append([f"{2015 + i}/{16 + i}", "Kent", code, f"Offence {i}", 10 + i])
    writer = WRITER.write_xlsx if path.suffix == ".xlsx" else WRITER.write_ods
    writer(path, [(sheet, rows)])
    return path


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_numeric_decimal_codes_are_warned_about(suffix: str, tmp_path: Path) -> None:
    # 4.10 (Corporate manslaughter) typed as a number is the number 4.1 (Manslaughter).
    path = _book(tmp_path / f"codes.{suffix}", [4.1, 4.10, 4.2, 86, "8L"], sheet="Table 1")
    preview = preview_file(path)
    assert preview.ok
    assert preview.warnings == (
        "Offence Code (sheet 'Table 1'): 3 cells hold offence codes as numbers, not text "
        "(4.1, 4.2; first at row 2): a number drops trailing zeros, so a code written 4.10 reads "
        "as 4.1 and would be merged with it. Check these codes against the source, or format the "
        "column as text in the spreadsheet and import again",
    )


def test_codes_that_are_the_same_number_are_named(tmp_path: Path) -> None:
    path = _book(tmp_path / "mixed.xlsx", [4.1, "4.10", "4.1", 4.2])
    (warning,) = preview_file(path).warnings
    assert warning.startswith(
        "Offence Code (sheet 'Data'): 2 cells hold offence codes as numbers, not text (4.1, 4.2; "
        "first at row 2): "
    )
    assert warning.endswith(
        "Codes here that are the same number: 4.1 = 4.10. Check these codes against the source, "
        "or format the column as text in the spreadsheet and import again"
    )


def test_whole_numbers_and_text_codes_are_not_warned_about(tmp_path: Path) -> None:
    path = _book(tmp_path / "fine.xlsx", [86, 1, "4.10", "4.1", "37.2"])
    assert preview_file(path).warnings == ()


def test_the_warning_reaches_the_cli_and_the_manifest(store: Path, tmp_path: Path) -> None:
    path = _book(tmp_path / "codes.xlsx", [4.1, 4.2])
    code, _out, err = run("import", str(path), "--name", "codes")
    assert code == 0
    assert err.startswith(
        "ox: warning: Offence Code (sheet 'Data'): 2 cells hold offence codes as numbers"
    )
    assert "hold offence codes as numbers" in load_dataset("codes").info.notes


def _csv(path: Path, codes: list[str]) -> Path:
    lines = [",".join(HEADER)]
    lines += [f"{2015 + i}/{16 + i},Kent,{c},Offence,{10 + i}" for i, c in enumerate(codes)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_float_artefacts_are_mended_into_one_series(store: Path, tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "floats.csv", ["37.200000000000003", "37.2", "4.10", "0.30000000000000004"]
    )
    result = import_file(path, name="floats")
    assert "Offence Code: float artefacts mended (e.g. '37.200000000000003' read as '37.2'): 1" in [
        str(n) for n in result.cleaning
    ]
    codes = load_dataset("floats").figures.sort("year").get_column("offence_code").to_list()
    # 4.10 keeps its zero; 0.30000000000000004 is already the shortest form of its number.
    assert codes == ["37.2", "37.2", "4.10", "0.30000000000000004"]


def test_float_artefacts_in_workbook_text_cells_are_mended(tmp_path: Path) -> None:
    path = _book(tmp_path / "floats.xlsx", ["37.200000000000003", "37.2"])
    preview = preview_file(path)
    assert preview.ok and preview.warnings == ()
    assert [str(n) for n in preview.cleaning] == [
        "Offence Code: float artefacts mended (e.g. '37.200000000000003' read as '37.2'): 1"
    ]


def test_parquet_with_a_float_code_column(tmp_path: Path) -> None:
    path = tmp_path / "floats.parquet"
    pl.DataFrame(
        {
            "Financial Year": ["2015/16", "2016/17", "2017/18"],
            "Force Name": ["Kent"] * 3,
            "Offence Code": [86.0, 4.1, 37.2],
            "Number of Offences": [1, 2, 3],
        }
    ).write_parquet(path)
    preview = preview_file(path)
    assert preview.ok
    assert [r[2] for r in preview.rows] == ["86", "4.1", "37.2"]
    assert preview.warnings == (
        "Offence Code: 2 cells hold offence codes as numbers, not text (4.1, 37.2; first at row "
        "3): a number drops trailing zeros, so a code written 4.10 reads as 4.1 and would be "
        "merged with it. Check these codes against the source, or write the column as text "
        "(strings) and export it again",
    )
