"""TUI timings: launch to first interactive frame (in tmux, a real terminal), and keystroke in the
search box to repainted table (in process). Prints numbers; asserts nothing."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench import stats

ROOT = Path(__file__).resolve().parents[1]
FIRST_FRAME = "type to find a force"
TABLE_FILLED = "Metropolitan Police"


def _launch_once(marker: str, cols: int = 100, rows: int = 30) -> float | None:
    """Start ``ox`` in a tmux window (a real terminal, which answers Textual's start-up queries)
    and poll the screen until ``marker`` shows; returns seconds, or None without tmux."""
    if shutil.which("tmux") is None:
        return None
    session = f"oxbench{os.getpid()}"
    with tempfile.TemporaryDirectory() as tmp:
        command = (
            f"cd '{ROOT}' && OFFENCE_EXPLORER_CONFIG_DIR='{tmp}' "
            f"OFFENCE_EXPLORER_DATA_DIR='{tmp}' '{sys.executable}' -m tui; sleep 5"
        )
        start = time.perf_counter()
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", session, "-x", str(cols), "-y", str(rows), command],
            check=True,
        )
        found: float | None = None
        try:
            while time.perf_counter() - start < 20:
                shown = subprocess.run(
                    ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
                ).stdout
                if marker in shown:
                    found = time.perf_counter() - start
                    break
                time.sleep(0.005)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return found


async def _keystrokes(n: int) -> list[float]:
    """Post key events to the running app and time each until the re-filtered table has been
    painted (the after-refresh callback that the refresh schedules has run)."""
    from textual import events

    from tests.ui.conftest import settle
    from tui.app import make_app
    from tui.screens.forces import ForcesScreen

    painted: asyncio.Queue[float] = asyncio.Queue()
    original = ForcesScreen.refresh_rows

    def refresh_rows(screen: ForcesScreen) -> None:
        original(screen)
        screen.app.call_after_refresh(lambda: painted.put_nowait(time.perf_counter()))

    ForcesScreen.refresh_rows = refresh_rows  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = make_app(settings_file=Path(tmp) / "settings.json", remember=False)
            samples: list[float] = []
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(pilot)
                while not painted.empty():
                    painted.get_nowait()
                words = ["northam", "york", "met", "kent", "e2300", "wales", "avon", "dyfed"]
                while len(samples) < n:
                    for word in words:
                        for key in [*word, *["backspace"] * len(word)]:
                            char = key if len(key) == 1 else None
                            start = time.perf_counter()
                            app.post_message(events.Key(key, char))
                            done = await asyncio.wait_for(painted.get(), timeout=5)
                            samples.append(done - start)
                            await pilot.pause()
    finally:
        ForcesScreen.refresh_rows = original  # type: ignore[method-assign]
    return samples[:n]


def run(launches: int = 5, keys: int = 120) -> None:
    """Print the TUI timings."""
    print("TUI:")
    firsts = [t for t in (_launch_once(FIRST_FRAME) for _ in range(launches)) if t is not None]
    tables = [t for t in (_launch_once(TABLE_FILLED) for _ in range(launches)) if t is not None]
    if firsts:
        stats("launch → first interactive frame (tmux, 100x30)", firsts)
        stats("launch → force table filled (data loaded)", tables)
    else:
        print("  (tmux not found: launch times not measured)")
    samples = asyncio.run(_keystrokes(keys))
    stats("keystroke in search → table repainted (in process)", samples)
