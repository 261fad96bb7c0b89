"""A picker chooses the row the user chose, whatever the list shows by the time it is handled
(issue 20's storm: ``IndexError`` in ``Picker._chosen`` at 20×5, 80×24, 100×30 and 120×40).

Enter on a row of the offence picker posts Textual's ``OptionSelected`` with the row's index;
letters typed before it was handled refilled the list, and the index named another row, or none
(``self._shown[227]`` of a list of 3). Each row now carries its own choice.
"""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.ui.conftest import assert_running, burst, settle
from tui.app import OffenceApp
from tui.screens.picker import Picker, PickerInput


async def open_offence_picker(app: OffenceApp, pilot: object) -> Picker[str]:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    picker = app.screen
    assert isinstance(picker, Picker), picker
    return picker


CASES = [
    ("last", "burglary"),  # the storm's: an index past the end of the refilled list
    ("second", "burglary"),  # an index that names another row of the refilled list
    ("first", "zzqqxx"),  # the list filtered to nothing (the storm's index 0)
]


async def test_a_selection_handled_after_the_list_was_refilled_chooses_its_row(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app, the offence picker opened for each case: Enter on the last, second or first row,
    handled after letters typed meanwhile refilled the list (to fewer rows, other rows, none)."""
    chosen: list[str] = []
    monkeypatch.setattr(app, "set_offence", chosen.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        for row, typed in CASES:
            case = f"row {row}, then {typed!r} typed"
            chosen.clear()
            picker = await open_offence_picker(app, pilot)
            options = picker.query_one(OptionList)
            index = {"first": 0, "second": 1, "last": options.option_count - 1}[row]
            wanted = picker._shown[index].value
            # Enter on the row: Textual's list makes its message then...
            selected = OptionList.OptionSelected(options, options.get_option_at_index(index), index)
            # ...letters typed before it is handled refill the list.
            picker.query_one(PickerInput).value = typed
            await settle(pilot)
            assert options.option_count <= index or picker._shown[index].value != wanted, case
            picker.post_message(selected)
            await settle(pilot)
            assert_running(app, f"a selection of row {index} handled after typing {typed!r}")
            assert chosen == [wanted], case
            assert not isinstance(app.screen, Picker), case


async def test_enter_typed_with_the_filter_chooses_the_row_highlighted_then(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Letters, ↓ and Enter in one burst choose the second match of the letters; letters typed
    after Enter change nothing."""
    chosen: list[str] = []
    monkeypatch.setattr(app, "set_offence", chosen.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        picker = await open_offence_picker(app, pilot)
        search = picker._search
        assert search is not None
        wanted = search("burglary")[1].value
        burst(pilot, *"burglary", "down", "enter", *"xyz", "enter")
        await settle(pilot)
        assert_running(app, "burglary ↓ Enter xyz Enter")
        assert chosen == [wanted]
        assert not isinstance(app.screen, Picker)
