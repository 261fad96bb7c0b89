"""``ox show A B``: notes only for what the table shows, and ``--measure rate`` puts the rates side
by side (issue 20)."""

from __future__ import annotations

from tests.cli.test_cli_honest import run, shared_population
from tui.output.reports import RATE_NOTE
from tui.output.show_marks import SHOW_CHANCE_NOTE

KENT_2022_COUNT = 1738  # code 86, Kent, 2022/23 in prc_pfa_tidy.csv (Oct 2023 release)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_count_table_has_no_notes_about_rates_or_marks() -> None:
    code, out, err = run("show", "kent", "essex")
    assert code == 0, err
    assert "Per 100k" not in out and "~" not in out
    assert _flat(RATE_NOTE) not in _flat(out)
    assert _flat(SHOW_CHANCE_NOTE) not in _flat(out)
    assert "partial year" in out  # what the table does show is still said


def test_rates_side_by_side() -> None:
    code, out, err = run("show", "kent", "essex", "--measure", "rate", "-d", "homeoffice-2023-10")
    assert code == 0, err
    assert "per 100,000 people" in out and _flat(RATE_NOTE) in _flat(out)
    row = next(line for line in out.splitlines() if line.strip().startswith("2022/23"))
    kent = KENT_2022_COUNT / shared_population("Kent", 2022) * 1e5
    assert row.split()[1] == f"{kent:.1f}"
    partial = next(line for line in out.splitlines() if line.strip().startswith("2023/24"))
    assert partial.split()[-2:] == ["—", "—"]  # a partial year has no rate


def test_rates_are_by_year_not_quarter() -> None:
    code, _out, err = run("show", "kent", "essex", "--measure", "rate", "--quarters")
    assert code == 2 and "--quarters" in err
