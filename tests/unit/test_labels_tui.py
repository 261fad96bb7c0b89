"""Issue 8's labels in the TUI, driven with Textual's Pilot: partial force-years marked, the
Compare view's default sort stated, the same year twice refused, ranks that say their set.

Expected figures come from the source rows (``homeoffice-prc/prc_pfa_tidy.csv``: UK Finance has
code 'UK Finance' for 2017/18 Q2-Q4 only, 21,063 + 17,188 + 21,116 = 59,367, its Q1 being under
code 'FFA UK'; 2018/19 Q1-Q4 69,160), the Oct 2023 release, so the app is opened on that dataset
(``homeoffice-2023-10``), with the fraud bodies listed (``include_national``).

These tests used Greater Manchester's code 8T in 2019/20 (Q2-Q4 rows, all 0, a year before any
other force had the code): those rows are now not counted (``tui/model/data/uncounted.py``), "—".
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.ui.conftest import settle
from tui.app import make_app
from tui.commands import ExplorerCommands
from tui.model.data.dataset import load_dataset
from tui.model.data.reference import load_reference
from tui.model.figures.detail import force_detail
from tui.model.figures.selection import pick_offence
from tui.model.figures.totals import find_force
from tui.paths import bundled_data_dir
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.picker import Picker
from tui.widgets.detail_facts import rank_text
from tui.widgets.force_table import ForceTableView
from tui.widgets.tables import SeriesTable

OCT23 = "homeoffice-2023-10"
UKF = "UK Finance"


def _settings(tmp_path: Path) -> Path:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"include_national": True}), encoding="utf-8")
    return path


async def test_forces_compare_and_detail_mark_a_partial_force_year(tmp_path: Path) -> None:
    """UK Finance 2017/18 (Q2-Q4 only, 59,367) on one app, three views: (1) the Forces table marks
    it "ᵖ" and its context says what that means; (2) Compare 2017/18 → 2018/19 (140×40) marks it
    and shows no move ("—" for change, %, rank and its change), and its context says why; (3) its
    detail labels the year "2017/18 Q2-Q4", with no %, and its facts say it is not compared."""
    app = make_app(settings_file=_settings(tmp_path), dataset=OCT23, offence=UKF)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        forces = app.screen
        table = forces.query_one(ForceTableView)
        cells = table.row_text(UKF)
        assert cells["year:2017"] == "59,367ᵖ" and cells["year:2018"] == "69,160", f"(1) {cells}"
        context = str(forces.query_one("#forces-context").render())
        assert "ᵖ a force's partial year" in context, f"(1) {context}"

        await pilot.resize_terminal(140, 40)
        app.open_compare(2017, 2018)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        cells = screen.query_one("#compare-table").row_text(UKF)  # type: ignore[attr-defined]
        assert cells["a"] == "59,367ᵖ" and cells["b"] == "69,160", f"(2) {cells}"
        moves = [cells["change"], cells["pct"], cells["rank"], cells["rank_change"]]
        assert moves == ["—"] * 4, f"(2) {cells}"
        context = str(screen.query_one("#compare-context").render())
        assert "partial force-year, not compared: UK Finance 2017/18 Q2-Q4" in context, (
            f"(2) {context}"
        )

        await app.pop_screen()
        await pilot.resize_terminal(120, 40)
        await app.open_force(UKF)
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        series = app.screen.query_one(SeriesTable)
        year, count, pct, *_rate = (cell.plain for cell in series.get_row("2017/18"))
        assert (year, count, pct) == ("2017/18 Q2-Q4", "59,367", "—"), "(3)"
        facts = str(app.screen.query_one("#detail-facts").render())
        assert "2017/18: 59,367 (UK Finance has Q2-Q4 only: not compared)" in facts, f"(3) {facts}"


async def test_compare_sort_and_same_year_and_the_palette_finding_a_force(tmp_path: Path) -> None:
    """One app (code 86), two views: (1) Compare opens sorted by year B, says so and which
    forces it ranks, and refuses the same year twice; (2) the palette's "northants" offers the
    force, not offence codes."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        provider = ExplorerCommands(app.screen)
        await provider.startup()  # as the palette does when it opens
        found = [hit.text async for hit in provider.search("northants")]
        assert found == ["Force: Northamptonshire"], f"(2) {found}"

        app.open_compare(2021, 2022)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.sort.key == "b"
        status = str(screen.query_one("#compare-status").render())
        assert status.startswith("sorted by year B ▼ (default)"), f"(1) {status}"
        assert "rank among the 43 forces with both years" in status, f"(1) {status}"
        await pilot.press("a")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, Picker)
        picker.dismiss(2022)  # year A := year B's 2022/23
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.years == (2021, 2022)
        assert app.screen.comparison is not None and app.screen.comparison.year_a.year == 2021
        assert any("both be 2022/23" in str(n.message) for n in app._notifications), "(1)"


def test_detail_rank_says_which_forces_it_is_among() -> None:
    """Kent's rank by code 86 count in the latest whole year among the ranked forces with a figure
    that year, counted from the readable summary of the source rows
    (``homeoffice_code86_by_force_year.csv`` in data/); the detail's facts panel shows this text
    (its snapshot has Northamptonshire's)."""
    with (bundled_data_dir() / "homeoffice_code86_by_force_year.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["quarters_present"] == "4"]
    latest = max(r["period"] for r in rows)  # 2024/25 in the 23 Apr 2026 release
    forces = load_reference(bundled_data_dir()).forces
    counts = {
        r["force"]: int(r["code86_offences"])
        for r in rows
        if r["period"] == latest and forces[r["force"]].ranked  # not BTP
    }
    rank = 1 + sum(count > counts["Kent"] for count in counts.values())
    ho = load_dataset("homeoffice")
    kent = find_force(ho, "Kent")
    detail = force_detail(ho, kent, pick_offence(ho, "86"))
    expected = f"Rank {rank} of {len(counts)} forces with a figure in {latest}, by count\n"
    assert rank_text(detail, kent).plain == expected
