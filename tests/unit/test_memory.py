"""Memory held by a loaded dataset (issue 11): text as categories, freed pages given back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl

from tui.model import schema as S
from tui.model.dataset import load_dataset
from tui.model.selection import pick_offence
from tui.model.series import force_series
from tui.model.totals import resolve_force

ROOT = Path(__file__).resolve().parents[2]


def test_text_columns_are_held_as_categories() -> None:
    ds = load_dataset("homeoffice")
    for name, dtype in S.LONG_SCHEMA.items():
        if dtype == pl.String():
            assert ds.figures.schema[name] == pl.Categorical(), name
    # 258,905 rows: 55 MB with text as strings, 13 MB as categories.
    assert ds.figures.estimated_size() < 20_000_000
    # The figures are the source's: Home Office PRC (Oct 2023 release), Northamptonshire, code
    # 86, 2017/18: quarters 60 + 61 + 71 + 77 = 269 (shared prc_pfa_tidy.csv).
    series = force_series(ds, resolve_force(ds, "northamptonshire"), pick_offence(ds, "86"))
    assert next(p.count for p in series.points if p.year.year == 2017) == 269


def test_loading_the_home_office_table_peaks_below_140_mb() -> None:
    # Polars alone is ~47 MB; strings decoded and freed pages kept by the allocator took the peak
    # of a load to ~200 MB before.
    script = (
        "from tui.model.dataset import load_dataset\n"
        "load_dataset('homeoffice')\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "_RJEM_MALLOC_CONF"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    peak_kb = int(done.stdout.strip())
    assert peak_kb < 140_000, f"peak {peak_kb:,} kB"
