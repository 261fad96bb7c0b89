"""A list of force names reads as the names it holds: "London, City of" (the Home Office's and
ONS's name for the City of London) holds a comma, so names are joined with "; " (issue 20, the
fresh-eyes trial: ``ox show london`` asked "did you mean: London, City of, Metropolitan Police?",
three names to the eye, and the NSPCC compare note listed "…, Lincolnshire, London, City of,
Merseyside, …")."""

from __future__ import annotations

from tests.conftest import run_cli as run
from tui.model.data.names import name_list

CITY = "London, City of"


def test_did_you_mean_lists_whole_names() -> None:
    code, _, err = run("show", "london")
    assert code != 0
    assert f"did you mean: {CITY}; Metropolitan Police?" in err, err


def test_the_compare_note_of_forces_left_out() -> None:
    code, out, err = run("compare", "2016/17", "2017/18", "--dataset", "nspcc")
    assert code == 0, err
    text = " ".join(out.split())
    assert f"Lincolnshire; {CITY}; Merseyside" in text, text
    assert f"{CITY}," not in text


def test_a_citation_and_a_chart_of_several_forces() -> None:
    code, out, err = run("cite", "--force", "City of London", "--force", "Kent")
    assert code == 0, err
    assert f"forces: {CITY}; Kent;" in out, out
    code, out, err = run("show", "City of London", "Kent")
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"{CITY}; Kent: "), out.splitlines()[0]


def test_name_list() -> None:
    assert name_list([CITY, "Metropolitan Police"]) == "London, City of; Metropolitan Police"
    assert name_list([]) == ""
