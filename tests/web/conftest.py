"""Helpers for the ``ox serve`` tests: a server on 127.0.0.1 (an ephemeral port) in this process,
and a browser tab's websocket read as a terminal would show it (pyte)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pyte
from aiohttp import web

from tui.web.server import OxServer

WAIT = 90.0
"""Longest wait for anything a tab should show (a cold start on a busy 2-core machine)."""
SIZE = (100, 30)


def app_argv(*extra: str) -> list[str]:
    """The app process ``ox serve`` starts, as it starts it."""
    return [sys.executable, "-m", "tui.web.session_app", "--dataset", "homeoffice", *extra]


@asynccontextmanager
async def served(
    argv: list[str] | None = None, **options: Any
) -> AsyncIterator[tuple[OxServer, str]]:
    """An :class:`OxServer` listening on 127.0.0.1 at an ephemeral port, and its base URL; it is
    stopped (every session with it) on leaving."""
    server = OxServer(argv or app_argv(), host="127.0.0.1", port=0, **options)
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield server, f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def alive(pid: int) -> bool:
    """Whether process ``pid`` still exists (a zombie counts: it was never reaped)."""
    return os.path.exists(f"/proc/{pid}")


async def wait_until(check: Callable[[], bool], what: str, limit: float = WAIT) -> None:
    """Poll ``check`` (no fixed sleep: a short one between looks) until true, or fail."""
    end = time.monotonic() + limit
    while not check():
        assert time.monotonic() < end, f"gave up waiting for {what}"
        await asyncio.sleep(0.05)


class Tab:
    """A browser tab's side of the websocket: keys in, the screen out."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.screen = pyte.Screen(*SIZE)
        self.stream = pyte.ByteStream(self.screen)
        self.texts: list[Any] = []
        """The JSON messages the server sent (downloads offered, links opened)."""
        self._text: str | None = None
        """The screen as text, made once per change (pyte draws every cell of it each time)."""

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.screen.display)
        return self._text

    async def send(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))

    async def until(self, check: Callable[[Tab], bool], what: str, limit: float = WAIT) -> None:
        """Read what the server sends until ``check`` holds; fail (showing the screen) if the
        connection closes or ``limit`` seconds pass first."""
        end = time.monotonic() + limit
        while not check(self):
            left = end - time.monotonic()
            assert left > 0, f"gave up waiting for {what}; the screen:\n{self.text}"
            try:
                message = await self.ws.receive(timeout=left)
            except asyncio.TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.stream.feed(message.data)
                self._text = None
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(json.loads(message.data))
            else:
                raise AssertionError(f"the connection closed waiting for {what}:\n{self.text}")

    def shows(self, *parts: str) -> bool:
        text = self.text
        return all(part in text for part in parts)


@asynccontextmanager
async def tab(client: aiohttp.ClientSession, base: str, **headers: str) -> AsyncIterator[Tab]:
    width, height = SIZE
    async with client.ws_connect(f"{base}/ws?width={width}&height={height}", headers=headers) as ws:
        yield Tab(ws)
