"""Writing files so that nothing the user had is ever half-written: the one helper for settings,
exports, the opening-table cache and the dataset store.

A file is replaced by writing a temporary file in the same folder and renaming it over the old one
(one ``rename``: a reader sees the old file or the new one, whole). New files get the permissions
the user's umask gives (``0o666`` less the umask), like any file the user makes, never
``mkstemp``'s private ``0o600``. Standard library only.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_new(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Create ``path``, which must not exist, holding ``data`` (flushed to the disk with ``sync``).

    Raises:
        OSError: the file exists, or the folder cannot be written (a full disk included).
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames themselves); POSIX only, skipped where impossible."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # Windows and some file systems cannot sync a folder; the data itself was synced
    finally:
        os.close(fd)


def temporary_name(path: Path) -> Path:
    """A name beside ``path`` that no other writer uses (hidden, ``.tmp``)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace (or create) ``path`` with ``data`` in one rename; the old file stays whole if
    anything fails, and no temporary file is left behind.

    Raises:
        OSError: the folder does not exist or cannot be written (a full disk included).
    """
    tmp = temporary_name(path)
    try:
        write_new(tmp, data, sync=sync)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    if sync:
        sync_folder(path.parent)
