"""Which layout a header is in, and what is said when none fits."""

from __future__ import annotations

import pytest

from tui.model.importing.layouts import detect_layout, explain_no_layout, parse_mapping
from tui.model.importing.problems import DatasetImportError

HOME = [
    "Financial Year",
    "Financial Quarter",
    "Force Name",
    "Offence Description",
    "Offence Group",
    "Offence Subgroup",
    "Offence Code",
    "Number of Offences",
]


@pytest.mark.parametrize(
    "header",
    [
        HOME,
        [h.replace(" ", "_") for h in HOME],
        [h.replace(" ", ".") for h in HOME],
        [h.lower() for h in HOME],
        ["", *HOME, "Policeuk_Cat"],  # a pandas index column in front, an extra column behind
        ["Financial Year", "Financial Quarter", "Force Name", "Offence Code", "Number of Offences"],
        ["Financial Year", "Force Name", "Offence Description", "Number of Offences"],
    ],
)
def test_home_office_headers(header: list[str]) -> None:
    layout = detect_layout(header)
    assert layout is not None and layout.name == "homeoffice"
    assert layout.column("count") == next(h for h in header if h.lower().startswith("number"))


def test_nspcc_header() -> None:
    header = [
        "release",
        "financial_year",
        "force",
        "nation",
        "offence",
        "count",
        "source_url",
        "quote",
    ]
    layout = detect_layout(header)
    assert layout is not None and layout.name == "nspcc"
    assert dict(layout.mapping) == {
        "release": "release",
        "period": "financial_year",
        "force": "force",
        "nation": "nation",
        "offence_code": "offence",
        "count": "count",
        "source_url": "source_url",
        "quote": "quote",
    }


def test_generic_by_common_headers_and_by_mapping() -> None:
    layout = detect_layout(["Force", "Year", "Count"])
    assert (
        layout is not None
        and layout.name == "generic"
        and set(layout.auto) == {"force", "period", "count"}
    )
    assert detect_layout(["Area", "When", "Total"]) is None
    mapped = detect_layout(
        ["Area", "When", "Total"], {"force": "Area", "year": "When", "count": "total"}
    )
    assert mapped is not None and mapped.name == "generic" and mapped.auto == ()
    assert dict(mapped.mapping) == {"force": "Area", "year": "When", "count": "Total"}


def test_title_rows_are_not_headers() -> None:
    assert detect_layout(["Police recorded crime by force"]) is None
    assert detect_layout(["", "", ""]) is None


def test_explanations() -> None:
    message, fix = explain_no_layout(["Area", "When", "Total"], None)
    assert message.startswith(
        "no recognisable layout; columns found: 'Area', 'When', 'Total'; expected"
    )
    assert "--map force=Force" in fix
    message, _ = explain_no_layout(HOME[:-1], None)
    assert message.startswith("this looks like a Home Office table but lacks: Number of Offences;")


def test_parse_mapping() -> None:
    assert parse_mapping(["count=Number of crimes", "Force=Area", "code=Code", "group=Type"]) == {
        "count": "Number of crimes",
        "force": "Area",
        "offence_code": "Code",
        "offence_group": "Type",
    }
    assert parse_mapping({"year": "FY"}) == {"year": "FY"}
    assert parse_mapping(None) == {}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["forse=Area"], "unknown field 'forse'"),
        (["count"], "'count' is not FIELD=COLUMN"),
        (["count=A", "count=B"], "field 'count' is mapped twice"),
        (["count= "], "no column given for field 'count'"),
        (["year=A", "period=B"], "both year and period are mapped"),
    ],
)
def test_bad_mappings(items: list[str], message: str) -> None:
    with pytest.raises(DatasetImportError, match=message):
        parse_mapping(items)
