"""How far a sheet's cells reach, read from its XML in chunks: what the reader would allocate.

The workbook reader stores a sheet as a dense grid from A1 to the last row and the last column
holding a value. These functions find that extent from the XML without building it: in XLSX from
the cells' references (``<c r="XFD1048576">``), in ODS from the rows and cells with their repeat
counts (``table:number-rows-repeated``, ``table:number-columns-repeated``). They look at a few
bytes per cell (a 150 MB sheet takes about a second); tags are found with regular expressions,
never by parsing the XML, so nothing in it (entities, depth) can make the scan expensive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from tui.model.importing.limits import MAX_CELLS

MAX_TAIL = 64 << 20
"""Bytes of one row (ODS) or tag (XLSX) held while waiting for its end; more is refused."""


class ExtentError(Exception):
    """The XML holds something no spreadsheet does (a row of more than :data:`MAX_TAIL`)."""


# XLSX ------------------------------------------------------------------------------------------

_XLSX_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_R_ATTR = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]*)(\d*)["']""")
_CELL_LETTERS = re.compile(rb'<c r="([A-Z]{1,3})\d')
_CELL_ROWS = re.compile(rb'<c r="[A-Z]{1,3}(\d{1,9})"')


class Extent(NamedTuple):
    """How far a sheet's cells reach from A1, and how many cells it holds."""

    rows: int
    columns: int
    cells: int
    """Cells holding a value (with ``exact`` false: cell tags, a few too many)."""
    exact: bool
    """False: ``rows`` and ``columns`` are an upper bound (see :func:`xlsx_extent`)."""

    @property
    def spans(self) -> int:
        """Cells of the grid the reader would allocate."""
        return self.rows * self.columns


def xlsx_extent(chunks: Iterable[bytes], *, quick: bool = True) -> Extent:
    """How far the cells of an XLSX worksheet part reach from A1.

    A cell that closes itself (``<c r="B2" s="1"/>``) holds no value and is not counted when
    the part is read tag by tag. With ``quick``, chunks :func:`_quick` recognises are bounded,
    not measured, and the result is not ``exact``: an upper bound, to be measured again without
    ``quick`` when it is too large. A row or cell without a reference after such a chunk cannot
    be placed: the result is then a bound far too large, so that it is measured again.
    Reading stops once more than :data:`~tui.model.importing.limits.MAX_CELLS` cells were seen.
    """
    rows = columns = row = column = cells = 0
    narrow = False
    for data in _cut(chunks, b"<"):
        if quick:
            verdict = _quick(data)
            if verdict:
                narrow = True
                cells += verdict
                if cells > MAX_CELLS:
                    break
                continue
        for tag in _XLSX_TAG.finditer(data):
            kind, attrs = tag.group(1), tag.group(2)
            ref = _R_ATTR.search(attrs)
            placed = ref is not None and bool(ref.group(2) if kind == b"row" else ref.group(1))
            if narrow and not placed:
                return Extent(_QUICK_ROWS * 100, _QUICK_COLUMNS * 100, cells, False)
            if kind == b"row":
                row = int(ref.group(2)) if ref and placed else row + 1
                column = 0
                continue
            if ref and placed:
                column = _column_number(ref.group(1))
                row = int(ref.group(2)) if ref.group(2) else row
            else:
                column += 1
            if not attrs.endswith(b"/"):
                rows, columns, cells = max(rows, row), max(columns, column), cells + 1
        if cells > MAX_CELLS:
            break
    if narrow:
        rows, columns = max(rows, _QUICK_ROWS), max(columns, _QUICK_COLUMNS)
    return Extent(rows, columns, cells, not narrow)


_QUICK_COLUMNS = 23
_QUICK_ROWS = 999_999
# Upper-case letters W and before as "a", X to Z as "z", digits as "0": a chunk whose cells all
# have references in columns A to W and rows below 1,000,000 is recognised with a few searches.
_CLASSES = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"a" * 23 + b"z" * 3 + b"0" * 10
)


def _quick(data: bytes) -> int:
    """How many cells the chunk has, when each has a reference within A1:W999999 (checked in C,
    at about 200 MB a second), so the chunk needs no closer look; otherwise 0 (no cell at all,
    or one to look at closely).

    A sheet made of such chunks spans at most 23 × 999,999 cells, within the limit; a chunk that
    is not is read tag by tag.
    """
    classes = data.translate(_CLASSES)
    cells = classes.count(b"<c ") + classes.count(b"<c>")
    if cells != classes.count(b'<c r="a') or b":c " in classes or b'<c r="a' in data:
        return 0  # a cell without a reference, in X to Z, prefixed, or in lower case
    if any(wide in classes for wide in (b'<c r="aa', b'<c r="az', b'<c r="a0000000')):
        return 0
    return cells


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _cut(chunks: Iterable[bytes], marker: bytes) -> Iterator[bytes]:
    """The chunks re-cut so that none ends inside a tag (each ends before its last ``<``)."""
    tail = b""
    for chunk in chunks:
        data = tail + chunk
        cut = data.rfind(marker)
        if cut == -1 or data.find(b">", cut) != -1:
            cut = len(data)
        tail = data[cut:]
        if len(tail) > MAX_TAIL:
            raise ExtentError(f"a tag of over {MAX_TAIL >> 20} MiB")
        yield data[:cut]
    if tail:
        yield tail


# ODS -------------------------------------------------------------------------------------------

_TABLE_NS = re.compile(
    rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']urn:oasis:names:tc:opendocument:xmlns:table:1\.0["']"""
)
_REPEAT = re.compile(rb"""number-(?:rows|columns)-repeated\s*=\s*["'](\d+)["']""")


class _Ods:
    """The ODS scan: the current table, how far its cells reach, and the tables done.

    ``content.xml`` is cut at every row (``<table:table-row``): each piece holds one row and
    what follows it up to the next row (a table's end and the next table's start).
    """

    def __init__(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.row_marker = b"<" + prefix + b":table-row"
        self.open_table = re.compile(rb"<" + p + rb":table(?=[\s>])([^>]*)>")
        self.close_table = b"</" + prefix + b":table>"
        self.close_row = b"</" + prefix + b":table-row>"
        self.cell_markers = (b"<" + prefix + b":table-cell", b"<" + prefix + b":covered-table-cell")
        self.cell = re.compile(rb"<" + p + rb":(?:covered-)?table-cell(?=[\s/>])([^>]*)>")
        self.name = re.compile(p + rb""":name\s*=\s*["']([^"']*)["']""")
        self.found: list[tuple[str, int, int]] = []
        self.sheet = ""
        self.open = False
        self.rows = self.columns = self.at_row = 0

    def between(self, text: bytes) -> None:
        """Text outside rows: tables end and start here."""
        at = 0
        while True:
            close = text.find(self.close_table, at) if self.open else -1
            opened = self.open_table.search(text, at)
            if close != -1 and (opened is None or close < opened.start()):
                self.found.append((self.sheet, self.rows, self.columns))
                self.open, at = False, close + len(self.close_table)
            elif opened is not None:
                named = self.name.search(opened.group(1))
                self.sheet = _unescape(named.group(1)) if named else f"sheet {len(self.found) + 1}"
                self.open, at = True, opened.end()
                self.rows = self.columns = self.at_row = 0
            else:
                return

    def row(self, piece: bytes) -> None:
        """One piece: a row (``piece`` starts after the row marker), then text up to the next."""
        head_end = piece.find(b">") + 1
        head = piece[:head_end]
        repeat = _REPEAT.search(head)
        count = int(repeat.group(1)) if repeat else 1
        if head.endswith(b"/>"):
            self.at_row += count
            self.between(piece[head_end:])
            return
        end = piece.find(self.close_row, head_end)
        end = len(piece) if end == -1 else end
        body = piece[head_end:end]
        if b"repeated" not in body:
            # Every cell counts once: a value, or any element inside a cell (a closing tag).
            width = sum(body.count(marker) for marker in self.cell_markers)
            valued = b"value-type" in body or b"</" in body
        else:
            width = at = 0
            for cell in self.cell.finditer(body):
                attrs = cell.group(1)
                repeated = _REPEAT.search(attrs)
                at += int(repeated.group(1)) if repeated else 1
                if not attrs.endswith(b"/") or b"value-type" in attrs:
                    width = at
            valued = width > 0
        if valued:
            self.rows = self.at_row + count
            self.columns = max(self.columns, width)
        self.at_row += count
        self.between(piece[end:])


def ods_extents(chunks: Iterable[bytes]) -> list[tuple[str, int, int]]:
    """(sheet name, rows, columns) from A1 to the farthest cell holding a value, per table of
    an ODS ``content.xml``. Repeated empty rows and cells after the last value are not counted
    (the reader skips them); before it, they are."""
    scan: _Ods | None = None
    tail = b""
    for chunk in chunks:
        data = tail + chunk
        if scan is None:
            declared = _TABLE_NS.search(data)
            if declared is None:
                if len(data) > MAX_TAIL:
                    return []
                tail = data
                continue
            scan = _Ods(declared.group(1))
            first, *pieces = data.split(scan.row_marker)
            scan.between(first)
        else:
            pieces = data.split(scan.row_marker)
        # The last piece may be a row cut short: it waits for the next chunk.
        tail = scan.row_marker + pieces.pop() if pieces else b""
        for piece in pieces:
            if piece[:1] in (b" ", b">", b"/", b"\t", b"\n", b"\r"):
                scan.row(piece)
            else:  # <table:table-rows>, <table:table-row-group>: not a row
                scan.between(piece)
        if len(tail) > MAX_TAIL:
            raise ExtentError(f"a row of over {MAX_TAIL >> 20} MiB")
    if scan is not None and tail:
        piece = tail[len(scan.row_marker) :]
        scan.row(piece) if piece[:1] in (b" ", b">", b"/") else scan.between(piece)
    return scan.found if scan is not None else []


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")
