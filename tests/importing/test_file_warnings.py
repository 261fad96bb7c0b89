"""What a file holds as a whole (issue 20): the shared CLEANED national file has an unnamed index
column and two ITL region columns that were dropped without a word, and holds only BTP and the
fraud bodies, so the Forces view opened on "0 rows". Both are said, in the CLI and the import
screen."""

from __future__ import annotations

from pathlib import Path

from tests.importing.conftest import run
from tui.model.importing.api import preview_file

HEADER = (
    ",Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,"
    "Offence Subgroup,Offence Code,Number of Offences,ITL1 region,ITL2 region\n"
)
"""The header of the shared CLEANED-national_forces_crime_data_2024-2025.csv."""


def _national(path: Path, forces: tuple[str, ...] = ("British Transport Police", "CIFAS")) -> Path:
    rows = [
        f"{i},2024/25,1,{force},Obscene publications etc,Misc,Misc,86,{i + 1},UK,['UK']\n"
        for i, force in enumerate(forces)
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


IGNORED = "3 columns not read: column 1 (no header), 'ITL1 region', 'ITL2 region'"
NO_TERRITORIAL = "no territorial police force in the file (it holds 'British Transport Police', "


def test_the_cli_names_ignored_columns_and_a_file_without_territorial_forces(
    tmp_path: Path, store: Path
) -> None:
    code, _out, err = run("import", str(_national(tmp_path / "national.csv")), "--dry-run")
    assert code == 0, err
    assert f"ox: warning: {IGNORED}" in err
    assert f"ox: warning: {NO_TERRITORIAL}'CIFAS')" in err
    assert "until 'n' shows national bodies" in err


def test_a_file_with_a_territorial_force_gets_no_such_warning(tmp_path: Path) -> None:
    preview = preview_file(_national(tmp_path / "n.csv", ("British Transport Police", "Kent")))
    assert not any("territorial" in w for w in preview.warnings)
    assert any(w.startswith(IGNORED) for w in preview.warnings)


# The import screen says both: tests/importing/test_import_screen_hostile.py (one app, every path).


def test_an_unread_quarters_column_says_every_figure_is_taken_as_a_whole_year(
    tmp_path: Path, store: Path
) -> None:
    """The shared prc_pfa_code86_by_force_year.csv counts the quarters of each figure
    (``quarters_present``: 1 for 2023/24, Q1 only); imported with --map, Northamptonshire's
    2023/24 (225, Q1) was compared with 2022/23 (737) as a whole year, -69.5%, and the only word
    was that the column was not read."""
    path = tmp_path / "code86.csv"
    path.write_text(
        "financial_year,force,code86_offences,quarters_present\n"
        "2022/23,Northamptonshire,737,4\n"
        "2023/24,Northamptonshire,225,1\n",
        encoding="utf-8",
    )
    maps = ("--map", "year=financial_year", "--map", "count=code86_offences")
    code, _out, err = run("import", str(path), *maps, "--dry-run")
    assert code == 0, err
    assert "ox: warning: 'quarters_present' not read and no column gives the quarter: every " in err
    assert "taken as a whole financial year" in err and "--map quarter=COLUMN" in err
    # With a column that gives the quarter, nothing is said.
    path.write_text(
        "financial_year,quarter,force,count,quarters_note\n2023/24,1,Kent,5,x\n", encoding="utf-8"
    )
    code, _out, err = run("import", str(path), "--map", "year=financial_year", "--dry-run")
    assert code == 0, err
    assert "no column gives the quarter" not in err
