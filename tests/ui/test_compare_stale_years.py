"""Years offered before another dataset opened (a palette's "compare 2023/24 and 2024/25", a
year picker's list) are checked against the dataset open when they are chosen.

A key storm switched to Scotland's council areas (1996/97 to 2022/23) with such an offer open;
choosing it then failed as "Query failed: Could not compare 2023 and 2024: 2023/24 is not in
dataset 'scotland'"."""

from __future__ import annotations

from tests.ui.conftest import open_compare, settle, wait_for
from tui.app import OffenceApp
from tui.screens.compare import CompareScreen


async def test_years_the_open_dataset_lacks_are_refused_with_the_reason(app: OffenceApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot)
        assert isinstance(screen, CompareScreen)
        app.switch_dataset("scotland")
        await wait_for(
            pilot,
            lambda: screen.context is not None and screen.context.dataset.name == "scotland",
            "Scotland's council areas",
        )
        await settle(pilot)
        shown = screen.years
        assert shown is not None and max(shown) <= 2022  # Scotland's last year: 2022/23
        screen.show_years(2023, 2024)  # offered while the Home Office release was open
        await settle(pilot)
        told = [str(n.message) for n in app._notifications]
        assert not [t for t in told if "Could not" in t], told
        assert "scotland has no 2023/24: the years shown are kept." in told
        assert screen.years == shown
