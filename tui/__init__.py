"""offence-explorer: police-recorded offences by UK force, year and offence, in the terminal."""

from __future__ import annotations

import os

# Polars allocates through jemalloc, which by default keeps freed pages for ten seconds before
# giving them back: loading a dataset then holds the transient copies (decoded strings, a group-by's
# buffers) long after they were freed, and the peak memory is their sum. Returned at once, the
# explorer peaks ~50 MB lower (issue 11). Read when Polars is first imported, so set here, before
# any module imports it; a value the user set is kept.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")


def package_version() -> str:
    """The installed version (looked up only when asked: reading package metadata takes ~70 ms,
    which every start would otherwise pay)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("offence-explorer")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
