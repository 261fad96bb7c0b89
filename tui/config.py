"""Settings remembered across runs: dataset, offence, view, theme. Headless (no Textual).

Stored as JSON in the platformdirs config folder. Nothing the user had is lost and nothing crashes
the app:

- a corrupt or unreadable file (JSON nested too deeply, or not a regular file: a FIFO, a symlink
  to ``/dev/zero``) gives the defaults and a message that the app shows once; the file is moved
  aside under a name of its own (``settings.json.bad-20261128T153000``, then ``-2``, ``-3``…
  within the same second), so a second corruption never overwrites the first;
- a field of the wrong type or with an unknown value (``"ascii": "no"``), or an unknown key, is
  reported by name and replaced by its default, while the valid fields are kept;
- :func:`save_settings` never overwrites a file that does not load cleanly: it moves that file
  aside first, the same way, and says where it went.

The app saves whenever a dataset finishes loading, that is at every start, so the original of a
file with a bad field is set aside at that first save rather than when it is read (an app built with
``remember=False`` never writes, so it leaves the file alone).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path

from tui.atomic_file import write_atomic
from tui.jsonfile import read_json_file
from tui.paths import user_config_dir

VIEWS = ("forces", "compare")
DEFAULT_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


@dataclass(frozen=True)
class Settings:
    """What the explorer remembers between runs."""

    dataset: str = "homeoffice"
    """The dataset last open."""
    offences: dict[str, str] = field(default_factory=dict)
    """Offence selection key last used, per dataset (``{"homeoffice": "86"}``)."""
    view: str = "forces"
    """The view last open: ``forces`` or ``compare``."""
    theme: str = DEFAULT_THEME
    """A Textual theme name."""
    ascii: bool = False
    """Plain-ASCII sparklines and chart markers, for consoles without block or braille glyphs."""
    include_national: bool = False
    """Also list BTP, fraud bodies and combined figures in the tables."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Key overrides by binding id, e.g. ``{"compare": "m"}`` (see the ids in the help)."""
    measure: str = "count"
    """What the Forces and Compare tables show: ``count`` or ``rate`` (per 100,000 people)."""
    compare_years: tuple[int, int] | None = None
    """The years last compared (start years of year A and year B), or ``None``: the Compare
    view opens on them (or the nearest years the dataset has)."""

    def with_offence(self, dataset: str, key: str) -> Settings:
        """A copy that remembers ``key`` as the offence for ``dataset``."""
        return replace(self, offences={**self.offences, dataset: key})


def settings_path() -> Path:
    """Where the settings live."""
    return user_config_dir() / "settings.json"


# ------------------------------------------------------------------------------------ validation


def _is_name(value: object) -> bool:
    return isinstance(value, str) and value != ""


def _is_flag(value: object) -> bool:
    return isinstance(value, bool)


def _is_view(value: object) -> bool:
    return isinstance(value, str) and value in VIEWS


MEASURES = ("count", "rate")


def _is_year_pair(value: object) -> bool:
    return (
        value is None
        or isinstance(value, list)
        and len(value) == 2
        and all(type(y) is int and 1800 <= y <= 2300 for y in value)
        and value[0] != value[1]
    )


def _is_measure(value: object) -> bool:
    return isinstance(value, str) and value in MEASURES


SCALAR_FIELDS: dict[str, tuple[Callable[[object], bool], str]] = {
    "dataset": (_is_name, "a dataset name"),
    "view": (_is_view, "one of " + ", ".join(f'"{v}"' for v in VIEWS)),
    "theme": (_is_name, "a theme name"),
    "ascii": (_is_flag, "true or false"),
    "include_national": (_is_flag, "true or false"),
    "measure": (_is_measure, "one of " + ", ".join(f'"{m}"' for m in MEASURES)),
    "compare_years": (_is_year_pair, "two different start years such as [2021, 2022], or null"),
}
"""Each plain field: how to check its value, and what is expected (for the message)."""

MAP_FIELDS = ("offences", "keymap")
"""The fields holding an object of strings."""


def _shown(value: object) -> str:
    """A value from the file as JSON, cut short if long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _default_of(key: str) -> object:
    return getattr(Settings(), key)


def _check_scalar(key: str, value: object, problems: list[str]) -> object:
    """The value if it is valid, else the default (and a problem naming the key)."""
    check, expected = SCALAR_FIELDS[key]
    if check(value):
        return value
    default = _default_of(key)
    problems.append(f'"{key}" should be {expected}, not {_shown(value)} (using {_shown(default)})')
    return default


_KEYS = re.compile(r"(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*[A-Za-z0-9_]{1,30}")
"""One key as Textual names it (``m``, ``f5``, ``ctrl+p``, ``question_mark``); a keymap entry is
one or several, comma-separated. Anything else (markup, an escape) would reach the footer."""


def _is_keys(entry: str) -> bool:
    return all(_KEYS.fullmatch(part.strip()) for part in entry.split(","))


def _check_map(key: str, value: object, problems: list[str]) -> dict[str, str]:
    """The string entries of an object; other entries, or a non-object, are reported."""
    if not isinstance(value, dict):
        problems.append(f'"{key}" should be an object of strings, not {_shown(value)} (using {{}})')
        return {}
    kept: dict[str, str] = {}
    for name, entry in value.items():
        if not isinstance(entry, str):
            problems.append(f'"{key}"."{name}" should be a string, not {_shown(entry)} (ignored)')
        elif key == "keymap" and not _is_keys(entry):
            problems.append(
                f'"{key}"."{name}" should be key names such as "m" or "ctrl+p", not '
                f"{_shown(entry)} (ignored)"
            )
        else:
            kept[str(name)] = entry
    return kept


def _coerce(raw: object) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, and one problem per field that was not usable.

    Raises:
        ValueError: the JSON is not an object at all.
    """
    if not isinstance(raw, dict):
        raise ValueError("the file does not hold a JSON object")
    problems: list[str] = []
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key in SCALAR_FIELDS:
            values[key] = _check_scalar(key, value, problems)
            if isinstance(values[key], list):
                values[key] = tuple(values[key])  # type: ignore[arg-type]  # compare_years
        elif key in MAP_FIELDS:
            values[key] = _check_map(key, value, problems)
        else:
            problems.append(f'unknown setting "{key}" (ignored)')
    return Settings(**values), problems  # type: ignore[arg-type]


def _read(path: Path) -> tuple[Settings, list[str]]:
    """Read and check a settings file.

    Only a regular file of at most 1 MiB is read (see :mod:`tui.jsonfile`): a FIFO, ``/dev/zero``
    or JSON nested too deeply is unusable like any corrupt file, and so is moved aside.

    Raises:
        FileNotFoundError: there is no file.
        OSError: the file could not be read.
        ValueError: the file is not a regular file of UTF-8 JSON holding an object.
    """
    return _coerce(read_json_file(path))


# ------------------------------------------------------------------------------- moving aside


def _reserve_aside(path: Path) -> Path:
    """Create, empty and exclusively, a new name next to ``path`` for keeping it aside.

    ``settings.json.bad-<local time>``, with ``-2``, ``-3``… added if that name is taken, so no
    earlier file is ever overwritten.
    """
    stem = f"{path.name}.bad-{datetime.now():%Y%m%dT%H%M%S}"
    n = 1
    while True:
        aside = path.with_name(stem if n == 1 else f"{stem}-{n}")
        try:
            with open(aside, "x", encoding="utf-8"):
                return aside
        except FileExistsError:
            n += 1


def move_aside(path: Path) -> Path:
    """Move ``path`` to a name of its own next to it and return that name.

    Raises:
        OSError: it could not be moved (``path`` is then left where it was).
    """
    aside = _reserve_aside(path)
    try:
        os.replace(path, aside)
    except OSError:
        aside.unlink(missing_ok=True)
        raise
    return aside


# ---------------------------------------------------------------------------- load and save


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Load the settings.

    Returns:
        The settings (defaults when there is no file or it is unusable, and per field when a field
        is unusable) and, when anything was unusable, a message naming the file and each key, and
        saying what was done.
    """
    path = path or settings_path()
    try:
        settings, problems = _read(path)
    except FileNotFoundError:
        return Settings(), None
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        return Settings(), _corrupt_message(path, exc)
    except OSError as exc:
        return Settings(), f"Could not read settings {path} ({exc}); using defaults."
    if not problems:
        return settings, None
    return settings, f"Settings file {path}: {'; '.join(problems)}. The other settings are kept."


def _corrupt_message(path: Path, exc: Exception) -> str:
    """Move a corrupt file aside and say where it went (or that it stays, unchanged)."""
    try:
        kept = f"The file was kept as {move_aside(path)}."
    except OSError as move_exc:
        kept = f"It could not be moved aside ({move_exc.strerror or move_exc}) and is left as is."
    return f"Settings file {path} is corrupt ({exc}); using defaults. {kept}"


def _unclean_reason(path: Path) -> str | None:
    """Why the file at ``path`` must be kept before it is overwritten; None if absent or clean."""
    try:
        _, problems = _read(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        return f"it was unusable ({exc})"
    return "some of its settings were unusable" if problems else None


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Save atomically (temporary file + rename).

    A file already there that does not load cleanly is first moved aside (see :func:`move_aside`)
    and the returned message says where; if it cannot be moved, nothing is saved.

    Returns:
        A message for the user (an error, or where the previous file was kept), or None. Never
        raises.
    """
    path = path or settings_path()
    kept = ""
    reason = _unclean_reason(path)
    if reason:
        try:
            kept = f"The previous {path} was kept as {move_aside(path)}, as {reason}."
        except OSError as exc:
            return (
                f"Did not save settings: {path} could not be kept aside ({exc.strerror or exc}), "
                f"as {reason}."
            )
    problem = _write(settings, path)
    return " ".join(m for m in (kept, problem) if m) or None


def _write(settings: Settings, path: Path) -> str | None:
    """Write the settings atomically; an error message instead of raising."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(asdict(settings), indent=2, sort_keys=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        return f"Could not save settings to {path}: {exc.strerror or exc}"
    return None
