"""Pilot tests of the rate toggle, the chance marks, events and both measures in the TUI.

Figures are checked against the shared population file and the published counts, never against
the app's own output computed the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Static

from tests.cli.test_cli_honest import shared_population
from tests.ui.conftest import settle, type_text
from tests.ui.test_journeys import row_cells, screen_text, visible_keys
from tui.app import make_app
from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_table import ForceTableView
from tui.widgets.tables import SeriesTable


async def test_m_switches_forces_to_rates_ranked_by_rate(settings_file: Path) -> None:
    app = make_app(settings_file=settings_file, dataset="homeoffice-2023-10")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ForceTableView)
        assert row_cells(table, "Northamptonshire")["year:2022"] == "737"
        await pilot.press("down", "m")
        await settle(pilot)
        expected = 737 / shared_population("Northamptonshire", 2022) * 100_000
        assert row_cells(table, "Northamptonshire")["year:2022"] == f"{expected:,.1f}"
        assert row_cells(table, "London, City of")["force"].endswith("‡")
        context = str(app.screen.query_one("#forces-context", Static).render())
        assert "per 100,000 people (ONS mid-year estimate of the year the financial year" in (
            " ".join(context.split())
        )
        assert "City of London" in context
        rates = [float(row_cells(table, k)["year:2022"].replace(",", "")) for k in
                 visible_keys(table) if not k.startswith("total:")][:10]  # fmt: skip
        assert rates == sorted(rates, reverse=True)
    saved = json.loads(settings_file.read_text(encoding="utf-8"))
    assert saved["measure"] == "rate"
    again = make_app(settings_file=settings_file)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = again.screen.query_one(ForceTableView)
        assert row_cells(table, "Northamptonshire")["year:2022"] != "737"


async def test_compare_marks_chance_and_sorts_it_after_real_changes(settings_file: Path) -> None:
    app = make_app(dataset="nspcc", settings_file=settings_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_compare(2016, 2017)
        await settle(pilot)
        table = app.screen.query_one(CompareTableView)
        assert row_cells(table, "Northamptonshire")["pct"] == "+7.3%~"
        assert row_cells(table, "Bedfordshire")["pct"] == "+69.5% "
        # The first % order (s from the default, or the % header) puts changes beyond chance
        # first: every beyond-chance change before every change within chance.
        await pilot.press("s")
        await settle(pilot)
        status = str(app.screen.query_one("#compare-status", Static).render())
        assert "sorted by % change, beyond chance first" in status
        keys = [k for k in visible_keys(table) if not k.startswith("total:")]
        marks = [row_cells(table, k)["pct"] for k in keys]
        tested = [m for m in marks if m != "—"]
        within = [m.endswith("~") for m in tested]
        assert within == sorted(within) and True in within and False in within
        assert keys.index("Bedfordshire") < keys.index("Northamptonshire")
        status = str(app.screen.query_one("#compare-status", Static).render())
        assert "exact Poisson test, 95%" in status and "within chance" in status
        await pilot.press("m")
        await settle(pilot)
        expected = 263 / shared_population("Northamptonshire", 2017) * 100_000
        assert row_cells(table, "Northamptonshire")["b"] == f"{expected:,.1f}"


async def test_compare_notes_an_event_and_the_detail_shows_chance_events_and_measures(
    settings_file: Path,
) -> None:
    """One app, two checks: Compare 2016/17 → 2017/18 notes an event between the years
    (160x40); Northamptonshire's detail shows chance, events and both measures (160x60)."""
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        app.open_compare(2016, 2017)
        await settle(pilot)
        context = str(app.screen.query_one("#compare-context", Static).render())
        # The first force event of 2016/17 (by date): HMIC's crime data integrity inspection of
        # Greater Manchester, published 25 August 2016 (data/events.csv, from its HMIC page).
        assert "Greater Manchester: HMICFRS crime data integrity inspection" in context, context
        await pilot.press("f")
        await pilot.resize_terminal(160, 60)
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await settle(pilot)
        facts = " ".join(str(app.screen.query_one("#detail-facts", Static).render()).split())
        assert "95% interval" in facts and "beyond chance" in facts
        assert "HMIC inspection 'Crime-recording: making the victim count'" in facts
        assert "E1 2013/14" in facts and "https://" in facts
        assert "2016/17 248 245" in facts and "2017/18 269 263" in facts
        assert "Different measures" in facts
        assert "E1" in screen_text(app)  # the mark on the chart
        series = app.screen.query_one(SeriesTable)
        expected = 269 / shared_population("Northamptonshire", 2017) * 100_000  # 35.42
        assert row_cells(series, "2017/18")["rate"] == f"{expected:,.1f}" == "35.4"
