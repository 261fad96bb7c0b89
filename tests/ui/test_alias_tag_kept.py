"""While searching, the alias a force was found by stays in view beside its name (issue 20: at
80 columns ``met`` showed "Metropolitan Polic…" with no ``=Met``): the name is cut with "…" to
make room, never the tag; every name cell fits its column whole."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import burst, settle, terminal_text, type_text
from tui.app import make_app
from tui.widgets.force_table import ForceTableView
from tui.widgets.forces_status import ALIAS_MARK

SIZES = [(60, 20), (80, 24), (120, 40)]


async def test_the_alias_tag_stays_in_view(tmp_path: Path) -> None:
    """One app: by counts, then by rates (``m``), resized to each size in ``SIZES``; at each,
    four searches, the name cells and the ``=Met`` tag checked (each check names its measure,
    size and query)."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        grid = app.screen.query_one(ForceTableView)
        for measure in ("count", "rate"):
            if measure == "rate":
                await pilot.press("escape", "m", "slash")
                await settle(pilot)
            assert app.settings.measure == measure
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await settle(pilot)
                assert app.size == size
                name_width = next(c.width for c in grid.columns if c.key == "force")
                checked = 0
                for query in ("met", "northants", "greater london", "city"):
                    where = (measure, size, query)
                    await type_text(pilot, query)
                    for found in app.screen.filtered:  # type: ignore[attr-defined]
                        cell = grid.row(found.row.force.name).cells[0].plain
                        assert len(cell) <= name_width, (where, cell)
                        if found.via:
                            assert f" {ALIAS_MARK}" in cell, (where, cell)
                            checked += 1
                    if query == "met":
                        cell = grid.row("Metropolitan Police").cells[0].plain
                        assert cell.endswith(f" {ALIAS_MARK}Met"), (where, cell)
                        assert cell in terminal_text(app), (where, cell)
                    burst(pilot, *["backspace"] * len(query))
                    await settle(pilot)
                    assert app.screen.query_one("#search-input").value == "", where  # type: ignore[attr-defined]
                assert checked, (measure, size)
