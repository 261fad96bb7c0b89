"""``ox serve`` end to end: a server on 127.0.0.1 in this process, a tab on its websocket, the real
app process behind it (issue 23)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

import aiohttp
import pytest

from tests.web.conftest import WAIT, alive, served, tab, wait_until
from tui.web import sessions
from tui.web.server import full_message

HOMEOFFICE_TITLE = (
    "Home Office police recorded crime by force, 23 Apr 2026 release (from a third-party copy)"
)


async def test_a_tab_gets_the_forces_view_then_a_force_typed_and_its_export_as_a_download() -> None:
    """One server with a token and room for one session, and one app process for all of it:
    without the token the page and the websocket are refused; with it (then its cookie) the page
    and a tab with the forces view, a force typed, its detail and its export as a download; while
    that tab is open the next one gets a page saying so and no process; when it closes, its app
    ends and there is a place again."""
    jar = aiohttp.CookieJar(unsafe=True)  # keep cookies of 127.0.0.1, as a browser does
    async with (
        served(token="s3cret-token", max_sessions=1) as (server, base),
        aiohttp.ClientSession(cookie_jar=jar) as client,
    ):
        # Without the token: refused, and no process started.
        assert (await client.get(f"{base}/")).status == 401
        assert (await client.get(f"{base}/?token=wrong")).status == 403
        assert (await client.get(f"{base}/static/js/textual.js")).status == 401
        for query in ("", "?token=wrong"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"{base}/ws{query}")
            assert refused.value.status in (401, 403), query
        assert not server.sessions  # no process was started

        page = await client.get(f"{base}/?token=s3cret-token")
        assert page.status == 200
        assert page.cookies[server.cookie]["httponly"]
        html = await page.text()
        assert "<title>offence-explorer" in html and "homeoffice" not in html  # titled below
        assert "fonts.googleapis" not in html  # nothing fetched from elsewhere
        assert 'src="static/js/textual.js"' in html  # relative: a tunnel's port still works
        script = await client.get(f"{base}/static/js/textual.js")
        assert script.status == 200

        origin = {"Origin": base}  # as the browser sends it
        # The page's websocket carries no token in its URL: the cookie set with the page does.
        async with tab(client, base, **origin) as t:
            await t.until(lambda t: t.shows("England and Wales", "43 rows"), "the force table")
            # The page's title follows the dataset shown (the app tells the page).
            await t.until(lambda t: any(m[0] == "title" for m in t.texts), "the page's title")
            titles = [m[1] for m in t.texts if m[0] == "title"]
            assert titles == ["offence-explorer — homeoffice: " + HOMEOFFICE_TITLE]

            # The tab after the last allowed one: a page saying so, and no process.
            assert len(server.sessions) == 1
            full = await client.get(f"{base}/")
            assert full.status == 503
            assert full_message(1) in await full.text()
            assert full_message(1).startswith("1 sessions open; close one")
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"{base}/ws")
            assert refused.value.status == 503
            assert len(server.sessions) == 1
            assert (await (await client.get(f"{base}/status")).json()) == {"sessions": 1, "max": 1}

            await t.send("northam")
            await t.until(
                lambda t: t.shows("Northamptonshire") and not t.shows("Metropolitan Police"),
                "the search narrowing the table",
            )
            await t.send("\r")
            await t.until(
                lambda t: t.shows("Northamptonshire  East Midlands · E23000022", "Latest change"),
                "Northamptonshire's detail",
            )
            # The export arrives as a browser download, not a file on the server.
            await t.send("e")
            await t.until(lambda t: t.shows("Download this view"), "the download dialog")
            await t.send("\r")
            await t.until(lambda t: any(m[0] == "deliver_file_start" for m in t.texts), "a file")
            key = next(m[1] for m in t.texts if m[0] == "deliver_file_start")
            download = await client.get(f"{base}/download/{key}")
            assert download.status == 200
            assert download.headers["Content-Disposition"].startswith("attachment; filename=")
            body = await download.text()
            assert body.startswith("force,year,")  # a plain CSV, as a saved export is
            # Northamptonshire, code 86, 2017/18 in the source: 60 + 61 + 71 + 77 = 269.
            assert "Northamptonshire,2017/18,269," in body
            (pid,) = [s.pid for s in server.sessions.values()]
            assert pid is not None and alive(pid)
        # The tab closed: its app ends, and there is a place again.
        await wait_until(lambda: not server.sessions, "the session to end when its tab closed")
        assert not alive(pid)
        assert (await client.get(f"{base}/")).status == 200


async def test_the_page_names_the_app_and_dataset() -> None:
    async with served(title="offence-explorer — homeoffice: <b>Home Office</b>") as (_, base):
        async with aiohttp.ClientSession() as client:
            html = await (await client.get(f"{base}/")).text()
    assert "<title>offence-explorer — homeoffice: &lt;b&gt;Home Office&lt;/b&gt;</title>" in html


async def test_on_loopback_other_hosts_and_other_sites_pages_are_refused() -> None:
    async with served() as (server, base), aiohttp.ClientSession() as client:
        port = base.rsplit(":", 1)[1]
        rebound = await client.get(f"{base}/", headers={"Host": f"evil.example:{port}"})
        assert rebound.status == 403  # DNS rebinding: a page of evil.example at this address
        tunnelled = await client.get(f"{base}/", headers={"Host": "localhost:9999"})
        assert tunnelled.status == 200  # ssh -L 9999:localhost:PORT
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"{base}/ws", headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        assert not server.sessions


async def test_no_app_is_left_running_after_the_server_stops_under_an_open_tab() -> None:
    async with aiohttp.ClientSession() as client:
        stopping = served()
        server, base = await stopping.__aenter__()
        async with tab(client, base) as t:
            await t.until(lambda t: t.shows("43 rows"), "the force table")
            pids = [s.pid for s in server.sessions.values()]
            assert len(pids) == 1 and all(pid and alive(pid) for pid in pids)
            await stopping.__aexit__(None, None, None)  # Ctrl+C, the tab still open
            assert not any(alive(pid) for pid in pids if pid)
            assert not server.sessions
            ended = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
            for _ in range(1000):  # what was sent before the close, then the close
                if (await t.ws.receive(timeout=10)).type in ended:
                    break
            else:
                raise AssertionError("the tab was never told the server stopped")


async def test_a_server_stopping_under_an_open_tab_ends_an_app_that_will_not_quit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An app that ignores "quit" (hung) is terminated: nothing outlives the server."""
    monkeypatch.setattr(sessions, "KILL_WAIT", 0.5)
    monkeypatch.setattr(sessions, "QUIT_WAIT", 0.5)
    stubborn = [
        sys.executable,
        "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('__GANGLION__', flush=True); time.sleep(600)",
    ]
    async with aiohttp.ClientSession() as client:
        stopping = served(stubborn)
        server, base = await stopping.__aenter__()
        ws = await client.ws_connect(f"{base}/ws")
        await wait_until(lambda: any(s.pid for s in server.sessions.values()), "the app")
        pids = [s.pid for s in server.sessions.values()]
        await stopping.__aexit__(None, None, None)  # the server stops under the open tab
        assert pids and not any(alive(pid) for pid in pids if pid)
        assert ws.closed or (await ws.receive()).type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSING,
            aiohttp.WSMsgType.CLOSED,
        )


async def test_ctrl_c_stops_a_real_ox_serve_and_every_app_it_started() -> None:
    """The signal path: ``ox serve`` as a process, a tab open, SIGINT (Ctrl+C)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as client:
            end = time.monotonic() + WAIT
            while True:
                try:
                    ws = await client.ws_connect(f"{base}/ws")
                    break
                except aiohttp.ClientConnectionError:
                    assert time.monotonic() < end and server.poll() is None, "ox serve never came"
                    await asyncio.sleep(0.1)
            await wait_until(lambda: bool(apps_of(server.pid)), "the tab's app")
            apps = apps_of(server.pid)
            server.send_signal(signal.SIGINT)
            out, err = await asyncio.to_thread(server.communicate, timeout=WAIT)
            await ws.close()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == 0, err
    assert b"Traceback" not in err and b"served at http://127.0.0.1:" in out
    assert apps and not any(alive(pid) for pid in apps)


def apps_of(pid: int) -> list[int]:
    """The session apps (``tui.web.session_app``) whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as stat, open(f"/proc/{entry}/cmdline", "rb") as cmd:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                if parent == pid and b"session_app" in cmd.read():
                    found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found
