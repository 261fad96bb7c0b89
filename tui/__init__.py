"""offence-explorer: police-recorded offences by UK force, year and offence, in the terminal."""

from __future__ import annotations

import os
import sys

# Polars allocates through jemalloc, which by default keeps freed pages for ten seconds before
# giving them back: loading a dataset then holds the transient copies (decoded strings, a group-by's
# buffers) long after they were freed, and the peak memory is their sum. Returned at once, the
# explorer peaks ~50 MB lower (issue 11). Read when Polars is first imported, so set here, before
# any module imports it; a value the user set is kept.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")


def _no_transparent_huge_pages() -> None:
    """Keep this process's memory in small pages, whatever the system's huge-page setting.

    Where Linux backs memory with 2 MB pages whenever it can (``transparent_hugepage`` set to
    ``always``), each page Polars or a thread stack touches is charged whole: loading the Home
    Office table and finding a force's peers then peaked at ~143 MB instead of ~110 MB, and the
    explorer under ``make bench`` at 144 MB instead of 135 MB (measured with the setting switched).
    The explorer's memory is small and short-lived; huge pages save it nothing.
    ``prctl(PR_SET_THP_DISABLE)`` opts this process (and what it starts) out; elsewhere, or where
    the call is refused, nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # Polars imports it too, so this costs the explorer nothing

        ctypes.CDLL(None, use_errno=True).prctl(41, 1, 0, 0, 0)  # 41: PR_SET_THP_DISABLE
    except (OSError, AttributeError):
        pass


_no_transparent_huge_pages()


def package_version() -> str:
    """The installed version (looked up only when asked: reading package metadata takes ~70 ms,
    which every start would otherwise pay)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("offence-explorer")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
