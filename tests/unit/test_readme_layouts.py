"""The README lists the column names the importer accepts, exactly as it accepts them (issue #8:
a user bringing a newer Home Office file could not tell which columns it needs)."""

from __future__ import annotations

from pathlib import Path

from tui.model.importing.layouts import (
    HOMEOFFICE_COLUMNS,
    HOMEOFFICE_REQUIRED,
    NSPCC_COLUMNS,
    detect_layout,
)

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_names_every_home_office_and_nspcc_column() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    for header in (*HOMEOFFICE_COLUMNS.values(), *NSPCC_COLUMNS.values()):
        assert f"`{header}`" in text, header
    required = ", ".join(f"`{HOMEOFFICE_COLUMNS[f]}`" for f in HOMEOFFICE_REQUIRED)
    assert f"Required: {required}, and `Offence Code` or `Offence Description`" in text


def test_the_columns_the_readme_lists_are_a_home_office_layout() -> None:
    header = [
        "Financial Year",
        "Financial Quarter",
        "Force Name",
        "Offence Description",
        "Offence Group",
        "Offence Subgroup",
        "Offence Code",
        "Number of Offences",
    ]
    layout = detect_layout(header)
    assert layout is not None and layout.name == "homeoffice" and not layout.unused
    spelt = detect_layout(["financial_year", "FORCE.NAME", "Offence Code", "number of offences"])
    assert spelt is not None and spelt.name == "homeoffice"
