"""What an interrupted import leaves in the folder of imported datasets, and tidying it away.

An import writes ``NAME.PID.HEX.parquet`` and ``.NAME.PID.HEX.json.tmp`` under the folder's lock
(``.lock``), then renames the manifest into place. An import that is killed leaves them, and the
lock file, behind: they are never listed, and are removed by the next import, or when the app
starts (:func:`tidy_store`), once the process that made them has ended. Only regular files of
those names are removed, and a data file that a manifest names (or may name: a manifest that
cannot be read) is kept. Free of Polars: the app calls this as it starts.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from tui.jsonfile import read_json_file
from tui.model.data.names import is_data_file_name
from tui.model.importing.store_lock import LOCK_FILE, StoreBusyError, store_lock

TEMP_RE = re.compile(r"\.(?P<name>[a-z0-9_-]+)\.(?P<pid>\d+)\.[0-9a-f]+\.(?:parquet|json|bak)\.tmp")
DATA_RE = re.compile(r"(?P<name>[a-z0-9_-]+)\.(?P<pid>\d+)\.[0-9a-f]+\.parquet")
"""Both matched in full (``fullmatch``), never with ``match`` and ``$``."""
_STALE_SECONDS = 3600


def files_of(store: Path, name: str) -> tuple[Path, Path]:
    """The Parquet file and manifest of dataset ``name`` in ``store``."""
    return store / f"{name}.parquet", store / f"{name}.json"


def listed_data_file(store: Path, name: str) -> Path:
    """The data file that the manifest of ``name`` names (``NAME.parquet`` if it names none).

    Only a plain ``.parquet`` file name inside the store is trusted from a manifest, so a
    hand-edited manifest can never point a removal elsewhere.
    """
    return listed(store, name) or files_of(store, name)[0]


def listed(store: Path, name: str) -> Path | None:
    """The data file the manifest of ``name`` names; ``None`` if it cannot be read or names none.

    The manifest is read safely (a regular file, bounded, any JSON error caught), and only a plain
    ``.parquet`` file name is taken from it: never a folder, never a path outside ``store``.
    """
    try:
        manifest = read_json_file(files_of(store, name)[1])
    except (OSError, ValueError):
        return None
    listed = manifest.get("file") if isinstance(manifest, dict) else None
    return store / str(listed) if is_data_file_name(listed) else None


def named_by_others(store: Path, name: str) -> set[str]:
    """File names that the manifests of datasets other than ``name`` name as their data."""
    try:
        stems = [p.stem for p in store.iterdir() if p.suffix == ".json" and p.stem != name]
    except OSError:
        return set()
    return {listed_data_file(store, stem).name for stem in stems}


def unlisted_data_files(store: Path, name: str) -> list[Path]:
    """Data files of dataset ``name`` that its manifest does not name (and no other one does).

    That is ``NAME.parquet`` and ``NAME.PID.HEX.parquet`` files: the data of a dataset whose
    manifest is damaged (so it cannot say which file is its data), or of an interrupted
    replacement. A file that another process may still be writing (its PID runs) is left alone.
    """
    try:
        entries = list(store.iterdir())
    except OSError:
        return []
    others = named_by_others(store, name)
    own = listed(store, name)
    found = []
    for path in entries:
        match = DATA_RE.fullmatch(path.name)
        if path.name != f"{name}.parquet" and (not match or match.group("name") != name):
            continue
        if path == own or path.name in others:
            continue
        if (
            match
            and int(match.group("pid")) != os.getpid()
            and still_writing(int(match.group("pid")), path)
        ):
            continue
        found.append(path)
    return sorted(found)


def clean_leftovers(store: Path, keep_names: Iterable[str] = ()) -> list[Path]:
    """Remove what an interrupted import or removal left behind (never a running import's files).

    That is temporary files, and data files that no manifest names (an import that died before
    its manifest was renamed into place, or an old data file that could not be deleted); data
    files of the datasets ``keep_names`` are kept whatever their manifests say.
    """
    kept = set(keep_names)
    removed: list[Path] = []
    try:
        entries = list(store.iterdir())
    except OSError:
        return removed
    named = {listed_data_file(store, path.stem).name for path in entries if path.suffix == ".json"}
    for path in entries:
        match = TEMP_RE.fullmatch(path.name) or DATA_RE.fullmatch(path.name)
        if not match or path.name in named or still_writing(int(match.group("pid")), path):
            continue
        if match.re is DATA_RE and match.group("name") in kept:
            continue
        if not _regular(path):
            continue  # only files an import made: never a folder, a link or a pipe of that name
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def still_writing(pid: int, path: Path) -> bool:
    """True while the process that made ``path`` may still be writing it (this one included)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no safe way to probe a process: go by age
        try:
            return time.time() - path.stat().st_mtime < _STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def tidy_store(store: Path) -> list[Path]:
    """Remove what killed imports left in ``store`` (their files and the lock file), when the app
    starts; the files of an import that is running are never touched (its lock is held).

    A data file whose dataset has a manifest is kept even when that manifest cannot be read (it
    may be the dataset's data; removing the dataset removes it). Never raises: a folder that
    cannot be read or written is left as it is.
    """
    try:
        names = os.listdir(store)
    except OSError:
        return []
    if not any(n == LOCK_FILE or TEMP_RE.fullmatch(n) or DATA_RE.fullmatch(n) for n in names):
        return []
    manifests = {n[: -len(".json")] for n in names if n.endswith(".json")}
    unreadable = {m for m in manifests if listed(store, m) is None}
    try:
        with store_lock(store):
            return clean_leftovers(store, keep_names=unreadable)
    except (StoreBusyError, OSError):
        return []
