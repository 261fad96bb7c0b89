"""Writing files so that nothing the user had is ever half-written: the one helper for settings,
exports, the derived-data store and the dataset store.

A file is replaced by writing a temporary file in the same folder and renaming it over the old one
(one ``rename``: a reader sees the old file or the new one, whole). Only a regular file is ever
replaced: a symbolic link (even one to a regular file), a device such as ``/dev/null``, a pipe,
a socket or a folder at the target is refused with :class:`NotRegularFileError`, so nothing is ever
written through a link or over something that is not a file; a new file is created with
``O_EXCL``, which never follows a link either. New files get the permissions
the user's umask gives (``0o666`` less the umask), like any file the user makes, never
``mkstemp``'s private ``0o600``. Standard library only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from tui.jsonfile import file_kind

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class NotRegularFileError(OSError):
    """The target exists and is not a regular file (a link, a device, a pipe, a folder)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EEXIST, f"{path} is {kind}, not a regular file; not replaced")
        self.kind = kind


def target_kind(path: Path) -> str | None:
    """What stands at ``path`` when it is not a regular file, in words (``a symbolic link``,
    ``a character device``); ``None`` when there is nothing there or a regular file. The path
    itself is looked at (``lstat``), never what a link points to.

    Raises:
        OSError: it cannot be looked at (a folder on the way is not readable).
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    return "a symbolic link" if stat.S_ISLNK(mode) else file_kind(mode)


def check_replaceable(path: Path) -> None:
    """Refuse a target that is not a regular file (see :func:`target_kind`).

    Raises:
        NotRegularFileError: it is a link, a device, a pipe, a socket or a folder.
    """
    kind = target_kind(path)
    if kind is not None:
        raise NotRegularFileError(path, kind)


def write_new(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Create ``path``, which must not exist, holding ``data`` (flushed to the disk with ``sync``).

    A file that cannot be written whole (a full disk) is removed again; a file (or link) that was
    already there is never touched.

    Raises:
        OSError: the file exists, or the folder cannot be written (a full disk included).
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()  # ours: O_EXCL created it
        raise


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
    anything fails, and no temporary file is left behind. Only a regular file is replaced.

    Raises:
        NotRegularFileError: ``path`` is a link, a device, a pipe, a socket or a folder.
        OSError: the folder does not exist or cannot be written (a full disk included).
    """
    check_replaceable(path)
    tmp = temporary_name(path)
    write_new(tmp, data, sync=sync)  # removes what it made if it fails
    try:
        check_replaceable(path)  # again, just before the rename: the write may have been long
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if sync:
        sync_folder(path.parent)
