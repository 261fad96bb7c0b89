"""The words researchers use find the offence the Home Office counts them under (issue 20):
"indecent", "child abuse images", "IIOC", "CSAM" find code 86 first, and a term that is no
offence code ("domestic abuse") says so, each from a sourced row of ``data/offence_terms.csv``."""

from __future__ import annotations

import csv
import io

import pytest

from tui.cli.main import main
from tui.model.data.dataset import load_dataset
from tui.model.data.offence_terms import load_terms
from tui.model.data.offences import resolve_offence, search_offences
from tui.paths import bundled_data_dir


def _ox(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def test_every_term_has_a_source_and_names_an_offence_the_data_has() -> None:
    with (bundled_data_dir() / "offence_terms.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(load_terms()) >= 10
    offences = load_dataset("homeoffice").offences
    for row in rows:
        assert row["source_url"].startswith("https://"), row
        assert row["source"] and row["note"], row
        if row["offence"]:
            assert resolve_offence(offences, row["offence"]).key == row["offence"]
        else:
            assert row["note"].startswith("Not an offence code"), row
    # A copy of an official file says it is one.
    for row in rows:
        if "gov.uk" not in row["source_url"] and "police.uk" not in row["source_url"]:
            assert "copy" in row["source"], row


@pytest.mark.parametrize(
    "query", ["indecent", "indecent images", "child abuse images", "IIOC", "csam", "obscene", "86"]
)
def test_the_picker_offers_code_86_first(query: str) -> None:
    found = search_offences(load_dataset("homeoffice").offences, query)
    assert found[0].selection.key == "86"
    labels = " ".join(c.selection.label for c in found)
    assert "careless or inconsiderate" not in labels


def test_the_picker_says_which_word_found_it() -> None:
    first = search_offences(load_dataset("homeoffice").offences, "iioc")[0]
    assert first.term == "IIOC"


@pytest.mark.parametrize(
    ("query", "first"),
    [("knife crime", "10D"), ("burglary", "subgroup:Domestic burglary")],
)
def test_other_words_lead_to_what_the_classification_counts(query: str, first: str) -> None:
    assert search_offences(load_dataset("homeoffice").offences, query)[0].selection.key == first


@pytest.mark.parametrize("query", ["indecent", "child abuse images", "IIOC", "CSAM"])
def test_ox_offences_lists_code_86_first_and_nothing_scattered(query: str) -> None:
    code, out = _ox("offences", query, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["code"] == "86"
    assert not any("inconsiderate" in r["description"] for r in rows)


def test_ox_offences_says_when_a_term_is_no_offence_code() -> None:
    code, out = _ox("offences", "domestic abuse")
    assert code == 0
    assert "Not an offence code" in out and "https://" in out


def test_a_word_inside_a_term_does_not_pull_its_offence_first() -> None:
    """ "sexual" is in "child sexual abuse material" but asks for the group Sexual offences."""
    found = search_offences(load_dataset("homeoffice").offences, "sexual")
    assert found[0].selection.label == "group: Sexual offences"
