"""The folder of imported datasets: names, atomic writes of NAME.parquet + NAME.json, and removal.

A dataset is listed when its manifest (NAME.json) exists, so the manifest is written last: both
files are written under temporary names in the same folder, flushed to disk, then renamed into
place, Parquet first. A failure at any point (a full disk, a read-only folder, a crash) leaves the
folder as it was; temporary files left by a crash are never listed and are removed next time.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from tui.model.errors import UnknownDatasetError
from tui.model.importing.problems import NAME, STORE, DatasetImportError, single
from tui.model.importing.results import RemovedDataset

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
RESERVED = ("homeoffice", "nspcc")
"""Names of the bundled datasets, which an import can never take."""

_TEMP_RE = re.compile(
    r"^\.(?P<name>[a-z0-9_-]+)\.(?P<pid>\d+)\.[0-9a-f]+\.(?:parquet|json|bak)\.tmp$"
)
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
    if not NAME_RE.match(name):
        suggestion = default_name(name + ".x")
        raise single(
            name,
            f"'{name}' is not a valid dataset name",
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

    Raises:
        DatasetImportError: the name is taken (and ``replace`` is false), or the folder cannot be
            written (read-only, full disk); the folder is then left as it was.
    """
    try:
        store.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _store_error(store, exc) from exc
    clean_leftovers(store)
    parquet, meta = files_of(store, name)
    existed = meta.exists()
    if existed and not replace:
        raise taken(name)
    token = f"{os.getpid()}.{secrets.token_hex(4)}"
    tmp_parquet = store / f".{name}.{token}.parquet.tmp"
    tmp_meta = store / f".{name}.{token}.json.tmp"
    backup = store / f".{name}.{token}.bak.tmp"
    keep_backup = False
    try:
        write_parquet(frame, tmp_parquet)
        _write_bytes(tmp_meta, json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8"))
        has_backup = existed and parquet.exists()
        if has_backup:
            # Keep the old data under a second name until the new manifest is in place, so a
            # failure in between can put it back and the old manifest still describes its file.
            _link_or_copy(parquet, backup)
        os.replace(tmp_parquet, parquet)
        try:
            os.replace(tmp_meta, meta)
        except BaseException:
            try:
                if has_backup:
                    os.replace(backup, parquet)
                else:
                    parquet.unlink(missing_ok=True)
            except OSError:
                keep_backup = True
            raise
        _fsync_dir(store)
    except OSError as exc:
        raise _store_error(store, exc, backup if keep_backup else None) from exc
    finally:
        for tmp in (tmp_parquet, tmp_meta) if keep_backup else (tmp_parquet, tmp_meta, backup):
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
    return parquet, meta, existed


def write_parquet(frame: pl.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path`` and flush it to the disk."""
    frame.write_parquet(path, compression="zstd", statistics=True)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _write_bytes(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as exc:
        # Some file systems have no hard links; a copy does the same job there.
        if exc.errno not in (
            errno.EPERM,
            errno.EOPNOTSUPP,
            errno.ENOTSUP,
            errno.EMLINK,
            errno.EXDEV,
        ):
            raise
        shutil.copy2(source, target)


def _fsync_dir(folder: Path) -> None:
    """Flush the renames themselves (POSIX; not possible on Windows, where it is skipped)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _store_error(store: Path, exc: OSError, kept: Path | None = None) -> DatasetImportError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = f"not enough disk space to write the dataset in {store} ({reason})"
        fix = "free some space, or set OFFENCE_EXPLORER_DATA_DIR to a folder on another disk"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = f"cannot write to the data folder {store} ({reason})"
        fix = (
            "check the folder's permissions, or set OFFENCE_EXPLORER_DATA_DIR to a folder you can "
            "write to"
        )
    else:
        message = f"cannot write the dataset in {store} ({reason})"
        fix = "check the folder and try again"
    if kept is not None:
        fix += f"; the previous data file was kept as {kept}"
    else:
        message += "; nothing was changed"
    return single(str(store), message, fix, kind=STORE)


def clean_leftovers(store: Path) -> list[Path]:
    """Remove temporary files an interrupted import left behind (never a running import's)."""
    removed: list[Path] = []
    try:
        entries = list(store.iterdir())
    except OSError:
        return removed
    for path in entries:
        match = _TEMP_RE.match(path.name)
        if not match or _still_writing(int(match.group("pid")), path):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


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

    Raises:
        UnknownDatasetError: the store has no dataset of that name.
        DatasetImportError: the files cannot be deleted.
    """
    parquet, meta = files_of(store, name)
    if not meta.exists():
        names = sorted(p.stem for p in store.glob("*.json")) if store.is_dir() else []
        listed = ", ".join(names) if names else "none"
        raise UnknownDatasetError(
            f"no imported dataset called '{name}' (imported datasets: {listed})"
        )
    try:
        manifest = json.loads(meta.read_text(encoding="utf-8"))
        listed_file = str(manifest.get("file") or "") if isinstance(manifest, dict) else ""
    except (OSError, ValueError):
        listed_file = ""
    # Only a plain file name inside the store is trusted from a manifest: never delete elsewhere.
    if listed_file and Path(listed_file).name == listed_file and listed_file.endswith(".parquet"):
        parquet = store / listed_file
    try:
        meta.unlink()
    except OSError as exc:
        raise _store_error(store, exc) from exc
    removed = [str(meta)]
    try:
        parquet.unlink()
        removed.append(str(parquet))
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise single(
            str(parquet),
            f"the dataset '{name}' was removed from the list but its data file {parquet} could "
            f"not be deleted ({exc.strerror})",
            "delete the file yourself",
            kind=STORE,
        ) from exc
    _fsync_dir(store)
    return RemovedDataset(name=name, files=tuple(removed))
