"""Reading XLSX, XLS and ODS workbooks into raw tables, sheet by sheet, through fastexcel.

fastexcel (calamine) hands the sheets to Polars through the Arrow PyCapsule interface, so pyarrow
is not needed. Every cell is read as text, so cleaning sees exactly what the file says. Before
calamine sees a workbook, :mod:`workbook_limits` checks that it cannot exhaust memory or time.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from tui.model.importing.layouts import detect_layout, explain_no_layout
from tui.model.importing.raw import HEADER_SEARCH_ROWS, ROW, ReadResult, add_table, first_line
from tui.model.importing.results import SkippedSheet
from tui.model.importing.sniff import ODS
from tui.model.importing.workbook_limits import check_workbook


def read_workbook(
    path: Path, sheet: str | None, mapping: Mapping[str, str] | None, result: ReadResult
) -> None:
    """Read every sheet that holds a table (or only ``sheet``); problems are recorded per sheet.

    Sheets the limits refuse (see :func:`check_workbook`) are never loaded: each is a problem
    located by its sheet, which the import may turn into a skipped sheet (see ``api``). The
    reader unpacks every sheet of an ODS file as it opens it, so there one refused sheet stops
    the whole file.
    """
    import fastexcel  # (25-45 ms that a CSV or Parquet import never pays)

    check = check_workbook(path, result.format)
    if check.refused is not None:
        result.problem(check.refused.message, check.refused.fix)
        return
    if result.format == ODS and check.sheets:
        # The reader unpacks every sheet of an ODS file when it opens it: none can be read.
        for too_big in check.sheets.values():
            result.problem(too_big.message, too_big.fix, sheet=too_big.sheet)
        return
    try:
        reader = fastexcel.read_excel(str(path))
        names = list(reader.sheet_names)
    except Exception as exc:  # noqa: BLE001 - calamine raises many types for a damaged file
        result.problem(
            f"cannot read the {result.format} workbook ({first_line(exc)})",
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
        refused = check.sheets.get(name)
        if refused is not None:
            result.problem(refused.message, refused.fix, sheet=name)
            continue
        try:
            grid = reader.load_sheet(
                name, header_row=None, dtypes="string", skip_rows=0
            ).to_polars()
        except Exception as exc:  # noqa: BLE001 - same as above
            result.problem(
                f"cannot read this sheet ({first_line(exc)})",
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
        if not add_table(result, name, index + 1, layout, frame):
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
