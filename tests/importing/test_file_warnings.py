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
