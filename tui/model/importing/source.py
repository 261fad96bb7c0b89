"""Opening the file to import: a regular file of a bounded size, opened without ever blocking.

A path may name something that is not a file at all: a device (``/dev/zero`` or ``/dev/urandom``
never end), a named pipe (FIFO: opening it waits for a writer, forever), a socket. Each is refused
by what it is, before anything is read, so an import can neither hang nor fill the memory. A pipe
such as ``ox import <(cat data.csv)`` is refused as well, with the advice to save it to a file
first: the importer reads a file more than once (to sniff, to read, to checksum), which a pipe
cannot be.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from tui.model.importing.limits import MAX_FILE_BYTES

_KINDS = (
    (stat.S_ISDIR, "a folder, not a file", "give the path of a CSV, XLSX, ODS or Parquet file"),
    (
        stat.S_ISFIFO,
        "a pipe (FIFO), not a regular file",
        "save the data to a file first (e.g. 'cat … > data.csv') and import that file",
    ),
    (
        stat.S_ISCHR,
        "a device (character special file), not a regular file",
        "give the path of a CSV, XLSX, ODS or Parquet file",
    ),
    (
        stat.S_ISBLK,
        "a device (block special file), not a regular file",
        "give the path of a CSV, XLSX, ODS or Parquet file",
    ),
    (stat.S_ISSOCK, "a socket, not a regular file", "give the path of a CSV file on disk"),
)


class Refusal(NamedTuple):
    """Why a path cannot be read: (message, fix)."""

    message: str
    fix: str


def check_source(path: Path) -> Refusal | None:
    """``None`` when ``path`` is a regular file (or a link to one) of at most
    :data:`~tui.model.importing.limits.MAX_FILE_BYTES`; otherwise why not. Never opens it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Refusal(f"there is no file {path}", "check the path")
    except OSError as exc:
        return Refusal(
            f"cannot read the file ({exc.strerror or exc})", "check the path and permissions"
        )
    return _check_mode(path, info)


def _check_mode(path: Path, info: os.stat_result) -> Refusal | None:
    if stat.S_ISREG(info.st_mode):
        if info.st_size > MAX_FILE_BYTES:
            return Refusal(
                f"the file is {_size(info.st_size)}; files over {_size(MAX_FILE_BYTES)} are "
                "refused (see 'What it refuses and why' in the README)",
                "import a slice of it (fewer years or offences), or split it into several files",
            )
        return None
    shown = f"{path} leads to" if path.is_symlink() else f"{path} is"
    for test, what, fix in _KINDS:
        if test(info.st_mode):
            return Refusal(f"{shown} {what}; refusing to read it", fix)
    return Refusal(f"{shown} not a regular file; refusing to read it", "give the path of a file")


def read_source(path: Path, limit: int | None = None) -> bytes | Refusal:
    """The file's bytes (the first ``limit`` of them, or all), read from one open that never
    blocks; or why it cannot be read.

    The file is checked again once open (``fstat``), so a path swapped for a pipe or a device
    between the check and the open is refused as well.
    """
    refusal = check_source(path)
    if refusal is not None:
        return refusal
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return Refusal(
            f"cannot read the file ({exc.strerror or exc})", "check the path and permissions"
        )
    with os.fdopen(fd, "rb") as fh:
        refusal = _check_mode(path, os.fstat(fd))
        if refusal is not None:
            return refusal
        wanted = MAX_FILE_BYTES + 1 if limit is None else limit
        try:
            data = fh.read(wanted)
        except OSError as exc:
            return Refusal(
                f"cannot read the file ({exc.strerror or exc})", "check the path and permissions"
            )
    if limit is None and len(data) > MAX_FILE_BYTES:  # it grew while being read
        return Refusal(
            f"the file is over {_size(MAX_FILE_BYTES)}; refusing", "import a smaller file"
        )
    return data


def _size(size: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}".replace(".0 ", " ")
    return f"{size:,} bytes"
