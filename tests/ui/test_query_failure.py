"""A query that fails in its worker is shown to the user, and the app keeps running."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.ui.conftest import settle, wait_for
from tui.app import OffenceApp
from tui.model.data.offences import OffenceSelection
from tui.model.results.comparison_types import Comparison
from tui.model.results.types import ForceTable
from tui.model.session import Session
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen


def _boom(*_args: object, **_kwargs: object) -> ForceTable:
    raise RuntimeError("the figures file vanished")


async def test_a_failing_force_table_says_what_failed(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Session, "force_table", _boom)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        screen = app.screen
        assert isinstance(screen, ForcesScreen)
        context = screen.query_one("#forces-context", Static)
        await wait_for(pilot, lambda: "vanished" in str(context.render()), "the failure message")
        text = str(context.render())
        assert "Could not build the table for code 86" in text
        assert any("the figures file vanished" in str(n.message) for n in app._notifications)
        assert app.is_running and app.return_code is None


async def test_a_stale_answer_is_dropped_and_a_failing_comparison_keeps_the_view(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app (its comparisons fail): two quick offence changes, of which only the second
    table is shown, whatever order they finish in; then Compare, whose failure is said and the
    app keeps running."""

    def fail(
        self: Session, year_a: int, year_b: int, sel: OffenceSelection, **_: bool
    ) -> Comparison:
        raise ValueError(f"no figures for {year_a}")

    monkeypatch.setattr(Session, "compare", fail)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.data is not None, "the dataset")
        await settle(pilot)
        app.set_offence("all")
        app.set_offence("8N")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ForcesScreen) and screen.table is not None
        assert screen.table.offence.key == "8N"

        await pilot.press("down", "v")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        context = compare.query_one("#compare-context", Static)
        await wait_for(pilot, lambda: "no figures for" in str(context.render()), "the failure")
        assert app.is_running
