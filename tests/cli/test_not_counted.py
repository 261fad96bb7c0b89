"""A subgroup whose codes were not counted in a year shows "—", not 0 (the CLI's Compare).

The 23 Apr 2026 release (``data/homeoffice.parquet``) keeps subgroup 'Non-domestic burglary'
(codes 30A, 30B, 31) in every year to 2025/26, with 0 for every force from 2017/18: those codes
were replaced by 30C, 30D and 31A ('Non-residential burglary'). Shown as 0, 2023/24 and 2024/25
read as "no burglaries".
"""

from __future__ import annotations

import json

import polars as pl

from tests.conftest import run_cli
from tui.paths import bundled_data_dir

ARGS = ("compare", "2023/24", "2024/25", "--offence", "subgroup:Non-domestic burglary")


def test_source_lists_non_domestic_burglary_with_0_in_those_years() -> None:
    rows = pl.read_parquet(bundled_data_dir() / "homeoffice.parquet").filter(
        pl.col("offence_subgroup") == "Non-domestic burglary", pl.col("year").is_in([2023, 2024])
    )
    assert rows.height > 0 and rows.get_column("count").abs().sum() == 0


def test_compare_shows_a_dash_not_0() -> None:
    code, out, err = run_cli(*ARGS, "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all(r["count_a"] is None and r["count_b"] is None for r in rows)
    code, table, err = run_cli(*ARGS)
    assert code == 0, err
    kent = next(line for line in table.splitlines() if line.strip().startswith("Kent"))
    assert kent.split()[1:3] == ["—", "—"], kent
    code, ascii_table, _ = run_cli("--ascii", *ARGS)
    kent = next(line for line in ascii_table.splitlines() if line.strip().startswith("Kent"))
    assert " 0 " not in f"{kent} ", kent
