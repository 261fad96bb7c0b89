"""Writing a view to a file: the format from the name, written atomically, with its provenance.

An export carries where its figures come from next to them, so a file that travels on its own
still says what it is: the same fields as the view's citation (``K``, ``ox cite``), plus the
``ox`` command that prints the same figures and the version that wrote it.

- JSON: ``{"meta": {...}, "rows": [...]}``; every row has the same keys.
- CSV: a plain CSV (a header line, then the rows) that Python's ``csv``, pandas, Polars and R's
  ``read.csv`` load unchanged; its provenance goes beside it in ``NAME.csv.provenance.txt``, one
  ``key: value`` line per field and one ``note:`` line per note. Values are spreadsheet-safe as
  every CSV cell is.
- Markdown: a provenance list under the title.

Headless: no Textual.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

from tui.atomic_file import write_atomic
from tui.formatting import safe_text
from tui.model.findings.citation import Citation
from tui.model.findings.view_citation import CiteSheet
from tui.output.render import (
    Format,
    _md_cell,
    json_rows,
    json_text,
    render,
    to_markdown,
)
from tui.output.reports import Report

EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}
SUFFIX: dict[str, str] = {"csv": ".csv", "markdown": ".md", "json": ".json"}

Meta = dict[str, object]

_CITATION_KEYS = {
    "dataset": "dataset",
    "publisher": "publisher",
    "title": "table",
    "release": "release",
    "url": "source_url",
    "licence": "licence",
    "licence_url": "licence_url",
    "attribution": "attribution",
    "measure": "measure",
    "data_date": "data_date",
    "data_date_kind": "data_date_kind",
    "source_file": "source_file",
    "checksum": "checksum",
    "route": "route",
}
"""Citation field → meta key (``title`` is the published table's; ``view`` is the export's)."""


def _dataset_meta(c: Citation) -> Meta:
    fields = asdict(c)
    return {key: fields[name] for name, key in _CITATION_KEYS.items()}


def export_meta(report: Report, sheet: CiteSheet | None, version: str) -> Meta:
    """The provenance of an exported view.

    Args:
        report: the view's report (its title names the view).
        sheet: the view's citation(s) and command (``None`` when the view cannot be cited).
        version: the version of offence-explorer writing the file.

    Returns:
        ``generated_by``, ``view``, the report's own fields (the Forces table's
        ``change_from``, ``change_to``), then for one dataset its citation's fields (``dataset``,
        ``publisher``, ``table``, ``release``, ``source_url``, ``licence``, ``licence_url``,
        ``attribution``, ``measure``, ``offence``, ``forces``, ``years``, ...) and ``command``;
        for several (a release diff) ``datasets``, a list of those fields, each with its years.
    """
    meta: Meta = {"generated_by": f"offence-explorer {version}", "view": report.title}
    meta |= report.meta
    if sheet is None or not sheet.citations:
        return meta | {"notes": list(report.notes)}
    first = sheet.citations[0]
    meta["offence"] = first.offence
    meta["forces"] = list(first.forces)
    if len(sheet.citations) == 1:
        meta["years"] = list(first.years)
        meta |= _dataset_meta(first)
    else:
        meta["datasets"] = [_dataset_meta(c) | {"years": list(c.years)} for c in sheet.citations]
    meta["command"] = sheet.command or None
    # What the view says beside its figures: the chance method, partial years, recording
    # events, caveats (the report's notes), after the dataset's own.
    # Each citation's notes one by one: a citation's tuple of notes was written as one note,
    # its Python form ("note: ('No open licence is stated…',)") in the NSPCC's provenance.
    cited = [note for c in sheet.citations for note in c.notes]
    meta["notes"] = list(dict.fromkeys([*cited, *report.notes]))
    return meta


def _meta_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(_meta_text(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_meta_text(v)}" for k, v in value.items() if v not in ("", None))
    return "" if value is None else str(value)


def _meta_lines(meta: Meta) -> list[tuple[str, str]]:
    """``(key, text)`` for every field with a value; a diff's datasets one after the other."""
    lines: list[tuple[str, str]] = []
    for key, value in meta.items():
        if key == "datasets" and isinstance(value, Sequence):
            for i, ds in enumerate(value):
                if isinstance(ds, Mapping):
                    name = "ab"[i] if i < 2 else str(i + 1)
                    lines += [(f"{k}_{name}", _meta_text(v)) for k, v in ds.items()]
            continue
        lines.append((key, _meta_text(value)))
    return [(k, t) for k, t in lines if t]


PROVENANCE_SUFFIX = ".provenance.txt"


def provenance_path(path: Path) -> Path:
    """Where a CSV export's provenance goes: ``NAME.csv`` → ``NAME.csv.provenance.txt``."""
    return path.with_name(path.name + PROVENANCE_SUFFIX)


def provenance_text(meta: Meta, data_file: str = "") -> str:
    """A CSV export's provenance, to read or grep: ``key: value`` lines, one ``note:`` line per
    note, each on one line with controls made visible (never interpreted)."""
    out = io.StringIO()
    if data_file:
        out.write(safe_text(f"Provenance of {data_file}") + "\n")
    for key, text in _meta_lines({k: v for k, v in meta.items() if k != "notes"}):
        out.write(f"{key}: " + safe_text(" ".join(text.splitlines())) + "\n")
    notes = meta.get("notes")
    for note in notes if isinstance(notes, (list, tuple)) else [notes] if notes else []:
        out.write("note: " + safe_text(" ".join(str(note).splitlines())) + "\n")
    return out.getvalue()


def _markdown_with_meta(report: Report, meta: Meta) -> str:
    body = to_markdown(report)
    title, _, rest = body.partition("\n")
    # The notes are under the table already (to_markdown).
    shown = {k: v for k, v in meta.items() if k != "notes"}
    lines = [f"- {key.replace('_', ' ')}: {_md_cell(text)}" for key, text in _meta_lines(shown)]
    return "\n".join([title, "", "*Provenance*", "", *lines, rest]) + ("" if rest else "\n")


def render_export(report: Report, fmt: Format, meta: Meta | None) -> str:
    """``report`` as an export file holds it: with ``meta`` beside the data (see the module)."""
    if meta is None:
        return render(report, fmt)
    if fmt == "json":
        return json_text({"meta": meta, "rows": json_rows(report)}) + "\n"
    if fmt == "csv":
        return render(report, fmt)  # plain: its provenance goes beside it (provenance_path)
    if fmt == "markdown":
        return _markdown_with_meta(report, meta)
    raise ValueError(f"cannot export {fmt!r}")


def format_for(path: Path, default: Format = "csv") -> Format:
    """The export format a file name asks for (by extension), else ``default``."""
    return EXTENSIONS.get(path.suffix.lower(), default)


def with_format(path: Path, fmt: str) -> Path:
    """``path`` with the extension of ``fmt`` (keeping any other suffix); a path with no file
    name (``/``, ``.``) as it is: there is no name to give the extension to."""
    if not path.name:
        return path
    if path.suffix.lower() in EXTENSIONS:
        return path.with_suffix(SUFFIX[fmt])
    return path.with_name(path.name + SUFFIX[fmt])


def write_report(report: Report, path: Path, fmt: Format, meta: Meta | None = None) -> int:
    """Write ``report`` (with its provenance ``meta``) to ``path`` atomically (a temporary file,
    then a rename); a CSV's provenance to :func:`provenance_path` beside it.

    Returns:
        The number of records written.

    Raises:
        OSError: the folder does not exist or cannot be written (the message names the path).
    """
    text = render_export(report, fmt, meta)
    write_atomic(path, text.encode("utf-8"))
    if fmt == "csv" and meta is not None:
        write_atomic(provenance_path(path), provenance_text(meta, path.name).encode("utf-8"))
    return len(report.records)


__all__ = [
    "Meta",
    "export_meta",
    "format_for",
    "provenance_path",
    "provenance_text",
    "render_export",
    "with_format",
    "write_report",
]
