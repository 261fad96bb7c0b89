"""Settings remembered across runs: dataset, offence, view, theme. Headless (no Textual).

Stored as JSON in the platformdirs config folder. A corrupt or unreadable file never crashes the
app: :func:`load_settings` returns the defaults and a message that the app shows once; the bad file
is moved aside (``settings.json.bad``) rather than overwritten, so nothing the user had is lost.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

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

    def with_offence(self, dataset: str, key: str) -> Settings:
        """A copy that remembers ``key`` as the offence for ``dataset``."""
        return replace(self, offences={**self.offences, dataset: key})


def settings_path() -> Path:
    """Where the settings live."""
    return user_config_dir() / "settings.json"


def _coerce(raw: object) -> Settings:
    if not isinstance(raw, dict):
        raise ValueError("the file does not hold a JSON object")
    base = Settings()
    offences = raw.get("offences", {})
    if not isinstance(offences, dict):
        offences = {}
    view = raw.get("view", base.view)
    keymap = raw.get("keymap", {})
    if not isinstance(keymap, dict):
        keymap = {}
    return Settings(
        dataset=str(raw.get("dataset") or base.dataset),
        offences={str(k): str(v) for k, v in offences.items()},
        view=view if view in VIEWS else base.view,
        theme=str(raw.get("theme") or base.theme),
        ascii=bool(raw.get("ascii", base.ascii)),
        include_national=bool(raw.get("include_national", base.include_national)),
        keymap={str(k): str(v) for k, v in keymap.items()},
    )


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Load the settings.

    Returns:
        The settings (defaults when there is no file or it is unusable) and, when the file was
        unusable, a one-line message naming it and saying what was done.
    """
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"Could not read settings {path} ({exc}); using defaults."
    try:
        return _coerce(json.loads(text)), None
    except (ValueError, TypeError) as exc:
        aside = path.with_name(path.name + ".bad")
        try:
            os.replace(path, aside)
            kept = f" The file was kept as {aside}."
        except OSError:
            kept = ""
        return Settings(), f"Settings file {path} is corrupt ({exc}); using defaults.{kept}"


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Save atomically (temporary file + rename). Returns an error message instead of raising."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(settings), fh, indent=2, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        return f"Could not save settings to {path}: {exc.strerror or exc}"
    return None
