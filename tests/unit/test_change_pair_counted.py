"""An offence no longer counted opens on its last two counted years, not on two years of "—".

Non-domestic burglary (codes 30A, 30B, 31) is listed in the Apr 2026 release with 0 for every
force from 2017/18 (not counted: see tests/unit/test_uncounted_years.py); its table opened on
"change 2023/24 → 2024/25" over a column of "—". Figures from the source rows."""

from __future__ import annotations

import polars as pl

from tui.model.data.dataset import load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.paths import bundled_data_dir


def source_count(force: str, year: int) -> int:
    rows = pl.read_parquet(bundled_data_dir() / "homeoffice.parquet").filter(
        pl.col("preferred")
        & (pl.col("force") == force)
        & (pl.col("year") == year)
        & pl.col("offence_code").is_in(["30A", "30B", "31"])
    )
    return int(rows.get_column("count").sum())


def test_an_offence_no_longer_counted_opens_on_its_last_counted_change() -> None:
    ds = load_dataset("homeoffice")
    table = force_table(ds, pick_offence(ds, "subgroup:Non-domestic burglary"))
    assert table.change_from is not None and table.change_to is not None
    assert (table.change_from.label, table.change_to.label) == ("2015/16", "2016/17")
    kent = next(r for r in table.rows if r.force.name == "Kent")
    assert kent.change == source_count("Kent", 2016) - source_count("Kent", 2015)
    assert kent.change is not None and kent.change != 0


def test_a_counted_offence_still_opens_on_the_last_two_full_years() -> None:
    ds = load_dataset("homeoffice")
    table = force_table(ds, pick_offence(ds, "86"))
    assert table.change_from is not None and table.change_to is not None
    assert (table.change_from.label, table.change_to.label) == ("2023/24", "2024/25")
