"""Fixtures for the hostile-file and multi-sheet import tests, made with the writers of
``build_import_fixtures.py`` (which calls :func:`build_two_years` and :func:`build_hostile`).

- ``tests/fixtures/import/ho_two_years.xlsx`` and ``.ods``: a workbook shaped like a Home Office
  release, one sheet per financial year (``2016-17``, ``2017-18``: every ``prc_pfa_tidy.csv`` row
  of those years for codes 86 and 26, quarter and count as numbers) between a ``Cover_sheet`` and
  a ``Notes`` sheet.
- ``tests/fixtures/broken/``: ``far_cell.xlsx`` (a header and one value at XFD1048576),
  ``far_cell.ods`` and ``repeated_rows.ods`` (an empty row repeated across all 16,384 columns, then
  a value): under 2 KB each, each would make the workbook reader allocate gigabytes;
  ``deflate64.ods``: its ``mimetype`` part marked as packed with Deflate64 (method 9).
- ``tests/fixtures/mixed/``: the two-year workbook with one bad sheet added (damaged: a count
  written "twelve" at row 41 of ``2018-19``; foreign: an NSPCC table; far-reaching: one cell at
  XFD1048576), which import with that sheet skipped and named, or fail with ``--strict``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from build_import_fixtures import (
    HO_HEADER,
    Cell,
    Sheet,
    _column_letter,
    _ods_bytes,
    _tidy_to_ho,
    _xlsx_bytes,
    _zip_entry,
    tidy_rows,
    write_ods,
    write_xlsx,
)


def two_year_sheets(sources: Path) -> dict[str, list[list[Cell]]]:
    """Rows of the 2016/17, 2017/18 and 2018/19 sheets (codes 86 and 26), header first."""
    years = {"2016/17": [], "2017/18": [], "2018/19": []}  # type: dict[str, list[list[Cell]]]
    rows = tidy_rows(
        sources, lambda r: r["financial_year"] in years and r["offence_code"] in {"86", "26"}
    )
    for row in rows:
        record = _tidy_to_ho(row, thousands=False)
        years[row["financial_year"]].append(
            [record[0], int(record[1]), *record[2:7], int(record[7])]
        )
    return {year.replace("/", "-"): [list(HO_HEADER), *body] for year, body in years.items()}


COVER_SHEET: list[list[Cell]] = [
    ["Police recorded crime open data Police Force Area tables"],
    ["Test fixture: two financial years, codes 86 and 26 (see scripts/build_import_fixtures.py)"],
    [],
    ["Source: Home Office, release of 19 October 2023 (via prc_pfa_tidy.csv)"],
]
NOTES_SHEET: list[list[Cell]] = [
    ["Notes"],
    ["Sheet", "Contents"],
    ["2016-17", "Offences by force, quarter and offence code"],
    ["2017-18", "Offences by force, quarter and offence code"],
]


def build_two_years(sources: Path, out: Path) -> dict[str, list[list[Cell]]]:
    """The two-year workbooks, XLSX and ODS; returns the sheets' rows."""
    years = two_year_sheets(sources)
    sheets: list[Sheet] = [
        ("Cover_sheet", COVER_SHEET),
        ("2016-17", years["2016-17"]),
        ("2017-18", years["2017-18"]),
        ("Notes", NOTES_SHEET),
    ]
    write_xlsx(out / "ho_two_years.xlsx", sheets)
    write_ods(out / "ho_two_years.ods", sheets)
    return years


_SHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _with_part(workbook: bytes, part: str, data: bytes, method: int | None = None) -> bytes:
    """The workbook with one part's contents replaced (and, given ``method``, that ZIP
    compression method number written in its headers, whatever the bytes are)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            body = data if info.filename == part else source.read(info)
            _zip_entry(archive, info.filename, body, compress=info.compress_type != 0)
    raw = bytearray(out.getvalue())
    if method is not None:
        name = part.encode()
        for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = raw.find(signature)
            while at != -1:
                name_at = at + (30 if signature == b"PK\x03\x04" else 46)
                if raw[name_at : name_at + len(name)] == name:
                    raw[at + offset : at + offset + 2] = method.to_bytes(2, "little")
                at = raw.find(signature, at + 4)
    return bytes(raw)


def far_cell_xlsx(header: Sequence[Cell]) -> bytes:
    """A header at A1 and one value at XFD1048576, the last cell of a sheet (about 1.5 KB)."""
    cells = "".join(
        f'<c r="{_column_letter(i)}1" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'
        for i, v in enumerate(header)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_SHEET_MAIN}">'
        f'<sheetData><row r="1">{cells}</row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    return _with_part(
        _xlsx_bytes([("Data", [list(header)])]), "xl/worksheets/sheet1.xml", xml.encode()
    )


def repeated_ods(header: Sequence[Cell], rows: int, value_at_end: bool) -> bytes:
    """A header, then an empty row repeated ``rows`` times across all 16,384 columns, then (if
    ``value_at_end``) a value in the last column: under a kilobyte, and a dense grid of
    ``rows`` × 16,384 cells to the reader."""
    cells = "".join(
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(v))}</text:p></table:table-cell>"
        for v in header
    )
    last = (
        '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
        '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
        "</table:table-cell></table:table-row>"
        if value_at_end
        else ""
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data">'
        f"<table:table-row>{cells}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        f"{last}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    return _with_part(_ods_bytes([("Data", [list(header)])]), "content.xml", content.encode())


def build_hostile(
    years: dict[str, list[list[Cell]]],
    nspcc: tuple[list[str], list[list[str]]],
    out: Path,
    mixed: Path,
) -> list[str]:
    """Files made to exhaust the reader (in ``out``), and two-year workbooks with one bad sheet
    among good ones (in ``mixed``)."""
    header = years["2016-17"][0]
    files: dict[str, bytes] = {}
    files["far_cell.xlsx"] = far_cell_xlsx(header)
    files["far_cell.ods"] = repeated_ods(header, 1_048_574, value_at_end=True)
    files["repeated_rows.ods"] = repeated_ods(header, 6_000, value_at_end=True)
    files["deflate64.ods"] = _with_part(
        _ods_bytes([("2017-18", years["2017-18"][:20])]),
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
        method=9,
    )
    damaged = [list(row) for row in years["2018-19"]]
    damaged[40][7] = "twelve"  # spreadsheet row 41 of sheet 2018-19
    good = [
        ("Cover_sheet", COVER_SHEET),
        ("2016-17", years["2016-17"]),
        ("2017-18", years["2017-18"]),
    ]
    files["years_damaged_sheet.xlsx"] = _xlsx_bytes([*good, ("2018-19", damaged)])
    files["years_damaged_sheet.ods"] = _ods_bytes([*good, ("2018-19", damaged)])
    nspcc_header, nspcc_rows = nspcc
    foreign: list[list[Cell]] = [list(nspcc_header), *[list(r) for r in nspcc_rows[:12]]]
    files["years_foreign_sheet.xlsx"] = _xlsx_bytes([*good, ("NSPCC FOI", foreign)])
    files["years_foreign_sheet.ods"] = _ods_bytes([*good, ("NSPCC FOI", foreign)])
    far = _xlsx_bytes([*good, ("Scratch", [list(header)])])
    sheet4 = zipfile.ZipFile(io.BytesIO(far)).read("xl/worksheets/sheet4.xml").decode()
    sheet4 = sheet4.replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    files["years_far_cell_sheet.xlsx"] = _with_part(
        far, "xl/worksheets/sheet4.xml", sheet4.encode()
    )
    for name, data in sorted(files.items()):
        (mixed if name.startswith("years_") else out).joinpath(name).write_bytes(data)
    return sorted(files)
