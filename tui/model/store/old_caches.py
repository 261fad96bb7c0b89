"""Removing the cache files that earlier versions wrote, which the derived-data store replaced.

Before the store (``tui/model/store/derived_store.py``), the user's cache folder held the opening
cache (``opening-table.json``), the answer cache (``show-answers.json``), the detail cache
(``details/`` with one ``<32 hex>.json`` per force) and the user's answer books
(``answers/NAME.json.gz``), each perhaps with an atomic write's ``.NAME.PID.HEX.tmp`` beside it
from a killed process. Nothing reads them now. The loader removes them when it keeps a dataset's
file (:func:`tui.model.store.derived_build.keep`): afterwards there is nothing left to find.

Only regular files of exactly those names, only in the cache folder and those two folders of it:
never a link (a link named like an old file is left, and so is what it points to), never a file
of another name (a user's own file stays, and keeps its folder), never a folder that is a link.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_DATASET = r"[a-z0-9_-]+"  # a dataset's name (tui.model.importing.store.check_name)


def _written(name: str) -> re.Pattern[str]:
    """``name`` (a pattern), or the temporary file an atomic write of it makes
    (:func:`tui.atomic_file.temporary_name`), matched in full."""
    return re.compile(rf"(?:{name})|\.(?:{name})\.\d+\.[0-9a-f]+\.tmp")


OLD_FILES = _written(r"opening-table\.json|show-answers\.json")
"""In the cache folder itself."""

OLD_FOLDERS = {
    "details": _written(r"[0-9a-f]{32}\.json"),
    "answers": _written(rf"{_DATASET}\.json\.gz"),
}
"""Folders of the cache folder, and the names the old versions wrote in them."""


def remove_old_caches(cache: Path) -> list[Path]:
    """Remove what earlier versions cached in ``cache`` (see the module's docstring); the paths
    removed. A file that cannot be removed is left (it is never read): this never raises."""
    removed = _remove_matching(cache, OLD_FILES)
    for name, pattern in OLD_FOLDERS.items():
        folder = cache / name
        if not _is_real_folder(folder):
            continue  # absent, a file, or a link to a folder elsewhere: not walked
        removed += _remove_matching(folder, pattern)
        try:
            folder.rmdir()  # only when empty: a file of the user's keeps it
        except OSError:
            pass
    return removed


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _remove_matching(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    removed = []
    try:
        with os.scandir(folder) as found:
            names = [e.name for e in found if e.is_file(follow_symlinks=False)]
    except OSError:
        return []
    for name in names:
        if not pattern.fullmatch(name):
            continue
        path = folder / name
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):  # again, just before: never a link
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
