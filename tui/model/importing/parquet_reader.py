"""Reading a Parquet file into a raw table (every column as text) through Polars."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from tui.model.importing.layouts import detect_layout, explain_no_layout
from tui.model.importing.raw import ROW, ReadResult, add_table, first_line
from tui.model.importing.workbook_reader import numeric_code_warning


def read_parquet(path: Path, mapping: Mapping[str, str] | None, result: ReadResult) -> None:
    try:
        frame = pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as exc:
        result.problem(
            f"cannot read the Parquet file ({first_line(exc)})", "export it again, or as CSV"
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
            f"a column holds values that are not plain text or numbers ({first_line(exc)})"
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
    add_table(result, None, 1, layout, text)


def _float_codes(column: pl.Expr) -> pl.Expr:
    """Codes in a float column as text: whole numbers without ``.0`` (``86.0`` is code 86)."""
    whole = (column.round(0) == column) & (column.abs() < 1e15)
    return (
        pl.when(whole)
        .then(column.cast(pl.Int64, strict=False).cast(pl.String))
        .otherwise(column.cast(pl.String))
    )
