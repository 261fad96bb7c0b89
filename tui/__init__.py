"""offence-explorer: police-recorded offences by UK force, year and offence, in the terminal."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("offence-explorer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
