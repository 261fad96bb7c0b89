"""The key bar is built once per change of what it shows (issue 22: work removed, not cached).

Textual's footer built every key again on each signal that bindings may have changed (a focus
change, a screen pushed or popped): opening a force's detail built its 13 keys four times."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from tests.ui.conftest import settle, type_text
from tui.app import OffenceApp
from tui.screens.detail import ForceDetailScreen
from tui.widgets.keys_footer import KeysFooter


async def test_opening_a_detail_builds_its_keys_once(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[FooterKey] = []
    real = FooterKey.__init__

    def counted(self: FooterKey, *args: object, **kwargs: object) -> None:
        built.append(self)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(FooterKey, "__init__", counted)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "kent")
        built.clear()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        shown = list(app.screen.query_one(KeysFooter).query(FooterKey))
        assert len(shown) > 5
        assert len(built) == len(shown), f"{len(built)} keys built for {len(shown)} in the bar"
        # Moving in the series table changes no key: nothing is built again.
        await pilot.press("down", "down", "up")
        await settle(pilot)
        assert len(built) == len(shown)
        assert list(app.screen.query_one(KeysFooter).query(FooterKey)) == shown
