"""Run a terminal program under a pseudo-terminal and watch what a user would see.

Everything the program writes is fed into ``pyte`` (a VT100/xterm emulator), so a measurement is
"this text is on the emulated screen", never "the program called its paint routine". Waits are
bounded: each names what it waited for and shows the screen when it times out. The program runs
in its own session; :meth:`PtyApp.close` ends its whole process group.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyte

KEYS = {
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "enter": b"\r",
    "escape": b"\x1b",
    "backspace": b"\x7f",
}
"""Bytes a terminal sends for the keys the benchmark presses (xterm, normal cursor mode)."""


class BenchTimeout(RuntimeError):
    """A bounded wait ran out; the message says what was awaited and shows the screen."""


@dataclass(frozen=True)
class Burst:
    """What the program wrote in answer to one key: bytes, and when the screen went quiet."""

    bytes: int
    latency: float | None
    """Seconds from the key to the last byte before the quiet gap (None: nothing was written)."""


class PtyApp:
    """A program in a pseudo-terminal of ``cols`` × ``rows`` with an emulated screen."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        cols: int = 100,
        rows: int = 30,
        cwd: Path | None = None,
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.written = 0
        """Bytes the program has written so far."""
        self.last_output = 0.0
        """``perf_counter`` time of the latest output."""
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            try:
                fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd is not None:
                    os.chdir(cwd)
                os.execvpe(argv[0], list(argv), dict(env))
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.eof = False
        # Answer the terminal's queries (device attributes, cursor position) as a terminal does.
        self.screen.write_process_input = self._answer  # type: ignore[method-assign]

    # ------------------------------------------------------------------ input and output

    def _answer(self, data: str) -> None:
        try:
            os.write(self.fd, data.encode())
        except OSError:
            pass

    def pump(self, timeout: float) -> int:
        """Read what the program writes within ``timeout`` seconds (at least one read's worth
        if any arrives); feed it to the emulator; return the bytes read."""
        if self.eof:
            return 0
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the program closed its terminal
            data = b""
        if not data:
            self.eof = True
            return 0
        self.last_output = time.perf_counter()
        self.written += len(data)
        self.stream.feed(data)
        return len(data)

    def send(self, keys: bytes) -> float:
        """Type ``keys``; return the time they were sent."""
        os.write(self.fd, keys)
        return time.perf_counter()

    def text(self) -> str:
        """The emulated screen as text, one line per row."""
        return "\n".join(self.screen.display)

    def wait_for(self, check: Callable[[str], bool], what: str, *, timeout: float = 20.0) -> float:
        """Seconds since launch when ``check(screen text)`` first held (bounded by ``timeout``)."""
        deadline = time.perf_counter() + timeout
        while not check(self.text()):
            left = deadline - time.perf_counter()
            if left <= 0 or self.eof:
                why = "the program exited" if self.eof else f"not within {timeout:.0f} s"
                raise BenchTimeout(f"{what}: {why}; the screen shows:\n{self.text()}")
            self.pump(min(left, 0.05))
        return self.last_output - self.start

    def quiet(self, quiet: float, *, limit: float = 5.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds (bounded)."""
        deadline = time.perf_counter() + limit
        last = time.perf_counter()
        while time.perf_counter() - last < quiet:
            if time.perf_counter() > deadline:
                raise BenchTimeout(f"the screen never went quiet for {quiet * 1000:.0f} ms")
            if self.pump(quiet - (time.perf_counter() - last)):
                last = time.perf_counter()

    def press(
        self, keys: bytes, quiet: float, *, respond: float = 1.0, limit: float = 5.0
    ) -> Burst:
        """Type ``keys``, wait (up to ``respond`` s) for the first byte of the answer, then read
        until quiet: the bytes written and the time from the key to the last one. (Waiting for
        the first byte keeps a program that answers late from having its repaint counted
        against the next key.)"""
        before = self.written
        sent = self.send(keys)
        while self.written == before and time.perf_counter() - sent < respond and not self.eof:
            self.pump(respond - (time.perf_counter() - sent))
        self.quiet(quiet, limit=limit)
        written = self.written - before
        return Burst(written, (self.last_output - sent) if written else None)

    # ------------------------------------------------------------------ process

    def peak_rss(self) -> int:
        """Peak resident memory (VmHWM) summed over the program and its descendants, in bytes."""
        return sum(_hwm(p) for p in _tree(self.pid))

    def close(self, timeout: float = 3.0) -> None:
        """End the program's process group (SIGTERM, then SIGKILL) and reap it."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline:
                self.pump(0.01)  # keep the terminal drained so the program can exit
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
            else:
                continue
            break
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return out


def _hwm(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    m = re.search(r"^VmHWM:\s+(\d+) kB", status, flags=re.M)
    return int(m.group(1)) * 1024 if m else 0
