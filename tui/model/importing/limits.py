"""What the importer refuses to read, stated once: sizes, cells and compression of a file.

Each limit is far above what a real police-recorded-crime file needs (the Home Office's whole
open data workbook, every year and offence, is about 4 MB on disk, 300 MB unpacked and fewer than
300,000 rows a sheet), and far below what would exhaust a laptop's memory or keep the reader busy
for minutes. A file beyond a limit is refused before it is read, with a message that names the
file (and sheet) and the figure that is too large; nothing is written.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1 << 30
"""1 GiB: the largest file read. A CSV is read into memory whole, so this bounds the memory a CSV
can take (a few times its size once parsed)."""

MAX_UNPACKED_BYTES = 1 << 30
"""1 GiB: the most an XLSX or ODS workbook (a ZIP archive) may unpack to, all its parts together,
as its ZIP directory states them; and what the sheet check reads of it, whatever the directory
says."""

MAX_RATIO = 200
"""The most one part of a workbook may unpack to per byte stored. Spreadsheet XML packs 5 to 100
times; a ZIP bomb packs about 1,000 times (the most the Deflate method allows)."""

RATIO_FLOOR_BYTES = 8 << 20
"""Parts that unpack to less than 8 MiB are not held to :data:`MAX_RATIO` (a small part cannot
exhaust anything, and an almost empty sheet packs very well)."""

MAX_CELLS = 25_000_000
"""The most cells one sheet may span, counted as the reader stores them: every cell from A1 to
the last row and column that hold a value (the reader stores the empty ones in between as well, at
about 32 bytes each: 25 million cells is 800 MB). A full-width, full-height XLSX sheet
(16,384 × 1,048,576 cells) is 687 times this."""

ZIP_METHODS = {0: "stored", 8: "Deflate"}
"""ZIP compression methods a workbook may use: what spreadsheet programs write, and what both
this check and the workbook reader can unpack. Others (Deflate64, bzip2, LZMA, Zstandard, PPMd,
encryption) are refused with their name."""
