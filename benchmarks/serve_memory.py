"""Memory of ``ox serve`` (issue 23): RSS and PSS of the server and of each session's app.

Starts ``ox serve --max-sessions N`` on a free loopback port, opens N tabs (websockets, as a
browser does), waits in each for the force table, then opens Northamptonshire's detail in each
(``northam``, Enter), and reads /proc for the server and its app processes. PSS shares the pages
the processes share (the Python and Polars libraries) among them, so the PSS sum is what N
sessions cost together; RSS counts those pages in every process.

    python benchmarks/serve_memory.py [N]      (default 4; needs the [web] extra and pyte)
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import pyte

ROOT = Path(__file__).resolve().parents[1]
WAIT = 180.0


def memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of ``pid`` in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return fields["Rss"], fields["Pss"]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


async def tab(client: aiohttp.ClientSession, base: str, done: list[float]) -> None:
    screen = pyte.Screen(100, 30)
    stream = pyte.ByteStream(screen)
    ws = await client.ws_connect(f"{base}/ws?width=100&height=30")

    async def until(text: str) -> None:
        end = time.monotonic() + WAIT
        while text not in "\n".join(screen.display):
            message = await ws.receive(timeout=end - time.monotonic())
            if message.type == aiohttp.WSMsgType.BINARY:
                stream.feed(message.data)
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise SystemExit(f"a tab closed waiting for {text!r}")

    await until("43 rows")
    await ws.send_str(json.dumps(["stdin", "northam"]))
    await until("ptonshire")
    await ws.send_str(json.dumps(["stdin", "\r"]))
    await until("Latest change")
    done.append(time.monotonic())
    await asyncio.Event().wait()  # stays open until cancelled


async def measure(base: str, server: int, n: int) -> None:
    async with aiohttp.ClientSession() as client:
        done: list[float] = []
        tabs = [asyncio.create_task(tab(client, base, done)) for _ in range(n)]
        end = time.monotonic() + WAIT
        while len(done) < n:
            if time.monotonic() > end or any(t.done() for t in tabs):
                raise SystemExit("the tabs did not all show the detail")
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)  # let each app's idle garbage collection run
        apps = children(server)
        rows = [("server (ox serve)", *memory(server))]
        rows += [(f"session {i + 1} (pid {pid})", *memory(pid)) for i, pid in enumerate(apps)]
        print(f"{n} sessions, each showing Northamptonshire's detail (100x30)")
        print("| process | RSS MB | PSS MB |\n|---|---|---|")
        for name, rss, pss in rows:
            print(f"| {name} | {rss:.0f} | {pss:.0f} |")
        rss_sum, pss_sum = sum(r[1] for r in rows), sum(r[2] for r in rows)
        print(f"| **total** | {rss_sum:.0f} | {pss_sum:.0f} |")
        for task in tabs:
            task.cancel()
        await asyncio.gather(*tabs, return_exceptions=True)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        for name in ("CONFIG", "DATA", "CACHE"):
            env[f"OFFENCE_EXPLORER_{name}_DIR"] = str(Path(tmp) / name.lower())
        server = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", str(port), "--max-sessions", str(n)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            end = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > end:
                        raise SystemExit("ox serve did not start") from None
                    time.sleep(0.2)
            asyncio.run(measure(f"http://127.0.0.1:{port}", server.pid, n))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
