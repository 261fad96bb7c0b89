"""A copy says where it went. In a terminal it goes by OSC 52, which tmux (set-clipboard
external) dropped while the app said "Copied the table (46 rows)": the trial pasted nothing."""

from __future__ import annotations

from tui.formatting import copied


def test_a_terminal_copy_says_it_may_not_arrive() -> None:
    said = copied("the table (46 rows)", web=False)
    assert said.startswith("Sent the table (46 rows) to the terminal's clipboard")
    assert "OSC 52" in said and "tmux ignores it" in said
    assert "Copied" not in said


def test_a_browser_copy_leaves_the_caveat_to_its_download() -> None:
    assert (
        copied("the citation (BibTeX)", web=True) == "Sent the citation (BibTeX) to the clipboard."
    )
