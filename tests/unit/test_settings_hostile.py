"""A hostile settings file (deeply nested JSON, a FIFO, /dev/zero, huge) never stops a start: it
is read bounded, refused, and moved aside like any corrupt settings file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.config import Settings, load_settings, save_settings
from tui.jsonfile import MAX_BYTES

LOAD = """
import sys
from pathlib import Path
from tui.config import load_settings
settings, message = load_settings(Path(sys.argv[1]))
print(settings.dataset)
print(message)
"""


def load_in_a_process(path: Path) -> list[str]:
    """``load_settings`` in a process of its own: a hang is a failure, not a stuck suite."""
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def make(path: Path, kind: str) -> None:
    if kind == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif kind == "deep-object":
        path.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "huge":
        path.write_text('{"theme": "' + "x" * MAX_BYTES + '"}', encoding="utf-8")


REASONS = {
    "deep": "not valid JSON: nested too deeply to read",
    "deep-object": "not valid JSON: nested too deeply to read",
    "fifo": "not a regular file (a named pipe); refusing to read it",
    "zero": "not a regular file (a character device); refusing to read it",
    "urandom": "not a regular file (a character device); refusing to read it",
    "huge": f"{MAX_BYTES + 13:,} bytes, larger than the {MAX_BYTES:,} a settings or manifest "
    "file may be",
}


@pytest.mark.parametrize("kind", sorted(REASONS))
def test_a_hostile_settings_file_gives_defaults_and_is_moved_aside(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "settings.json"
    make(path, kind)
    dataset, message = load_in_a_process(path)
    assert dataset == "homeoffice"
    (aside,) = sorted(tmp_path.glob("settings.json.bad-*"))
    assert message == (
        f"Settings file {path} is corrupt ({REASONS[kind]}); using defaults. "
        f"The file was kept as {aside}."
    )
    assert not os.path.lexists(path)
    # The next start is clean, and saving works.
    assert load_settings(path) == (Settings(), None)
    assert save_settings(Settings(dataset="nspcc"), path) is None
    assert load_settings(path)[0].dataset == "nspcc"


def test_save_moves_a_hostile_file_aside_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    make(path, "deep")
    message = save_settings(Settings(), path)
    (aside,) = sorted(tmp_path.glob("settings.json.bad-*"))
    assert message == (
        f"The previous {path} was kept as {aside}, as it was unusable "
        "(not valid JSON: nested too deeply to read)."
    )
    assert load_settings(path) == (Settings(), None)


async def test_the_app_starts_on_a_deeply_nested_settings_file(tmp_path: Path) -> None:
    from tests.ui.conftest import settle
    from tui.app import make_app

    path = tmp_path / "settings.json"
    make(path, "deep")
    app = make_app(settings_file=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.is_running and app.dataset is not None
        assert app.dataset.name == "homeoffice"
