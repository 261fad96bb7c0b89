"""A small cache of ``ox show FORCE`` answers, so asking again takes no Polars (issue 11).

Over SSH a user checks one figure, then another: each ``ox show`` would import Polars and load the
dataset (~0.5 s) to print a dozen numbers. The series it printed is kept here (JSON) and printed
again, without Polars, when exactly the same question is asked of exactly the same data. The key
holds everything the answer is made from: the dataset's file (by its SHA-256, taken before it was
read), its catalogue entry, the code that computes a series (the schema version, the Polars
version and every reference file: ``opening_cache.code_fingerprint``), and the force and offence as
typed. Anything else (a
rebuilt or re-imported dataset, other code, a damaged file, an answer edited or damaged
since it was kept: each keeps its SHA-256) means no cache, never a wrong figure.

Standard library only (no Polars): it runs before Polars is imported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.atomic_file import write_atomic
from tui.model.catalogue import DatasetInfo
from tui.model.detail_types import (
    Alternative,
    ForceSeries,
    MembershipChange,
    OtherPeriod,
    SeriesPoint,
)
from tui.model.offences import OffenceSelection
from tui.model.opening_cache import code_fingerprint, decode, encode, file_sha256
from tui.model.reference import Force
from tui.model.well_typed import well_typed
from tui.model.years import YearCoverage
from tui.paths import user_cache_dir

CACHE_VERSION = 2
MAX_ENTRIES = 32
"""Answers kept; the oldest is dropped first."""
MAX_BYTES = 4_000_000
"""A cache file larger than this is not read (an answer is a few kilobytes)."""

SERIES_TYPES: dict[str, type] = {
    t.__name__: t
    for t in (
        ForceSeries,
        SeriesPoint,
        Alternative,
        OtherPeriod,
        MembershipChange,
        Force,
        OffenceSelection,
        YearCoverage,
    )
}


@dataclass(frozen=True)
class Answer:
    """A cached answer: the series and what the report says about the dataset."""

    series: ForceSeries
    has_quarters: bool


def cache_file() -> Path:
    """Where the answers are kept."""
    return user_cache_dir() / "show-answers.json"


def _key(info: DatasetInfo, sha256: str, force: str, offence: str | None) -> dict[str, object]:
    return {
        "version": CACHE_VERSION,
        "code": code_fingerprint(),
        "info": repr(info),
        "sha256": sha256,
        "force": force,
        "offence": offence,
    }


def _checksum(encoded: object, has_quarters: object) -> str:
    """The SHA-256 of an answer as kept, so an edited or damaged answer that still parses is not
    shown (a changed count would otherwise be printed as if computed)."""
    text = json.dumps([encoded, has_quarters], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entries(path: Path) -> list[dict[str, Any]]:
    if not path.is_file() or path.stat().st_size > MAX_BYTES:
        return []
    record = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(record, dict) or record.get("version") != CACHE_VERSION:
        return []
    entries = record.get("entries")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def load_answer(
    info: DatasetInfo, force: str, offence: str | None, path: Path | None = None
) -> Answer | None:
    """The cached answer to ``ox show FORCE [--offence OFFENCE]`` on this dataset, or ``None``
    unless one was made from exactly this data and code for exactly this question."""
    path = path or cache_file()
    try:
        entries = _entries(path)
        if not entries:
            return None
        wanted = _key(info, file_sha256(info.path), force, offence)
        for entry in entries:
            if entry.get("key") == wanted:
                quarters = entry["has_quarters"]
                if entry.get("sha256") != _checksum(entry["series"], quarters):
                    return None
                series = decode(entry["series"], SERIES_TYPES)
                if (
                    isinstance(series, ForceSeries)
                    and well_typed(series)
                    and isinstance(quarters, bool)
                ):
                    return Answer(series, quarters)
                return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return None


def save_answer(
    info: DatasetInfo,
    sha256: str,
    force: str,
    offence: str | None,
    answer: Answer,
    path: Path | None = None,
) -> None:
    """Keep ``answer`` to the question ``force``/``offence`` on the dataset file whose SHA-256 was
    ``sha256`` when it was read (atomic; a failure to write is silently not a cache). An answer
    that would not read back equal is not kept, nor one without a hash."""
    path = path or cache_file()
    if not sha256:
        return
    try:
        encoded = encode(answer.series)
        if decode(json.loads(json.dumps(encoded)), SERIES_TYPES) != answer.series:
            return
        key = _key(info, sha256, force, offence)
        try:
            entries = _entries(path)
        except (OSError, ValueError):
            entries = []
        entries = [e for e in entries if e.get("key") != key][-(MAX_ENTRIES - 1) :]
        entries.append(
            {
                "key": key,
                "series": encoded,
                "has_quarters": answer.has_quarters,
                "sha256": _checksum(encoded, answer.has_quarters),
            }
        )
        text = json.dumps({"version": CACHE_VERSION, "entries": entries}, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"), sync=False)  # a cache: losing it costs nothing
    except (OSError, ValueError, TypeError, RecursionError):
        return  # a cache is an optimisation: no cache is always correct
