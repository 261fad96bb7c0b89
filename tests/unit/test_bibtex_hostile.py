"""BibTeX for any name (issue 19): BibTeX counts every brace, escaped or not, so ``\\}`` in a force
named ``West }, title = "Pwned",`` closed the field and injected one, ``Kent {North`` left a brace
open, and control characters came out as ``\\x1b``. Read back with a real BibTeX parser
(pybtex, a test-only dependency), every entry has exactly its own fields, holding the text."""

from __future__ import annotations

import pytest
from pybtex.database import parse_string

from tui.model.data.catalogue import find_dataset
from tui.model.findings.citation import cite, to_bibtex

HOSTILE = [
    'West }, title = "Pwned",',
    "Kent {North",
    "}}}{{{",
    "back\\slash \\end{document}",
    "Esc \x1b[31mred\x1b[0m and\nnewline\ttab \x07bell",
    "50% & $5 #1 under_score ~tilde ^caret",
    '@misc{evil, title="x"}',
    'quote " and comma , = @',
    "Ünïcödé — ‘quotes’",
]


def _entry(force: str) -> tuple[str, dict[str, str]]:
    c = cite(find_dataset("homeoffice"), "code 86: Obscene publications etc", forces=[force])
    bib = to_bibtex(c)
    data = parse_string(bib, "bibtex")
    assert len(data.entries) == 1, bib
    (entry,) = data.entries.values()
    fields = {k.lower(): str(v) for k, v in entry.fields.items()}
    persons = {k.lower(): [str(p) for p in v] for k, v in entry.persons.items()}
    return bib, {**fields, **{k: " and ".join(v) for k, v in persons.items()}}


@pytest.mark.parametrize("force", HOSTILE)
def test_any_name_stays_in_its_field(force: str) -> None:
    bib, fields = _entry(force)
    plain = _entry("Kent")[1]
    assert set(fields) == set(plain) and "note" in fields, bib
    assert "Pwned" not in fields["title"]
    assert fields["title"] == plain["title"]
    assert "\x1b" not in bib and "\\x1b" not in bib and "\x07" not in bib
    assert all(ch == "\n" or ch.isprintable() for ch in bib)


def test_the_name_reads_as_written() -> None:
    """LaTeX-safe: the specials are commands that print the character, braces balanced."""
    bib, fields = _entry('West }, title = "Pwned", {North')
    note = fields["note"]
    assert 'West \\textbraceright{}, title = "Pwned", \\textbraceleft{}North' in note
    assert bib.count("{") == bib.count("}")
