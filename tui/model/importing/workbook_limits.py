"""Checks that a workbook can be read safely, made before the workbook reader sees it.

The reader (calamine, through fastexcel) unpacks a sheet whole and stores it as a dense grid from
A1 to its last cell, so a 2 KB XLSX with one value at XFD1048576 asks it for 512 GiB, a 1 KB ODS
that repeats an empty row 6,000 times across 16,384 columns takes minutes and gigabytes, and a
ZIP bomb unpacks to gigabytes. None of that can be stopped once the reader runs, so this module
reads what the workbook says about itself first:

- the ZIP directory: compression method of every part, sizes unpacked, packing ratios;
- every sheet's XML, streamed and never held whole: where its cells are (``r="XFD1048576"``
  references in XLSX, ``number-rows-repeated`` / ``number-columns-repeated`` counts in ODS),
  which gives the grid the reader would allocate.

The limits are in :mod:`tui.model.importing.limits`. XLS (the old binary format) is not checked:
its sheets cannot exceed 65,536 × 256 cells, fewer than :data:`~limits.MAX_CELLS`.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from tui.model.importing.limits import (
    MAX_CELLS,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    RATIO_FLOOR_BYTES,
    ZIP_METHODS,
)
from tui.model.importing.sheet_extents import ExtentError, ods_extents, xlsx_extent
from tui.model.importing.sniff import ODS, XLSX

_METHOD_NAMES = {
    1: "Shrink",
    6: "Implode",
    9: "Deflate64",
    12: "bzip2",
    14: "LZMA",
    93: "Zstandard",
    95: "XZ",
    98: "PPMd",
    99: "AES encryption",
}
_CHUNK = 1 << 20
_SMALL_PART = 16 << 20
"""The workbook's index parts (sheet list, relationships) are read whole up to this size."""
_RESAVE = "open it in a spreadsheet program and save it again as XLSX or ODS, or save it as CSV"
_STRAY = (
    "delete the cells far outside the table (or copy the table to a new sheet) and save it "
    "again, or save the sheet as CSV and import that"
)


@dataclass(frozen=True)
class Refusal:
    """Why a workbook (or one of its sheets, when ``sheet`` is set) is not read."""

    message: str
    fix: str
    sheet: str | None = None


@dataclass
class WorkbookCheck:
    """What the check found: the workbook refused as a whole, or some of its sheets."""

    refused: Refusal | None = None
    sheets: dict[str, Refusal] = field(default_factory=dict)
    """Sheets too large to read, by name (the other sheets can be read)."""


def check_workbook(path: Path, fmt: str) -> WorkbookCheck:
    """Check an XLSX or ODS workbook against the limits without unpacking it into memory."""
    if fmt not in (XLSX, ODS):
        return WorkbookCheck()
    try:
        with zipfile.ZipFile(path) as archive:
            refused = _check_directory(archive)
            if refused is not None:
                return WorkbookCheck(refused)
            budget = _Budget()
            if fmt == XLSX:
                return _check_xlsx(archive, budget)
            return _check_ods(archive, budget)
    except _TooBig as exc:
        return WorkbookCheck(Refusal(str(exc), _RESAVE))
    except ExtentError as exc:
        return WorkbookCheck(Refusal(f"the workbook holds {exc}, which no sheet does", _RESAVE))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
    ) as exc:
        return WorkbookCheck(
            Refusal(
                f"the workbook is damaged ({str(exc) or type(exc).__name__})",
                "download or save the workbook again",
            )
        )
    except NotImplementedError as exc:  # zipfile: a method it cannot unpack (listed above)
        return WorkbookCheck(Refusal(f"the workbook cannot be unpacked ({exc})", _RESAVE))


def _check_directory(archive: zipfile.ZipFile) -> Refusal | None:
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            return Refusal(
                f"the workbook is encrypted (part '{info.filename}')",
                "save it again without a password",
            )
        if info.compress_type not in ZIP_METHODS:
            method = _METHOD_NAMES.get(info.compress_type, "unknown")
            return Refusal(
                f"part '{info.filename}' of the workbook is packed with ZIP compression method "
                f"{info.compress_type} ({method}), which cannot be read (only "
                f"{' and '.join(ZIP_METHODS.values())} are)",
                _RESAVE,
            )
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            return Refusal(
                f"the workbook unpacks to more than {MAX_UNPACKED_BYTES >> 20:,} MiB (its parts "
                f"add up to {total >> 20:,} MiB so far); refusing",
                "save the table alone as CSV (or a smaller workbook) and import that",
            )
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            return Refusal(
                f"part '{info.filename}' of the workbook unpacks to {info.file_size >> 20:,} MiB "
                f"from {info.compress_size:,} bytes ({ratio:,.0f} to 1; spreadsheets pack at most "
                f"about 100 to 1): it looks like a ZIP bomb; refusing",
                _RESAVE,
            )
    return None


class _TooBig(Exception):
    """A part unpacked to more than the directory said, or than the budget allows."""


class _Budget:
    """Bytes the sheet check may still unpack, whatever the ZIP directory claims."""

    def __init__(self) -> None:
        self.left = MAX_UNPACKED_BYTES

    def take(self, info: zipfile.ZipInfo, read: int, size: int) -> None:
        self.left -= size
        if read > info.file_size or self.left < 0:
            raise _TooBig(
                f"part '{info.filename}' of the workbook unpacks to more than its ZIP directory "
                f"says ({info.file_size:,} bytes) or than {MAX_UNPACKED_BYTES >> 20:,} MiB; "
                "refusing"
            )


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    """A part unpacked in chunks, to the end of its data whatever its directory entry says
    (the workbook reader reads it to the end too), never more than the budget nor than the
    size its entry states (more is refused: a bomb that lies about its size).

    Python's ``zipfile`` would stop at the stated size, so the Deflate stream is read here.
    """
    read = 0
    path = archive.filename
    if path is None:  # pragma: no cover - archives here are always opened from a path
        raise _TooBig("the workbook cannot be read again from its file")
    with open(path, "rb") as fh:
        fh.seek(info.header_offset)
        local = fh.read(30)
        if len(local) < 30 or local[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"no local header for part '{info.filename}'")
        name_length, extra_length = struct.unpack("<HH", local[26:30])
        fh.seek(info.header_offset + 30 + name_length + extra_length)
        if info.compress_type == zipfile.ZIP_STORED:
            left = info.compress_size
            while left > 0 and (chunk := fh.read(min(_CHUNK, left))):
                left -= len(chunk)
                read += len(chunk)
                budget.take(info, read, len(chunk))
                yield chunk
            return
        unpacker = zlib.decompressobj(-15)
        while not unpacker.eof:
            packed = unpacker.unconsumed_tail or fh.read(_CHUNK)
            if not packed:
                break
            chunk = unpacker.decompress(packed, _CHUNK)
            if chunk:
                read += len(chunk)
                budget.take(info, read, len(chunk))
                yield chunk


def _small_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    """A small index part (sheet list, relationships) parsed, or ``None`` if absent or odd."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _SMALL_PART:
        return None
    with archive.open(info) as fh:
        data = fh.read(_SMALL_PART + 1)
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xlsx_sheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part name) of every worksheet, in the workbook's order; a worksheet part that
    the sheet list does not name is listed under its part name."""
    parts = [i.filename for i in archive.infolist() if _WORKSHEET.match(i.filename)]
    book = _small_xml(archive, "xl/workbook.xml")
    rels = _small_xml(archive, "xl/_rels/workbook.xml.rels")
    targets: dict[str, str] = {}
    for rel in rels.iter() if rels is not None else ():
        if _local(rel.tag) == "Relationship" and rel.get("Id") and rel.get("Target"):
            target = str(rel.get("Target"))
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[str(rel.get("Id"))] = str(PurePosixPath(path))
    named: list[tuple[str, str]] = []
    for sheet in book.iter() if book is not None else ():
        if _local(sheet.tag) != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), "")
        if targets.get(rid) in parts:
            named.append((sheet.get("name") or targets[rid], targets[rid]))
    seen = {part for _, part in named}
    return named + [(part, part) for part in parts if part not in seen]


_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")


def _check_xlsx(archive: zipfile.ZipFile, budget: _Budget) -> WorkbookCheck:
    check = WorkbookCheck()
    for name, part in _xlsx_sheets(archive):
        found = xlsx_extent(_chunks(archive, archive.getinfo(part), budget))
        if not found.exact and (found.spans > MAX_CELLS or found.cells > MAX_CELLS):
            found = xlsx_extent(_chunks(archive, archive.getinfo(part), budget), quick=False)
        refusal = _extent(name, found.rows, found.columns, found.cells)
        if refusal is not None:
            check.sheets[name] = refusal
    return check


def _check_ods(archive: zipfile.ZipFile, budget: _Budget) -> WorkbookCheck:
    check = WorkbookCheck()
    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        return check  # the reader says what is missing
    for name, rows, columns in ods_extents(_chunks(archive, info, budget)):
        refusal = _extent(name, rows, columns)
        if refusal is not None:
            check.sheets[name] = refusal
    return check


def _extent(sheet: str, rows: int, columns: int, cells: int = 0) -> Refusal | None:
    """The refusal for a sheet whose cells span ``columns`` × ``rows`` from A1, or that holds
    ``cells`` cells, if that is more than the limit."""
    if cells > MAX_CELLS:
        return Refusal(
            f"the sheet holds more than {MAX_CELLS:,} cells, the most read from a sheet; refusing",
            "save the table as CSV, or split it into sheets of fewer rows",
            sheet,
        )
    if rows * columns <= MAX_CELLS:
        return None
    return Refusal(
        f"the sheet claims {columns:,} × {rows:,} cells (columns × rows, from A1 to its last "
        f"value); at most {MAX_CELLS:,} cells are read from a sheet; refusing",
        _STRAY,
        sheet,
    )
