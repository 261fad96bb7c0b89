"""A tiny cache of the opening force table, so the first frame shows figures before Polars loads.

Each time the Forces view builds its table, the table is written here (JSON, a few kilobytes). At
the next start the app paints it at once, then replaces it with the table computed from the data.
A cache is used only when everything it was made from is unchanged: the dataset's file (by its
SHA-256), the code that computes the table (``SCHEMA_VERSION``, the Polars version and every
reference file: :func:`code_fingerprint`), the offence and the options. Anything else (a rebuilt
or re-imported dataset, another dataset, a damaged file) means no cache, never a wrong figure.

Standard library only (no Polars): it runs before Polars is imported.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.model.offences import OffenceSelection
from tui.model.reference import Force
from tui.model.types import ForceRow, ForceTable
from tui.model.years import YearCoverage
from tui.paths import bundled_data_dir, user_cache_dir

CACHE_VERSION = 1
MAX_BYTES = 1_000_000
"""A cache file larger than this is not read (the opening table is a few kilobytes)."""

_TYPES: dict[str, type] = {
    t.__name__: t for t in (ForceTable, ForceRow, Force, OffenceSelection, YearCoverage)
}


def _opening_type(name: str) -> type | None:
    """A dataclass of the opening table by name; ``Event`` (a recording change the table names)
    is imported only when a cached table has one, so the first frame does not wait for it."""
    if name == "Event":
        from tui.model.events import Event

        return Event
    return _TYPES.get(name)


def cache_file() -> Path:
    """Where the opening table is kept."""
    return user_cache_dir() / "opening-table.json"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a regular file, read in blocks (a FIFO or device raises ``OSError``)."""
    if not path.is_file():
        raise OSError(f"{path} is not a regular file")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


REFERENCE_FILES = (
    "datasets.json",
    "events.csv",
    "force_tiles.csv",
    "forces.csv",
    "nspcc_sources.csv",
    "offence_terms.csv",
    "population_series.csv",
)
"""Every file in the bundled data folder, besides a dataset's own data file, that the model reads
into a figure, a label or a note (the catalogue, recording events, map tiles, forces, the NSPCC
sources, the researchers' offence terms, populations). Each is part of every cache's and answer
book's key, so an edit to any of them means no cache (``tests/unit/test_cache_inputs.py`` edits
each and checks that the list is complete)."""


SCHEMA_VERSION = 2
"""Bump by hand when what the model computes changes (a figure, a label, a note, the shape of a
cached type): every cache and answer book made before then is no longer trusted. A comment or
docstring edit in ``tui/model`` needs no bump. ``tests/cli/test_answer_book.py`` recomputes every
shipped answer, so a change that alters one fails until the books are rebuilt (``make answers``)
and this number bumped."""


def _polars_version() -> str:
    """The installed Polars (and its runtime's) versions, from the names of their metadata
    folders: neither Polars nor ``importlib.metadata`` is imported (the first frame has neither)."""
    spec = importlib.util.find_spec("polars")
    if spec is None or spec.origin is None:
        return "none"
    site = Path(spec.origin).resolve().parent.parent
    return ";".join(sorted(p.name for p in site.glob("polars*.dist-info"))) or "unknown"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The key every cache and answer book shares besides its dataset's SHA-256: the schema
    version, the Polars version and every reference file the model reads; a cache made by other
    code (of another schema) or from other reference files is never shown."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}; polars {_polars_version()}".encode())
    for name in REFERENCE_FILES:
        ref = bundled_data_dir() / name
        digest.update(name.encode())
        digest.update(ref.read_bytes() if ref.is_file() else b"(missing)")
    return digest.hexdigest()


def encode(value: object) -> object:
    """``value`` (frozen dataclasses, tuples, text, numbers) as JSON-ready data."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, object] = {"__type__": type(value).__name__}
        for f in fields(value):
            out[f.name] = encode(getattr(value, f.name))
        return out
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(value: Any, types: dict[str, type] | None = None) -> Any:
    """What :func:`encode` made, back as the dataclasses named in ``types`` (default: those of
    the opening table); anything else raises ``ValueError`` or ``TypeError``."""
    if isinstance(value, dict):
        name = str(value.get("__type__"))
        kind = _opening_type(name) if types is None else types.get(name)
        if kind is None:
            raise ValueError(f"unknown type {value.get('__type__')!r} in the cache")
        return kind(**{k: decode(v, types) for k, v in value.items() if k != "__type__"})
    if isinstance(value, list):
        return tuple(decode(v, types) for v in value)
    return value


def _key(
    dataset_file: Path, sha256: str, offence: str, include_national: bool
) -> dict[str, object]:
    return {
        "version": CACHE_VERSION,
        "code": code_fingerprint(),
        "file": str(dataset_file),
        "sha256": sha256,
        "offence": offence,
        "include_national": include_national,
    }


def save_opening(
    table: ForceTable,
    dataset_file: Path,
    sha256: str,
    include_national: bool,
    path: Path | None = None,
) -> None:
    """Keep ``table`` for the next start (atomic; a failure to write is silently not a cache)."""
    path = path or cache_file()
    record = {
        "key": _key(dataset_file, sha256, table.offence.key, include_national),
        "table": encode(table),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(record, separators=(",", ":"))
        from tui.atomic_file import write_atomic  # (not at start-up, when the cache is only read)

        write_atomic(path, text.encode("utf-8"), sync=False)  # a cache: losing it costs nothing
    except OSError:
        return  # a cache is an optimisation: no cache is always correct


def load_opening(
    dataset_file: Path, offence: str | None, include_national: bool, path: Path | None = None
) -> ForceTable | None:
    """The cached opening table, or ``None`` unless it was made from exactly this dataset file,
    this code, this offence (``None``: whatever offence it was made for) and these options."""
    path = path or cache_file()
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES or not dataset_file.is_file():
            return None
        record = json.loads(path.read_text(encoding="utf-8"))
        key = record["key"]
        wanted = _key(dataset_file, file_sha256(dataset_file), key.get("offence"), include_national)
        if key != wanted or (offence is not None and key.get("offence") != offence):
            return None
        table = decode(record["table"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return table if isinstance(table, ForceTable) else None


def opening_for(dataset: str, offence: str | None, include_national: bool) -> ForceTable | None:
    """The opening table of ``dataset`` for ``offence`` (``None``: the dataset's default), or
    ``None`` unless the cache holds exactly that (see :func:`load_opening`)."""
    from tui.model.catalogue import find_dataset
    from tui.model.errors import ModelError

    try:
        info = find_dataset(dataset)
    except ModelError:
        return None
    return load_opening(info.path, offence or info.default_offence, include_national)
