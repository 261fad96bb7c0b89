"""What a file is: its format from its first bytes, and for text its encoding, found not guessed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import NamedTuple

CSV = "CSV"
PARQUET = "Parquet"
XLSX = "XLSX"
ODS = "ODS"
XLS = "XLS"
SPREADSHEETS = (XLSX, ODS, XLS)

_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab", ".dat", ""}
_SUFFIX_FORMATS = {".xlsx": XLSX, ".xlsm": XLSX, ".ods": ODS, ".xls": XLS, ".parquet": PARQUET}

# Bytes that are valid UTF-8 multi-byte sequences: a file that has some of these and also bytes that
# are not UTF-8 mixes two encodings, and decoding it either way would corrupt part of it.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters that never occur in a text table (tab, newlines and form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Sniffed(NamedTuple):
    """The format found, or why the file cannot be read: (format, problem, fix)."""

    format: str
    problem: str = ""
    fix: str = ""


def sniff_format(path: Path, head: bytes) -> Sniffed:
    """The file's format from its first bytes, falling back to its name only for text.

    Args:
        path: the file (its suffix and, for ZIP files, its contents are looked at).
        head: its first bytes (a few kilobytes).
    """
    suffix = path.suffix.lower()
    if head.startswith(b"PAR1"):
        return Sniffed(PARQUET)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Sniffed(XLS)
    if head.startswith(b"\x1f\x8b") or head.startswith(b"BZh") or head.startswith(b"\xfd7zXZ"):
        return Sniffed(
            "",
            "the file is compressed (gzip, bzip2 or xz)",
            "unpack it first, then import the CSV inside",
        )
    if head.startswith(b"%PDF"):
        return Sniffed(
            "", "the file is a PDF document, not a table", "export the table as CSV, XLSX or ODS"
        )
    expected = _SUFFIX_FORMATS.get(suffix)
    if expected is not None and expected != PARQUET and _looks_binary(head):
        return Sniffed(
            "",
            f"the file ends {suffix} but is not an {expected} workbook (it is not a ZIP/OLE file)",
            "open it in a spreadsheet program and save it again as XLSX, ODS or CSV",
        )
    if expected == PARQUET:
        return Sniffed(
            "",
            "the file ends .parquet but is not a Parquet file (it does not start with PAR1)",
            "export it again as Parquet, or as CSV",
        )
    return Sniffed(CSV)


def _sniff_zip(path: Path) -> Sniffed:
    bad = Sniffed(
        "",
        "the file is a ZIP archive but not an XLSX or ODS workbook",
        "open it in a spreadsheet program and save it as XLSX, ODS or CSV",
    )
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
                return Sniffed(ODS)
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return Sniffed(XLSX)
    except NotImplementedError:  # a compression method zipfile cannot unpack (Deflate64...)
        return Sniffed(
            "",
            "the file is a ZIP archive packed with a compression method that cannot be read "
            "(only stored and Deflate parts can)",
            "open it in a spreadsheet program and save it again as XLSX or ODS, or save it as CSV",
        )
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return Sniffed(
            "",
            "the file starts like a ZIP archive (XLSX/ODS) but is damaged or cut short",
            "download or save the workbook again",
        )
    return bad


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head and not _looks_utf16(head):
        return True
    try:
        text = head.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes any byte
        return True
    return len(_CONTROL.findall(text)) > max(1, len(text) // 100)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 text without a byte-order mark: nearly every other byte is zero (for Latin text)."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even_zero = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zero = sample[1::2].count(0) / max(1, len(sample[1::2]))
    return (odd_zero > 0.9 and even_zero < 0.1) or (even_zero > 0.9 and odd_zero < 0.1)


class Decoded(NamedTuple):
    """Text decoded from bytes and the encoding found; or a problem (text is then "")."""

    text: str
    encoding: str
    problem: str = ""
    fix: str = ""
    line: int | None = None
    controls: int = 0
    """Control characters (other than tab, newlines and form feed) in the first 64 KB."""

    @property
    def looks_binary(self) -> bool:
        """Many control characters: binary data that happened to decode, unless it is a table.

        A text table may hold a stray control character (a terminal escape pasted into a cell), so
        this alone never refuses a file: the reader refuses it only when no table header is found.
        """
        return self.controls > max(2, len(self.text[:_SAMPLE]) // 200)


_SAMPLE = 65536


def decode_text(data: bytes) -> Decoded:
    """Decode a text table, working out its encoding from the bytes.

    - a byte-order mark says UTF-8 or UTF-16;
    - otherwise UTF-16 is recognised by its zero bytes, and UTF-8 by decoding cleanly;
    - text that is not UTF-8 and has no UTF-8 sequence at all is Windows-1252 (Latin-1 where a
      byte is undefined in Windows-1252), which is what Excel writes on Windows;
    - text that has both UTF-8 sequences and bytes that are not UTF-8 mixes encodings: that is a
      problem, because either decoding would corrupt part of it.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", "UTF-8 (with byte-order mark)")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return _decode(data, "utf-16", "UTF-16")
    if b"\x00" in data[:4096] and _looks_utf16(data):
        even_zero = data[:4096][0::2].count(0) > data[:4096][1::2].count(0)
        codec = "utf-16-be" if even_zero else "utf-16-le"
        return _decode(data, codec, codec.upper() + " (no byte-order mark)")
    if b"\x00" in data:
        return Decoded(
            "",
            "",
            "the file holds binary data (zero bytes), not text",
            _BINARY_FIX,
        )
    try:
        return _checked(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    junk = _checked(data.decode("latin-1"), "")
    if junk.looks_binary:  # not text in any encoding: say so, not "wrong encoding"
        return Decoded("", "", binary_problem(junk.text, junk.controls), _BINARY_FIX)
    if _UTF8_SEQUENCE.search(data):
        line = data[:bad_at].count(b"\n") + 1
        return Decoded(
            "",
            "",
            f"wrong encoding: the file is partly UTF-8 and partly not (byte 0x{data[bad_at]:02X} "
            "is not UTF-8)",
            "open it in a text editor or spreadsheet program and save it again as UTF-8",
            line,
        )
    # Latin-1 and Windows-1252 differ only in bytes 0x80-0x9F (printable in Windows-1252, control
    # codes in Latin-1): with none of them the two read the same, and the file is called Latin-1.
    if not re.search(rb"[\x80-\x9f]", data):
        return _checked(data.decode("latin-1"), "Latin-1 (ISO-8859-1)")
    try:
        return _checked(data.decode("cp1252"), "Windows-1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Decoded(
            "",
            "",
            f"wrong encoding: byte 0x{data[exc.start]:02X} is neither UTF-8 nor Windows-1252 text",
            "open it in a text editor or spreadsheet program and save it again as UTF-8",
            line,
        )


def _decode(data: bytes, codec: str, label: str) -> Decoded:
    try:
        return _checked(data.decode(codec), label)
    except UnicodeDecodeError as exc:
        return Decoded(
            "",
            "",
            f"wrong encoding: the file says it is {label} but byte {exc.start} is not",
            "save it again as UTF-8",
        )


def _checked(text: str, label: str) -> Decoded:
    """The text, with how many control characters it has (see :attr:`Decoded.looks_binary`)."""
    return Decoded(text, label, controls=len(_CONTROL.findall(text[:_SAMPLE])))


_BINARY_FIX = "import the original CSV, XLSX or ODS file"


def binary_problem(text: str, controls: int) -> str:
    """Why a file that decodes is binary data: how many control characters, the first where."""
    found = _CONTROL.search(text[:_SAMPLE])
    where = (
        "" if found is None else f", the first at row {text.count(chr(10), 0, found.start()) + 1}"
    )
    return f"the file holds binary data, not text ({controls:,} control characters{where})"


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
