"""Reading a file into raw tables of text cells, each with its header row and layout found.

CSV goes through the standard library (encoding, delimiter, and exact diagnostics of ragged rows)
and Polars (the fast parse of a well-formed file); XLSX, XLS and ODS through fastexcel (calamine),
handed to Polars through the Arrow PyCapsule interface, so pyarrow is not needed; Parquet through
Polars. Every cell is read as text, so cleaning sees exactly what the file says.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from tui.model.importing.comments import (
    blanked,
    export_refusal,
    read_preamble,
    sidecar_preamble,
)
from tui.model.importing.layouts import Layout, detect_layout, explain_no_layout
from tui.model.importing.parquet_reader import read_parquet
from tui.model.importing.raw import (
    HEADER_SEARCH_ROWS,
    PROBLEM_CAP,
    ROW,
    SHEET,
    RawTable,
    ReadResult,
    add_table,
)
from tui.model.importing.results import CleaningNote
from tui.model.importing.sniff import (
    CSV,
    DELIMITERS,
    PARQUET,
    Decoded,
    binary_problem,
    decode_text,
    sniff_format,
)
from tui.model.importing.source import Refusal, read_source
from tui.model.importing.workbook_reader import numeric_code_warning, read_workbook

__all__ = [
    "HEADER_SEARCH_ROWS",
    "MAX_LINE",
    "PROBLEM_CAP",
    "ROW",
    "SHEET",
    "RawTable",
    "ReadResult",
    "numeric_code_warning",
    "read_file",
]

MAX_LINE = 100_000
"""Characters in one row beyond which the file is not taken for a table."""

_QUOTED = r'"(?:[^"]|"")*"'
_HEAD = 8192


def read_file(
    path: Path, *, sheet: str | None = None, mapping: Mapping[str, str] | None = None
) -> ReadResult:
    """Read a CSV, Parquet, XLSX, XLS or ODS file into raw tables; problems are recorded.

    Only a regular file within the size limit is opened (see :mod:`source`); a CSV is read once,
    whole; a workbook is checked against the limits (:mod:`workbook_limits`) before it is read.
    """
    result = ReadResult(file=path.name)
    read = read_source(path, _HEAD)
    if isinstance(read, Refusal):
        result.problem(read.message, read.fix)
        return result
    head = read
    if not head:
        result.problem("the file is empty (0 bytes)", "import a file that holds a table")
        return result
    sniffed = sniff_format(path, head)
    if sniffed.problem:
        result.problem(sniffed.problem, sniffed.fix)
        return result
    result.format = sniffed.format
    if sniffed.format == CSV:
        if sheet is not None:
            result.warnings.append(f"sheet {sheet!r} ignored: a CSV file has no sheets")
        data = read_source(path)
        if isinstance(data, Refusal):
            result.problem(data.message, data.fix)
            return result
        _read_csv(data, mapping, result, _sidecar(path))
    elif sniffed.format == PARQUET:
        read_parquet(path, mapping, result)
    else:
        read_workbook(path, sheet, mapping, result)
    return result


# CSV -------------------------------------------------------------------------------------------


def _sidecar(path: Path) -> str:
    """The provenance file an offence-explorer CSV export keeps beside it, if there is one."""
    beside = path.with_name(path.name + ".provenance.txt")
    if not beside.exists():
        return ""
    read = read_source(beside, _HEAD)
    return "" if isinstance(read, Refusal) else read.decode("utf-8", "replace")


def _read_csv(
    data: bytes, mapping: Mapping[str, str] | None, result: ReadResult, sidecar: str = ""
) -> None:
    decoded = decode_text(data)
    if decoded.problem:
        result.problem(decoded.problem, decoded.fix, row=decoded.line)
        return
    text = decoded.text
    result.encoding = decoded.encoding
    if not text.strip():
        result.problem(
            "the file is empty (it has only blank lines)", "import a file that holds a table"
        )
        return
    if re.match(r"\s*<(!doctype html|html|\?xml)", text[:200], re.IGNORECASE):
        result.problem(
            "the file is a web page (HTML/XML), not a table",
            "download the data file itself (CSV, XLSX or ODS), not the page that links to it",
        )
        return
    preamble = read_preamble(text)
    if not preamble.lines and sidecar:
        preamble = sidecar_preamble(sidecar)
    skip = preamble.lines
    head = _head_lines(text, skip)
    too_long = [(n, len(line)) for n, line in enumerate(head, start=1) if len(line) > MAX_LINE]
    found = None if too_long else _find_csv_header("\n".join(head[skip:]), mapping, skip)
    if found is None and skip and not too_long and not preamble.is_export:
        found = _find_csv_header("\n".join(head[: HEADER_SEARCH_ROWS + 10]), mapping)
    if found is None and decoded.looks_binary:
        # Control characters in a table's cells are data (kept, and escaped on display); without
        # a table header, many of them mean the file is not text at all.
        result.problem(
            binary_problem(text, decoded.controls), "import the original CSV, XLSX or ODS file"
        )
        return
    if too_long:
        number, length = too_long[0]
        result.problem(*_huge(length), row=number)
        return
    if found is None:
        delimiter, rows = _likeliest_rows("\n".join(head[skip:]))
        result.delimiter = DELIMITERS.get(delimiter, "")
        first = next((r for r in rows if any(c.strip() for c in r)), [])
        result.found_header = tuple(first)
        message, fix = explain_no_layout(first, mapping)
        if preamble.is_export and not mapping:
            message, fix = export_refusal(preamble)
        result.problem(message, fix, row=skip + rows.index(first) + 1 if first else None)
        return
    delimiter, header_index, layout = found
    result.delimiter = DELIMITERS[delimiter]
    result.found_header = layout.header
    if 0 < skip <= header_index:  # the table is read with the comment lines emptied
        text = blanked(text, preamble)
        data, decoded = text.encode("utf-8"), decoded._replace(text=text, encoding="UTF-8")
    frame = _fast_csv(data, decoded, delimiter, header_index, len(layout.header), result)
    if frame is None and result.problem_total == 0:
        frame = _careful_csv(text, delimiter, header_index, len(layout.header), result)
    if frame is None or result.problem_total:
        return
    comments = min(skip, header_index)
    if comments:
        what = "provenance lines (#) of an offence-explorer export skipped"
        if not preamble.is_export:
            what = "comment lines (#) above the header skipped"
        result.notes.append(CleaningNote("", what, comments))
    if header_index > comments:
        result.notes.append(
            CleaningNote("", "rows above the header skipped (titles)", header_index - comments)
        )
    add_table(result, None, header_index + 1, layout, frame)


def _head_lines(text: str, skip: int = 0) -> list[str]:
    """The first lines: ``skip`` comment lines and enough below them to find the header."""
    # Any line ending: Windows (CRLF), Unix (LF) and old Mac (CR) files all occur.
    limit = skip + HEADER_SEARCH_ROWS + 10
    return re.split(r"\r\n|\r|\n", text, maxsplit=limit)[:limit]


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[
            :HEADER_SEARCH_ROWS
        ]
    except csv.Error:
        return []


def _find_csv_header(
    head: str, mapping: Mapping[str, str] | None, offset: int = 0
) -> tuple[str, int, Layout] | None:
    """The first delimiter (comma, semicolon, tab, pipe) under which a row is a known header, with
    its index (plus ``offset``, the lines above ``head``) and layout."""
    for delimiter in DELIMITERS:
        if delimiter not in head:
            continue
        for index, row in enumerate(_csv_rows(head, delimiter)):
            layout = detect_layout(row, mapping)
            if layout is not None:
                return delimiter, offset + index, layout
    return None


def _likeliest_rows(head: str) -> tuple[str, list[list[str]]]:
    """With no header found: the delimiter that splits the most rows into the same number of
    cells, to show the user which columns were found."""
    best, best_rows, best_score = ",", _csv_rows(head, ","), -1
    for delimiter in DELIMITERS:
        rows = [r for r in _csv_rows(head, delimiter) if any(c.strip() for c in r)]
        widths = [len(r) for r in rows if len(r) > 1]
        score = max((widths.count(w) for w in set(widths)), default=0)
        if score > best_score:
            best, best_rows, best_score = delimiter, _csv_rows(head, delimiter), score
    return best, best_rows


def _huge(length: int) -> tuple[str, str]:
    return (
        f"this row is {length:,} characters long (a table row is at most {MAX_LINE:,})",
        'the file may not be a table, may use an unusual line ending, or a quote (") may be '
        "missing its closing quote",
    )


def _fast_csv(
    data: bytes, decoded: Decoded, delimiter: str, header_index: int, width: int, result: ReadResult
) -> pl.DataFrame | None:
    """Parse with Polars when the file is regular.

    Regular: every record after the header has exactly ``width`` fields (or none), and every quote
    is closed. Records are found from the lines with vectorised string operations: a line starts
    a record when the quotes before it are balanced (a quoted cell may run over several lines).
    Returns ``None`` when the careful (standard library) reader must decide, and locate problems.
    """
    text = decoded.text
    if "\x1f" in text or text.count("\r") != text.count("\r\n"):
        return None
    utf8 = data
    if not decoded.encoding.startswith("UTF-8"):
        utf8 = text.encode("utf-8")
    elif data.startswith(b"\xef\xbb\xbf"):
        utf8 = data[3:]
    try:
        lines = pl.read_csv(
            io.BytesIO(utf8),
            has_header=False,
            separator="\x1f",
            quote_char=None,
            schema={"line": pl.String},
            empty_string_is_null=False,
        )
    except pl.exceptions.PolarsError:
        return None
    quotes = pl.col("line").str.count_matches('"', literal=True)
    records = lines.with_row_index(name="line_index").with_columns(record=pl.col("line_index"))
    if records.select((quotes % 2 == 1).any()).item():
        # Some quoted cell runs over lines: join each record's lines (the slower case).
        starts = ((quotes.cum_sum() - quotes) % 2 == 0).cum_sum() - 1
        records = (
            records.with_columns(record=starts)
            .group_by("record", maintain_order=True)
            .agg(pl.col("line").str.join("\n"), pl.col("line_index").first())
        )
    records = records.select(
        "record",
        "line_index",
        length=pl.col("line").str.len_chars(),
        quotes=pl.col("line").str.count_matches('"', literal=True),
        fields=pl.col("line")
        .str.replace_all(_QUOTED, "")
        .str.count_matches(delimiter, literal=True)
        + 1,
        blank=pl.col("line").str.strip_chars() == "",
    )
    huge = records.filter(pl.col("length") > MAX_LINE)
    for record, length in huge.select("record", "length").head(PROBLEM_CAP).iter_rows():
        result.problem(*_huge(length), row=record + 1)
    if huge.height:
        result.problem_total += max(0, huge.height - PROBLEM_CAP)
        return None
    data_records = records.filter(pl.col("record") > header_index)
    irregular = data_records.filter(
        (pl.col("quotes") % 2 == 1) | (~pl.col("blank") & (pl.col("fields") != width))
    )
    if irregular.height or records.height <= header_index:
        return None
    header_line = records.get_column("line_index")[header_index]
    if header_line != header_index:  # a quoted cell above the header runs over lines
        return None
    try:
        frame = pl.read_csv(
            io.BytesIO(utf8),
            has_header=False,
            separator=delimiter,
            skip_lines=header_index + 1,
            schema={f"c{i}": pl.String for i in range(width)},
            empty_string_is_null=False,
            raise_if_empty=False,
        )
    except pl.exceptions.PolarsError:
        return None
    if frame.height != data_records.height:
        return None
    return frame.with_row_index(name=ROW, offset=header_index + 2).with_columns(
        pl.col(ROW).cast(pl.Int64), pl.exclude(ROW).fill_null("")
    )


def _careful_csv(
    text: str, delimiter: str, header_index: int, width: int, result: ReadResult
) -> pl.DataFrame | None:
    """Read record by record with the standard library, locating every ragged or broken row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        result.problem(
            f"this row cannot be read as CSV ({exc})",
            'a quote (") may be missing its closing quote, or the file is not a table',
            row=len(records) + 1,
        )
        return None
    name = DELIMITERS[delimiter]
    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, record in enumerate(records[header_index + 1 :], start=header_index + 2):
        if not any(cell.strip() for cell in record):
            rows.append([""] * width)
            numbers.append(number)
            continue
        length = sum(len(cell) for cell in record)
        if length > MAX_LINE:
            result.problem(*_huge(length), row=number)
            continue
        if any(_swallowed_rows(cell, delimiter, width) for cell in record):
            result.problem(
                'a quote (") opened in this row is never closed, so the following lines were read '
                "into one cell",
                "close the quote, or remove the stray quote character",
                row=number,
            )
            break
        if len(record) > width and not any(cell.strip() for cell in record[width:]):
            record = record[:width]
        if len(record) != width:
            result.problem(
                f"this row has {len(record)} values but the header (row {header_index + 1}) has "
                f"{width} columns",
                f"a value may contain a {name} and need double quotes around it, or a value is "
                "missing or extra",
                row=number,
            )
            continue
        rows.append(record)
        numbers.append(number)
    if result.problem_total:
        return None
    columns = {f"c{i}": [r[i] for r in rows] for i in range(width)}
    frame = pl.DataFrame(columns, schema={c: pl.String for c in columns})
    return frame.with_columns(pl.Series(ROW, numbers, dtype=pl.Int64))


def _swallowed_rows(cell: str, delimiter: str, width: int) -> bool:
    """True when a cell holds whole rows of the table: a quote was opened and never closed.

    A cell may legitimately run over several lines; one whose later lines each hold a row's worth
    of delimiters is the rest of the file read into one cell.
    """
    lines = cell.split("\n")[1:]
    return bool(lines) and sum(line.count(delimiter) >= width - 1 for line in lines) >= 1


# Workbooks and Parquet ---------------------------------------------------------------------------
