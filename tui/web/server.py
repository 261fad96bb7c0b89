"""textual-serve's server with what it lacks: a token, a Host/Origin check, a session bound,
relative URLs, a page that works offline, and every session's app ended on shutdown.

Routes (all behind :meth:`OxServer.guard`):

- ``/``: the page (or, with every session taken, a page saying so, and no process);
- ``/ws``: the websocket that starts one app process and speaks to it;
- ``/download/{key}``: an export or copy the app delivered (textual-serve's);
- ``/status``: ``{"sessions": n, "max": N}``, which the page reads to say why it closed;
- ``/static/...``: textual-serve's script, styles and fonts.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.server import Server

from tui.web.access import host_allowed, origin_allowed, token_matches
from tui.web.sessions import Session

log = logging.getLogger("textual-serve")

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_SIZE = 1000
"""Largest terminal width or height (in cells) a browser may ask for."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def full_message(sessions: int) -> str:
    """What the tab after the last allowed one is told."""
    return f"{sessions} sessions open; close one (another tab of this explorer) and reload."


def _cells(text: str | None, default: int) -> int:
    try:
        return min(max(int(text or default), 1), MAX_SIZE)
    except ValueError:
        return default


class OxServer(Server):
    """Serve the explorer: one app process per tab, at most ``max_sessions`` at once."""

    def __init__(
        self,
        app_argv: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        max_sessions: int = 4,
        title: str = "offence-explorer",
        token: str | None = None,
        public_url: str | None = None,
        app_env: dict[str, str] | None = None,
    ) -> None:
        super().__init__(
            " ".join(app_argv),
            host=host,
            port=port,
            title=title,
            public_url=public_url,
            templates_path=TEMPLATES,
        )
        self.app_argv = tuple(app_argv)
        self.app_env = dict(app_env or {})
        self.max_sessions = max_sessions
        self.token = token
        self.given_public_url = public_url
        self.sessions: dict[str, Session] = {}
        """The sessions running now, by id."""
        self._sockets: set[web.WebSocketResponse] = set()
        self.cookie = f"ox_token_{port}"
        self.banner = ""
        """What is printed when the server starts (set by ``ox serve``)."""

    # ------------------------------------------------------------------ the web application

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        aiohttp_jinja2.setup(
            app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True
        )
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.get("/status", self.handle_status, name="status"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse a request without the token (401) or with a wrong one (403); on loopback, a
        ``Host`` that is not this machine (403); a websocket from another site's page (403)."""
        if self.token is not None:
            given = request.query.get("token") or request.cookies.get(self.cookie)
            if given is None:
                return _refused(
                    401,
                    "This explorer needs the link with its token (?token=...), "
                    "as printed by ox serve.",
                )
            if not token_matches(given, self.token):
                return _refused(403, "Wrong token: use the link printed by ox serve.")
        elif not host_allowed(request.host, self.given_public_url):
            return _refused(
                403,
                "This explorer answers only to localhost (use an SSH tunnel, "
                "or start it with --public-url).",
            )
        origin = request.headers.get("Origin")
        if request.path == "/ws" and not origin_allowed(
            origin, request.host, self.given_public_url
        ):
            return _refused(403, "A page from another site may not open this explorer.")
        response = await handler(request)
        if self.token is not None and request.query.get("token") and request.path == "/":
            # The page's script, styles, websocket and downloads carry no token: a cookie does.
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict")
        return response

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, or (every session taken) a page saying so."""
        if len(self.sessions) >= self.max_sessions:
            return web.Response(
                status=503,
                headers={"Retry-After": "30"},
                content_type="text/html",
                text=_page(self.title, full_message(len(self.sessions))),
            )
        context = {
            "title": self.title,
            "font_size": _cells(request.query.get("fontsize"), 16),
            "base_url": self.given_public_url or "",
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_status(self, request: web.Request) -> web.Response:
        """How many sessions are open, of how many allowed."""
        return web.json_response({"sessions": len(self.sessions), "max": self.max_sessions})

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's download, with the file name quoted as RFC 6266 asks."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="This download has already been fetched.") from None
        response = web.StreamResponse()
        charset = f"; charset={meta.encoding}" if meta.encoding else ""
        response.headers["Content-Type"] = meta.mime_type + charset
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        plain = "".join(
            c if c.isascii() and c.isalnum() or c in "._-" else "_" for c in meta.file_name
        )
        response.headers["Content-Disposition"] = (
            f"{disposition}; filename=\"{plain}\"; filename*=UTF-8''{quote(meta.file_name)}"
        )
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # ------------------------------------------------------------------ sessions

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start one app process for this tab and relay between them until either ends."""
        if len(self.sessions) >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text=full_message(len(self.sessions)))
        websocket = web.WebSocketResponse(heartbeat=15)

        async def close() -> None:  # the app ended (q): the page says the session ended
            await websocket.close()

        session = Session(
            self.app_argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            extra_env=self.app_env,
        )
        self.sessions[session.app_service_id] = session  # counted before anything is awaited
        self._sockets.add(websocket)
        try:
            await websocket.prepare(request)
            width = _cells(request.query.get("width"), 80)
            height = _cells(request.query.get("height"), 24)
            await session.start(width, height)
            log.info("session %s started (%d open)", session.pid, len(self.sessions))
            await self._relay(websocket, session)
        except (ConnectionError, asyncio.CancelledError):
            pass
        except Exception as error:  # a failure ends this session, never the server
            log.exception(error)
        finally:
            await asyncio.shield(self._end(session, websocket))
        return websocket

    async def _end(self, session: Session, websocket: web.WebSocketResponse) -> None:
        try:
            await session.stop()
        finally:
            self.sessions.pop(session.app_service_id, None)
            self._sockets.discard(websocket)
            with contextlib.suppress(Exception):
                await websocket.close()
            log.info("session %s ended (%d open)", session.pid, len(self.sessions))

    @staticmethod
    async def _relay(websocket: web.WebSocketResponse, session: Session) -> None:
        """What the browser sends, to the app (a malformed message is ignored)."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await session.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = (
                    _cells(str(data.get("width")), 80),
                    _cells(str(data.get("height")), 24),
                )
                await session.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    async def stop_sessions(self) -> None:
        """End every session's app and close every tab's websocket."""
        sessions = list(self.sessions.values())
        await asyncio.gather(*(s.stop() for s in sessions), return_exceptions=True)
        for websocket in list(self._sockets):
            with contextlib.suppress(Exception):
                await websocket.close()

    async def on_startup(self, app: web.Application) -> None:
        """(textual-serve prints its logo here; the banner waits until the port is bound.)"""

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM), which ends every session first; the banner is printed
        once the port is listening."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal_number, self.request_exit)

        def listening(_: object) -> None:
            self.console.print(self.banner, highlight=False, markup=False, soft_wrap=True)

        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=listening,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        await self.stop_sessions()


def _page(title: str, message: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>"
        f"{html.escape(title)}</title></head><body style='font-family: monospace; margin: 3em'>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(message)}</p></body></html>"
    )


def _refused(status: int, message: str) -> web.Response:
    return web.Response(
        status=status, content_type="text/html", text=_page("offence-explorer", message)
    )
