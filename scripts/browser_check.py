"""``make browser-check``: a real browser (headless Chromium) on ``ox serve`` (issue 23).

Starts ``ox serve`` on a free loopback port and opens it in headless Chromium (a fresh profile,
no network but the server) through a tunnel to another port, as ``ssh -L`` gives; types
``northam`` and Enter as a user would, and saves screenshots in build/browser-check/:
``forces.png`` (the Forces view), ``detail.png`` (Northamptonshire's detail) and ``closed.png``
(the page once the server is stopped). It also checks the page's title, that every request went
to the server, and that no app process outlives the server's Ctrl+C.

Chromium is driven through its DevTools protocol with aiohttp (from the [web] extra). Not part of
``make test``: it needs Chromium (Debian/Ubuntu: ``sudo apt-get install chromium``; elsewhere set
CHROMIUM=/path/to/chrome).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "browser-check"
WAIT = 90.0
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,800",
    "--remote-debugging-port=0",
]
# Keeps what the app sends, as text, so the check can wait for what a user would see.
RECORD = """
window.__oxText = "";
window.WebSocket = class extends window.WebSocket {
  constructor(url, protocols) {
    super(url, protocols);
    const decoder = new TextDecoder();
    this.addEventListener("message", (e) => {
      if (typeof e.data === "string") return;
      window.__oxText = (window.__oxText + decoder.decode(e.data, {stream: true})).slice(-400000);
    });
  }
};
"""


def chromium() -> str | None:
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_pids(server_pid: int) -> list[int]:
    """The session apps ``ox serve`` started (its children running ``tui.web.session_app``)."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server_pid and b"session_app" in cmd:
            pids.append(int(entry.name))
    return pids


class Page:
    """One page's DevTools session."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0
        self.requests: list[str] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = json.loads((await self.ws.receive(timeout=WAIT)).data)
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))

    async def js(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def until(self, expression: str, what: str) -> None:
        end = time.monotonic() + WAIT
        while not await self.js(expression):
            if time.monotonic() > end:
                raise SystemExit(f"browser-check: gave up waiting for {what}")
            await asyncio.sleep(0.2)

    async def shot(self, name: str) -> Path:
        await asyncio.sleep(0.5)  # the terminal paints on the browser's next animation frames
        data = (await self.call("Page.captureScreenshot", format="png"))["data"]
        path = OUT / name
        path.write_bytes(base64.b64decode(data))
        return path

    async def key(self, text: str, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=key,
                windowsVirtualKeyCode=code,
                text=text if kind == "keyDown" else "",
            )


async def tunnel(port: int) -> tuple[asyncio.Server, int]:
    """What ``ssh -L OTHER:localhost:PORT`` does, on this machine: another port, piped to PORT."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def forward(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:  # the server has stopped: so does the tunnel's connection
            writer.close()
            return
        with contextlib.suppress(asyncio.CancelledError):  # the check is over
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    server = await asyncio.start_server(forward, "127.0.0.1", 0)
    return server, int(server.sockets[0].getsockname()[1])


async def check(browser: str, port: int, server: subprocess.Popen[bytes], tmp: Path) -> list[str]:
    forwarder, other = await tunnel(port)
    base = f"http://localhost:{other}/"  # through the tunnel, on another port
    said = [f"through a tunnel: {base} -> 127.0.0.1:{port}"]
    profile = tmp / "profile"
    chrome = subprocess.Popen(
        [browser, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert chrome.stderr is not None
        devtools = None
        end = time.monotonic() + WAIT
        while devtools is None and time.monotonic() < end:
            line = chrome.stderr.readline().decode(errors="replace")
            if found := re.search(r"DevTools listening on (ws://\S+)", line):
                devtools = found.group(1)
        if devtools is None:
            raise SystemExit("browser-check: Chromium did not start")
        http = devtools.split("/devtools")[0].replace("ws://", "http://")
        async with aiohttp.ClientSession() as client:
            targets = await (await client.get(f"{http}/json/list")).json()
            target = next(t for t in targets if t["type"] == "page")
            async with client.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                page = Page(ws)
                await page.call("Network.enable")
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD)
                await page.call("Page.navigate", url=base)
                await page.until("window.__oxText.includes('43 rows')", "the force table")
                said.append(f"title: {await page.js('document.title')}")
                said.append(f"forces: {await page.shot('forces.png')}")
                await page.js("document.querySelector('.xterm-helper-textarea').focus()")
                for char in "northam":  # typed, key by key
                    await page.key(char, char, ord(char.upper()))
                # (the letters typed are highlighted in the name: "Northam" is written apart)
                await page.until("window.__oxText.includes('ptonshire')", "the search")
                await page.js("window.__oxText = ''")
                await page.key("\r", "Enter", 13)
                await page.until("window.__oxText.includes('Latest change')", "the detail")
                said.append(f"detail: {await page.shot('detail.png')}")
                # An export arrives as a download (no pop-up for a browser to block).
                downloads = tmp / "downloads"
                await page.call(
                    "Page.setDownloadBehavior", behavior="allow", downloadPath=str(downloads)
                )
                await page.js("window.__oxText = ''")
                await page.key("e", "e", 69)
                await page.until("window.__oxText.includes('Download this view')", "the dialog")
                await page.key("\r", "Enter", 13)
                end = time.monotonic() + WAIT
                while not list(downloads.glob("*.csv")):
                    if time.monotonic() > end:
                        raise SystemExit("browser-check: the export never arrived as a download")
                    await asyncio.sleep(0.2)
                (csv,) = downloads.glob("*.csv")
                text = csv.read_text(encoding="utf-8")
                said.append(f"download: {csv.name}, {len(text)} characters")
                if "Northamptonshire,2017/18,269," not in text:
                    raise SystemExit(f"browser-check: the download is not the detail:\n{text}")
                apps = app_pids(server.pid)
                said.append(f"session apps while open: {apps}")
                # The connection goes quiet without closing (the server stopped, not ended):
                # the page must say so, not freeze.
                server.send_signal(signal.SIGSTOP)
                started = time.monotonic()
                try:
                    await page.until(
                        "document.body.classList.contains('-closed') && document.getElementById("
                        "'closed-message').textContent.includes('lost')",
                        "the page to say the connection was lost",
                    )
                    waited = time.monotonic() - started
                    said.append(f"a silent connection said lost after {waited:.0f} s")
                    said.append(f"closed: {await page.shot('closed.png')}")
                    message = await page.js("document.getElementById('closed-message').textContent")
                    said.append(f"message: {message}")
                finally:
                    server.send_signal(signal.SIGCONT)
                server.send_signal(signal.SIGINT)  # Ctrl+C
                server.wait(timeout=WAIT)
                left = [pid for pid in apps if Path(f"/proc/{pid}").exists()]
                said.append(f"apps left after Ctrl+C: {left}")
                elsewhere = [u for u in page.requests if not u.startswith(base)]
                said.append(f"requests elsewhere: {elsewhere}")
                if left or elsewhere:
                    raise SystemExit("browser-check: FAILED\n" + "\n".join(said))
    finally:
        forwarder.close()
        chrome.terminate()
        try:
            chrome.wait(timeout=10)
        except subprocess.TimeoutExpired:
            chrome.kill()
    return said


def main() -> int:
    browser = chromium()
    if browser is None:
        print(
            "browser-check needs Chromium: sudo apt-get install chromium (Debian, Ubuntu), or set "
            "CHROMIUM=/path/to/chrome",
            file=sys.stderr,
        )
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="ox-browser-check-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ)
        for name in ("CONFIG", "DATA", "CACHE"):  # not the user's settings or datasets
            env[f"OFFENCE_EXPLORER_{name}_DIR"] = str(tmp / name.lower())
        server = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", str(port)], cwd=ROOT, env=env
        )
        try:
            end = time.monotonic() + WAIT
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > end or server.poll() is not None:
                        raise SystemExit("browser-check: ox serve did not start") from None
                    time.sleep(0.2)
            said = asyncio.run(check(browser, port, server, tmp))
        finally:
            if server.poll() is None:
                server.send_signal(signal.SIGINT)
                server.wait(timeout=WAIT)
    print("\n".join(said))
    print("browser-check: OK (look at the screenshots)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
