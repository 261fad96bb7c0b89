"""Leading ``#`` lines of a text table: skipped before the header is looked for.

Older offence-explorer CSV exports start with their provenance as ``# key,value`` lines; newer
ones are plain and keep it beside them in ``NAME.csv.provenance.txt`` (``key: value`` lines, see
:mod:`tui.output.export`), read here as the same fields. Other tools write ``#`` comments the
same way. The reader looks for the header below them, and keeps every row number the file's own
line number.
"""

from __future__ import annotations

import csv
import re
from typing import NamedTuple

_COMMENTS = re.compile(r"(?:#[^\r\n]*(?:\r\n|\r|\n))*")
_LINE_END = re.compile(r"\r\n|\r|\n")
_EXPORTER = "offence-explorer"


class Preamble(NamedTuple):
    """The ``#`` lines at the top of a text file."""

    lines: int
    """How many lines, from the first, start with ``#``."""
    end: int
    """The offset in the text where the first line after them starts."""
    fields: dict[str, str]
    """``# key,value`` lines as ``{key: value}`` (an export's provenance)."""

    @property
    def is_export(self) -> bool:
        """True when the file is an offence-explorer export (its first line names the tool)."""
        return self.fields.get("generated_by", "").startswith(_EXPORTER)


def read_preamble(text: str) -> Preamble:
    """The leading ``#`` lines of ``text`` (each ended by a line break), and their fields."""
    found = _COMMENTS.match(text)
    block = found.group() if found else ""
    lines = [line for line in _LINE_END.split(block) if line]
    fields: dict[str, str] = {}
    for line in lines:
        cells = next(csv.reader([line[1:].strip()]), [])
        if len(cells) >= 2 and cells[0].strip():
            fields.setdefault(cells[0].strip(), ",".join(cells[1:]).strip())
    return Preamble(len(lines), len(block), fields)


def sidecar_preamble(text: str) -> Preamble:
    """The fields of an export's provenance file (``key: value`` lines) as a preamble of no
    lines: the table itself starts at its first line."""
    fields: dict[str, str] = {}
    for line in _LINE_END.split(text):
        key, sep, value = line.partition(": ")
        if sep and key.strip() and " " not in key.strip():
            fields.setdefault(key.strip(), value.strip())
    return Preamble(0, 0, fields)


def blanked(text: str, preamble: Preamble) -> str:
    """``text`` with the ``#`` lines emptied (one line break each), so a stray quote in a comment
    never runs into the table while every later row keeps its line number."""
    return "\n" * preamble.lines + text[preamble.end :]


def export_refusal(preamble: Preamble) -> tuple[str, str]:
    """Why an offence-explorer export whose table is not an importable layout cannot be imported,
    and what to import instead: (message, fix)."""
    view = preamble.fields.get("view", "")
    what = f" ('{view}')" if view else ""
    source = preamble.fields.get("source_file", "")
    url = preamble.fields.get("source_url", "")
    where = ", ".join(p for p in (source, f"from {url}" if url else "") if p)
    return (
        f"this is an offence-explorer export of a summary table{what}, not source rows: its "
        "columns are the view's, not a layout the importer reads",
        "import the source data the export came from"
        + (f" ({where})" if where else "")
        + _already_in(preamble.fields.get("dataset", "")),
    )


def _already_in(dataset: str) -> str:
    if not dataset:
        return ""
    return f"; the figures it shows are already in dataset '{dataset}' (ox --dataset {dataset})"


__all__ = ["Preamble", "blanked", "export_refusal", "read_preamble", "sidecar_preamble"]
