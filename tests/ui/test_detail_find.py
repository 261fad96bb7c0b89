"""``/`` in a force's detail view finds another force (issue 20): it did nothing, so the keys
typed after it acted as commands (``/`` ``e`` Enter wrote a CSV). Every key after ``/`` goes to
the box, however fast it arrives; Enter opens the force found, Esc leaves with nothing done."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import burst, settle
from tests.ui.test_detail_cuts import open_detail
from tui.app import make_app
from tui.screens.detail import ForceDetailScreen


async def test_slash_finds_a_force_and_letters_never_act_as_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app, two checks: (1) after ``/`` no key acts as a command (no CSV written, no
    period, national trend or quit); (2) ``/`` kent Enter opens Kent in place of the detail
    shown (one detail in the stack), ``/`` ess Esc opens nothing."""
    monkeypatch.chdir(tmp_path)  # where an export would be written
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "northam")
        burst(pilot, "slash", "e", "enter")  # "e" Enter once wrote a CSV
        await settle(pilot)
        assert not list(tmp_path.glob("*.csv")), "commands: / e Enter wrote a CSV"
        screen = app.screen  # the first force "e" finds (Essex)
        assert isinstance(screen, ForceDetailScreen), "commands: / e Enter opened no detail"
        burst(pilot, "slash", "p", "i", "P", "e", "q", "escape")  # periods, peers, export, quit
        await settle(pilot)
        assert not screen.quarterly and screen.national == "off", "commands: p or i acted"
        assert app.screen is screen and app.is_running, "commands: P, e or q acted"
        assert not screen.query(".jump.-open"), "commands: Esc did not close the box"

        burst(pilot, "slash", "k", "e", "n", "t", "enter")
        await settle(pilot)
        kent = app.screen
        assert isinstance(kent, ForceDetailScreen) and kent.force.name == "Kent", "find: kent"
        details = [s for s in app.screen_stack if isinstance(s, ForceDetailScreen)]
        assert len(details) == 1, f"find: {len(details)} details in the stack"
        burst(pilot, "slash", "e", "s", "s", "escape")  # Esc: nothing opened
        await settle(pilot)
        assert app.screen is kent, "find: Esc opened"
        assert kent.force.name == "Kent", "find: Esc opened another force"
