"""Issue 11's table, measured from outside: the real ``ox`` under a 100×30 pseudo-terminal.

``make bench`` or ``python benchmarks/pty_bench.py [--runs 5]``. Each figure is what appears on an
emulated screen (``pyte``), never a timestamp from inside the app. When ``vd`` (VisiData) and
``datui`` are installed (``pip install -e '.[bench]'``), they run in the same session on the same
Home Office table written as CSV, interleaved run by run so machine load hits every tool alike.

Definitions:

- *first frame*: the first output that leaves anything visible on the screen (any app chrome).
- *force table with figures*: ``ox``: the "Metropolitan Police" row with a number; VisiData and
  datui: every row of the CSV loaded (their status line shows the row count).
- *Northamptonshire's series*: ``northam`` typed at the first frame, Enter once the filtered table
  shows Northamptonshire first, until the detail shows 2016/17 → 248 and 2017/18 → 269 (the figures
  of ``ox show northamptonshire``).
- *keypress → quiet*: from sending the key to the last byte written before ``--quiet-ms`` of
  silence; *bytes*: everything written in that time. The first ↓ (which moves the focus from the
  search box to the table) is not counted; a ↓ that scrolls the table is counted apart.
- *peak RSS*: VmHWM summed over the process tree, read from /proc just before the program is ended.

Every wait is bounded (``--timeout``) and names what it waited for; the program's process group
is ended after each run, also on error. Settings and data live in a fresh temporary folder
(``OFFENCE_EXPLORER_CONFIG_DIR`` / ``OFFENCE_EXPLORER_DATA_DIR``), so no setting of the user's
applies; the caches (the opening table, ``ox show`` answers) are kept from one run to the next
within one invocation, as for a user who starts ``ox`` again (``show_cold`` has none: an empty
cache folder, as a fresh install; it is answered from the answer book shipped beside the bundled
data, ``data/homeoffice.answers.json.gz``, which a fresh install has too, while it matches the data
and the code, see ``make answers``). Python
bytecode is compiled once per invocation (an installed program's is), into the same folder.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.ptyrun import KEYS, BenchTimeout, PtyApp  # noqa: E402

ROWS = (
    ("first", "launch → first frame", "s"),
    ("table", "launch → force table with figures", "s"),
    ("answer", "launch → Northamptonshire's code-86 series (type `northam`, Enter)", "s"),
    ("down_bytes", "cursor ↓ in the table: bytes written", "B"),
    ("down_quiet", "cursor ↓: keypress → screen quiet", "ms"),
    ("scroll_bytes", "cursor ↓ that scrolls the table: bytes written", "B"),
    ("scroll_quiet", "cursor ↓ that scrolls: keypress → screen quiet", "ms"),
    ("search_bytes", "search keystroke: bytes written", "B"),
    ("search_quiet", "search keystroke → screen quiet", "ms"),
    ("rss", "peak RSS", "MB"),
    ("show", "`ox show northamptonshire` (whole process)", "s"),
    ("show_cold", "`ox show northamptonshire`, no cache (first question)", "s"),
)
GOALS = {
    "first": "≤ 0.5 s",
    "table": "≤ 0.8 s",
    "answer": "≤ 0.9 s",
    "down_bytes": "≤ 500 B",
    "down_quiet": "≤ 16 ms",
    "search_bytes": "≤ 6,000 B",
    "search_quiet": "≤ 16 ms",
    "rss": "≤ 150 MB",
    "show": "≤ 0.35 s",
}
ANSWER = (("2016/17", "248"), ("2017/18", "269"))
"""Northamptonshire, code 86, as ``ox show northamptonshire`` prints it."""


def nonblank(screen: str) -> bool:
    return bool(screen.strip())


def has_row(name: str) -> Callable[[str], bool]:
    """A screen line naming ``name`` followed by a number."""
    pattern = re.compile(re.escape(name) + r"\s.*\d")
    return lambda screen: any(pattern.search(line) for line in screen.splitlines())


def series_shown(screen: str) -> bool:
    lines = screen.splitlines()
    return "Northamptonshire" in screen and all(
        any(re.search(rf"{re.escape(y)}\s+{c}\b", line) for line in lines) for y, c in ANSWER
    )


def first_match_is(name: str) -> Callable[[str], bool]:
    """The filtered force table lists ``name`` as its first force (below the totals)."""

    def check(screen: str) -> bool:
        for line in screen.splitlines():
            body = line.strip()
            if body.startswith(("England", "Wales", "Force ", "/ ", "code ", "change ")):
                continue
            if re.match(r"\w", body) and re.search(r"\d", body):
                return body.startswith(name)
        return False

    return check


@dataclass
class Tool:
    """A program to measure and how to recognise its screens."""

    name: str
    argv: list[str]
    table: Callable[[str], bool]
    search: bool = False
    answer: bool = False


@dataclass
class Samples:
    """Every sample of every row, by tool."""

    values: dict[str, dict[str, list[float]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    notes: list[str] = field(default_factory=list)

    def add(self, tool: str, row: str, value: float | None) -> None:
        if value is not None:
            self.values[tool][row].append(value)


@contextmanager
def launched(tool: Tool, env: dict[str, str], size: tuple[int, int]) -> Iterator[PtyApp]:
    app = PtyApp(tool.argv, env, cols=size[0], rows=size[1])
    try:
        yield app
    finally:
        app.close()


def top_line(app: PtyApp) -> str:
    """The first body line of the table (changes when the table scrolls)."""
    lines = app.text().splitlines()
    return lines[8] if len(lines) > 8 else ""


def measure_keys(tool: Tool, app: PtyApp, out: Samples, args: argparse.Namespace) -> None:
    """↓ through the table (in view, then scrolling) and, for ``ox``, typing in the search box."""
    quiet = args.quiet_ms / 1000
    app.quiet(0.3, limit=args.timeout)  # settle: the table and any late work have painted
    app.press(KEYS["down"], quiet, limit=args.timeout)  # the focus moves to the table
    app.quiet(0.3, limit=args.timeout)  # (a focus change repaints over several frames)
    for _ in range(args.downs):
        top = top_line(app)
        burst = app.press(KEYS["down"], quiet, limit=args.timeout)
        scrolled = top_line(app) != top
        out.add(tool.name, "scroll_bytes" if scrolled else "down_bytes", burst.bytes)
        latency = None if burst.latency is None else burst.latency * 1000
        out.add(tool.name, "scroll_quiet" if scrolled else "down_quiet", latency)
    if tool.search:
        app.press(b"/", quiet, limit=args.timeout)  # the focus moves to the search box
        app.quiet(0.3, limit=args.timeout)
        for ch in "northam":
            burst = app.press(ch.encode(), quiet, limit=args.timeout)
            out.add(tool.name, "search_bytes", burst.bytes)
            out.add(
                tool.name, "search_quiet", None if burst.latency is None else burst.latency * 1000
            )
        app.wait_for(first_match_is("Northamptonshire"), "search 'northam'", timeout=args.timeout)


def run_once(tool: Tool, env: dict[str, str], out: Samples, args: argparse.Namespace) -> None:
    size = (args.cols, args.rows)
    with launched(tool, env, size) as app:
        out.add(tool.name, "first", app.wait_for(nonblank, "first frame", timeout=args.timeout))
        out.add(tool.name, "table", app.wait_for(tool.table, "table", timeout=args.timeout))
        measure_keys(tool, app, out, args)
        out.add(tool.name, "rss", app.peak_rss() / 1e6)
    if tool.answer:
        with launched(tool, env, size) as app:
            app.wait_for(nonblank, "first frame", timeout=args.timeout)
            app.send(b"northam")
            app.wait_for(first_match_is("Northamptonshire"), "'northam'", timeout=args.timeout)
            app.send(KEYS["enter"])
            out.add(
                tool.name,
                "answer",
                app.wait_for(series_shown, "Northamptonshire's series", timeout=args.timeout),
            )


def time_show(tool: Tool, env: dict[str, str], out: Samples, timeout: float) -> None:
    """``show``: asking again (the user's cache folder kept); ``show_cold``: an empty cache
    folder, the first question (both answered from the shipped book: ox show keeps none)."""
    with tempfile.TemporaryDirectory(prefix="ox-bench-cache-") as empty:
        for row, run_env in (
            ("show_cold", {**env, "OFFENCE_EXPLORER_CACHE_DIR": empty}),
            ("show", env),
        ):
            start = time.perf_counter()
            done = subprocess.run(
                [tool.argv[0], "show", "northamptonshire"],
                env=run_env,
                capture_output=True,
                timeout=timeout,
            )
            elapsed = time.perf_counter() - start
            if done.returncode != 0 or b"269" not in done.stdout:
                raise RuntimeError(f"ox show failed: {done.stderr.decode(errors='replace')}")
            out.add(tool.name, row, elapsed)


def find(program: str) -> str | None:
    """``program`` on PATH, else next to this Python (the venv's bin)."""
    here = Path(sys.executable).parent / program
    return shutil.which(program) or (str(here) if here.exists() else None)


def tools(csv: Path, rows: int, baseline: str | None = None) -> list[Tool]:
    ox = find("ox")
    if ox is None:
        raise SystemExit("ox is not installed: run `make .venv/.installed-run` first")
    out = [Tool("offence-explorer", [ox], has_row("Metropolitan Police"), search=True, answer=True)]
    if baseline is not None:
        # Another checkout's installed ``ox`` (its own venv), in the same run: before and after.
        out.append(
            Tool(
                "ox baseline", [baseline], has_row("Metropolitan Police"), search=True, answer=True
            )
        )
    vd = find("vd")
    if vd is not None:
        out.append(Tool("VisiData", [vd, str(csv)], lambda s: f" {rows} rows" in s))
    datui = find("datui")
    if datui is not None:
        out.append(Tool("datui", [datui, str(csv)], lambda s: f"/ {rows:,}" in s))
    return out


def source_tree(env: dict[str, str], cwd: Path) -> str:
    """The folder ``ox`` imports ``tui`` from with this environment (``PYTHONPATH`` wins over
    the editable install: ``PYTHONPATH=$PWD`` measures a worktree's code)."""
    done = subprocess.run(
        [sys.executable, "-c", "import tui; print(tui.__file__)"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return str(Path(done.stdout.strip()).parent.parent) if done.returncode == 0 else "?"


def version(program: str) -> str:
    """The first line ``program --version`` prints (bounded), for the report."""
    try:
        done = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (
        (done.stdout or done.stderr).strip().splitlines()[0] if done.stdout or done.stderr else "?"
    )


def fmt(values: list[float], unit: str) -> str:
    if not values:
        return "—"
    med, worst = statistics.median(values), max(values)
    if unit == "s":
        return f"{med:.2f} s (worst {worst:.2f})"
    if unit == "ms":
        return (
            f"{med:.1f} ms (worst {worst:.0f})" if med < 10 else f"{med:.0f} ms (worst {worst:.0f})"
        )
    if unit == "MB":
        return f"{med:.0f} MB (worst {worst:.0f})"
    return f"{med:,.0f} B (worst {worst:,.0f})"


def table(samples: Samples, names: list[str]) -> str:
    head = ["measure", *names, "goal"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, label, unit in ROWS:
        cells = [fmt(samples.values[n].get(key, []), unit) for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {GOALS.get(key, '')} |")
    return "\n".join(lines)


def counts(samples: Samples, names: list[str]) -> str:
    parts = []
    for n in names:
        got = samples.values[n]
        parts.append(f"{n}: " + ", ".join(f"{k}={len(v)}" for k, v in got.items()))
    return "samples — " + "; ".join(parts)


def environment(tmp: Path, truecolor: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFENCE_EXPLORER_", "VD_"))}
    env.update(
        TERM="xterm-256color",
        OFFENCE_EXPLORER_CONFIG_DIR=str(tmp / "config"),
        OFFENCE_EXPLORER_DATA_DIR=str(tmp / "data"),
        HOME=str(tmp / "home"),  # VisiData and datui keep settings and history there
        XDG_CONFIG_HOME=str(tmp / "home" / ".config"),
        XDG_CACHE_HOME=str(tmp / "home" / ".cache"),
        XDG_DATA_HOME=str(tmp / "home" / ".local" / "share"),
    )
    env.pop("COLORTERM", None)
    env.pop("NO_COLOR", None)
    # An installed program runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE (set in some
    # sandboxes) every launch would compile every module again (~0.1-0.3 s here). The bytecode
    # goes to the temporary folder, so the source tree is left as it is.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    if truecolor:
        env["COLORTERM"] = "truecolor"
    (tmp / "home").mkdir(parents=True, exist_ok=True)
    return env


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="launches per tool and measure (≥ 5)")
    p.add_argument("--downs", type=int, default=24, help="↓ presses per run")
    p.add_argument("--quiet-ms", type=float, default=40.0, help="silence that ends a keypress")
    p.add_argument("--timeout", type=float, default=30.0, help="bound on every wait, seconds")
    p.add_argument("--cols", type=int, default=100)
    p.add_argument("--rows", type=int, default=30)
    p.add_argument("--colors", choices=("truecolor", "256"), default="truecolor")
    p.add_argument("--only-ox", action="store_true", help="skip VisiData and datui")
    p.add_argument(
        "--baseline",
        metavar="OX",
        help="also run this ox (another checkout's .venv/bin/ox), interleaved: before and after",
    )
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    samples = Samples()
    with tempfile.TemporaryDirectory(prefix="ox-bench-") as tmpdir:
        tmp = Path(tmpdir)
        env = environment(tmp, args.colors == "truecolor")
        csv = tmp / "homeoffice.csv"
        from benchmarks.bench_import import export_homeoffice_csv

        rows = export_homeoffice_csv(csv)
        chosen = tools(csv, rows, args.baseline)
        if args.only_ox:
            chosen = [t for t in chosen if t.search]
        names = [t.name for t in chosen]
        print(
            f"{args.runs} runs, {args.cols}×{args.rows} pty, TERM=xterm-256color {args.colors},"
            f" quiet = {args.quiet_ms:.0f} ms without output, {os.cpu_count()} CPUs;"
            f" CSV for peers: {rows:,} rows, {csv.stat().st_size / 1e6:.0f} MB;"
            f" load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        print(f"offence-explorer: {chosen[0].argv[0]}, code from {source_tree(env, tmp)}")
        for tool in chosen[1:]:
            print(f"{tool.name}: {tool.argv[0] if tool.search else version(tool.argv[0])}")
        missing = {"vd", "datui"} - {Path(t.argv[0]).name for t in chosen}
        if missing and not args.only_ox:
            print(f"(not installed, columns left out: {', '.join(sorted(missing))})")
        # Each offence-explorer keeps its own settings, data and caches (one's cache would
        # otherwise invalidate the other's).
        envs = {
            t.name: env if i == 0 else environment(tmp / f"tool{i}", args.colors == "truecolor")
            for i, t in enumerate(chosen)
        }
        for i in range(args.runs):
            for tool in chosen:
                try:
                    run_once(tool, envs[tool.name], samples, args)
                except BenchTimeout as e:
                    samples.notes.append(f"run {i + 1}, {tool.name}: {e}")
                    print(f"run {i + 1}, {tool.name}: TIMEOUT\n{e}", file=sys.stderr, flush=True)
            for tool in chosen:
                if tool.answer:
                    time_show(tool, envs[tool.name], samples, args.timeout)
            print(f"run {i + 1}/{args.runs} done", file=sys.stderr, flush=True)
    print(table(samples, names))
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(counts(samples, names))
    for note in samples.notes:
        print("note:", note.splitlines()[0])
    return 1 if samples.notes else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
