"""``ox table`` names the recording change that starts in its latest columns: code 28E (Burglary
Residential) is 0 in 2023/24 Q1 for most forces because residential burglary was split into new
codes from April 2023 (data/events.csv), not because burglary stopped.

The source (prc_pfa_tidy.csv, from the Home Office's 19 Oct 2023 tables) has a real row for every
force under 28E in 2023/24 Q1: 0 for 25 of the 43 forces (West Midlands 0, after
2,586+2,885+3,321+2,934 = 11,726 in 2022/23), but 1,837 for the Metropolitan Police, so the
zeros are kept as the counts the source states, with the note beside them."""

from __future__ import annotations

from tests.conftest import run_cli as run

OCT23 = "homeoffice-2023-10"


def test_ox_table_names_the_burglary_split_beside_the_zeros() -> None:
    code, out, _ = run("table", "-o", "28E", "-d", OCT23)
    assert code == 0
    west_mids = next(line for line in out.splitlines() if "West Midlands  " in line)
    cells = west_mids.split()
    assert "11,726" in cells and cells[cells.index("11,726") + 1] == "0"  # as the source
    met = next(line for line in out.splitlines() if "Metropolitan Police" in line)
    assert "1,837" in met.split()
    text = " ".join(out.split())
    assert (
        "Recording change 2023/24 (2023-04): Residential burglary split into burglary of a home "
        "and of an unconnected building" in text
    )
    assert "new codes 28I to 29C replace 28E to 29A from 2023/24" in text


def test_ox_table_has_no_recording_change_note_where_none_starts() -> None:
    """Code 86: no recording event names it, and none starts in 2023/24 to 2025/26."""
    for dataset in ("homeoffice", OCT23):
        code, out, _ = run("table", "-o", "86", "-d", dataset)
        assert code == 0 and "Recording change" not in out


def test_ox_table_names_the_merger_of_code_90_into_81_where_it_shows_either() -> None:
    """The 23 Apr 2026 release has no code 90 rows from 2021/22 (its offences are in 81); the
    table of either code names the event, though it is not in the latest columns."""
    for code_ in ("81", "90"):
        code, out, _ = run("table", "-o", code_)
        text = " ".join(out.split())
        assert code == 0 and "Recording change 2021/22 (2021-04): Code 90 (other knives " in text
    code, out, _ = run("table", "-o", "86")
    assert "Code 90" not in out
