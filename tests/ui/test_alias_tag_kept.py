"""While searching, the alias a force was found by stays in view beside its name (issue 20: at
80 columns ``met`` showed "Metropolitan Polic…" with no ``=Met``): the name is cut with "…" to
make room, never the tag; every name cell fits its column whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, terminal_text
from tui.app import make_app
from tui.widgets.force_table import ForceTableView
from tui.widgets.forces_status import ALIAS_MARK


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
@pytest.mark.parametrize("measure", ["count", "rate"])
async def test_the_alias_tag_stays_in_view(
    tmp_path: Path, size: tuple[int, int], measure: str
) -> None:
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if measure == "rate":
            await pilot.press("escape", "m", "slash")
            await settle(pilot)
        grid = app.screen.query_one(ForceTableView)
        name_width = next(c.width for c in grid.columns if c.key == "force")
        checked = 0
        for query in ("met", "northants", "greater london", "city"):
            await pilot.press(*query)
            await settle(pilot)
            for found in app.screen.filtered:  # type: ignore[attr-defined]
                cell = grid.row(found.row.force.name).cells[0].plain
                assert len(cell) <= name_width, cell
                if found.via:
                    assert f" {ALIAS_MARK}" in cell, cell
                    checked += 1
            if query == "met":
                cell = grid.row("Metropolitan Police").cells[0].plain
                assert cell.endswith(f" {ALIAS_MARK}Met"), cell
                assert cell in terminal_text(app), cell
            for _ in query:
                await pilot.press("backspace")
        assert checked
