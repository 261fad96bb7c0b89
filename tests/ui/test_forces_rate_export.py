"""The Forces view in rates (``m``): its export and its reproduce command show the rates.

Figures are checked against the published count and the shared population file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.cli.test_cli_honest import shared_population
from tests.cli.test_reproduce import json_rows
from tests.ui.conftest import settle, wait_for
from tests.ui.test_journeys import visible_keys
from tui.app import make_app
from tui.model.findings.reproduce import command_for
from tui.output.export import export_meta, provenance_text, render_export
from tui.screens.forces import ForcesScreen
from tui.widgets.force_table import ForceTableView

NORTHANTS_2022_COUNT = 737
"""Code 86, Northamptonshire, 2022/23 (sum of the four published quarters)."""


async def test_rate_export_and_command_carry_the_rates_in_the_screen_order(
    settings_file: Path,
) -> None:
    """One app: Compare 2021/22 → 2022/23 put in rates (``m``) reproduces with
    ``--measure rate``; back in Forces (in rates too), its export and command carry the rates."""
    app = make_app(settings_file=settings_file, dataset="homeoffice-2023-10")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_compare(2021, 2022)
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        compare_spec = app.screen.view_spec()  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        await wait_for(
            pilot, lambda: screen.context is not None and screen.context.measure == "rate", "rates"
        )
        table = screen.query_one(ForceTableView)
        on_screen = [k for k in visible_keys(table) if not k.startswith("total:")]
        report = screen.report()
        spec = screen.view_spec()
        assert report is not None and spec is not None
        meta = export_meta(report, None, "test")
        text = render_export(report, "csv", meta) + provenance_text(meta)
    expected = round(NORTHANTS_2022_COUNT / shared_population("Northamptonshire", 2022) * 1e5, 1)
    assert expected == 93.0  # 737 / 792,856 × 100,000
    assert "per 100,000 people" in text
    rows = list(csv.DictReader(io.StringIO(render_export(report, "csv", meta))))
    northants = next(r for r in rows if r["force"] == "Northamptonshire")
    assert round(float(northants["rate 2022/23"]), 1) == expected
    assert int(northants["2022/23"]) == NORTHANTS_2022_COUNT
    command = command_for(spec)
    assert "--measure rate" in command
    printed = json_rows(command_for(spec, "json"))
    forces = [str(r["force"]) for r in printed]
    listed = [f for f in forces if f not in {"England and Wales", "England", "Wales"}]
    assert listed[: len(on_screen)] == on_screen[: len(listed)]
    assert listed[:3] == [r["force"] for r in rows[3:6]]
    got = next(r for r in printed if r["force"] == "Northamptonshire")["rate 2022/23"]
    assert isinstance(got, float) and round(got, 1) == expected

    # Compare in rates reproduces with --measure rate.
    assert compare_spec is not None
    command = command_for(compare_spec, "json")
    assert "--measure rate" in command
    northants_b = next(r for r in json_rows(command) if r["force"] == "Northamptonshire")
    expected_b = NORTHANTS_2022_COUNT / shared_population("Northamptonshire", 2022) * 1e5
    assert round(float(northants_b["rate_b"]), 1) == round(expected_b, 1)  # type: ignore[arg-type]


def test_forces_export_says_which_years_the_change_is_between() -> None:
    from tui.model.data.dataset import load_dataset
    from tui.model.figures.force_table import force_table
    from tui.model.figures.selection import pick_offence
    from tui.output.table_rates_report import forces_report

    ds = load_dataset("homeoffice-2023-10")
    table = force_table(ds, pick_offence(ds, "86"))
    for measure in ("count", "rate"):
        report = forces_report(ds, table, measure=measure)
        meta = export_meta(report, None, "test")
        # 2023/24 is a partial year (Q1), so the latest change is the last two full years.
        assert (meta["change_from"], meta["change_to"]) == ("2021/22", "2022/23")
        text = provenance_text(meta)
        assert "change_from: 2021/22\nchange_to: 2022/23\n" in text
        row = next(r for r in report.records if r["force"] == "Northamptonshire")
        assert row["2022/23"] == NORTHANTS_2022_COUNT
        assert row["change"] == NORTHANTS_2022_COUNT - row["2021/22"]  # type: ignore[operator]
    assert "per 100,000 people" in str(meta["rates"])
