"""A misspelt offence suggests what it misspells, groups first ("burglery" → the burglary
subgroups), not whatever shares a few letters."""

from __future__ import annotations

import pytest

from tui.model.data.dataset import load_dataset
from tui.model.data.errors import UnknownOffenceError
from tui.model.figures.selection import pick_offence


def suggestions(text: str) -> tuple[str, ...]:
    with pytest.raises(UnknownOffenceError) as caught:
        pick_offence(load_dataset("homeoffice"), text)
    return caught.value.suggestions


def test_a_typo_suggests_the_groups_and_offences_it_misspells() -> None:
    found = suggestions("burglery")
    assert found[:2] == ("subgroup:Domestic burglary", "subgroup:Non-domestic burglary")
    assert all("urglary" in s for s in found)
    assert suggestions("robbry")[0] == "group:Robbery"


def test_nonsense_suggests_nothing_it_does_not_match() -> None:
    assert all("urglary" not in s for s in suggestions("xyzzy"))
