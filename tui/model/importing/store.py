"""The folder of imported datasets: names, atomic writes of a data file + NAME.json, and removal.

A dataset is listed when its manifest (NAME.json) exists, and the manifest names its data file.
Each import writes a data file of its own, then renames its manifest into place, which is the one
step that switches a name to the new data. A failure at any point (a full disk, a read-only folder,
a crash) leaves the folder as it was; files left by a crash are never listed and are removed next
time. One writer at a time: every change happens under the folder's lock (see
:mod:`~tui.model.importing.store_lock`), and a name is checked again once the lock is held. A data
file that another dataset's manifest names is never deleted, whatever a (hand-edited) manifest says.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from tui.atomic_file import sync_folder, write_new
from tui.jsonfile import read_json_file
from tui.model.errors import UnknownDatasetError
from tui.model.importing.problems import NAME, STORE, DatasetImportError, single
from tui.model.importing.results import RemovedDataset
from tui.model.importing.store_errors import busy, errno_in, store_error
from tui.model.importing.store_lock import StoreBusyError, store_lock
from tui.model.names import is_data_file_name, is_dataset_name

RESERVED = ("homeoffice", "nspcc")
"""Names of the bundled datasets, which an import can never take."""

_TEMP_RE = re.compile(
    r"\.(?P<name>[a-z0-9_-]+)\.(?P<pid>\d+)\.[0-9a-f]+\.(?:parquet|json|bak)\.tmp"
)
_DATA_RE = re.compile(r"(?P<name>[a-z0-9_-]+)\.(?P<pid>\d+)\.[0-9a-f]+\.parquet")
"""Both matched in full (``fullmatch``), never with ``match`` and ``$``."""
_STALE_SECONDS = 3600


def default_name(path: str | os.PathLike[str]) -> str:
    """A dataset name made from a file name: ``PRC tables 2023.ods`` → ``prc-tables-2023``."""
    stem = Path(path).name.split(".")[0] if Path(path).name.startswith(".") else Path(path).stem
    slug = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")
    slug = re.sub(r"-{2,}", "-", slug)[:64].strip("-_") or "imported"
    return f"{slug[:55]}-imported" if slug in RESERVED else slug


def check_name(name: str, reserved: Iterable[str] = RESERVED) -> str:
    """Return ``name`` if it can name an imported dataset.

    Raises:
        DatasetImportError: the name has other characters than lowercase letters, digits, '-' and
            '_', is longer than 64 characters, or is the name of a bundled dataset.
    """
    if not is_dataset_name(name):
        suggestion = default_name(name + ".x")
        raise single(
            name,
            f"{_quoted(name)} is not a valid dataset name",
            "use lowercase letters, digits, '-' and '_' only, starting with a letter or digit, at "
            f"most 64 characters (e.g. '{suggestion}')",
            kind=NAME,
        )
    if name in set(reserved):
        raise single(
            name,
            f"'{name}' is the name of a bundled dataset",
            "choose another name with --name",
            kind=NAME,
        )
    return name


def _quoted(name: str) -> str:
    """A name in quotes, a newline or other control shown as an escape (``'evil\\n'``)."""
    return repr(name) if any(not c.isprintable() for c in name) else f"'{name}'"


def files_of(store: Path, name: str) -> tuple[Path, Path]:
    """The Parquet file and manifest of dataset ``name`` in ``store``."""
    return store / f"{name}.parquet", store / f"{name}.json"


def exists(store: Path, name: str) -> bool:
    """True when ``store`` holds a dataset called ``name`` (its manifest is there)."""
    return files_of(store, name)[1].exists()


def taken(name: str) -> DatasetImportError:
    """The error for importing under a name that is already used."""
    return single(
        name,
        f"a dataset called '{name}' already exists",
        "choose another name with --name, or replace it with --replace",
        kind=NAME,
    )


def write_dataset(
    store: Path, name: str, frame: pl.DataFrame, manifest: dict[str, object], *, replace: bool
) -> tuple[Path, Path, bool]:
    """Write a dataset atomically: (Parquet path, manifest path, whether one was replaced).

    Each import writes its data to a file of its own (``NAME.PID.HEX.parquet``) that no manifest
    names yet, then renames the new manifest into place: that one rename is the commit. Until it
    happens the old manifest still describes the old data file, untouched; after it, the old data
    file is deleted. A crash at any point leaves either the old dataset or the new one, whole.

    Raises:
        DatasetImportError: the name is taken (and ``replace`` is false), or the folder cannot be
            written (read-only, full disk); the folder is then left as it was.
    """
    try:
        store.mkdir(parents=True, exist_ok=True)
        with store_lock(store):
            return _write_locked(store, name, frame, manifest, replace=replace)
    except StoreBusyError as exc:
        raise busy(store, exc) from exc
    except OSError as exc:
        raise store_error(store, exc) from exc


def _write_locked(
    store: Path, name: str, frame: pl.DataFrame, manifest: dict[str, object], *, replace: bool
) -> tuple[Path, Path, bool]:
    """:func:`write_dataset`, with the folder's lock held."""
    clean_leftovers(store)
    _, meta = files_of(store, name)
    existed = meta.exists()
    if existed and not replace:
        raise taken(name)
    old_data = _listed(store, name) if existed else None
    # A damaged manifest cannot say which file is the old data: every unlisted one goes after.
    old_unlisted = unlisted_data_files(store, name) if existed and not _listed(store, name) else []
    token = f"{os.getpid()}.{secrets.token_hex(4)}"
    data = store / f"{name}.{token}.parquet"
    tmp_meta = store / f".{name}.{token}.json.tmp"
    committed = False
    try:
        try:
            write_parquet(frame, data)
        except pl.exceptions.PolarsError as exc:  # polars reports some OS errors as its own
            raise OSError(errno_in(str(exc)), str(exc).splitlines()[0]) from exc
        write_new(
            tmp_meta,
            json.dumps({**manifest, "file": data.name}, indent=2, ensure_ascii=False).encode(),
        )
        check_written(store, name, tmp_meta, data)  # before anything the user had is replaced
        os.replace(tmp_meta, meta)
        committed = True
        sync_folder(store)
    finally:
        for leftover in (tmp_meta,) if committed else (tmp_meta, data):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
    others = _named_by_others(store, name)
    for old in {old_data, *old_unlisted} - {None, data}:
        if old is None or old.name in others:
            continue  # another dataset's data, which a hand-edited manifest named too
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # unlisted now; removed by the next clean_leftovers when it has our pattern
    return data, meta, existed


def check_written(store: Path, name: str, manifest: Path, data: Path) -> None:
    """Read back a dataset's new manifest and data file the way the app opens them.

    A dataset reported imported always opens: a manifest the catalogue would refuse (over the
    size a manifest may be, say) or a data file Polars cannot read stops the import here, before
    the manifest is renamed into place, so a dataset being replaced stays as it was.

    Raises:
        DatasetImportError: naming what could not be read back; nothing was changed.
    """
    from tui.model.catalogue import read_manifest

    try:
        info = read_manifest(manifest, name=name)
        if info.path != data:
            raise ValueError(f"the manifest names {info.path.name}, not {data.name}")
        pl.read_parquet_schema(data)
    except (OSError, ValueError, pl.exceptions.PolarsError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise single(
            name,
            f"the dataset '{name}' could not be read back after writing ({reason[:300]}); nothing "
            "was imported or replaced",
            "import fewer periods or sheets at a time, or report this as a bug",
            kind=STORE,
        ) from exc


def listed_data_file(store: Path, name: str) -> Path:
    """The data file that the manifest of ``name`` names (``NAME.parquet`` if it names none).

    Only a plain ``.parquet`` file name inside the store is trusted from a manifest, so a
    hand-edited manifest can never point a removal elsewhere.
    """
    return _listed(store, name) or files_of(store, name)[0]


def _listed(store: Path, name: str) -> Path | None:
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


def _named_by_others(store: Path, name: str) -> set[str]:
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
    others = _named_by_others(store, name)
    own = _listed(store, name)
    found = []
    for path in entries:
        match = _DATA_RE.fullmatch(path.name)
        if path.name != f"{name}.parquet" and (not match or match.group("name") != name):
            continue
        if path == own or path.name in others:
            continue
        if (
            match
            and int(match.group("pid")) != os.getpid()
            and _still_writing(int(match.group("pid")), path)
        ):
            continue
        found.append(path)
    return sorted(found)


def write_parquet(frame: pl.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path``, a new file (never through a link), flushed to the disk."""
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", statistics=True)
    write_new(path, buffer.getvalue())


def clean_leftovers(store: Path) -> list[Path]:
    """Remove what an interrupted import or removal left behind (never a running import's files).

    That is temporary files, and data files that no manifest names (an import that died before
    its manifest was renamed into place, or an old data file that could not be deleted).
    """
    removed: list[Path] = []
    try:
        entries = list(store.iterdir())
    except OSError:
        return removed
    listed = {listed_data_file(store, path.stem).name for path in entries if path.suffix == ".json"}
    for path in entries:
        match = _TEMP_RE.fullmatch(path.name) or _DATA_RE.fullmatch(path.name)
        if not match or path.name in listed or _still_writing(int(match.group("pid")), path):
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


def _still_writing(pid: int, path: Path) -> bool:
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


def remove_files(store: Path, name: str) -> RemovedDataset:
    """Delete an imported dataset: its manifest first (so it is no longer listed), then its data.

    The data is the file the manifest names and any data file of the name that no manifest names
    (see :func:`unlisted_data_files`), so a dataset whose manifest is damaged (even one that is not
    JSON at all, or not a regular file) is removed whole. A file that another dataset's manifest
    names is never deleted, and nothing outside ``store`` ever is.

    Raises:
        UnknownDatasetError: the store has no dataset of that name.
        DatasetImportError: the files cannot be deleted, or another import is running.
    """
    meta = files_of(store, name)[1]
    plain = name not in ("", ".", "..") and Path(name).name == name and "\\" not in name
    if not plain or not os.path.lexists(meta):
        try:
            names = sorted(p.stem for p in store.iterdir() if p.suffix == ".json")
        except OSError:
            names = []
        listed = ", ".join(_quoted(n) if not is_dataset_name(n) else n for n in names) or "none"
        raise UnknownDatasetError(
            f"no imported dataset called {_quoted(name)} (imported datasets: {listed})"
        )
    try:
        with store_lock(store):
            return _remove_locked(store, name, meta)
    except StoreBusyError as exc:
        raise busy(store, exc) from exc
    except OSError as exc:
        raise store_error(store, exc) from exc


def _remove_locked(store: Path, name: str, meta: Path) -> RemovedDataset:
    """:func:`remove_files`, with the folder's lock held."""
    own = _listed(store, name)
    others = _named_by_others(store, name)
    data = [
        p for p in ([own] if own else []) + unlisted_data_files(store, name) if p.name not in others
    ]
    meta.unlink()
    removed = [str(meta)]
    for parquet in data:
        try:
            parquet.unlink()
            removed.append(str(parquet))
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise single(
                str(parquet),
                f"the dataset '{name}' was removed from the list but its data file {parquet} "
                f"could not be deleted ({exc.strerror})",
                "delete the file yourself",
                kind=STORE,
            ) from exc
    sync_folder(store)
    return RemovedDataset(name=name, files=tuple(removed))
