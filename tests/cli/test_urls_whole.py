"""A web address in a CLI table or note is printed whole on its own line, never wrapped mid-string
(issue 20): a reader copies it as it is."""

from __future__ import annotations

import io
import re

from tui.output.render import print_table
from tui.output.reports import Column, Report

URL = "https://example.org/" + "a-very-long-path-segment/" * 9 + "end"


class Terminal(io.StringIO):
    def isatty(self) -> bool:  # as a terminal 80 columns wide
        return True


def test_addresses_in_cells_and_notes_are_printed_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    report = Report(
        "Events",
        [Column("what", "Event"), Column("source", "Source")],
        [{"what": "A new records system", "source": URL}],
        notes=[f"Event 2022/23: something. Source: {URL}"],
    )
    out = Terminal()
    print_table(report, out)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue()).splitlines()
    whole = [line for line in lines if URL in line]
    assert len(whole) == 2, out.getvalue()
    assert all(line.strip().endswith(URL) for line in whole)
    # No fragment of the address is left anywhere else.
    assert not [line for line in lines if "a-very-long" in line and URL not in line]
