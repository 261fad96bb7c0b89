"""One writer at a time in the folder of imported datasets: a lock file, ``.lock``.

Two imports under the same name at once used to both report "Imported" while one of them was
silently lost. Every change to the folder (an import's commit, a removal, cleaning leftovers) now
happens under this lock, and the name is checked again once it is held.

The lock is an OS lock on the open file (``flock`` on POSIX, ``msvcrt.locking`` on Windows), which
the system releases when its process ends, however it ends: a lock left by a killed import never
blocks anyone (the file may stay, with the dead process's id in it, and is simply taken over). The
holder writes its process id into the file, so a refused writer can say which process is running.
A writer that finds the lock held does not wait: it stops with a clear message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.atomic_file import target_kind
from tui.jsonfile import file_kind

LOCK_FILE = ".lock"
_ATTEMPTS = 20
_WINDOWS_BYTE = 1 << 30
"""Windows locks a byte range: one byte far past the process id, so the id stays readable."""


class StoreBusyError(Exception):
    """Another process holds the lock of the folder."""

    def __init__(self, pid: int | None) -> None:
        super().__init__(f"pid {pid}" if pid is not None else "pid unknown")
        self.pid = pid


@contextmanager
def store_lock(store: Path) -> Iterator[None]:
    """Hold the lock of ``store`` (an existing folder) for the duration of the ``with`` block.

    Raises:
        StoreBusyError: another process (or another import in this one) holds it.
        OSError: the lock file cannot be created (a read-only folder, a full disk).
    """
    fd = _acquire(store / LOCK_FILE)
    try:
        yield
    finally:
        _release(store / LOCK_FILE, fd)


_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
)
"""Never through a link (``O_NOFOLLOW``), and never blocking on a named pipe (``O_NONBLOCK``)."""


def _open(path: Path) -> int:
    """Open (or create) the lock file, which must be a regular file: a symbolic link planted at
    ``.lock`` is never followed (the lock would write its process id into whatever it names)."""
    kind = target_kind(path)
    if kind is not None:
        raise _not_a_lock(path, kind)
    try:
        fd = os.open(path, _FLAGS, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link made between the look and the open
            raise _not_a_lock(path, "a symbolic link") from exc
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        kind = file_kind(os.fstat(fd).st_mode)
        os.close(fd)
        raise _not_a_lock(path, kind)
    return fd


def _not_a_lock(path: Path, kind: str) -> OSError:
    return OSError(
        errno.EEXIST,
        f"the lock file {path.name} in the data folder is {kind}, not a regular file; it was "
        "not used (nor followed): remove it and try again",
    )


def _acquire(path: Path) -> int:
    for _ in range(_ATTEMPTS):
        fd = _open(path)
        locked = False
        try:
            if not _lock(fd):
                raise StoreBusyError(_holder(fd))
            if not _same_file(fd, path):
                # The holder before us removed the file as we opened it: lock the new one instead.
                _unlock(fd)
                continue
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
            locked = True
            return fd
        finally:
            if not locked:  # busy, moved, or interrupted: never leak the descriptor
                with contextlib.suppress(OSError):
                    os.close(fd)
    raise StoreBusyError(None)


def _release(path: Path, fd: int) -> None:
    """Remove the lock file, then let go of it (removed first, so no one locks a stale inode)."""
    try:
        if _same_file(fd, path):
            path.unlink()
    except OSError:
        pass  # Windows cannot remove an open file; an empty lock file left behind is harmless
    try:
        _unlock(fd)
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.lstat(path)  # the name itself: a link put there is never the lock
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _holder(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
