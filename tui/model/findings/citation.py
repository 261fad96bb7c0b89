"""A citation for what a view shows: source, release, licence and the selection, in three formats.

Everything a citation says comes from the dataset's catalogue entry (``data/datasets.json``, whose
values come from ``data/README.md`` and the shared sources' PROVENANCE/NOTES) or, for an import,
from its manifest (file name, checksum, import time). An imported file in the layout of a bundled
dataset is credited to that dataset's publisher and table, with a note saying so and to check the
file; its release date is never guessed.

No Polars: the caller passes what the view shows (offence label, forces, years) as plain values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from tui.model.data.measure import measure_id, measure_label
from tui.model.data.names import name_list

if TYPE_CHECKING:
    from tui.model.data.catalogue import DatasetInfo

FORMATS = ("text", "bibtex", "json")
APP = "offence-explorer"


@dataclass(frozen=True)
class Citation:
    """Where the figures of one view come from, and how they may be reused."""

    dataset: str
    publisher: str
    title: str
    """The published table or release the figures come from."""
    release: str
    """Release date as the catalogue or manifest states it ("" when not known)."""
    url: str
    licence: str
    licence_url: str
    attribution: str
    """The attribution the licence requires, word for word ("" when none is stated)."""
    measure: str
    offence: str
    """The offence selection, in full (``code 86: Obscene publications etc``)."""
    forces: tuple[str, ...]
    """The forces shown; empty means every force in the view."""
    years: tuple[str, ...]
    """The financial years shown, as labelled (``2023/24 Q1`` for a partial year)."""
    data_date: str
    """When the data were built (bundled) or imported (imports)."""
    data_date_kind: str
    """``built`` or ``imported``."""
    source_file: str
    """The publisher's file (bundled) or the imported file's name."""
    checksum: str
    """The imported file's checksum from the manifest ("" for bundled data)."""
    notes: tuple[str, ...] = ()
    route: str = ""
    """How the figures reached the app when not straight from the publisher (a third-party copy
    of the publisher's file, with its repository and commit); "" when not recorded."""


def _file_name(path: str) -> str:
    return re.split(r"[\\/]", path)[-1] if path else ""


def _same_measure(info: DatasetInfo, catalogue: Sequence[DatasetInfo]) -> DatasetInfo | None:
    key = measure_id(info)
    return next((c for c in catalogue if c.bundled and key and measure_id(c) == key), None)


def cite(
    info: DatasetInfo,
    offence: str,
    *,
    forces: Sequence[str] = (),
    years: Sequence[str] = (),
    catalogue: Sequence[DatasetInfo] = (),
) -> Citation:
    """The citation of a view of ``info``.

    Args:
        info: the dataset shown.
        offence: the offence selection's label.
        forces: the forces shown (empty: every force).
        years: the financial-year labels shown.
        catalogue: the bundled datasets, whose publisher an import in the same layout shares.
    """
    notes: list[str] = []
    if info.bundled:
        publisher, title = info.publisher, info.table_title or info.title
        licence, licence_url, attribution = (
            info.licence_name or info.licence,
            info.licence_url,
            info.attribution,
        )
        data_date, kind, source_file = info.built, "built", info.release_file
    else:
        like = _same_measure(info, catalogue)
        publisher = like.publisher if like else ""
        title = like.table_title if like else info.title
        licence = (like.licence_name or like.licence) if like else info.licence
        licence_url = like.licence_url if like else ""
        attribution = like.attribution if like else ""
        if like:
            notes.append(
                f"Publisher, table and licence are those of the '{like.name}' data, whose layout "
                f"the imported file has; check them against the file itself."
            )
        data_date, kind = info.imported_at, "imported"
        source_file = _file_name(info.source_file)
    if not attribution:
        notes.append(
            "No open licence is stated for these figures: cite the release and the page each "
            "figure comes from (its source_url, listed by 'ox show FORCE --dataset "
            f"{info.name}')."
            if measure_id(info) == "nspcc-foi"
            else "No licence attribution is recorded for these figures."
        )
    return Citation(
        dataset=info.name,
        publisher=publisher,
        title=title,
        release=info.release,
        url=info.source_url,
        licence=licence,
        licence_url=licence_url,
        attribution=attribution,
        measure=measure_label(info),
        offence=offence,
        forces=tuple(forces),
        years=tuple(years),
        data_date=data_date,
        data_date_kind=kind,
        source_file=source_file,
        checksum=info.checksum if not info.bundled else "",
        notes=tuple(notes),
        route=info.route if info.bundled else "",
    )


def _span(labels: Sequence[str]) -> str:
    """The years cited: a run of consecutive years as ``2016/17 to 2022/23 (7 years)``; years
    chosen apart (Compare's two) as ``2016/17 and 2023/24`` (they read as a range of two years);
    runs and single years mixed as ``2012/13 to 2014/15 and 2017/18 (4 years)``."""
    if not labels:
        return "all years in the dataset"
    runs: list[list[str]] = []
    for label in labels:
        start = label[:4]
        after = runs[-1][-1][:4] if runs else ""
        if start.isdigit() and after.isdigit() and int(start) == int(after) + 1:
            runs[-1].append(label)
        else:
            runs.append([label])
    parts = [run[0] if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs]
    text = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    ranges = any(len(run) > 1 for run in runs)
    return f"{text} ({len(labels)} years)" if ranges else text


def selection_text(c: Citation) -> str:
    """``code 86: Obscene publications etc; forces: Kent; years: 2016/17 to 2022/23 (7 years)``."""
    forces = name_list(c.forces) if c.forces else "all forces shown"
    return f"{c.offence}; forces: {forces}; years: {_span(c.years)}"


def to_text(c: Citation) -> str:
    """A plain-text citation: reference line, selection, measure, data date, licence."""
    known = c.release and not c.release.startswith("not stated")
    release = f" ({c.release})" if known else " (release date not recorded)"
    file = f" [{c.source_file}]" if c.source_file else ""
    head = f"{c.publisher or 'Publisher not recorded'}{release}. {c.title}{file}."
    lines = [f"{head} {c.url}".rstrip()]
    lines.append(f"Selection: {selection_text(c)}.")
    lines.append(f"Measure: {c.measure}.")
    if c.route:
        lines.append(f"Route: {c.route}.")
    if c.data_date_kind == "imported":
        checksum = f", {c.checksum}" if c.checksum else ""
        lines.append(
            f"Dataset '{c.dataset}' imported into {APP} on {c.data_date or 'an unrecorded date'} "
            f"from {c.source_file or 'an unrecorded file'}{checksum}."
        )
    else:
        built = c.data_date or "(not recorded)"
        lines.append(f"Dataset '{c.dataset}' of {APP}, data built {built}.")
    if c.licence:
        url = f" <{c.licence_url}>" if c.licence_url else ""
        lines.append(f"Licence: {c.licence}{url}.")
    if c.attribution:
        lines.append(c.attribution)
    lines += [f"Note: {n}" for n in c.notes]
    return "\n".join(lines) + "\n"


_BIB_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIB_REPLACEMENT = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _bib(text: str) -> str:
    """Text as a BibTeX field holds it literally, whatever it is.

    BibTeX counts every brace, escaped or not, so a brace is never written as ``\\{``: it becomes
    ``\\textbraceleft{}`` (and a backslash ``\\textbackslash{}``), whose braces are balanced.
    LaTeX's other specials are escaped; control characters (a terminal escape, a newline) become
    a space. A name such as ``West }, title = "Pwned",`` stays inside its field.
    """
    text = " ".join(_BIB_CONTROL.sub(" ", text).split())
    return _BIB_SPECIAL.sub(lambda m: _BIB_REPLACEMENT.get(m.group(), "\\" + m.group()), text)


def _bib_url(url: str) -> str:
    """A URL for ``\\url{}``: braces, backslashes, spaces and controls percent-encoded."""
    return re.sub(
        r"[\x00-\x20\x7f-\x9f{}\\]",
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")),
        url,
    )


def _bib_year(release: str) -> str:
    years = re.findall(r"\b(\d{4})(?:-\d{2}){0,2}\b", release)
    if not years or release.startswith("not stated"):
        return ""
    return years[0] if len(set(years)) == 1 else f"{years[0]}--{years[-1]}"


def _howpublished(c: Citation) -> str:
    """The address, and the route the figures came by, as the dataset's provenance says it: a
    third-party copy of the publisher's file, or (the NSPCC's) figures as stated on web pages."""
    url = rf"\url{{{_bib_url(c.url)}}}" if c.url else ""
    if not c.route:
        return url
    route = c.route.lower()
    if "third-party copies" in route:
        how = "figures read from third-party copies of the data (see note)"
    elif "third-party copy" in route:
        how = "figures read from a third-party copy of the file (see note)"
    else:  # e.g. "Figures as stated on public NSPCC and press pages, …": said as it is
        how = _bib(c.route[:1].lower() + c.route[1:])
    return f"{url}{', ' if url else ''}{how}"


def to_bibtex(c: Citation) -> str:
    """A BibTeX ``@misc`` entry; the selection, data date and attribution go in ``note``."""
    year = _bib_year(c.release)
    key = re.sub(r"[^a-z0-9]+", "_", f"{c.dataset}_{year}_{c.offence.split(':')[0]}".lower())
    note = [f"Selection: {selection_text(c)}", f"Measure: {c.measure}"]
    if c.route:
        note.append(f"Route: {c.route}")
    if c.data_date_kind == "imported":
        note.append(f"imported {c.data_date} from {c.source_file} ({c.checksum})")
    else:
        note.append(f"data built {c.data_date} ({APP} dataset {c.dataset})")
    if c.licence:
        note.append(f"Licence: {c.licence}")
    if c.attribution:
        note.append(c.attribution)
    fields = [
        ("author", f"{{{_bib(c.publisher)}}}" if c.publisher else ""),
        ("title", f"{{{_bib(c.title)}}}"),
        ("year", year),
        ("date", c.release if re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.release) else ""),
        ("howpublished", _howpublished(c)),
        ("url", _bib_url(c.url)),
        ("note", _bib(". ".join(note))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key.strip('_')},\n{body}\n}}\n"


def to_json(c: Citation) -> str:
    """Every field as a JSON object (lists for forces, years and notes)."""
    return json.dumps(asdict(c), ensure_ascii=False, indent=2) + "\n"


def render_citation(c: Citation, fmt: str) -> str:
    """A citation in ``text``, ``bibtex`` or ``json``."""
    if fmt == "bibtex":
        return to_bibtex(c)
    if fmt == "json":
        return to_json(c)
    if fmt == "text":
        return to_text(c)
    raise ValueError(f"unknown citation format {fmt!r}; use one of {', '.join(FORMATS)}")
