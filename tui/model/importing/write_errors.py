"""What a failed write of a dataset says when the error comes from Polars, not from the OS.

Polars reports a full disk while writing Parquet as ``ComputeError: parquet: File out of
specification: underlying IO error: No space left on device (os error 28)``. The store turns an
``OSError`` into a message for people; this does the same for the Polars error, so the user reads
"not enough disk space" instead of a traceback. The store has removed its temporary files by then
(the write was never committed), so nothing was changed.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from tui.model.importing.problems import STORE, DatasetImportError, single

_OS_ERROR = re.compile(r"\(os error (\d+)\)")


def write_failed(store: Path, exc: Exception) -> DatasetImportError:
    """The error to report for ``exc``, raised by Polars while the dataset was written."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    found = _OS_ERROR.search(text)
    code = int(found.group(1)) if found else None
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) or "No space left" in text:
        message = f"not enough disk space to write the dataset in {store} (No space left on device)"
        fix = "free some space, or set OFFENCE_EXPLORER_DATA_DIR to a folder on another disk"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = f"cannot write to the data folder {store} ({text[:200]})"
        fix = "check the folder's permissions, or set OFFENCE_EXPLORER_DATA_DIR to another folder"
    else:
        message = f"cannot write the dataset in {store} ({text[:200]})"
        fix = f"check that {store} is on a working disk with free space, and try again"
    return single(str(store), message + "; nothing was changed", fix, kind=STORE)
