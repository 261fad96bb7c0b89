"""The cite dialog (``K``) never breaks a web address across rows (issue 20): at 80×24 the gov.uk
address read "…/police-recorded-crime-ope" then "n-data-tables". An address starts a row, whole,
or is cut with "…" where it is wider than the box; ``w`` shows every line whole on one row."""

from __future__ import annotations

import re

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import OffenceApp
from tui.screens.base import ExplorerScreen
from tui.screens.cite_dialog import CiteDialog

ADDRESS = re.compile(r"https?://[^\s│}>\"]*")


def shown(app: OffenceApp) -> bool:
    """The view on screen says what it shows (``K`` cites it)."""
    screen = app.screen
    return isinstance(screen, ExplorerScreen) and screen.shown_view() is not None


def addresses(text: str) -> set[str]:
    return {m.group().rstrip(".,") for m in ADDRESS.finditer(text)}


async def test_addresses_are_whole_or_cut_and_w_shows_every_line_whole(app: OffenceApp) -> None:
    """One app (three tests before), resized: at 60×70 and 80×70 every address on screen is
    whole or cut with an ellipsis, in each format; at 80×24 ``w`` shows every line whole on one
    row."""
    async with app.run_test(size=(60, 70)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await wait_for(pilot, lambda: shown(app), "a view to cite")
        await pilot.press("K")
        await wait_for(pilot, lambda: isinstance(app.screen, CiteDialog), "the cite dialog")
        dialog = app.screen
        assert isinstance(dialog, CiteDialog)
        for size in [(60, 70), (80, 70)]:
            await pilot.resize_terminal(*size)
            for fmt in ("text", "bibtex", "json"):
                await settle(pilot)
                assert dialog.format == fmt, (size, fmt)
                whole = addresses(dialog.shown)
                assert whole, (size, fmt, dialog.shown)
                painted = terminal_text(app)
                seen = [m.group().rstrip(".,") for m in ADDRESS.finditer(painted)]
                assert seen, (size, fmt, painted)
                for token in seen:
                    cut = token.endswith("…") and any(a.startswith(token[:-1]) for a in whole)
                    assert token in whole or cut, (size, fmt, token, painted)
                await pilot.press("f")

        # w shows every line whole on one row (at 80×24, in the text format).
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert dialog.format == "text"
        await pilot.press("w")
        await settle(pilot)
        body = dialog.query_one("#cite-body")
        lines = dialog.shown.rstrip("\n").split("\n")
        assert body.size.height == len(lines)  # one row each
        assert body.size.width >= max(len(text) for text in lines)  # none cut
        await pilot.press("right", "right")
        await settle(pilot)
        assert dialog.query_one("#cite-scroll").scroll_x > 0
