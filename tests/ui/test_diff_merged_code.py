"""The release diff view of all offences says what moved (code 90 counted in code 81 by the 2026
release) beside its counts, and lists no "removed" row for it (issue 20).

West Yorkshire 2021/22, every code summed: 294,241 in the Oct 2023 release (prc_pfa_tidy.csv,
code 90 is 3 of it) and 294,283 in the 23 Apr 2026 release (its parquet, no code 90).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import make_app
from tui.model.data.offences import ALL_OFFENCES
from tui.screens.diff_view import DiffScreen
from tui.screens.forces import ForcesScreen


async def test_the_diff_of_all_offences_says_code_90_is_inside_code_81(settings_file: Path) -> None:
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        forces = app.screen
        assert isinstance(forces, ForcesScreen) and forces.context is not None
        context = replace(forces.context, selection=ALL_OFFENCES)
        await app.push_screen(DiffScreen(context, "homeoffice-2023-10", "homeoffice"))
        screen = app.screen
        assert isinstance(screen, DiffScreen)
        await wait_for(pilot, lambda: screen.diff is not None, "the diff", timeout=60)
        await settle(pilot)
        assert screen.diff is not None
        west = [r for r in screen.diff.rows if (r.force, r.year) == ("West Yorkshire", "2021/22")]
        assert [(r.value_a, r.value_b, r.status) for r in west] == [(294_241, 294_283, "changed")]
        assert not [r for r in screen.diff.rows if r.status == "removed" and "2021/22" in r.year]
        notes = str(screen.query_one("#diff-notes").render())
        first, second = notes.splitlines()[:2]
        # Was " 1 removed" (Greater Manchester's 8T/8U rows of 0 in 2019/20 Q2-Q4): not counted
        # now (tui/model/data/uncounted.py), as in the other release; and never code 90.
        assert " 0 removed" in first, first
        assert second.startswith("Code 90 in homeoffice-2023-10 is counted in code 81"), second
        assert "Code 90 in homeoffice-2023-10" in terminal_text(app)
