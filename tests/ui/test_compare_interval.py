"""Compare shows the 95 % interval of the change of the row under the cursor (issue 20: only "~"
before), the same interval as ``ox compare`` (``pct_ci_low``, ``pct_ci_high``)."""

from __future__ import annotations

import math
import re
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import settle, terminal_text, wait_for
from tests.ui.test_journeys import cli_json, row_cells
from tui.app import make_app
from tui.formatting import fmt_pct
from tui.widgets.compare_table import CompareTableView


def _tail(n: int, k: int, p: float, upper: bool) -> float:
    """P(X >= k) (``upper``) or P(X <= k) for X ~ Bin(n, p), by direct sums."""
    ks = range(k, n + 1) if upper else range(0, k + 1)
    return sum(
        math.exp(
            math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
            + i * math.log(p) + (n - i) * math.log(1 - p)
        )
        for i in ks
    )  # fmt: skip


def _solve(f: object, target: float) -> float:
    lo, hi = 1e-9, 1 - 1e-9
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < target:  # type: ignore[operator]
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def clopper_pearson_pct(a: int, b: int) -> tuple[float, float]:
    """The 95 % interval of the % change from a to b: Clopper-Pearson for b / (a + b), as a
    ratio b / a (the method README, Methods names), worked out here from scratch."""
    n = a + b
    p_low = _solve(lambda p: _tail(n, b, p, upper=True), 0.025)
    p_high = _solve(lambda p: -_tail(n, b, p, upper=False), -0.025)
    return tuple((p / (1 - p) - 1) * 100 for p in (p_low, p_high))  # type: ignore[return-value]


def _interval(app: object) -> str:
    found = app.screen.query("#compare-interval").first(None)  # type: ignore[attr-defined]
    return str(found.render()) if isinstance(found, Static) else ""


async def test_the_interval_follows_the_cursor_and_takes_columns_when_wide(
    settings_file: Path,
) -> None:
    """One app, Compare 2016/17 → 2017/18, three checks:

    - at 120x40 the line under the table gives the interval of the row under the cursor, and
      every column says what it holds (the bar after Move had no header: trial 2 read '▲█████'
      under nothing, at 120x40);
    - opened at 140x40 the interval is in columns, not in rates (``m``: the interval is the
      counts');
    - opened at 100x30 it is not in columns.
    """
    app = make_app(settings_file=settings_file)
    rows = {str(r["force"]): r for r in cli_json("compare", "2016/17", "2017/18")}
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_compare(2016, 2017)
        await wait_for(pilot, lambda: "95% interval" in _interval(app), "the interval")
        table = app.screen.query_one(CompareTableView)
        header = next(r for r in terminal_text(app).splitlines() if r.lstrip().startswith("Force"))
        assert re.search(r"Move\s+% bar$", header.rstrip()), header
        first = table.current_force or ""
        assert _interval(app).split(" ")[0] in first
        target = table.keys.index("Northamptonshire")
        await pilot.press(*["down"] * (target - table.cursor))
        await settle(pilot)
        text = _interval(app)
        northants = rows["Northamptonshire"]
        # Code 86, Northamptonshire: 248 → 269 (60 + 61 + 71 + 77) in the source.
        assert text.startswith("Northamptonshire +8.5% (95% interval ")  # 269 / 248
        low, high = northants["pct_ci_low"], northants["pct_ci_high"]
        assert isinstance(low, float) and isinstance(high, float)
        assert f"95% interval {fmt_pct(low)} to {fmt_pct(high)}, within chance)" in text
        # The interval is the exact one of the counts, worked out again here from 248 and 269.
        expected = clopper_pearson_pct(248, 269)
        assert f"{fmt_pct(expected[0])} to {fmt_pct(expected[1])}" in text
        await pilot.press("up")
        await settle(pilot)
        assert not _interval(app).startswith("Northamptonshire")
        await pilot.resize_terminal(140, 40)
        table = await reopen(pilot)
        for force in ("Northamptonshire", "Kent"):
            cells = row_cells(table, force)
            low, high = rows[force]["pct_ci_low"], rows[force]["pct_ci_high"]
            assert isinstance(low, float) and isinstance(high, float)
            assert (cells.get("ci_low"), cells.get("ci_high")) == (fmt_pct(low), fmt_pct(high)), (
                f"140x40: {force}"
            )
        await pilot.press("m")  # rates: the interval is the counts', so not as columns
        await settle(pilot)
        assert "ci_low" not in row_cells(table, "Kent"), "140x40, rates"
        await pilot.press("m")  # counts again
        await pilot.resize_terminal(100, 30)
        table = await reopen(pilot)
        assert "ci_low" not in row_cells(table, "Kent"), "100x30"


async def reopen(pilot: Pilot[None]) -> CompareTableView:
    """Compare 2016/17 → 2017/18 opened again (its columns are chosen for the width it opens
    at), once its interval is shown."""
    app = pilot.app
    await settle(pilot)
    app.open_compare(2016, 2017)  # type: ignore[attr-defined]
    await settle(pilot)
    await wait_for(pilot, lambda: "95% interval" in _interval(app), "the interval")
    return app.screen.query_one(CompareTableView)
