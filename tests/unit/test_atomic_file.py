"""Files are replaced whole, with the permissions the user's umask gives (never 0600)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.atomic_file import write_atomic
from tui.config import Settings, save_settings
from tui.output.export import write_report
from tui.output.reports import Column, Report


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exports_and_settings_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    report = Report("t", [Column("force", "Force")], [{"force": "Kent"}])
    out = tmp_path / "forces.csv"
    assert write_report(report, out, "csv") == 1
    assert _mode(out) == 0o644  # was 0o600 (mkstemp's)
    settings = tmp_path / "settings.json"
    assert save_settings(Settings(), settings) is None
    assert _mode(settings) == 0o644


def test_a_failed_replace_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kept.json"
    path.write_text("old", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json"]
