"""The Forces view names the recording change that starts in its latest columns, so code 28E's
2023/24 Q1 zeros (residential burglary split into new codes from April 2023) are not read as
burglary falling to zero (see tests/cli/test_table_recording_change.py for the source rows)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, wait_for
from tests.ui.test_journeys import row_cells
from tui.app import make_app
from tui.screens.forces import ForcesScreen
from tui.widgets.force_table import ForceTableView


async def test_forces_context_names_the_burglary_split(tmp_path: Path) -> None:
    # The Oct 2023 release: West Midlands 28E, 11,726 in 2022/23, then 0 in 2023/24 Q1.
    app = make_app(offence="28E", settings_file=tmp_path / "s.json", dataset="homeoffice-2023-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ForcesScreen), "forces")
        table = app.screen.query_one(ForceTableView)
        await wait_for(pilot, lambda: "West Midlands" in table.keys, "rows")
        await settle(pilot)
        cells = row_cells(table, "West Midlands")
        assert cells["year:2022"].strip() == "11,726" and cells["year:2023"].strip() == "0"
        context = str(app.screen.query_one("#forces-context").render())
        assert "Recording change 2023/24: Residential burglary split into" in context
