"""Helpers for driving the app with Textual's Pilot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from tui.app import OffenceApp, make_app


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker is done and every message it posted has been handled."""
    for _ in range(4):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # an exclusive worker replaced by a newer one (e.g. a fallback dataset load)
        await pilot.pause()
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False  # a blinking cursor makes snapshots flaky


POLL = 0.02
"""Seconds between two looks at a condition (a timer such as the import preview's debounce has to
run out in real time)."""


async def wait_for(
    pilot: Pilot[None], condition: Callable[[], object], what: str, timeout: float = 15.0
) -> None:
    """Wait until ``condition()`` holds (workers done, messages handled), else fail."""
    deadline = time.monotonic() + timeout
    while True:
        await settle(pilot)
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(POLL)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    """A settings file of this test's own."""
    return tmp_path / "settings.json"


@pytest.fixture
def app(settings_file: Path) -> OffenceApp:
    """The app as the CLI builds it, with settings in a temporary file."""
    return make_app(settings_file=settings_file)
