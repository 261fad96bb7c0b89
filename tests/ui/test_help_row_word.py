"""The help (F1, ?) names a row as the key bar does (issue 20): over Recorded Crime in Scotland the
key bar said "/ Find a council area" and the help "Find a force"."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from tests.ui.conftest import settle, wait_for
from tui.app import make_app
from tui.screens.help import HelpScreen


def help_keys_text(app: object) -> str:
    """The help's key list as printed (every section, whatever is scrolled into view)."""
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HelpScreen)
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    console.print(screen.query_one("#help-keys", Static).content)
    return console.export_text()


async def test_help_says_force_for_the_home_office_data_and_council_area_for_scotland(
    settings_file: Path,
) -> None:
    """One app (two tests before): the help over the Home Office data, then over Scotland's."""
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = help_keys_text(app)
        assert text.count("Find a force") == 2 and "Open the force found" in text, text
        assert "council area" not in text
        await pilot.press("escape")
        await settle(pilot)
        app.switch_dataset("scotland")
        await wait_for(
            pilot, lambda: app.dataset is not None and app.dataset.name == "scotland", "Scotland"
        )
        await pilot.press("down", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = help_keys_text(app)
        assert text.count("Find a council area") == 2, text  # a table's / and a detail's /
        assert "Open the council area found" in text
        assert "Find a force" not in text and "Open the force found" not in text
