"""Workbooks made to exhaust the reader are refused before it runs, with a message, never an abort.

Each file is small on disk and would make the workbook reader (calamine) allocate gigabytes: on
the code before these checks, ``far_cell.xlsx`` aborted the process (exit 134, 512 GiB asked for),
``repeated_rows.ods`` took 13 s and 3 GB before aborting under the cap, and the ZIP bomb took
gigabytes. The CLI runs in a subprocess with its memory capped and a time limit (one for every
import of these tests: see ``run_ox_batch``).
"""

from __future__ import annotations

import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.importing.conftest import BROKEN, GOOD, HOSTILE, MIXED, WRITER, run_ox_batch, snapshot
from tui.model.importing.api import preview_file
from tui.model.importing.limits import MAX_CELLS, MAX_UNPACKED_BYTES

FULL_SHEET = "the sheet claims 16,384 × 1,048,576 cells"


@pytest.mark.parametrize(
    ("name", "claim"),
    [
        ("far_cell.xlsx", FULL_SHEET),
        ("far_cell.ods", FULL_SHEET),
        ("repeated_rows.ods", "the sheet claims 16,384 × 6,002 cells"),
    ],
)
def test_a_sheet_spanning_too_many_cells_is_refused_by_the_cli(
    name: str, claim: str, cli: Imports
) -> None:
    path = BROKEN / name
    assert path.stat().st_size < 2_000  # tiny on disk
    done, store = cli.imports[name]
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"{name}, sheet 'Data': {claim}" in done.stderr
    assert f"at most {MAX_CELLS:,} cells are read from a sheet; refusing" in done.stderr
    assert "Traceback" not in done.stderr and "Nothing was imported." in done.stderr
    assert snapshot(store) == {}


@pytest.mark.parametrize("name", ["far_cell.xlsx", "far_cell.ods", "repeated_rows.ods"])
def test_the_preview_refuses_it_too(name: str) -> None:
    """The TUI's import screen calls this preview as the user types a path."""
    preview = preview_file(BROKEN / name)
    assert not preview.ok
    assert preview.problems[0].sheet == "Data"
    assert preview.problems[0].message.startswith("the sheet claims 16,384 × ")


def test_one_far_cell_among_good_sheets_skips_that_sheet(cli: Imports) -> None:
    done, store = cli.imports["years_far_cell_sheet.xlsx"]
    assert done.returncode == 0, done.stderr[-2000:]
    assert (store / "years.json").is_file()  # each import had its own folder (checked empty)
    assert "sheet 'Scratch' of years_far_cell_sheet.xlsx skipped" in done.stderr
    assert FULL_SHEET in done.stderr
    assert "years 2016/17, 2017/18" in done.stdout


def _zip(parts: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP archive from already packed parts: (name, packed bytes, method, CRC, size)."""
    body, directory = b"", b""
    for name, packed, method, crc, size in parts:
        encoded = name.encode()
        header = struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(packed), size,
            len(encoded), 0,
        )  # fmt: skip
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21, crc, len(packed), size,
            len(encoded), 0, 0, 0, 0, 0, len(body),
        ) + encoded  # fmt: skip
        body += header + encoded + packed
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), len(body), 0
    )
    return body + directory + end


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, row = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[row]
        vector >>= 1
        row += 1
    return total


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of ``a + b`` from those of ``a`` and ``b`` (``b`` of ``length2`` bytes), as
    zlib's ``crc32_combine``: a bomb's CRC without reading its gigabyte (0.3 s of CPU)."""
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # one zero bit
    even = [_gf2_times(odd, odd[n]) for n in range(32)]  # two
    odd = [_gf2_times(even, even[n]) for n in range(32)]  # four
    while length2:
        even = [_gf2_times(odd, odd[n]) for n in range(32)]
        if length2 & 1:
            crc1 = _gf2_times(even, crc1)
        length2 >>= 1
        if not length2:
            break
        odd = [_gf2_times(even, even[n]) for n in range(32)]
        if length2 & 1:
            crc1 = _gf2_times(odd, crc1)
        length2 >>= 1
    return crc1 ^ crc2


def crc32_repeated(data: bytes, times: int) -> int:
    """The CRC-32 of ``data * times`` (``times`` >= 1), by doubling."""
    one, crc, length = zlib.crc32(data), zlib.crc32(data), len(data)
    for bit in bin(times)[3:]:
        crc = crc32_combine(crc, crc, length)
        length *= 2
        if bit == "1":
            crc = crc32_combine(crc, one, len(data))
            length += len(data)
    return crc


def zip_bomb_xlsx(path: Path, megabytes: int) -> None:
    """An XLSX whose one sheet unpacks to ``megabytes`` MiB of number cells, packed about
    1,000 to 1 (the same megabyte of rows packed once and repeated: a full flush before each
    copy makes every copy pack to the same bytes)."""
    rows = b"<row>" + b"<c><v>1</v></c>" * 1000 + b"</row>"
    chunk = rows * ((1 << 20) // len(rows))
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        b'.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>Force</t></is>'
        b"</c></row>"
    )
    tail = b"</sheetData></worksheet>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed_head = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    packed_chunk = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    packed_tail = packer.compress(tail) + packer.flush()
    crc = crc32_combine(zlib.crc32(head), crc32_repeated(chunk, megabytes), len(chunk) * megabytes)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * megabytes + len(tail)
    sheet = packed_head + packed_chunk * megabytes + packed_tail
    template = GOOD / "ho_two_years.xlsx"
    import zipfile

    parts = []
    with zipfile.ZipFile(template) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename != (
                "xl/worksheets/sheet1.xml"
            ):
                continue
            if info.filename == "xl/worksheets/sheet1.xml":
                parts.append((info.filename, sheet, 8, crc, size))
            else:
                data = archive.read(info)
                packed = zlib.compressobj(9, zlib.DEFLATED, -15)
                parts.append(
                    (info.filename, packed.compress(data) + packed.flush(), 8, zlib.crc32(data),
                     len(data))
                )  # fmt: skip
    path.write_bytes(_zip(parts))


@dataclass(frozen=True)
class Imports:
    """What each ``ox import`` of this module's CLI tests did, and the data folder it had."""

    imports: dict[str, tuple[subprocess.CompletedProcess[str], Path]]
    bomb: Path


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Imports:
    """Every ``ox import`` of the CLI tests below, each with a data folder of its own, run once in
    one process with its memory capped and a time limit (``run_ox_batch``; a process each cost
    about 0.3 s of CPU to start). An abort there fails every test whose import had not answered."""
    folder = tmp_path_factory.mktemp("hostile-cli")
    bomb = folder / "bomb.xlsx"
    zip_bomb_xlsx(bomb, (MAX_UNPACKED_BYTES >> 20) + 100)
    argv = {
        "far_cell.xlsx": ("import", str(BROKEN / "far_cell.xlsx"), "--name", "hostile"),
        "far_cell.ods": ("import", str(BROKEN / "far_cell.ods"), "--name", "hostile"),
        "repeated_rows.ods": ("import", str(BROKEN / "repeated_rows.ods"), "--name", "hostile"),
        "years_far_cell_sheet.xlsx": (
            "import", str(MIXED / "years_far_cell_sheet.xlsx"), "--name", "years",
        ),
        "bomb.xlsx": ("import", str(bomb), "--name", "bomb"),
        "deflate64.ods": ("import", str(BROKEN / "deflate64.ods")),
    }  # fmt: skip
    done = run_ox_batch({name: (folder / name, a) for name, a in argv.items()}, folder)
    return Imports({name: (done[name], folder / name / "datasets") for name in argv}, bomb)


def test_the_bomb_builder_makes_a_valid_archive(tmp_path: Path) -> None:
    """The bomb is a real ZIP whose sheet unpacks to what its directory says (checked small)."""
    import zipfile

    path = tmp_path / "small_bomb.xlsx"
    zip_bomb_xlsx(path, 3)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size > 3_000_000 and info.file_size / info.compress_size > 200


def test_a_zip_bomb_is_refused_from_its_directory(cli: Imports) -> None:
    assert cli.bomb.stat().st_size < 3 << 20
    done, store = cli.imports["bomb.xlsx"]
    assert done.returncode == 2, done.stderr[-2000:]
    assert "bomb.xlsx: the workbook unpacks to more than 1,024 MiB" in done.stderr
    assert "refusing" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(store) == {}


def test_a_part_packed_like_a_bomb_is_refused_even_when_small_enough(tmp_path: Path) -> None:
    path = tmp_path / "dense.xlsx"
    zip_bomb_xlsx(path, 40)  # 40 MiB, packed about 1,000 to 1
    preview = preview_file(path)
    assert not preview.ok
    assert "it looks like a ZIP bomb; refusing" in preview.problems[0].message
    assert "xl/worksheets/sheet1.xml" in preview.problems[0].message


# Compression methods --------------------------------------------------------------------------


def test_an_ods_packed_with_deflate64_gets_a_message_not_a_traceback(cli: Imports) -> None:
    done, store = cli.imports["deflate64.ods"]
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "NotImplementedError" not in done.stderr
    assert "deflate64.ods: the file is a ZIP archive packed with a compression method" in (
        done.stderr
    )
    assert snapshot(store) == {}


def test_a_sheet_part_packed_with_an_unknown_method_is_named(tmp_path: Path) -> None:
    source = (GOOD / "ho_two_years.ods").read_bytes()
    path = tmp_path / "ppmd.ods"
    data = HOSTILE._with_part(source, "content.xml", _content(GOOD / "ho_two_years.ods"), method=98)
    path.write_bytes(data)
    preview = preview_file(path)
    assert not preview.ok
    assert preview.problems[0].message.startswith(
        "part 'content.xml' of the workbook is packed with ZIP compression method 98 (PPMd)"
    )


def _content(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("content.xml")


# What stays readable ----------------------------------------------------------------------------


def test_libreoffice_filler_rows_after_the_table_are_not_counted(tmp_path: Path) -> None:
    """LibreOffice ends a sheet with an empty row repeated to the last row, 1,024 columns wide:
    the reader skips it, so the check must not refuse it."""
    rows = [list(r) for r in _two_year_rows()[:30]]
    ods = WRITER._ods_bytes([("2017-18", rows)])
    content = _content_bytes(ods).replace(
        b"</table:table>",
        b'<table:table-row table:number-rows-repeated="1048546">'
        b'<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        b"</table:table>",
    )
    path = tmp_path / "filler.ods"
    path.write_bytes(HOSTILE._with_part(ods, "content.xml", content))
    preview = preview_file(path)
    assert preview.ok, preview.problem_report()
    assert preview.total_rows == 29


def _content_bytes(ods: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(ods)) as archive:
        return archive.read("content.xml")


def _two_year_rows() -> list[list[object]]:
    import csv

    with open(GOOD / "ho_201718.csv", newline="", encoding="utf-8") as fh:
        return [list(r) for r in csv.reader(fh)]


def test_a_part_that_understates_its_size_is_refused(tmp_path: Path) -> None:
    """The directory says 1,000 bytes (with the CRC of those first 1,000 bytes, so Python's
    ``zipfile`` reads them without complaint), and the part unpacks to 8 MB of cells, all of
    which the workbook reader would read."""
    import zipfile

    rows = b"".join(b"<row><c><v>%d</v></c></row>" % i for i in range(300_000))
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"
    )
    parts = []
    with zipfile.ZipFile(GOOD / "ho_two_years.xlsx") as archive:
        for info in archive.infolist():
            name = info.filename
            if name.startswith("xl/worksheets/") and name != "xl/worksheets/sheet1.xml":
                continue
            data = sheet if name == "xl/worksheets/sheet1.xml" else archive.read(info)
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            packed = packer.compress(data) + packer.flush()
            stated = data[:1000] if name == "xl/worksheets/sheet1.xml" else data
            parts.append((name, packed, 8, zlib.crc32(stated), len(stated)))
    path = tmp_path / "liar.xlsx"
    path.write_bytes(_zip(parts))
    with zipfile.ZipFile(path) as archive:  # Python's zipfile believes the directory
        assert len(archive.read("xl/worksheets/sheet1.xml")) == 1000
    preview = preview_file(path)
    assert not preview.ok
    assert preview.problems[0].message.startswith(
        "part 'xl/worksheets/sheet1.xml' of the workbook unpacks to more than its ZIP directory "
        "says (1,000 bytes)"
    )
