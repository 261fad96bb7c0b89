"""The Forces table marks its changes as Compare does (issue #8): "~" (dimmed) after a % within
chance variation, "†" ("r" in ASCII) after a % between figures from different releases, and the
status line says how many."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_dataset
from tests.ui.conftest import settle, wait_for
from tui.app import OffenceApp, make_app
from tui.screens.forces import ForcesScreen
from tui.widgets.force_table import ForceTableView


def pct_cell(table: ForceTableView, key: str) -> tuple[str, str]:
    """The % cell of a row: its text and style."""
    cell = table.row(key).cells[[c.key for c in table.columns].index("pct")]
    return cell.plain, str(cell.style)


async def test_a_change_within_chance_has_a_dim_tilde(oct23_app: OffenceApp) -> None:
    app = oct23_app
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        table = screen.query_one(ForceTableView)
        # Home Office PRC (Oct 2023), code 86, 2021/22 → 2022/23, summed from the quarters:
        # Hertfordshire 127+121+118+133 = 499 → 113+101+149+139 = 502: +0.6 %, within chance.
        assert pct_cell(table, "Hertfordshire") == (f"{(502 / 499 - 1) * 100:+.1f}%~", "dim")
        # Northamptonshire 120+99+106+219 = 544 → 195+151+161+230 = 737: +35.5 %, beyond.
        text, style = pct_cell(table, "Northamptonshire")
        assert text.strip() == f"{(737 / 544 - 1) * 100:+.1f}%" and "dim" not in style
        status = str(screen.query_one("#forces-status").render())
        assert "within chance (exact Poisson test, 95%)" in status
        assert "across releases" not in status  # one release: nothing to mark
        await pilot.press("down", "m")  # rates: the same test on the counts over populations
        await settle(pilot)
        assert pct_cell(table, "Hertfordshire")[0].endswith("%~")
        assert not pct_cell(table, "Northamptonshire")[0].endswith("~")


async def test_a_change_across_releases_is_marked_r_in_ascii(
    store: Path, settings_file: Path
) -> None:
    """Kent's 2020/21 figure comes from one release, its 2021/22 from another; Gwent's from one."""
    rows = [
        {"year": 2020, "force": "Kent", "offence_code": "1", "offence": "One", "count": 100,
         "release": "2021-01"},
        {"year": 2021, "force": "Kent", "offence_code": "1", "offence": "One", "count": 300,
         "release": "2023-01"},
        {"year": 2020, "force": "Gwent", "offence_code": "1", "offence": "One", "count": 50,
         "release": "2023-01"},
        {"year": 2021, "force": "Gwent", "offence_code": "1", "offence": "One", "count": 52,
         "release": "2023-01"},
    ]  # fmt: skip
    write_dataset(store, "releases", rows)
    app = make_app(dataset="releases", offence="1", ascii_only=True, settings_file=settings_file)
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ForcesScreen), "forces")
        table = app.screen.query_one(ForceTableView)
        await wait_for(pilot, lambda: "Kent" in table.keys, "rows")
        assert pct_cell(table, "Kent")[0] == "+200.0%r "  # 100 → 300: beyond chance
        assert pct_cell(table, "Gwent") == ("+4.0%~", "dim")  # 50 → 52
        status = str(app.screen.query_one("#forces-status").render())
        assert "r 1 change(s) across releases" in status and "~ 1 within chance" in status
