"""Write the import test fixtures in ``tests/fixtures/`` from the real sources (small slices).

Run it from the project root (standard library, plus Polars for one small Parquet file; the
fixtures are committed, so the tests need neither this script nor the sources)::

    python scripts/build_import_fixtures.py [--sources ../shared/data-sources]

``tests/fixtures/import/`` (files that import):

- ``ho_201718.csv``: lines copied byte for byte from ``homeoffice-prc/prc-pfa-mar2013-onwards-
  tables201718.csv`` (the 2017/18 sheet of an earlier Home Office release: zero written as "-00",
  counts with spaces around them, homicide as 4 rows of code 1/4.1/4.10/4.2) for offence codes 86,
  26, 95 and 1/4.1/4.10/4.2 for every force and quarter, plus the fraud bodies' rows.
- ``ho_201718.xlsx``: the same rows in a workbook (counts as numbers, "-00" kept as text).
- ``ho_201718.ods``: the same rows after a cover sheet and a notes sheet, with a title row and an
  empty row above the header (the header is row 3), so sheets and header rows must be found.
- ``ho_2023_layout.csv``: ``homeoffice-prc/prc_pfa_tidy.csv`` rows for 2021/22 to 2023/24 Q1 with
  the column names of the Oct 2023 release as R reads them (``Financial.Year``...), codes 86, 28M
  and the fraud bodies' codes; counts of 1,000 or more written with thousands separators, as a
  spreadsheet exports formatted numbers.
- ``ho_latin1_semicolon.csv``: tidy rows for 2023/24 Q1, codes 86, 28M and 28N, with the Home
  Office headers, semicolons and Latin-1 (the 28M/28N descriptions hold a non-breaking space).
- ``nspcc_slice.csv``: the rows of ``nspcc-foi/nspcc_foi_by_force.csv`` for a few forces and
  totals (calendar years, multi-year totals, releases that disagree, the 2025 Home Office figures).

``tests/fixtures/broken/``: files that must not import, each made from those slices with one
thing wrong (see ``build_broken`` below); random bytes come from a fixed seed, so reruns match.
Hostile files among them, the two-year workbooks (``import/ho_two_years.*``) and the workbooks
with one bad sheet (``mixed/``) are made by ``build_hostile_fixtures.py``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import random
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures"

HO_HEADER = [
    "Financial Year",
    "Financial Quarter",
    "Force Name",
    "Offence Description",
    "Offence Group",
    "Offence Subgroup",
    "Offence Code",
    "Number of Offences",
]
R_HEADER = [h.replace(" ", ".") for h in HO_HEADER]
CODES_201718 = {"86", "26", "95", "1/4.1/4.10/4.2", "AF", "CIFAS", "FFA UK", "UK Finance"}
CODES_2023 = {"86", "28M", "AF", "CIFAS", "UK Finance"}
NSPCC_FORCES = {
    "Northamptonshire",
    "UK total",
    "PSNI",
    "Police Scotland",
    "Gwent",
    "Wales total",
    "England and Wales total",
}

Cell = str | int | float | None
Sheet = tuple[str, Sequence[Sequence[Cell]]]
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


# A minimal XLSX and ODS writer: deterministic (fixed timestamps), inline strings, no styles.


def _zip_entry(
    archive: zipfile.ZipFile, name: str, data: str | bytes, compress: bool = True
) -> None:
    info = zipfile.ZipInfo(name, _FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    archive.writestr(info, data)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_number(value: Cell) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def write_xlsx(path: Path | BinaryIO, sheets: Sequence[Sheet]) -> None:
    """Write an XLSX workbook: one worksheet per (name, rows); ``None`` is an empty cell."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    types = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>',
    ]
    book = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
    ]
    rels = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{pkg}">']
    for number, (name, _rows) in enumerate(sheets, start=1):
        types.append(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        book.append(f'<sheet name={quoteattr(name)} sheetId="{number}" r:id="rId{number}"/>')
        rels.append(
            f'<Relationship Id="rId{number}" Type="{rel}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
    types.append("</Types>")
    book.append("</sheets></workbook>")
    rels.append("</Relationships>")
    with zipfile.ZipFile(path, "w") as archive:
        _zip_entry(archive, "[Content_Types].xml", "".join(types))
        _zip_entry(
            archive,
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        _zip_entry(archive, "xl/workbook.xml", "".join(book))
        _zip_entry(archive, "xl/_rels/workbook.xml.rels", "".join(rels))
        for number, (_name, rows) in enumerate(sheets, start=1):
            xml = [
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<worksheet xmlns="{main}"><sheetData>'
            ]
            for r, row in enumerate(rows, start=1):
                cells = []
                for c, value in enumerate(row):
                    ref = f"{_column_letter(c)}{r}"
                    if value is None:
                        continue
                    if _is_number(value):
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        text = escape(str(value))
                        cells.append(
                            f'<c r="{ref}" t="inlineStr">'
                            f'<is><t xml:space="preserve">{text}</t></is></c>'
                        )
                if cells:
                    xml.append(f'<row r="{r}">{"".join(cells)}</row>')
            xml.append("</sheetData></worksheet>")
            _zip_entry(archive, f"xl/worksheets/sheet{number}.xml", "".join(xml))


def write_ods(path: Path | BinaryIO, sheets: Sequence[Sheet]) -> None:
    """Write an ODS spreadsheet: one table per (name, rows); ``None`` is an empty cell."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    xml = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {ns} office:version="1.2">'
        "<office:body><office:spreadsheet>"
    ]
    for name, rows in sheets:
        xml.append(f"<table:table table:name={quoteattr(name)}>")
        for row in rows:
            xml.append("<table:table-row>")
            if not row:
                xml.append("<table:table-cell/>")
            for value in row:
                if value is None:
                    xml.append("<table:table-cell/>")
                elif _is_number(value):
                    xml.append(
                        f'<table:table-cell office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                else:
                    xml.append(
                        '<table:table-cell office:value-type="string">'
                        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
                    )
            xml.append("</table:table-row>")
        xml.append("</table:table>")
    xml.append("</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        # The mimetype entry must come first and be stored uncompressed (ODF packaging rules).
        _zip_entry(
            archive, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress=False
        )
        _zip_entry(archive, "META-INF/manifest.xml", manifest)
        _zip_entry(archive, "content.xml", "".join(xml))


def write_parquet_bytes(columns: dict[str, list[str]]) -> bytes:
    """A small valid Parquet file of string columns (via Polars, which the app depends on)."""
    import polars as pl

    buffer = io.BytesIO()
    pl.DataFrame(columns).write_parquet(buffer)
    return buffer.getvalue()


# Slices of the real files.


def ho_201718_lines(sources: Path) -> tuple[str, list[str]]:
    """Header and data lines of the 2017/18 file for the chosen codes, exactly as in the source."""
    path = sources / "homeoffice-prc" / "prc-pfa-mar2013-onwards-tables201718.csv"
    text = path.read_bytes().decode("utf-8")
    header, *lines = text.split("\n")
    kept = []
    for line in lines:
        if not line:
            continue
        code = next(csv.reader([line]))[6]
        if code in CODES_201718:
            kept.append(line)
    return header, kept


def spreadsheet_rows(header: str, lines: list[str]) -> list[list[Cell]]:
    """Rows for a workbook: quarter and counts as numbers where the CSV has one, "-00" as text."""
    rows: list[list[Cell]] = [next(csv.reader([header]))]
    for record in csv.reader(lines):
        count = record[7].strip()
        value: Cell = int(count) if count.lstrip("-").isdigit() and count != "-00" else count
        rows.append([record[0], int(record[1]), *record[2:7], value])
    return rows


def tidy_rows(sources: Path, keep) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with open(sources / "homeoffice-prc" / "prc_pfa_tidy.csv", newline="", encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh) if keep(row)]


def _tidy_to_ho(row: dict[str, str], thousands: bool) -> list[str]:
    count = int(row["count"])
    shown = f"{count:,}" if thousands else str(count)
    return [
        row["financial_year"],
        row["quarter"],
        row["force"],
        row["offence_description"],
        row["offence_group"],
        row["offence_subgroup"],
        row["offence_code"],
        shown,
    ]


def _csv_text(rows: Sequence[Sequence[object]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def build_good(sources: Path, out: Path) -> dict[str, object]:
    """Write the files that import; return pieces the broken files are made from."""
    header, lines = ho_201718_lines(sources)
    (out / "ho_201718.csv").write_bytes(("\n".join([header, *lines]) + "\n").encode("utf-8"))
    rows = spreadsheet_rows(header, lines)
    write_xlsx(out / "ho_201718.xlsx", [("2017-18", rows)])
    cover = [
        ["Police recorded crime open data Police Force Area tables"],
        ["Test fixture: a slice of the 2017/18 sheet (see scripts/build_import_fixtures.py)"],
        [],
        ["Source: Home Office"],
    ]
    notes = [
        ["Notes"],
        ["Sheet", "Contents"],
        ["2017-18", "Offences by force, quarter and offence code"],
        ["-00", "Zero (as written in the source file)"],
    ]
    titled = [["Police recorded crime by Police Force Area, 2017/18"], [], *rows]
    write_ods(out / "ho_201718.ods", [("Cover", cover), ("Notes", notes), ("2017-18", titled)])

    years = {"2021/22", "2022/23", "2023/24"}
    tidy = tidy_rows(
        sources, lambda r: r["financial_year"] in years and r["offence_code"] in CODES_2023
    )
    body = [_tidy_to_ho(r, thousands=True) for r in tidy]
    (out / "ho_2023_layout.csv").write_text(_csv_text([R_HEADER, *body]), encoding="utf-8")

    latin = tidy_rows(
        sources,
        lambda r: r["financial_year"] == "2023/24" and r["offence_code"] in {"86", "28M", "28N"},
    )
    text = _csv_text([HO_HEADER, *[_tidy_to_ho(r, thousands=False) for r in latin]], delimiter=";")
    (out / "ho_latin1_semicolon.csv").write_bytes(text.encode("latin-1"))

    with open(sources / "nspcc-foi" / "nspcc_foi_by_force.csv", newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        nspcc_header = next(reader)
        nspcc = [r for r in reader if r[2] in NSPCC_FORCES]
    (out / "nspcc_slice.csv").write_text(_csv_text([nspcc_header, *nspcc]), encoding="utf-8")
    return {
        "header": header,
        "lines": lines,
        "rows": rows,
        "cover": cover,
        "nspcc": (nspcc_header, nspcc),
    }


def _replace_field(line: str, index: int, value: str) -> str:
    record = next(csv.reader([line]))
    record[index] = value
    return _csv_text([record]).rstrip("\n")


def build_broken(pieces: dict[str, object], out: Path) -> list[str]:
    """Write one file per way a file can be broken; return their names."""
    header: str = pieces["header"]  # type: ignore[assignment]
    lines: list[str] = list(pieces["lines"])[:60]  # type: ignore[call-overload]
    rows: list[list[Cell]] = pieces["rows"]  # type: ignore[assignment]
    cover: list[list[Cell]] = pieces["cover"]  # type: ignore[assignment]
    nspcc_header, nspcc = pieces["nspcc"]  # type: ignore[misc]
    rng = random.Random(4)
    files: dict[str, bytes] = {}

    def csv_file(name: str, body: list[str], head: str = header) -> None:
        files[name] = ("\n".join([head, *body]) + "\n").encode("utf-8")

    def at_row(row: int, index: int, value: str) -> list[str]:
        """The 60-line slice with field ``index`` of spreadsheet row ``row`` changed."""
        body = list(lines)
        body[row - 2] = _replace_field(body[row - 2], index, value)
        return body

    files["empty.csv"] = b""
    files["blank_lines.csv"] = b"\n   \n\n"
    csv_file("header_only.csv", [])
    files["wrong_delimiter.csv"] = "\n".join(
        ":".join(next(csv.reader([line]))) for line in [header, *lines[:10]]
    ).encode("utf-8")
    ragged = list(lines)
    ragged[3] = ragged[3].rsplit(",", 1)[0]  # row 5: the count is missing
    ragged[7] = ragged[7] + ",extra"  # row 9: one value too many
    csv_file("ragged_rows.csv", ragged)
    csv_file("text_in_count.csv", at_row(57, 7, "twelve"))
    duplicate = list(lines)
    duplicate.append(
        _replace_field(lines[2], 7, " 999 ")
    )  # row 62 repeats row 4 with another count
    csv_file("duplicate_rows.csv", duplicate)
    files["unknown_columns.csv"] = b"Area,When,Total\nKent,2017,12\nEssex,2017,13\n"
    files["missing_count_column.csv"] = (
        "\n".join(line.rsplit(",", 1)[0] for line in [header, *lines]) + "\n"
    ).encode()
    files["binary_junk.csv"] = bytes(rng.randrange(256) for _ in range(4096))
    mixed = list(lines)
    mixed[0] = mixed[0].replace("recorded by", "recorded by café", 1)  # UTF-8 here...
    text = "\n".join([header, *mixed]) + "\n"
    raw = text.encode("utf-8")
    cut = (
        raw.index(b"\n", len(raw) // 2) + 1
    )  # from the middle on, Latin-1: two encodings in one file
    files["mixed_encoding.csv"] = raw[:cut] + "Northamptonshire;café\n".encode(
        "latin-1"
    )  # ...Latin-1 here
    files["bom_but_latin1.csv"] = b"\xef\xbb\xbf" + "\n".join(
        [header, lines[0].replace("Fraud", "Fraud é")]
    ).encode("latin-1")
    junk_zip = io.BytesIO()
    with zipfile.ZipFile(junk_zip, "w") as archive:
        _zip_entry(archive, "junk.bin", bytes(rng.randrange(256) for _ in range(512)))
        _zip_entry(archive, "readme.txt", "not a workbook")
    files["xlsx_zip_of_junk.xlsx"] = junk_zip.getvalue()
    files["xlsx_truncated.xlsx"] = _xlsx_bytes([("2017-18", rows[:30])])[:700]
    files["xlsx_not_a_zip.xlsx"] = bytes(rng.randrange(1, 32) for _ in range(2048))
    files["ods_cover_only.ods"] = _ods_bytes([("Cover", cover)])
    files["ods_sheet_without_data.ods"] = _ods_bytes([("Cover", cover), ("2017-18", [rows[0]])])
    files["xlsx_header_only.xlsx"] = _xlsx_bytes([("2017-18", [rows[0]])])
    files["ods_text_in_count.ods"] = _ods_bytes(
        [("Cover", cover), ("2017-18", [*rows[:20], [*rows[20][:7], "twelve"], *rows[21:40]])]
    )
    csv_file("year_2017_19.csv", at_row(10, 0, "2017/19"))
    csv_file("quarter_7.csv", at_row(12, 1, "7"))
    junk = at_row(6, 7, "--5")
    junk[5] = _replace_field(junk[5], 7, "5-")  # row 7
    junk[6] = _replace_field(junk[6], 7, "(3)")  # row 8
    csv_file("negative_junk.csv", junk)
    csv_file("decimal_count.csv", at_row(15, 7, "3.5"))
    csv_file("unparseable_year.csv", at_row(20, 0, "Last year"))
    csv_file("empty_force.csv", at_row(25, 2, "  "))
    unclosed = list(lines)
    year, quarter, rest = unclosed[11].split(",", 2)
    unclosed[11] = (
        f'{year},{quarter},"{rest}'  # row 13: a quote opens before the force, never closed
    )
    csv_file("unclosed_quote.csv", unclosed)
    bad_nspcc = [list(r) for r in nspcc[:12]]
    bad_nspcc[4][5] = "more than 600"  # row 6
    files["nspcc_bad_count.csv"] = _csv_text([nspcc_header, *bad_nspcc]).encode("utf-8")
    files["corrupt.parquet"] = b"PAR1" + bytes(rng.randrange(256) for _ in range(1024)) + b"PAR1"
    files["no_layout.parquet"] = write_parquet_bytes({"a": ["1", "2"], "b": ["x", "y"]})
    files["csv_named.parquet"] = files["text_in_count.csv"][:400]
    files["compressed.csv.gz"] = gzip.compress(
        b"\n".join([header.encode(), *(line.encode() for line in lines[:5])]), mtime=0
    )
    files["web_page.xls"] = (
        b"<!DOCTYPE html>\n<html><body><table><tr><td>Force</td></tr></table></body></html>\n"
    )
    files["title_rows_only.csv"] = (
        b"Police recorded crime\nby police force area\n\nSource: Home Office\n"
    )
    many = list(lines)
    for row in range(10, 45):  # 35 bad counts: the report lists 20, then "and 15 more"
        many[row - 2] = _replace_field(many[row - 2], 7, "n.k.")
    csv_file("many_problems.csv", many)
    for name, data in sorted(files.items()):
        (out / name).write_bytes(data)
    return sorted(files)


def _xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    return buffer.getvalue()


def _ods_bytes(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.BytesIO()
    write_ods(buffer, sheets)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write every fixture and list them with their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "data-sources")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    good, broken = args.out / "import", args.out / "broken"
    good.mkdir(parents=True, exist_ok=True)
    broken.mkdir(parents=True, exist_ok=True)
    pieces = build_good(args.sources, good)
    build_broken(pieces, broken)
    from build_hostile_fixtures import build_hostile, build_two_years  # needs this module

    years = build_two_years(args.sources, good)
    mixed = args.out / "mixed"
    mixed.mkdir(parents=True, exist_ok=True)
    build_hostile(years, pieces["nspcc"], broken, mixed)  # type: ignore[arg-type]
    for path in sorted([*good.iterdir(), *broken.iterdir(), *mixed.iterdir()]):
        print(f"{path.relative_to(args.out)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
