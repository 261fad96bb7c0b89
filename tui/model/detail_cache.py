"""A small cache of force details, so a force chosen before the data loads opens with its figures.

At start-up the Forces table is painted from the opening cache (see :mod:`opening_cache`) before
Polars is imported; Enter on a row then had to wait for the data (~1 s) to show the force's
detail. Each detail the app computes (in a worker, with its default breakdown year) is kept here,
one small JSON file per force and offence, and the detail view opens from it at once; it is
refreshed from the data once loaded (issue 11). An entry is used only when everything it was made
from is unchanged: the dataset's file (by its SHA-256), the code that computes a detail (the
schema version, the Polars version and every reference file: ``opening_cache.code_fingerprint``),
the offence and the force. Anything else (a
rebuilt or re-imported dataset, another dataset, other code, a damaged file, another force's entry)
means no cache, never a wrong figure.

Standard library only (no Polars): it is read before Polars is imported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from tui.model.catalogue import DatasetInfo
from tui.model.chance import ChangeInterval
from tui.model.detail_types import (
    Alternative,
    Breakdown,
    BreakdownRow,
    ForceDetail,
    ForceSeries,
    MeasurePair,
    MeasurePairRow,
    MembershipChange,
    OtherPeriod,
    QuarterPoint,
    Rate,
    SeriesPoint,
)
from tui.model.events import Event
from tui.model.offences import OffenceSelection
from tui.model.opening_cache import code_fingerprint, decode, encode, file_sha256
from tui.model.reference import Force
from tui.model.years import YearCoverage
from tui.paths import user_cache_dir

CACHE_VERSION = 1
MAX_ENTRIES = 24
"""Details kept (one file each, ~16 kB); the oldest are dropped first."""
MAX_BYTES = 400_000
"""An entry larger than this is not read (a detail is some 5-50 kB)."""

DETAIL_TYPES: dict[str, type] = {
    t.__name__: t
    for t in (
        ForceDetail,
        ForceSeries,
        SeriesPoint,
        Alternative,
        OtherPeriod,
        MembershipChange,
        QuarterPoint,
        Breakdown,
        BreakdownRow,
        Rate,
        ChangeInterval,
        Event,
        MeasurePair,
        MeasurePairRow,
        Force,
        OffenceSelection,
        YearCoverage,
    )
}


@dataclass(frozen=True)
class CachedDetail:
    """A force's detail as last computed from exactly this dataset file, with what the view says
    about the dataset (it implements the part of ``DatasetView`` the facts panel reads)."""

    detail: ForceDetail
    info: DatasetInfo
    has_sources: bool

    @property
    def name(self) -> str:
        """The dataset's name."""
        return self.info.name


def cache_folder() -> Path:
    """Where the details are kept."""
    return user_cache_dir() / "details"


def _key(dataset_file: Path, sha256: str, offence: str, force: str) -> dict[str, object]:
    return {
        "version": CACHE_VERSION,
        "code": code_fingerprint(),
        "file": str(dataset_file),
        "sha256": sha256,
        "offence": offence,
        "force": force,
    }


def _entry(folder: Path, dataset_file: Path, offence: str, force: str) -> Path:
    """The file of one force's detail (named by a hash: any force name is a safe file name)."""
    name = json.dumps([str(dataset_file), offence, force])
    return folder / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".json")


def save_detail(
    detail: ForceDetail,
    dataset_file: Path,
    sha256: str,
    has_sources: bool,
    folder: Path | None = None,
) -> None:
    """Keep ``detail`` (computed with its default breakdown year) for the next start; atomic, and
    a failure to write is silently not a cache."""
    folder = folder or cache_folder()
    offence, force = detail.series.offence.key, detail.series.force.name
    record = {
        "key": _key(dataset_file, sha256, offence, force),
        "has_sources": has_sources,
        "detail": encode(detail),
    }
    try:
        text = json.dumps(record, separators=(",", ":"))
        folder.mkdir(parents=True, exist_ok=True)
        from tui.atomic_file import write_atomic  # (not at start-up, when the cache is only read)

        entry = _entry(folder, dataset_file, offence, force)
        write_atomic(entry, text.encode(), sync=False)
        _prune(folder, entry)
    except (OSError, TypeError, ValueError):
        return  # a cache is an optimisation: no cache is always correct


def _prune(folder: Path, kept: Path) -> None:
    """Drop the oldest entries beyond :data:`MAX_ENTRIES` (never ``kept``, the newest)."""
    others = [p for p in folder.glob("*.json") if p != kept]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[max(MAX_ENTRIES - 1, 0) :]:
        old.unlink(missing_ok=True)


def load_detail(
    info: DatasetInfo, offence: str, force: str, folder: Path | None = None
) -> CachedDetail | None:
    """The cached detail of ``force`` for ``offence`` (its key, e.g. ``86``), or ``None`` unless it
    was made from exactly this dataset file, by this code, for this offence and this force."""
    folder = folder or cache_folder()
    path = _entry(folder, info.path, offence, force)
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES or not info.path.is_file():
            return None
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["key"] != _key(info.path, file_sha256(info.path), offence, force):
            return None
        detail = decode(record["detail"], DETAIL_TYPES)
        has_sources = record["has_sources"]
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    if not isinstance(detail, ForceDetail) or not isinstance(has_sources, bool):
        return None
    series = detail.series
    if (
        not isinstance(series, ForceSeries)
        or not isinstance(series.force, Force)
        or not isinstance(series.offence, OffenceSelection)
        or series.force.name != force
        or series.offence.key != offence
        or series.dataset != info.name
        or not all(isinstance(p, SeriesPoint) for p in series.points)
    ):
        return None
    return CachedDetail(detail, info, has_sources)


def cached_detail(dataset: str, offence: str | None, force: str) -> CachedDetail | None:
    """The detail of ``force`` in ``dataset`` for ``offence`` (``None``: the dataset's default),
    or ``None`` unless the cache holds exactly that (see :func:`load_detail`)."""
    from tui.model.catalogue import find_dataset
    from tui.model.errors import ModelError

    try:
        info = find_dataset(dataset)
    except ModelError:
        return None
    return load_detail(info, offence or info.default_offence, force)
