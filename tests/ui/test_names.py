"""One short name per force in every TUI table (PSNI); the alias a search matched, never cut."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tests.ui.test_journeys import row_cells
from tui.app import make_app
from tui.model.data.names import short_force_name
from tui.model.data.reference import load_reference
from tui.paths import bundled_data_dir
from tui.screens.compare import CompareScreen
from tui.widgets.compare_table import CompareTableView
from tui.widgets.search_bar import SearchInput

PSNI = "Police Service of Northern Ireland"


def test_a_long_name_is_shown_by_its_shortest_alias_or_cut() -> None:
    forces = load_reference(bundled_data_dir()).forces
    assert forces[PSNI].display_name == "PSNI"
    assert forces["Northamptonshire"].display_name == "Northamptonshire"
    combined = "West Midlands + Staffordshire + Warwickshire + West Mercia (combined as stated)"
    assert short_force_name(combined) == "West Midlands + Staffor…"
    assert all(len(f.display_name) <= 24 for f in forces.values())


async def test_compare_calls_psni_what_forces_calls_it(tmp_path: Path) -> None:
    """NSPCC 2016/17 → 2017/18 at 80 columns: PSNI (478 in 2017/18), not its 34-letter name."""
    app = make_app(settings_file=tmp_path / "s.json", dataset="nspcc")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_compare(2016, 2017)
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        await settle(pilot)
        table = app.screen.query_one(CompareTableView)
        cells = row_cells(table, PSNI)
        assert cells["force"].strip() == "PSNI" and cells["b"].strip() == "478"


async def test_the_alias_a_search_matched_is_never_cut_and_the_status_line_names_its_row(
    tmp_path: Path,
) -> None:
    """One app. At 80×24, after ``nha`` (the cursor on Northamptonshire, found by its name) the
    status line read ``(=Lancashire Constabulary: Lancashire)``: an alias first, read as a word
    about the row under the cursor (issue 20). It names the row first, as its tag in the table
    reads. Then ``northants`` at each size (resized): its alias tag whole."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "nha")
        lines = terminal_text(app).splitlines()
        status = lines[-2]
        assert "=Lancashire Constabulary:" not in status, status
        assert "(Lancashire =Lancashire Constabulary, an alias)" in status, status
        tagged = next(line for line in lines if line.lstrip().startswith("Lancashire ="))
        assert "1,090" in tagged  # the row it names is in the table, tagged "="
        app.screen.query_one(SearchInput).value = ""
        await settle(pilot)
        await type_text(pilot, "northants")
        for size in [(80, 24), (120, 40), (200, 50)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert app.size == size
            text = terminal_text(app)
            row = next(line for line in text.splitlines() if "Northamptonshire" in line)
            # Tagged with "=", not "~" (which after a % means a change within chance).
            tail = row.split("Northamptonshire")[1]
            assert "=Northants" in row or tail.startswith(" = "), (size, row)
            assert "~Northants" not in row and not tail.startswith(" ~"), (size, row)
            # The status line says which alias, the row first (as the row's tag reads)
            assert "Northamptonshire =Northants, an alias" in text, (size, text)
            assert "~Northants" not in text, size
            assert "=…" not in text and "=N…" not in text and "Northants…" not in text, size
