"""What the user is told when the folder of imported datasets cannot be written. Stdlib only.

Each message names the folder and the cause (no space, no permission, another import running) and
says what to do; "nothing was changed" is true of every one (see :mod:`.store`).
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from tui.model.importing.problems import STORE, DatasetImportError, single
from tui.model.importing.store_lock import StoreBusyError


def busy(store: Path, exc: StoreBusyError) -> DatasetImportError:
    """The error for a folder that another import (or removal) is writing."""
    return single(
        str(store),
        f"another import is running ({exc}) in the data folder {store}",
        "try again when it finishes",
        kind=STORE,
    )


def errno_in(text: str) -> int:
    """The errno a Rust library (polars) gives in its text: ``… (os error 13)`` → 13, else 0."""
    found = re.search(r"os error (\d+)", text)
    return int(found.group(1)) if found else 0


def store_error(store: Path, exc: OSError) -> DatasetImportError:
    """The error for an OS error while writing in ``store``.

    Polars raises ``PermissionError`` without an errno (``Permission denied (os error 13): …``),
    so the errno is also read from the text, and a ``PermissionError`` is a permission problem
    whatever its errno says.
    """
    reason = exc.strerror or str(exc)
    code = exc.errno or errno_in(str(exc))
    if isinstance(exc, PermissionError) and code not in (errno.EPERM, errno.EROFS):
        code = errno.EACCES
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = f"not enough disk space to write the dataset in {store} ({reason})"
        fix = "free some space, or set OFFENCE_EXPLORER_DATA_DIR to a folder on another disk"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "read-only file system" if code == errno.EROFS else "permission denied"
        cause = reason if what in reason.lower() else f"{what}: {reason}"
        message = f"cannot write to the data folder {store} ({cause})"
        fix = (
            "check the folder's permissions, or set OFFENCE_EXPLORER_DATA_DIR to a folder you can "
            "write to"
        )
    else:
        message = f"cannot write the dataset in {store} ({reason})"
        fix = "check the folder and try again"
    return single(str(store), message + "; nothing was changed", fix, kind=STORE)
