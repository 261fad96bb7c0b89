"""The derived-data store: what is computed from a dataset ahead of the question, one file each.

A dataset's file holds, for its default offence and all offences, the series ``ox show FORCE``
prints for every force and computed total (with the names that resolve a force and an offence as
typed) and the Forces table the explorer opens on; and, for the default offence, each force's
detail view. The first frame, the first ``ox show`` answer and a force chosen before the data
loads are read from it, without Polars.

It is written ahead, never by a query (:mod:`tui.model.store.derived_build` computes and writes it):
by ``scripts/build_data.py`` beside each bundled dataset (``data/NAME.answers.json.gz``, shipped),
by ``ox import``, and by the explorer's loader once per dataset when no current file exists (in the
user's cache folder). A file is used only when its key is the key of now: the data file's and
sources file's SHA-256, the catalogue entry, the SHA-256 of every reference file the model reads
(:data:`REFERENCE_FILES`), :data:`SCHEMA_VERSION` and the Polars version; not the bytes of
``tui/model`` (a comment edit needs no rebuild: ``make check-books`` recomputes every shipped
entry). Anything else (other data, a file damaged, edited or too large, a question it does not
hold) means no answer here, never a wrong one. Standard library only: read before Polars loads.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import zlib
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.model.data.catalogue import DatasetInfo, find_dataset
from tui.model.data.errors import ModelError
from tui.model.data.reference import load_reference
from tui.model.figures.force_lookup import pick_offence_among, resolve_among
from tui.model.results.types import ForceTable, TotalSpec
from tui.model.store.well_typed import well_typed
from tui.paths import bundled_data_dir, user_cache_dir

if TYPE_CHECKING:  # imported when a file names them (see ``_TYPE_HOMES``)
    from tui.model.results.detail_types import ForceDetail, ForceSeries

SCHEMA_VERSION = 5
"""Bump by hand when what the model computes changes (a figure, a label, a note, the shape of a
stored type): every file made before then is no longer trusted, and ``make answers`` rebuilds the
shipped ones. ``make check-books`` fails until it is bumped and the books rebuilt."""

REFERENCE_FILES = (
    "datasets.json",
    "events.csv",
    "force_tiles.csv",
    "forces.csv",
    "nspcc_sources.csv",
    "offence_terms.csv",
    "population_series.csv",
)
"""Every file of the bundled data folder, besides a dataset's own data file, that the model reads
into a figure, a label or a note (the catalogue, recording events, map tiles, forces, the NSPCC
sources, the researchers' offence terms, populations); ``tests/unit/test_derived_inputs.py``
checks the list is complete and that an edit to each means no stored answer."""

MAX_BYTES = 8_000_000
"""A file larger than this is not read, nor an entry that lies beyond this much of what it unpacks
to; nor is a larger one written (the Home Office one is some 170 kB, unpacked under 2 MB)."""

ERRORS = (
    OSError,
    EOFError,
    zlib.error,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    RecursionError,
)
"""What reading (or writing) a missing, damaged, hostile or unwritable file raises; each means no
answer here (the question is computed), never a crash."""

OFFENCES_BOOKED: tuple[str | None, ...] = (None, "all")
"""The offences stored, as typed: the default and all (every offence: megabytes per dataset)."""

_TYPE_HOMES = {
    "ForceTable": "tui.model.results.types",
    "ForceRow": "tui.model.results.types",
    "Force": "tui.model.data.reference",
    "OffenceInfo": "tui.model.data.offences",
    "OffenceSelection": "tui.model.data.offences",
    "YearCoverage": "tui.model.data.years",
    "Event": "tui.model.data.events",
    "ChangeInterval": "tui.model.stats.chance",
    **dict.fromkeys(
        "Alternative Breakdown BreakdownRow ForceDetail ForceSeries MeasurePair MeasurePairRow "
        "MembershipChange OtherPeriod QuarterPoint Rate SeriesPoint".split(),
        "tui.model.results.detail_types",
    ),
}
"""The types a file may hold, by name, and the module of each (imported when a file names it, so
the first frame, a Forces table, imports no detail types)."""


@dataclass(frozen=True)
class Answer:
    """A stored answer to ``ox show FORCE``: the series and what the report says of the dataset."""

    series: ForceSeries
    has_quarters: bool


@dataclass(frozen=True)
class StoredDetail:
    """A force's detail as computed from exactly this dataset, with what the view says about the
    dataset (it implements the part of ``DatasetView`` the facts panel reads: ``name`` too)."""

    detail: ForceDetail
    info: DatasetInfo
    has_sources: bool
    name: str


# ------------------------------------------------------------------------------------ the key


def file_sha256(path: Path) -> str:
    """The SHA-256 of a regular file, read in blocks (a FIFO or device raises ``OSError``)."""
    if not path.is_file():
        raise OSError(f"{path} is not a regular file")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _polars_version() -> str:
    """The installed Polars (and its runtime's) versions, from the names of their metadata
    folders: neither Polars nor ``importlib.metadata`` is imported (the first frame has neither)."""
    spec = importlib.util.find_spec("polars")
    if spec is None or spec.origin is None:
        return "none"
    site = Path(spec.origin).resolve().parent.parent
    return ";".join(sorted(p.name for p in site.glob("polars*.dist-info"))) or "unknown"


@lru_cache(maxsize=1)
def code_key() -> dict[str, str]:
    """The part of every key that is not the dataset's: the schema version, the Polars version and
    the SHA-256 of each reference file (read once per process)."""
    key = {"schema": str(SCHEMA_VERSION), "polars": _polars_version()}
    for name in REFERENCE_FILES:
        ref = bundled_data_dir() / name
        key[name] = file_sha256(ref) if ref.is_file() else "(missing)"
    return key


def _info_key(info: DatasetInfo) -> dict[str, object]:
    """The catalogue entry, with files by name only (a shipped file is read from other folders)."""
    key = {f.name: getattr(info, f.name) for f in fields(info)}
    key = {k: v.name if isinstance(v, Path) else v for k, v in key.items()}
    result: dict[str, object] = json.loads(json.dumps(key))
    return result


def make_key(info: DatasetInfo, sha256: str, sources_sha256: str) -> dict[str, object]:
    """The key of the files made from ``info``'s data file and sources file as they were read
    (``sha256`` and ``sources_sha256``, "" for none) by this code."""
    return {
        "code": code_key(),
        "dataset": _info_key(info),
        "sha256": sha256,
        "sources_sha256": sources_sha256,
    }


def current_key(info: DatasetInfo) -> dict[str, object]:
    """The key of now: the files as they are on disk (raises ``OSError`` when one is missing)."""
    sources = file_sha256(info.sources_path) if info.sources_path is not None else ""
    return make_key(info, file_sha256(info.path), sources)


# ---------------------------------------------------------------------------------- the codec


def _type(name: object) -> type:
    """The stored type called ``name`` (its module imported now, if it was not yet)."""
    home = _TYPE_HOMES.get(name) if isinstance(name, str) else None
    if home is None:
        raise ValueError(f"unknown type {name!r} in a stored file")
    kind: type = getattr(import_module(home), str(name))
    return kind


def encode(value: object) -> object:
    """``value`` (frozen dataclasses, tuples, dicts with text keys, text, numbers) as JSON data:
    a dict stays a JSON object, so a reader decodes only the part it needs."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, object] = {"__type__": type(value).__name__}
        for f in fields(value):
            out[f.name] = encode(getattr(value, f.name))
        return out
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) and k != "__type__" for k in value):
        return {k: encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


def decode(value: Any) -> Any:
    """What :func:`encode` made, back as the dataclasses it names (only those of
    :data:`_TYPE_HOMES`); anything else raises ``ValueError`` or ``TypeError``."""
    if isinstance(value, dict):
        if "__type__" not in value:
            return {k: decode(v) for k, v in value.items()}
        kind = _type(value.get("__type__"))
        return kind(**{k: decode(v) for k, v in value.items() if k != "__type__"})
    if isinstance(value, list):
        return tuple(decode(v) for v in value)
    return value


def shipped_file(info: DatasetInfo) -> Path:
    """Where the file of a bundled dataset is shipped: beside its data file."""
    return bundled_data_dir() / f"{info.name}.answers.json.gz"


def user_file(name: str) -> Path:
    """Where the file of dataset ``name`` is kept in the user's cache folder."""
    return user_cache_dir() / "derived" / f"{name}.json.gz"


def _candidates(info: DatasetInfo) -> list[Path]:
    return [user_file(info.name)] + ([shipped_file(info)] if info.bundled else [])


def entry(*parts: str) -> str:
    """The name of an entry of a file: ``entry("answer", "86", "Kent")`` (any text is safe)."""
    return json.dumps(parts, ensure_ascii=False)


def entries_of(
    path: Path, key: dict[str, object], names: set[str] | None, whole: bool = False
) -> dict[str, Any]:
    """The entries ``names`` (``None``: all) of the file at ``path`` as JSON data, not decoded, if
    it was made with ``key``; raises one of :data:`ERRORS` when it was not, or an entry read is not
    what was written (damaged, edited, cut short) or lies beyond :data:`MAX_BYTES` unpacked. With
    ``whole``, every entry is read and checked (only ``names`` parsed)."""
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"{path} is too large")
    found: dict[str, Any] = {}
    with gzip.open(path, "rb") as handle:
        left = MAX_BYTES
        head = handle.readline(left)
        left -= len(head)
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("key") != key:
            raise ValueError(f"{path} was made from other data or code")
        for name, digest in header["entries"]:
            wanted = names is None or name in names
            if not (whole or names is None) and len(found) == len(names or ()):
                break
            line = handle.readline(left)
            left -= len(line)
            if left <= 0 or not line.endswith(b"\n"):
                raise ValueError(f"{path} is cut short or too large")
            if (wanted or whole) and hashlib.sha256(line[:-1]).hexdigest() != digest:
                raise ValueError(f"{path} was damaged or edited")
            if wanted:
                found[name] = json.loads(line)
    return found


def read(
    info: DatasetInfo, *names: str, key: dict[str, object] | None = None, whole: bool = False
) -> dict[str, Any]:
    """The entries ``names`` (none named: all) of the first current file of ``info``'s dataset
    (the user's, then the shipped one) as JSON data (see :func:`pick`); those it does not hold are
    left out. With ``whole``, a file is used only if every entry of it is whole."""
    try:
        key = key or current_key(info)
    except OSError:
        return {}
    for path in _candidates(info):
        try:
            if path.is_file():
                return entries_of(path, key, set(names) if names else None, whole)
        except ERRORS:
            continue
    return {}


def pick(data: Any, *path: str) -> Any:
    """The value at ``path`` in entries read (see :func:`read`), decoded; ``None`` when it is not
    there or does not decode (a damaged or hostile file)."""
    try:
        for step in path:
            data = data[step]
        return decode(data)
    except ERRORS:
        return None


def _checked(value: object, kind: str) -> Any:
    """``value`` if it is a ``kind`` whose every field has its declared type, else ``None``."""
    names = tuple((name, _type(name)) for name in ("Event", "ChangeInterval"))
    try:
        return value if isinstance(value, _type(kind)) and well_typed(value, names=names) else None
    except ERRORS:
        return None


def is_current(info: DatasetInfo) -> bool:
    """True when a file of ``info``'s dataset (the user's or the shipped one) can be used, every
    entry of it (a file cut short is written again)."""
    return isinstance(read(info, "lookup", whole=True).get("lookup"), dict)


def forget(name: str) -> None:
    """Delete the user's file of dataset ``name`` (it is removed or replaced)."""
    try:
        user_file(name).unlink(missing_ok=True)
    except OSError:
        return  # a stale file is never used: its dataset's hash no longer matches


# ------------------------------------------------------------------------------- the questions


def _found(dataset: str) -> tuple[DatasetInfo, dict[str, object]] | None:
    """The catalogue entry of ``dataset`` and the key of now, or ``None`` (no such dataset)."""
    try:
        info = find_dataset(dataset)
        return info, current_key(info)
    except (ModelError, OSError):
        return None


def answer(info: DatasetInfo, force: str, offence: str | None) -> Answer | None:
    """The answer to ``ox show FORCE [--offence OFFENCE]`` on ``info``'s dataset, or ``None``
    unless a current file holds exactly it."""
    try:
        key = current_key(info)
    except OSError:
        return None
    lookup = read(info, "lookup", key=key).get("lookup")
    offences, quarters = pick(lookup, "offences"), pick(lookup, "has_quarters")
    try:
        selection = pick_offence_among(offences, info.default_offence, offence)
        totals = [TotalSpec(name, tuple(members)) for name, members in pick(lookup, "totals")]
        reference = load_reference(bundled_data_dir())
        resolved = resolve_among(reference, pick(lookup, "forces"), totals, info.name, force)
    except (ModelError, LookupError, TypeError, ValueError):
        return None  # the full path says what is wrong, in its own words
    name = entry("answer", selection.key, resolved.name)
    series = _checked(pick(read(info, name, key=key), name), "ForceSeries")
    if (
        series is None
        or not isinstance(quarters, bool)
        or (series.force, series.offence, series.dataset) != (resolved, selection, info.name)
    ):
        return None
    return Answer(series, quarters)


def opening_table(dataset: str, offence: str | None, include_national: bool) -> ForceTable | None:
    """The Forces table of ``dataset`` for ``offence`` (a selection's key; ``None``: the dataset's
    default), or ``None`` unless a current file holds exactly it. (Checked by type and offence,
    not field by field: that would import the recording events' module before the first frame.)"""
    found = _found(dataset)
    if found is None:
        return None
    info, key = found
    if offence is None:
        offence = pick(read(info, "default", key=key), "default")
    name = entry("opening", str(offence), str(include_national))
    table = pick(read(info, name, key=key), name)
    if not isinstance(table, ForceTable) or table.offence.key != offence:
        return None
    return table


def stored_detail(dataset: str, offence: str | None, force: str) -> StoredDetail | None:
    """The detail view of ``force`` in ``dataset`` for ``offence`` (a selection's key; ``None``:
    the default) as it opens, or ``None`` unless a current file holds exactly it."""
    found = _found(dataset)
    if found is None:
        return None
    info, key = found
    name = entry("detail", force)
    entries = read(info, "lookup", name, key=key)
    detail = _checked(pick(entries, name), "ForceDetail")
    sources = pick(entries, "lookup", "has_sources")
    if detail is None or not isinstance(sources, bool):
        return None
    series = detail.series
    if offence not in (None, series.offence.key) or series.force.name != force:
        return None
    return StoredDetail(detail, info, sources, info.name) if series.dataset == info.name else None
