"""Writing a view to a file: the format from the name, written atomically, with its provenance.

An export carries where its figures come from next to them, so a file that travels on its own
still says what it is: the same fields as the view's citation (``K``, ``ox cite``), plus the
``ox`` command that prints the same figures and the version that wrote it.

- JSON: ``{"meta": {...}, "rows": [...]}``; every row has the same keys.
- CSV: ``#`` lines before the header, one field each (``# dataset,homeoffice``); a reader skips
  them with ``comment_prefix="#"`` (Polars) or ``comment="#"`` (pandas), and a data cell holding
  a ``#`` is quoted. Values are spreadsheet-safe as every CSV cell is.
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
from tui.model.citation import Citation
from tui.model.view_citation import CiteSheet
from tui.output.render import (
    Format,
    _csv_columns,
    _csv_value,
    _md_cell,
    json_rows,
    json_text,
    render,
    spreadsheet_safe,
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
    "notes": "notes",
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
        return meta
    first = sheet.citations[0]
    meta["offence"] = first.offence
    meta["forces"] = list(first.forces)
    if len(sheet.citations) == 1:
        meta["years"] = list(first.years)
        meta |= _dataset_meta(first)
    else:
        meta["datasets"] = [_dataset_meta(c) | {"years": list(c.years)} for c in sheet.citations]
    meta["command"] = sheet.command or None
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


def _csv_cell(text: str) -> str:
    """A CSV cell, quoted when it holds a delimiter, quote, line break or ``#`` (so a reader
    that takes ``#`` as a comment never cuts a data cell)."""
    if any(ch in text for ch in ',"\r\n#'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_with_meta(report: Report, meta: Meta) -> str:
    out = io.StringIO()
    for key, text in _meta_lines(meta):
        # One line each, starting with "#": a line break becomes a space, controls visible.
        value = safe_text(" ".join(text.splitlines()))
        out.write(f"# {key}," + _csv_cell(spreadsheet_safe(value)) + "\n")
    cols = _csv_columns(report)
    out.write(",".join(_csv_cell(c.key) for c in cols) + "\n")
    for rec in report.records:
        out.write(",".join(_csv_cell(_csv_value(c, rec.get(c.key))) for c in cols) + "\n")
    return out.getvalue()


def _markdown_with_meta(report: Report, meta: Meta) -> str:
    body = to_markdown(report)
    title, _, rest = body.partition("\n")
    lines = [f"- {key.replace('_', ' ')}: {_md_cell(text)}" for key, text in _meta_lines(meta)]
    return "\n".join([title, "", "*Provenance*", "", *lines, rest]) + ("" if rest else "\n")


def render_export(report: Report, fmt: Format, meta: Meta | None) -> str:
    """``report`` as an export file holds it: with ``meta`` beside the data (see the module)."""
    if meta is None:
        return render(report, fmt)
    if fmt == "json":
        return json_text({"meta": meta, "rows": json_rows(report)}) + "\n"
    if fmt == "csv":
        return _csv_with_meta(report, meta)
    if fmt == "markdown":
        return _markdown_with_meta(report, meta)
    raise ValueError(f"cannot export {fmt!r}")


def format_for(path: Path, default: Format = "csv") -> Format:
    """The export format a file name asks for (by extension), else ``default``."""
    return EXTENSIONS.get(path.suffix.lower(), default)


def with_format(path: Path, fmt: str) -> Path:
    """``path`` with the extension of ``fmt`` (keeping any other suffix)."""
    if path.suffix.lower() in EXTENSIONS:
        return path.with_suffix(SUFFIX[fmt])
    return path.with_name(path.name + SUFFIX[fmt])


def write_report(report: Report, path: Path, fmt: Format, meta: Meta | None = None) -> int:
    """Write ``report`` (with its provenance ``meta``) to ``path`` atomically (a temporary file,
    then a rename).

    Returns:
        The number of records written.

    Raises:
        OSError: the folder does not exist or cannot be written (the message names the path).
    """
    text = render_export(report, fmt, meta)
    write_atomic(path, text.encode("utf-8"))
    return len(report.records)


__all__ = ["Meta", "export_meta", "format_for", "render_export", "with_format", "write_report"]
