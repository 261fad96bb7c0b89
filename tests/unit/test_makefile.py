"""The first ``make run`` installs for about a minute: it says so before it starts (issue 20)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("target", ["run", "test"])
def test_first_install_says_what_it_is_doing(tmp_path: Path, target: str) -> None:
    venv = tmp_path / "venv"
    dry = subprocess.run(
        ["make", "-n", "-C", str(ROOT), target, f"VENV={venv}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    install = next(i for i, line in enumerate(dry) if "pip install" in line)
    said = [line for line in dry[:install] if line.startswith("echo ")]
    assert any("install" in line.lower() for line in said), dry[: install + 1]
