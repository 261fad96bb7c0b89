"""Where things live: the bundled data, the user's imported datasets, and the settings file.

Headless (no Textual). ``OFFENCE_EXPLORER_DATA_DIR``, ``OFFENCE_EXPLORER_CONFIG_DIR`` and
``OFFENCE_EXPLORER_CACHE_DIR`` override the platformdirs locations, which the tests use to keep a
user's real files out of reach.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "offence-explorer"

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_data_dir() -> Path:
    """The folder holding the bundled datasets.

    An installed wheel carries them inside the package (``tui/_bundled_data``); a source checkout or
    an editable install reads the project's top-level ``data/`` folder.
    """
    packaged = _PACKAGE_DIR / "_bundled_data"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "data"


def _user_dir(variable: str, kind: str) -> Path:
    """The folder named by the environment variable ``variable``, else platformdirs' ``kind``."""
    override = os.environ.get(variable)
    if override:
        return Path(override)
    import platformdirs  # (40-55 ms: not for `ox --help` and the lookups that never ask)

    return Path(getattr(platformdirs, kind)(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """The folder where imported datasets are kept (not created here)."""
    return _user_dir("OFFENCE_EXPLORER_DATA_DIR", "user_data_path")


def user_config_dir() -> Path:
    """The folder holding ``settings.json`` (not created here)."""
    return _user_dir("OFFENCE_EXPLORER_CONFIG_DIR", "user_config_path")


def user_cache_dir() -> Path:
    """The folder of caches that can always be thrown away (the derived-data store)."""
    return _user_dir("OFFENCE_EXPLORER_CACHE_DIR", "user_cache_path")


def imported_datasets_dir() -> Path:
    """The folder of imported datasets: one Parquet file and one manifest per dataset."""
    return user_data_dir() / "datasets"
