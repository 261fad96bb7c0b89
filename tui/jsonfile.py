"""Reading a small JSON file from the user's folders (settings, manifests), safely. Stdlib only.

Such a file may be anything a user or a stray program left there, so reading it never hangs, never
fills the memory and never raises anything but :class:`BadJSONFile` (or ``FileNotFoundError``):

- only a regular file is read: a FIFO (which would block forever), ``/dev/zero`` or ``/dev/urandom``
  (which never end), or a folder, even behind a symlink, is refused without reading a byte;
- at most :data:`MAX_BYTES` are read: a larger file is refused;
- JSON nested too deeply for the parser (``[[[[…]]]]``, a ``RecursionError`` in :mod:`json`) is
  refused like any other invalid JSON.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

MAX_BYTES = 1 << 20
"""1 MiB: a settings file or a manifest is a few kilobytes; anything larger is not one of ours."""


class BadJSONFile(ValueError):
    """The file is not a regular file, too large, not UTF-8, or not valid JSON (the reason says)."""


def read_json_file(path: Path, limit: int = MAX_BYTES) -> object:
    """The parsed JSON of ``path``.

    Raises:
        OSError: the file cannot be opened or read (``FileNotFoundError``: there is none).
        BadJSONFile: it is not a regular file, too large, not UTF-8 or not valid JSON.
    """
    return parse_json(read_small_file(path, limit))


def read_small_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes.

    Opened without blocking (a FIFO opens at once and is then refused), checked on the open file.

    Raises:
        OSError: it cannot be opened or read (``FileNotFoundError``: there is no file).
        BadJSONFile: it is not a regular file, or is larger than ``limit``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BadJSONFile(
                f"not a regular file ({file_kind(info.st_mode)}); refusing to read it"
            )
        if info.st_size > limit:
            raise BadJSONFile(
                f"{info.st_size:,} bytes, larger than the {limit:,} a settings or manifest "
                "file may be"
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise BadJSONFile(f"larger than the {limit:,} bytes a settings or manifest file may be")
        return b"".join(chunks)
    finally:
        os.close(fd)


def parse_json(data: bytes) -> object:
    """Parse UTF-8 JSON.

    Raises:
        BadJSONFile: not UTF-8, not valid JSON, or nested too deeply to parse.
    """
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadJSONFile(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise BadJSONFile(str(exc)) from exc
    except RecursionError as exc:
        raise BadJSONFile("not valid JSON: nested too deeply to read") from exc


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words (``a named pipe``)."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"
