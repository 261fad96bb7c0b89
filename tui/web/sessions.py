"""One app process per browser tab: textual-serve's ``AppService``, started without a shell and
always ended.

textual-serve starts the app through ``/bin/sh -c`` and, to stop it, asks it to quit and waits
for as long as it takes. Here the app is started from an argument list (nothing is parsed by a
shell), in a session of its own (the server's Ctrl+C is the server's to handle), and is
terminated, then killed, if it has not ended a few seconds after being asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shlex
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable, Sequence

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

QUIT_WAIT = 5.0
"""Seconds an app is given to quit when asked, before it is terminated."""
KILL_WAIT = 2.0
"""Seconds a terminated app is given before it is killed."""


class Session(AppService):
    """The app process behind one browser tab."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        download_manager: DownloadManager,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        super().__init__(
            shlex.join(argv),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,
            download_manager=download_manager,
        )
        self.argv = tuple(argv)
        self._extra_env = dict(extra_env or {})
        self._stopping: asyncio.Task[None] | None = None
        self._starting: asyncio.Future[None] | None = None

    @property
    def pid(self) -> int | None:
        """The app's process id (``None`` before it started)."""
        return self._process.pid if self._process is not None else None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        environment = self._build_environment(width=width, height=height)
        environment.update(self._extra_env)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def on_meta(self, data: bytes) -> None:
        """textual-serve's meta packets, and one of ours: the page's title (the dataset shown)."""
        try:
            meta = json.loads(data)
        except ValueError:
            return
        if isinstance(meta, dict) and meta.get("type") == "title":
            title = "".join(c for c in str(meta.get("title", "")) if c.isprintable())[:200]
            await self.remote_write_str(json.dumps(["title", title]))
            return
        await super().on_meta(data)

    async def start(self, width: int, height: int) -> None:
        """Start the app process (a start under way runs to its end even if the tab's handler is
        cancelled, so that a stop can end the process it starts); none once stopped."""
        if self._stopping is not None:
            raise ConnectionResetError("the session was stopped before its app started")
        self._starting = asyncio.ensure_future(super().start(width, height))
        await asyncio.shield(self._starting)

    async def stop(self) -> None:
        """Ask the app to quit; terminate it, then kill it, if it does not; reap it. Every
        caller waits for the same stop."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        if self._starting is not None:
            # A Ctrl+C while the app process was being started: the process may exist before
            # ``_process`` names it. Wait for the start, then end what it started.
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.shield(self._starting)
        process = self._process
        task = self._task
        self._task = None
        if task is not None:
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
            if process is not None and process.returncode is None:
                await self.send_meta({"type": "quit"})
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), QUIT_WAIT)
        if process is not None:
            await _end(process)
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def _end(process: Process) -> None:
    """Wait for ``process`` to end: terminated, then killed, if it takes too long."""
    steps = ((None, KILL_WAIT), (process.terminate, KILL_WAIT), (process.kill, None))
    for signal_it, wait in steps:
        if process.returncode is not None:
            return
        if signal_it is not None:
            with contextlib.suppress(ProcessLookupError):
                signal_it()
        try:
            await asyncio.wait_for(process.wait(), wait)
            return
        except asyncio.TimeoutError:
            continue
