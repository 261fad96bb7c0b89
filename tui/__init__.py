"""offence-explorer: police-recorded offences by UK force, year and offence, in the terminal."""

from __future__ import annotations


def package_version() -> str:
    """The installed version (looked up only when asked: reading package metadata takes ~70 ms,
    which every start would otherwise pay)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("offence-explorer")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
