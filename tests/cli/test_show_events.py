"""``ox show`` names the events about the offence it shows, as the detail view marks them on its
chart. Kent's code 28E (Burglary - Residential) is 3,548 in 2022/23 and 1 in 2023/24 in the Apr
2026 release: residential burglary was split into new codes from April 2023 (data/events.csv),
not a fall of 100%. Trial 2 found ``ox show kent --offence 28E`` said nothing of it."""

from __future__ import annotations

from tests.conftest import run_cli


def test_show_names_the_recording_change_behind_a_fall() -> None:
    code, out, err = run_cli("show", "kent", "--offence", "28E")
    assert code == 0, err
    assert "-100.0%" in out  # the fall itself (1 against 3,548)
    assert (
        "2023/24: Residential burglary split into burglary of a home and of an unconnected "
        "building (ox events)" in out
    )


def test_events_about_every_offence_are_left_to_ox_events() -> None:
    code, out, err = run_cli("show", "northants")
    assert code == 0, err
    assert "(ox events)" not in out
