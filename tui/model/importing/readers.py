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
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from tui.model.importing.layouts import Layout, detect_layout, explain_no_layout
from tui.model.importing.problems import Problem
from tui.model.importing.results import CleaningNote, SkippedSheet
from tui.model.importing.sniff import (
    CSV,
    DELIMITERS,
    PARQUET,
    Decoded,
    binary_problem,
    decode_text,
    sniff_format,
)

ROW = "__row"
"""Column holding each row's number as a spreadsheet shows it (header of a plain CSV = row 1)."""

SHEET = "__sheet"
"""Column naming the sheet a figure was read from ("" for a file with no sheets)."""

HEADER_SEARCH_ROWS = 30
"""A header may sit below title rows; it is looked for in this many rows."""

MAX_LINE = 100_000
"""Characters in one row beyond which the file is not taken for a table."""

PROBLEM_CAP = 200
"""Problems collected per kind; more are only counted."""

_QUOTED = r'"(?:[^"]|"")*"'


@dataclass(frozen=True, eq=False)
class RawTable:
    """One table of a file: data rows as text cells, with the header and layout found for them."""

    sheet: str | None
    header_row: int
    layout: Layout
    frame: pl.DataFrame
    """Columns ``c0``, ``c1``... (one per header cell, text, "" for empty) and :data:`ROW`."""
    blank_rows: int = 0


@dataclass
class ReadResult:
    """Everything reading found: the tables, and what stops the import if anything does."""

    file: str
    format: str = ""
    encoding: str = ""
    delimiter: str = ""
    tables: list[RawTable] = field(default_factory=list)
    skipped: list[SkippedSheet] = field(default_factory=list)
    notes: list[CleaningNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_total: int = 0
    found_header: tuple[str, ...] = ()

    def problem(self, message: str, fix: str = "", **where: object) -> None:
        """Record a problem (kept up to a cap, always counted)."""
        self.problem_total += 1
        if len(self.problems) < PROBLEM_CAP:
            self.problems.append(Problem(self.file, message, fix, **where))  # type: ignore[arg-type]


def read_file(
    path: Path, *, sheet: str | None = None, mapping: Mapping[str, str] | None = None
) -> ReadResult:
    """Read a CSV, Parquet, XLSX, XLS or ODS file into raw tables; problems are recorded."""
    result = ReadResult(file=path.name)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        result.problem(
            f"cannot read the file ({exc.strerror or exc})", "check the path and permissions"
        )
        return result
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
        _read_csv(path, mapping, result)
    elif sniffed.format == PARQUET:
        _read_parquet(path, mapping, result)
    else:
        _read_workbook(path, sheet, mapping, result)
    return result


# CSV -------------------------------------------------------------------------------------------


def _read_csv(path: Path, mapping: Mapping[str, str] | None, result: ReadResult) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.problem(f"cannot read the file ({exc.strerror or exc})")
        return
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
    head = _head_lines(text)
    too_long = [(n, len(line)) for n, line in enumerate(head, start=1) if len(line) > MAX_LINE]
    found = None if too_long else _find_csv_header("\n".join(head), mapping)
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
        delimiter, rows = _likeliest_rows("\n".join(head))
        result.delimiter = DELIMITERS.get(delimiter, "")
        first = next((r for r in rows if any(c.strip() for c in r)), [])
        result.found_header = tuple(first)
        message, fix = explain_no_layout(first, mapping)
        result.problem(message, fix, row=rows.index(first) + 1 if first else None)
        return
    delimiter, header_index, layout = found
    result.delimiter = DELIMITERS[delimiter]
    result.found_header = layout.header
    frame = _fast_csv(data, decoded, delimiter, header_index, len(layout.header), result)
    if frame is None and result.problem_total == 0:
        frame = _careful_csv(text, delimiter, header_index, len(layout.header), result)
    if frame is None or result.problem_total:
        return
    if header_index:
        result.notes.append(
            CleaningNote("", "rows above the header skipped (titles)", header_index)
        )
    _add_table(result, None, header_index + 1, layout, frame)


def _head_lines(text: str) -> list[str]:
    # Any line ending: Windows (CRLF), Unix (LF) and old Mac (CR) files all occur.
    limit = HEADER_SEARCH_ROWS + 10
    return re.split(r"\r\n|\r|\n", text, maxsplit=limit)[:limit]


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[
            :HEADER_SEARCH_ROWS
        ]
    except csv.Error:
        return []


def _find_csv_header(
    head: str, mapping: Mapping[str, str] | None
) -> tuple[str, int, Layout] | None:
    """The first delimiter (comma, semicolon, tab, pipe) under which a row is a known header."""
    for delimiter in DELIMITERS:
        if delimiter not in head:
            continue
        for index, row in enumerate(_csv_rows(head, delimiter)):
            layout = detect_layout(row, mapping)
            if layout is not None:
                return delimiter, index, layout
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


def _read_workbook(
    path: Path, sheet: str | None, mapping: Mapping[str, str] | None, result: ReadResult
) -> None:
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
        names = list(reader.sheet_names)
    except Exception as exc:  # noqa: BLE001 - calamine raises many types for a damaged file
        result.problem(
            f"cannot read the {result.format} workbook ({_first_line(exc)})",
            "open it in a spreadsheet program and save it again, or save the sheet as CSV",
        )
        return
    if sheet is not None:
        chosen = [n for n in names if n == sheet] or [
            n for n in names if n.lower() == sheet.strip().lower()
        ]
        if not chosen:
            result.problem(
                f"there is no sheet called '{sheet}'",
                f"choose one of: {', '.join(repr(n) for n in names)}",
            )
            return
        names = chosen[:1]
    header_only: list[tuple[str, int]] = []
    for name in names:
        try:
            grid = reader.load_sheet(
                name, header_row=None, dtypes="string", skip_rows=0
            ).to_polars()
        except Exception as exc:  # noqa: BLE001 - same as above
            result.problem(
                f"cannot read this sheet ({_first_line(exc)})",
                "save the sheet as CSV and import that",
                sheet=name,
            )
            continue
        loaded_as = list(grid.columns)
        grid = grid.rename({c: f"c{i}" for i, c in enumerate(grid.columns)})
        head = [
            tuple(cell or "" for cell in row) for row in grid.head(HEADER_SEARCH_ROWS).iter_rows()
        ]
        layouts = ((i, detect_layout(row, mapping)) for i, row in enumerate(head))
        found = next(((i, layout) for i, layout in layouts if layout is not None), None)
        if found is None:
            first = next((row for row in head if any(c.strip() for c in row)), ())
            reason = (
                "empty" if not first else f"no table header in its first {HEADER_SEARCH_ROWS} rows"
            )
            result.skipped.append(SkippedSheet(name, reason))
            if not result.found_header and len([c for c in first if c.strip()]) > 1:
                result.found_header = tuple(first)
            continue
        index, layout = found
        result.found_header = result.found_header or layout.header
        frame = (
            grid.slice(offset=index + 1)
            .with_row_index(name=ROW, offset=index + 2)
            .with_columns(pl.col(ROW).cast(pl.Int64), pl.exclude(ROW).fill_null(""))
        )
        if "offence_code" in layout.columns:
            at = layout.columns["offence_code"]
            codes = frame.select(ROW, code=pl.col(f"c{at}"))
            if codes.select(pl.col("code").str.contains(_DECIMAL).any()).item():
                numeric = _numeric_cells(reader, name, loaded_as[at])
                if numeric is not None and numeric.len() == grid.height:
                    codes = codes.with_columns(numeric=numeric.slice(index + 1).is_not_null())
                    warning = numeric_code_warning(
                        codes, layout.column("offence_code"), f" (sheet '{name}')", _AS_TEXT
                    )
                    if warning:
                        result.warnings.append(warning)
        if not _add_table(result, name, index + 1, layout, frame):
            header_only.append((name, index + 1))
    if result.problem_total:
        return
    for name, header_row in header_only:
        if result.tables and sheet is None:
            result.warnings.append(
                f"sheet '{name}' has a header (row {header_row}) but no data rows; skipped"
            )
        else:
            result.problem(
                "this sheet has a header but no data rows",
                "add the figures below the header, or choose another sheet with --sheet",
                sheet=name,
                row=header_row,
            )
    if not result.tables and not result.problem_total:
        listed = "; ".join(f"'{s.name}' ({s.reason})" for s in result.skipped) or "none"
        message = f"no sheet holds a table: {listed}"
        if result.found_header:
            message, _ = explain_no_layout(result.found_header, mapping)
            message = f"no sheet holds a recognisable table ({listed}); {message}"
        result.problem(
            message,
            "the data sheet needs a header row such as Financial Year, Force Name, Offence Code, "
            "Number of Offences, or map the columns with --map",
        )


_DECIMAL = r"^\s*-?\d+\.\d+\s*$"
_AS_TEXT = "format the column as text in the spreadsheet and import again"


def _numeric_cells(reader: object, sheet: str, column: str) -> pl.Series | None:
    """One column of a sheet where number cells are non-null and every other cell is null.

    Cells were read as text; reading the column again as booleans tells numbers (true or false)
    from text (null), which is the only way to see that a code such as 4.1 was typed as a number.
    """
    try:
        sheet_data = reader.load_sheet(  # type: ignore[attr-defined]
            sheet, header_row=None, skip_rows=0, use_columns=[column], dtypes={column: "boolean"}
        )
        return sheet_data.to_polars().to_series()  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - the check is a courtesy; the text was read already
        return None


def numeric_code_warning(codes: pl.DataFrame, column: str, where: str, fix: str) -> str | None:
    """A warning about offence codes stored as non-integer numbers, or ``None`` if there are none.

    A number drops trailing zeros (code 4.10, typed as a number, is 4.1), so such codes may be
    wrong; codes that are the same number (4.1 and 4.10 written as text) are named.

    Args:
        codes: columns ``code`` (text as read), ``numeric`` (the cell is a number) and ``__row``.
        column: the code column's header; ``where``: e.g. ``" (sheet 'Data')"``.
        fix: how to keep the codes as text in this format.
    """
    decimal = pl.col("code").str.contains(_DECIMAL)
    numbers = codes.filter(pl.col("numeric") & decimal)
    if numbers.height == 0:
        return None
    shown = numbers.get_column("code").str.strip_chars().unique(maintain_order=True).to_list()
    examples = ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")
    first = int(numbers.get_column(ROW).min())  # type: ignore[arg-type]
    same: dict[float, set[str]] = {}
    for text in codes.filter(decimal).get_column("code").str.strip_chars().unique().to_list():
        same.setdefault(float(text), set()).add(text)
    clashes = [
        " = ".join(sorted(texts, key=lambda t: (len(t), t)))
        for value, texts in sorted(same.items())
        if len(texts) > 1 and any(float(t) == value for t in shown)
    ]
    cells = "1 cell holds" if numbers.height == 1 else f"{numbers.height:,} cells hold"
    text = (
        f"{column}{where}: {cells} offence codes as numbers, not text ({examples}; first at row "
        f"{first}): a number drops trailing zeros, so a code written 4.10 reads as 4.1 and would "
        "be merged with it. "
    )
    if clashes:
        text += f"Codes here that are the same number: {'; '.join(clashes)}. "
    return text + f"Check these codes against the source, or {fix}"


def _read_parquet(path: Path, mapping: Mapping[str, str] | None, result: ReadResult) -> None:
    try:
        frame = pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as exc:
        result.problem(
            f"cannot read the Parquet file ({_first_line(exc)})", "export it again, or as CSV"
        )
        return
    header = tuple(frame.columns)
    result.found_header = header
    layout = detect_layout(header, mapping)
    if layout is None:
        message, fix = explain_no_layout(header, mapping)
        result.problem(message, fix)
        return
    code = header[layout.columns["offence_code"]] if "offence_code" in layout.columns else None
    try:
        text = frame.select(
            [
                (_float_codes(pl.col(c)) if c == code and frame.schema[c].is_float() else pl.col(c))
                .cast(pl.String)
                .fill_null("")
                .alias(f"c{i}")
                for i, c in enumerate(header)
            ]
        )
    except pl.exceptions.PolarsError as exc:
        result.problem(
            f"a column holds values that are not plain text or numbers ({_first_line(exc)})"
        )
        return
    # Parquet has no rows to point at; number them as if the column names were row 1.
    text = text.with_row_index(name=ROW, offset=2).with_columns(pl.col(ROW).cast(pl.Int64))
    if code is not None and frame.schema[code].is_float():
        at = layout.columns["offence_code"]
        codes = text.select(ROW, code=pl.col(f"c{at}"), numeric=pl.col(f"c{at}") != "")
        warning = numeric_code_warning(
            codes, code, "", "write the column as text (strings) and export it again"
        )
        if warning:
            result.warnings.append(warning)
    _add_table(result, None, 1, layout, text)


def _float_codes(column: pl.Expr) -> pl.Expr:
    """Codes in a float column as text: whole numbers without ``.0`` (``86.0`` is code 86)."""
    whole = (column.round(0) == column) & (column.abs() < 1e15)
    return (
        pl.when(whole)
        .then(column.cast(pl.Int64, strict=False).cast(pl.String))
        .otherwise(column.cast(pl.String))
    )


def _add_table(
    result: ReadResult, sheet: str | None, header_row: int, layout: Layout, frame: pl.DataFrame
) -> bool:
    """Drop wholly empty rows and keep the table; a table with no data row is a problem for a
    single-table file and left to the caller for a workbook. Returns False when it has no rows."""
    cells = [c for c in frame.columns if c != ROW]
    empty = pl.all_horizontal([pl.col(c).str.strip_chars() == "" for c in cells])
    blank = frame.filter(empty).height
    frame = frame.filter(~empty)
    if frame.height == 0:
        if sheet is None:
            result.problem(
                "the file has a header row but no data rows",
                "add the figures below the header",
                row=header_row,
            )
        return False
    result.tables.append(RawTable(sheet, header_row, layout, frame, blank))
    return True


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
