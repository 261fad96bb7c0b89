"""The Forces view says what it would otherwise leave unsaid (issue 20): that the dataset's
default offence is not in it (it silently showed all offences instead), and why a % is "—" where
a count is negative (said in the detail and Compare, not in Forces or its export)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli, write_dataset
from tests.ui.conftest import settle
from tui.app import make_app
from tui.model.stats.changes import NEGATIVE_NOTE
from tui.screens.forces import ForcesScreen
from tui.widgets.status_line import StatusLine


def adjusted(store: Path) -> None:
    """Code 'X' only (its default, code 86, is not there); Kent's 2021/22 Q1 a negative count
    (an adjustment), so Kent's 2021/22 total is -5."""
    rows = [
        {"year": y, "quarter": q, "force": f, "offence_code": "X", "offence": "X", "count": 5}
        for y in (2020, 2021)
        for q in (1, 2, 3, 4)
        for f in ("Kent", "Essex")
    ]
    rows[8] = {**rows[8], "count": -20}  # 2021 Q1 Kent: -20 + 5 + 5 + 5 = -5
    write_dataset(store, "adjusted", rows, default_offence="86")


async def test_forces_says_the_default_offence_is_missing_and_why_a_pct_is_a_dash(
    store: Path, settings_file: Path
) -> None:
    adjusted(store)
    app = make_app(dataset="adjusted", settings_file=settings_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen) and screen.table is not None
        assert [r.counts for r in screen.table.rows if r.force.name == "Kent"] == [(20, -5)]
        status = screen.query_one("#forces-status", StatusLine).full_text
        assert "default offence (86) is not in this dataset" in status, status
        assert "negative" in status, status
        report = screen.report()
        assert report is not None
        assert NEGATIVE_NOTE in report.notes
        assert any("default offence (86) is not in this dataset" in n for n in report.notes)


def test_ox_table_notes_the_negative_count_and_the_missing_default(store: Path) -> None:
    adjusted(store)
    code, out, err = run_cli("table", "-d", "adjusted")
    assert code == 0, err
    flat = " ".join(out.split())
    assert " ".join(NEGATIVE_NOTE.split()) in flat
    assert "default offence (86) is not in this dataset" in flat
