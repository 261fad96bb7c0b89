"""Render a :class:`~tui.output.reports.Report` as a Rich table, CSV, JSON or Markdown.

Text from data is always passed as plain text (never markup), and control characters are made
visible, so a force named ``[bold]x[/]`` or holding a terminal escape prints literally.

CSV and TSV (the export, ``--format csv`` and the TUI's copy) are opened in spreadsheets, which run
a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) as a formula: such
a text cell is written with a single quote in front (``'=HYPERLINK(…)``), as spreadsheet-safe
exports do (OWASP "CSV injection"). Numbers, negative ones included, are written as they are.
JSON keeps the exact text; only C1 controls and invisible format characters are written as
``\\u`` escapes there, so printing it cannot drive the terminal, and a JSON reader gets the very
same text back.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import IO, Literal

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.formatting import FORMAT_CONTROLS, safe_text
from tui.output.reports import Column, Record, Report

Format = Literal["table", "csv", "json", "markdown"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json", "markdown")


def _data(value: object) -> object:
    """A value as CSV and JSON carry it: fractions to 2 decimals (tables and Markdown format
    the exact value, so a percentage is rounded once, never twice)."""
    return round(value, 2) if isinstance(value, float) else value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)%?")


def spreadsheet_safe(text: str) -> str:
    """A CSV/TSV cell that no spreadsheet runs as a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'``; a number (``-80``, ``+4.5%``)
    is left as it is."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _csv_value(col: Column, value: object) -> str:
    value = _data(value)
    if col.csv is not None:
        return spreadsheet_safe(safe_text(col.csv(value)))
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return spreadsheet_safe(safe_text(";".join(str(v) for v in value)))
    return spreadsheet_safe(safe_text(value))


def _csv_columns(report: Report) -> list[Column]:
    """Every column, shown or not, so a script gets the same header whatever the rows hold."""
    return list(report.columns)


def to_csv(report: Report) -> str:
    """Every record, every column that has a value; missing values are empty cells."""
    out = io.StringIO()
    cols = _csv_columns(report)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in cols])
    for rec in report.records:
        writer.writerow([_csv_value(c, rec.get(c.key)) for c in cols])
    return out.getvalue()


def copy_headers(cols: list[Column]) -> list[str]:
    """The header of each column as a copy names it: its long name, else its header, else its
    key; one that is still not unique gets its key in brackets, so every name is one column's."""
    names = [c.long or c.header or c.key for c in cols]
    return [f"{name} ({c.key})" if names.count(name) > 1 else name for name, c in zip(names, cols)]


def to_tsv(report: Report) -> str:
    """Tab-separated with a header line: pastes straight into a spreadsheet."""
    out = io.StringIO()
    cols = _csv_columns(report)
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow([spreadsheet_safe(safe_text(h)) for h in copy_headers(cols)])
    for rec in report.records:
        writer.writerow([_csv_value(c, rec.get(c.key)) for c in cols])
    return out.getvalue()


_JSON_ESCAPED = re.compile(f"[\x7f-\x9f{FORMAT_CONTROLS}]")


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(value: object) -> str:
    """JSON of ``value``, indented, readable (``é`` stays ``é``), but with every control escaped:
    C0 (by :mod:`json`), DEL, C1 (U+009B can start a terminal escape) and invisible format
    characters (bidi overrides). These appear only inside strings, so the escaping is exact."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_ESCAPED.sub(lambda m: _json_escape(m.group()), text)


def json_rows(report: Report) -> list[dict[str, object]]:
    """The records as flat objects that all have the same keys, in the same order: every column,
    then any further key a record carries; a value a record lacks is ``None`` (``null``)."""
    keys = [c.key for c in report.columns]
    for rec in report.records:
        keys += [k for k in rec if k not in keys]
    return [{k: _data(rec.get(k)) for k in keys} for rec in report.records]


def to_json(report: Report) -> str:
    """A list of flat objects with the same keys; missing values are ``null``. Controls are
    escaped (see :func:`json_text`), the text is exact."""
    return json_text(json_rows(report)) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|])")


def _md_cell(text: str) -> str:
    """Text as Markdown shows it literally: emphasis, links, HTML and pipes are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", safe_text(text)).replace("\n", " ")


def _md_table(report: Report) -> list[str]:
    cols = [c for c in report.columns if c.show]
    lines = [
        "| " + " | ".join(_md_cell(c.header) for c in cols) + " |",
        "| " + " | ".join("---:" if c.numeric else "---" for c in cols) + " |",
    ]
    for rec in report.records:
        lines.append("| " + " | ".join(_md_cell(c.text(rec)) for c in cols) + " |")
    return lines


def to_markdown(report: Report) -> str:
    """A titled Markdown table with its notes, for pasting into a report."""
    lines = [f"**{_md_cell(report.title)}**", ""]
    lines += [f"{_md_cell(s)}  " for s in report.subtitle]
    if report.subtitle:
        lines.append("")
    lines += _md_table(report)
    for section in report.sections:
        lines += ["", f"**{_md_cell(section.title)}**", ""]
        lines += _md_table(section)
    if report.notes:
        lines.append("")
        lines += [f"- {_md_cell(n)}" for n in report.notes]
    return "\n".join(lines) + "\n"


_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\"().,;:'!?]")


def _footnoted(text: str, links: list[str]) -> str:
    """``text`` with each web address replaced by ``[n]``, the address kept in ``links``: a
    table or a wrapped line would cut it mid-string, so it is printed whole below."""

    def mark(m: re.Match[str]) -> str:
        links.append(m.group())
        return f"[{len(links)}]"

    return _URL.sub(mark, text)


def _print_links(console: Console, links: list[str], first: int) -> None:
    """The addresses from ``first`` on, each whole on its own line (never wrapped or cut)."""
    for n, url in enumerate(links[first:], start=first + 1):
        console.print(Text(f"  [{n}] {url}", style="dim"), soft_wrap=True)


def _rich_table(report: Report, links: list[str] | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    cols = [c for c in report.columns if c.show]
    cells = [[safe_text(c.text(rec)) for c in cols] for rec in report.records]
    if links is not None:
        cells = [[_footnoted(cell, links) for cell in row] for row in cells]
    for i, c in enumerate(cols):
        widest = max((len(row[i]) for row in cells), default=0)
        # Numbers are never cut or wrapped; text columns give way instead.
        table.add_column(
            Text(safe_text(c.header)),
            justify="right" if c.numeric else "left",
            no_wrap=c.numeric,
            min_width=widest if c.numeric else min(widest, 18 if i == 0 else 10),
            overflow="fold",
        )
    for rec, row in zip(report.records, cells):
        style = "bold" if rec.get("kind") == "total" else None
        table.add_row(*(Text(cell) for cell in row), style=style)
    return table


def print_table(report: Report, stream: IO[str]) -> None:
    """Print a report as a readable table with its subtitle and notes."""
    # Piped into a file or another program, a wide table beats a wrapped one.
    width = None if stream.isatty() else 160
    console = Console(
        file=stream, width=width, markup=False, highlight=False, emoji=False, soft_wrap=False
    )
    links: list[str] = []

    def line(text: str, style: str) -> None:
        # A web address is never wrapped mid-string: it is printed whole on its own line.
        first = len(links)
        console.print(Text(_footnoted(safe_text(text), links), style=style))
        _print_links(console, links, first)

    line(report.title, "bold")
    if report.subtitle:
        line(report.subtitle[0], "dim")
    if report.records:
        first = len(links)
        console.print(_rich_table(report, links))
        _print_links(console, links, first)
    else:  # an empty table's header says nothing: say there are no rows (the notes say why)
        console.print(Text("(no rows)", style="dim"))
    for section in report.sections:
        line(section.title, "bold")
        first = len(links)
        console.print(_rich_table(section, links))
        _print_links(console, links, first)
    for text in report.subtitle[1:]:
        line(text, "dim")
    for note in report.notes:
        line("Note: " + note, "dim")


def render(report: Report, fmt: Format) -> str:
    """Render a report to a string in a machine or document format (not ``table``)."""
    if fmt == "csv":
        return to_csv(report)
    if fmt == "json":
        return to_json(report)
    if fmt == "markdown":
        return to_markdown(report)
    raise ValueError(f"render() does not do {fmt!r}; use print_table")


def write(report: Report, fmt: Format, stream: IO[str]) -> None:
    """Write a report to a stream in any format."""
    if fmt == "table":
        print_table(report, stream)
    else:
        stream.write(render(report, fmt))


__all__ = [
    "FORMATS",
    "Format",
    "Record",
    "json_rows",
    "json_text",
    "render",
    "spreadsheet_safe",
    "to_csv",
    "to_json",
    "to_markdown",
    "to_tsv",
    "write",
]
