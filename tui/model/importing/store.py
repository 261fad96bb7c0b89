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
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from tui.atomic_file import sync_folder, target_kind, write_new
from tui.model.data.catalogue import read_manifest
from tui.model.data.errors import UnknownDatasetError
from tui.model.data.names import is_dataset_name
from tui.model.importing.leftovers import (
    clean_leftovers,
    files_of,
    listed,
    named_by_others,
    unlisted_data_files,
)
from tui.model.importing.problems import NAME, STORE, DatasetImportError, single
from tui.model.importing.results import RemovedDataset
from tui.model.importing.store_errors import busy, errno_in, store_error
from tui.model.importing.store_lock import StoreBusyError, store_lock

RESERVED = ("homeoffice", "nspcc")
"""Names of the bundled datasets, which an import can never take."""


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
    kind = target_kind(meta)
    if kind is not None:  # a link (even a dangling one) is never replaced, nor written through
        raise single(
            str(meta),
            f"{meta.name} in the data folder {store} is {kind}, not a regular file; it was not "
            "replaced, and nothing was changed",
            f"remove {meta} yourself, or choose another name with --name",
            kind=STORE,
        )
    existed = meta.exists()
    if existed and not replace:
        raise taken(name)
    old_data = listed(store, name) if existed else None
    # A damaged manifest cannot say which file is the old data: every unlisted one goes after.
    old_unlisted = unlisted_data_files(store, name) if existed and not listed(store, name) else []
    token = f"{os.getpid()}.{secrets.token_hex(4)}"
    data = store / f"{name}.{token}.parquet"
    tmp_meta = store / f".{name}.{token}.json.tmp"
    made: list[Path] = []  # only files this import created are ever removed on a failure
    try:
        try:
            write_parquet(frame, data)
        except pl.exceptions.PolarsError as exc:  # polars reports some OS errors as its own
            raise OSError(errno_in(str(exc)), str(exc).splitlines()[0]) from exc
        made.append(data)
        write_new(
            tmp_meta,
            json.dumps({**manifest, "file": data.name}, indent=2, ensure_ascii=False).encode(),
        )
        made.append(tmp_meta)
        check_written(store, name, tmp_meta, data)  # before anything the user had is replaced
        os.replace(tmp_meta, meta)
        made.remove(data)  # committed: the manifest names it now
        sync_folder(store)
    finally:
        for leftover in made:
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
    others = named_by_others(store, name)
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


def write_parquet(frame: pl.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path``, a new file (never through a link), flushed to the disk."""
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", statistics=True)
    write_new(path, buffer.getvalue())


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
    own = listed(store, name)
    others = named_by_others(store, name)
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
