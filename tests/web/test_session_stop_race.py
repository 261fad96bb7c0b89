"""A session stopped while its app process is being started ends that process (``ox serve``'s
Ctrl+C, seen once in 15 runs: the app outlived the server when SIGINT came as it started)."""

from __future__ import annotations

import asyncio
import sys

import pytest
from textual_serve.download_manager import DownloadManager

from tests.web.conftest import alive
from tui.web import sessions
from tui.web.sessions import Session


async def nothing(*_args: object) -> None:
    return None


def session() -> Session:
    stubborn = [sys.executable, "-c", "import time; time.sleep(60)"]
    return Session(
        stubborn,
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )


async def test_a_stop_during_the_start_ends_the_process_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sessions, "QUIT_WAIT", 0.2)
    monkeypatch.setattr(sessions, "KILL_WAIT", 2.0)
    spawned = asyncio.Event()
    go_on = asyncio.Event()
    real_exec = asyncio.create_subprocess_exec
    started: list[asyncio.subprocess.Process] = []

    async def slow_exec(*args: object, **kwargs: object) -> asyncio.subprocess.Process:
        process = await real_exec(*args, **kwargs)  # type: ignore[arg-type]
        started.append(process)
        spawned.set()
        await go_on.wait()  # the child runs; the session does not know its pid yet
        return process

    monkeypatch.setattr(asyncio, "create_subprocess_exec", slow_exec)
    tab = session()
    starting = asyncio.ensure_future(tab.start(80, 24))
    await spawned.wait()
    stopping = asyncio.ensure_future(tab.stop())  # Ctrl+C: the server stops every session
    await asyncio.sleep(0)
    starting.cancel()  # and aiohttp cancels the tab's handler
    go_on.set()
    await asyncio.wait_for(stopping, 30)
    assert started and started[0].returncode is not None, "the app outlived its session"
    assert not alive(started[0].pid)


async def test_no_app_starts_once_the_session_is_stopped() -> None:
    tab = session()
    await tab.stop()
    with pytest.raises(ConnectionResetError):
        await tab.start(80, 24)
    assert tab.pid is None
