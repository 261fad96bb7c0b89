"""The answer book: ``ox show FORCE`` for every force of a dataset, written ahead (issue 11).

The answer cache (:mod:`tui.model.answer_cache`) answers a question asked before; the book answers
the first one. It holds, for one dataset, the series of every force (and computed total) for the
dataset's default offence and for all offences, with what is needed to resolve a force and an
offence as typed (the dataset's forces, totals and offences; see :mod:`tui.model.force_lookup`),
so ``northants``, ``northam`` or ``E23000022`` find the answer ``northamptonshire`` finds.

Books are written by ``scripts/build_data.py`` beside the bundled datasets
(``data/NAME.answers.json.gz``, shipped), by ``ox import`` for an imported dataset, and by the TUI
once a dataset is loaded when no valid book exists (both in the user's cache folder). A book is
used only when everything it was made from is unchanged: the dataset's file and sources file
(by SHA-256), its catalogue entry, and the code that computes a series (the schema version, the
Polars version and every reference file: ``opening_cache.code_fingerprint``; a comment edit in
``tui/model`` keeps a book valid, and a test recomputes every shipped answer). A replaced, removed
or rebuilt dataset, another schema, a damaged or edited file (the header holds the SHA-256 of the
answers), or a question the book does not hold means no answer here, never a wrong figure.

Standard library only (no Polars): it runs before Polars is imported.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from tui.atomic_file import write_atomic
from tui.model.answer_cache import SERIES_TYPES, Answer
from tui.model.catalogue import DatasetInfo
from tui.model.detail_types import ForceSeries
from tui.model.errors import ModelError
from tui.model.force_lookup import pick_offence_among, resolve_among
from tui.model.offences import OffenceInfo
from tui.model.opening_cache import code_fingerprint, decode, encode, file_sha256
from tui.model.reference import load_reference
from tui.model.types import TotalSpec
from tui.model.well_typed import well_typed
from tui.paths import bundled_data_dir, user_cache_dir

BOOK_VERSION = 1
MAX_BYTES = 2_000_000
"""A book file larger than this is not read (the Home Office one is some tens of kilobytes)."""
MAX_UNPACKED = 40_000_000
"""Nor one that unpacks to more than this (the Home Office one unpacks to about 0.5 MB)."""
OFFENCES_BOOKED: tuple[str | None, ...] = (None, "all")
"""The offences a book holds, as typed: the dataset's default, and all offences. Every offence
would take some megabytes per dataset (about 4 kB per force and offence)."""


def shipped_book(info: DatasetInfo) -> Path:
    """Where the book of a bundled dataset is shipped: beside its data file."""
    return bundled_data_dir() / f"{info.name}.answers.json.gz"


def user_book(name: str) -> Path:
    """Where the book of dataset ``name`` is kept in the user's cache folder."""
    return user_cache_dir() / "answers" / f"{name}.json.gz"


def _info_key(info: DatasetInfo) -> dict[str, object]:
    """The catalogue entry, with files by name only (a book is shipped to other folders)."""
    key: dict[str, object] = {}
    for f in fields(info):
        value = getattr(info, f.name)
        key[f.name] = value.name if isinstance(value, Path) else value
    result: dict[str, object] = json.loads(json.dumps(key))
    return result


def _sources_sha256(info: DatasetInfo) -> str:
    return file_sha256(info.sources_path) if info.sources_path is not None else ""


def _header(info: DatasetInfo, sha256: str, sources_sha256: str) -> dict[str, object]:
    return {
        "version": BOOK_VERSION,
        "code": code_fingerprint(),
        "dataset": _info_key(info),
        "sha256": sha256,
        "sources_sha256": sources_sha256,
    }


def _read(path: Path) -> dict[str, Any] | None:
    """The book's header and body, or ``None`` when the body is not the one the header was
    written for (an edited or damaged file)."""
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        return None
    try:
        with gzip.open(path, "rb") as handle:
            text = handle.read(MAX_UNPACKED + 1)
    except (EOFError, zlib.error):  # cut short or damaged (OSError for a file not gzip at all)
        return None
    if len(text) > MAX_UNPACKED:
        return None
    head, _, body = text.partition(b"\n")
    header = json.loads(head.decode("utf-8"))
    if (
        not isinstance(header, dict)
        or header.get("body_sha256") != hashlib.sha256(body).hexdigest()
    ):
        return None
    record = json.loads(body.decode("utf-8"))
    if not isinstance(record, dict):
        return None
    record["header"] = {k: v for k, v in header.items() if k != "body_sha256"}
    return record


def _valid(record: dict[str, Any], info: DatasetInfo) -> bool:
    """True when the book was made from exactly this dataset, sources and code."""
    header = record.get("header")
    if not isinstance(header, dict) or header.get("version") != BOOK_VERSION:
        return False
    if header.get("code") != code_fingerprint() or header.get("dataset") != _info_key(info):
        return False
    return header == _header(info, file_sha256(info.path), _sources_sha256(info))


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("a list of names was expected")
    return tuple(value)


def _answer_from(
    record: dict[str, Any], info: DatasetInfo, force: str, offence: str | None
) -> Answer | None:
    forces = _strings(record["forces"])
    totals = [TotalSpec(name, _strings(members)) for name, members in record["totals"]]
    offences = decode(record["offences"], {"OffenceInfo": OffenceInfo})
    if not isinstance(offences, tuple) or not all(isinstance(o, OffenceInfo) for o in offences):
        return None
    try:
        selection = pick_offence_among(offences, info.default_offence, offence)
        resolved = resolve_among(
            load_reference(bundled_data_dir()), forces, totals, info.name, force
        )
    except (ModelError, LookupError):
        return None  # the full path says what is wrong, in its own words
    encoded = record["answers"].get(selection.key, {}).get(resolved.name)
    if encoded is None:
        return None
    series = decode(encoded, SERIES_TYPES)
    quarters = record["has_quarters"]
    if (
        not isinstance(series, ForceSeries)
        or not well_typed(series)
        or not isinstance(quarters, bool)
        or series.force != resolved
        or series.offence != selection
        or series.dataset != info.name
    ):
        return None
    return Answer(series, quarters)


def book_answer(info: DatasetInfo, force: str, offence: str | None) -> Answer | None:
    """The answer to ``ox show FORCE [--offence OFFENCE]`` from a valid book of ``info``'s
    dataset (the user's, then the shipped one), or ``None`` unless a book holds exactly it."""
    candidates = [user_book(info.name)] + ([shipped_book(info)] if info.bundled else [])
    for path in candidates:
        try:
            record = _read(path)
            if record is None or not _valid(record, info):
                continue
            return _answer_from(record, info, force, offence)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            continue
    return None


def has_valid_book(info: DatasetInfo) -> bool:
    """True when a book of ``info``'s dataset (the user's or the shipped one) can be used."""
    candidates = [user_book(info.name)] + ([shipped_book(info)] if info.bundled else [])
    for path in candidates:
        try:
            record = _read(path)
            if record is not None and _valid(record, info):
                return True
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            continue
    return False


def save_book(
    path: Path,
    info: DatasetInfo,
    sha256: str,
    sources_sha256: str,
    *,
    has_quarters: bool,
    forces: Sequence[str],
    totals: Sequence[TotalSpec],
    offences: Sequence[OffenceInfo],
    answers: Mapping[str, Mapping[str, ForceSeries]],
) -> bool:
    """Write a book (atomic, the same bytes for the same answers). ``sha256`` and
    ``sources_sha256`` are those of the files as they were read; an answer that would not read
    back equal is left out. Returns False when nothing could be written (no cache, still correct).
    """
    if not sha256:
        return False
    try:
        kept: dict[str, dict[str, object]] = {}
        for key, by_force in answers.items():
            for name, series in by_force.items():
                encoded = encode(series)
                if decode(json.loads(json.dumps(encoded)), SERIES_TYPES) == series:
                    kept.setdefault(key, {})[name] = encoded
        record = {
            "has_quarters": has_quarters,
            "forces": list(forces),
            "totals": [[t.name, list(t.members)] for t in totals],
            "offences": encode(tuple(offences)),
            "answers": kept,
        }
        body = json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        header = {
            **_header(info, sha256, sources_sha256),
            "body_sha256": hashlib.sha256(body).hexdigest(),
        }
        head = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        data = gzip.compress(head + b"\n" + body, compresslevel=9, mtime=0)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, sync=False)
    except (OSError, ValueError, TypeError, RecursionError):
        return False
    return True


def forget_book(name: str) -> None:
    """Delete the user's book of dataset ``name`` (it is removed or replaced)."""
    try:
        user_book(name).unlink(missing_ok=True)
    except OSError:
        return  # a stale book is never used: its dataset's hash no longer matches
