"""Memory held by a loaded dataset (issue 11): text as categories, freed pages given back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import load_dataset
from tui.model.figures.selection import pick_offence
from tui.model.figures.series import force_series
from tui.model.figures.totals import resolve_force

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


def test_loading_the_home_office_table_and_its_peers_peaks_below_120_mb() -> None:
    # Polars alone is ~47 MB. Before: every text column decoded as strings at once, freed pages
    # kept by the allocator, eager filters copying every column and lists of a quarter of a
    # million quarters took the peak of a load to ~200 MB, and finding peers (a table of all
    # offences and one per offence group) ~25 MB above that. Where the system backs memory with
    # huge pages whenever it can, the same run peaked at ~143 MB (~120 MB on a CI machine) until
    # the explorer opted out of them: the flag is read back from the kernel, as the peak is.
    script = (
        "from tui.model.session import open_session\n"
        "session = open_session('homeoffice')\n"
        "session.peers(session.find_force('northamptonshire'))\n"
        "status = dict(l.split(':', 1) for l in open('/proc/self/status'))\n"
        "print(status['VmHWM'].split()[0], status.get('THP_enabled', 'unknown').strip())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "_RJEM_MALLOC_CONF"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    peak, huge_pages = done.stdout.split()
    assert huge_pages in ("0", "unknown"), "the process may still be given transparent huge pages"
    assert int(peak) < 120_000, f"peak {int(peak):,} kB"
