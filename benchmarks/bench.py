"""Timings of the pieces (not tests): ``make bench-parts`` or ``python benchmarks/bench.py``.

What a user sees is measured by ``benchmarks/pty_bench.py`` (``make bench``): the real ``ox`` under
a pseudo-terminal. These sections time parts, for profiling (pick some with arguments):

- ``cli``: wall time of whole ``ox show`` / ``ox compare`` processes.
- ``model``: load and query times inside one process.
- ``import``: importing the bundled Home Office table re-exported as CSV, and opening the result.

(The former ``tui`` section timed paints from inside the process, which is not what a terminal
receives; it was replaced by the pty harness.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def stats(label: str, samples: list[float], unit: str = "ms") -> None:
    """Print median, worst and best of samples given in seconds."""
    scale = 1000.0 if unit == "ms" else 1.0
    med = statistics.median(samples) * scale
    worst = max(samples) * scale
    best = min(samples) * scale
    print(
        f"  {label:<48} median {med:8.1f} {unit}   worst {worst:8.1f} {unit}"
        f"   best {best:8.1f} {unit}   (n={len(samples)})"
    )


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def bench_cli(repeat: int = 10) -> None:
    print("CLI (whole process, python -m tui):")
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        env["OFFENCE_EXPLORER_DATA_DIR"] = tmp
        for argv in (
            ["show", "northamptonshire"],
            ["show", "northamptonshire", "--offence", "all"],
            ["show", "northants", "--dataset", "nspcc"],
            ["compare", "2016/17", "2017/18"],
            ["compare", "2021/22", "2022/23", "--offence", "all", "--format", "json"],
        ):

            def run(argv: list[str] = argv) -> None:
                subprocess.run(
                    [sys.executable, "-m", "tui", *argv],
                    env=env,
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )

            stats("ox " + " ".join(argv), timed(run, repeat))

        def bare() -> None:
            subprocess.run([sys.executable, "-c", "pass"], check=True)

        stats("(python start-up alone, for scale)", timed(bare, repeat))


def bench_model(repeat: int = 20) -> None:
    print("Model (in process):")
    from tui.model.data.dataset import load_dataset
    from tui.model.figures.comparison import compare_years
    from tui.model.figures.force_table import force_table
    from tui.model.figures.selection import pick_offence
    from tui.model.figures.series import force_series

    stats("load_dataset('homeoffice')", timed(lambda: load_dataset("homeoffice"), repeat))
    ds = load_dataset("homeoffice")
    sel = pick_offence(ds, "86")
    every = pick_offence(ds, "all")
    kent = ds.reference.resolve("kent")
    stats("force_table(code 86)", timed(lambda: force_table(ds, sel), repeat))
    stats("force_table(all offences)", timed(lambda: force_table(ds, every), repeat))
    stats("force_series(Kent, code 86)", timed(lambda: force_series(ds, kent, sel), repeat))
    stats(
        "compare_years(2016/17, 2017/18, code 86)",
        timed(lambda: compare_years(ds, 2016, 2017, sel), repeat),
    )
    from tui.model.results.ordering import filter_rows

    table = force_table(ds, sel)
    stats(
        "filter_rows('nor') over the force table",
        timed(lambda: filter_rows(table.rows, "nor"), repeat * 10),
    )


def main(argv: list[str]) -> int:
    sections = argv or ["cli", "model", "import"]
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} CPU(s)")
    if "cli" in sections:
        bench_cli()
    if "model" in sections:
        bench_model()
    if "import" in sections:
        from benchmarks import bench_import

        bench_import.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
