"""The detail's title keeps the dataset and its release date in view (issue 20): at 80×24 it was
cut to ``code 86: Obscene publications etc  ·  homeoffice…``, the release off screen. The file,
then the route, then the offence are shortened first; ``w`` shows the line whole. The title on
screen, at 60×20 and 80×24, is checked in ``tests/ui/test_detail_numbers.py`` (one detail for
several checks)."""

from __future__ import annotations

import pytest
from rich.text import Text

from tests.ui.conftest import terminal_text
from tui.app import OffenceApp
from tui.model.data.catalogue import find_dataset
from tui.screens.detail import ForceDetailScreen
from tui.widgets.detail_title import DetailTitle, TitleLines, release_forms


def check_title_words(app: OffenceApp) -> bool:
    """The detail's title as drawn is made of whole words of its text, a cut marked "…" after a
    word (or in place of the words left out); returns whether anything was cut or shortened."""
    screen = app.screen
    assert isinstance(screen, ForceDetailScreen)
    title = screen.query_one("#detail-title", DetailTitle)
    full = title.full_text.split()
    words = {*full, *(w.rstrip(",") for w in full)}  # "release," said shorter: "2026 release"
    shown = " ".join(terminal_text(app).splitlines()[:2]).split()
    for word in shown:
        if word in words or word == "…":
            continue
        assert word.endswith("…") and word[:-1] in words, f"not a whole word: {word!r} {shown}"
    return shown != full


DATE = "23 Apr 2026 release"
"""The bundled Home Office release (data/datasets.json: release 2026-04-23)."""


def test_the_release_is_said_in_fewer_words_each_with_its_date() -> None:
    forms = release_forms(find_dataset("homeoffice"))
    assert forms == [f"{DATE}, third-party copy of …230426.ods", f"{DATE}, third-party copy", DATE]
    assert release_forms(find_dataset("nspcc")) == []


@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_long_offence_is_cut_before_the_release(width: int) -> None:
    offence = Text("code 4.6: Causing death by careless or inconsiderate driving")
    tails = [
        Text(f"  ·  homeoffice · {form}") for form in release_forms(find_dataset("homeoffice"))
    ]
    title = TitleLines(Text("Kent  South East"), offence, tails, whole=False, ascii_only=False)
    second = title.fitted(width).plain.split("\n")[1]
    assert len(second) <= width and second.endswith(f"homeoffice · {DATE}"), second
    assert "…" in second and (width < 60 or second.startswith("code 4.6: Causing")), second
    whole = TitleLines(Text("Kent"), offence, tails, whole=True, ascii_only=False)
    assert whole.fitted(width).plain.endswith("third-party copy of …230426.ods")
