"""The words researchers use for offences ("indecent images", "IIOC", "knife crime"), each tied to
what the Home Office classification counts it under, or to why it is not an offence code.

The table is ``data/offence_terms.csv`` (``term, offence, note, source_url, source``): one row per
term and offence it means, each with the page that says so. ``offence`` is a selection key as
``--offence`` takes it (``86``, ``subgroup:Domestic burglary``); empty when the term names no
offence code (a flag such as "domestic abuse"), and then ``note`` says where to look instead.

Pure: stdlib only.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tui.model.data.search import PREFIX, rank
from tui.paths import bundled_data_dir

TERMS_FILE = "offence_terms.csv"


@dataclass(frozen=True)
class Term:
    """One word people use, and what it is counted under."""

    term: str
    offence: str
    """A selection key (``86``, ``group:NAME``, ``subgroup:NAME``), or "" for no offence code."""
    note: str
    source_url: str
    source: str
    """Who says so, and whether the page is the publisher's own or a copy."""


@lru_cache(maxsize=4)
def load_terms(path: Path | None = None) -> tuple[Term, ...]:
    """The bundled table of terms (empty when the file is missing: search still works)."""
    file = path or bundled_data_dir() / TERMS_FILE
    try:
        with file.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError:
        return ()
    return tuple(
        Term(
            r["term"].strip(),
            r["offence"].strip(),
            r["note"].strip(),
            r["source_url"].strip(),
            r.get("source", "").strip(),
        )
        for r in rows
        if r.get("term", "").strip()
    )


def matching_terms(query: str, terms: tuple[Term, ...] | None = None) -> list[Term]:
    """The terms ``query`` is the start of ("indecent", "csam", "child abuse"), best first, the
    best one for each offence they mean."""
    if not query.strip():
        return []
    pool = load_terms() if terms is None else terms
    # Only a term that starts with what was typed ("indecent", "child abuse", "csam"): a word
    # inside one ("sexual" in "child sexual abuse material") is not asking for it.
    hits = [h for h in rank(query, ((t, (t.term,)) for t in pool)) if h.tier >= PREFIX]
    # One term per offence it means (and per note for terms that mean none): "indecent"
    # names "indecent images" and "indecent images of children", both code 86.
    seen: set[str] = set()
    found: list[Term] = []
    for h in hits:
        key = h.item.offence or h.item.note
        if key not in seen:
            seen.add(key)
            found.append(h.item)
    return found


def term_keys(query: str, terms: tuple[Term, ...] | None = None) -> list[str]:
    """The offence keys the terms ``query`` names mean, best first, each once."""
    keys: list[str] = []
    for t in matching_terms(query, terms):
        if t.offence and t.offence not in keys:
            keys.append(t.offence)
    return keys


def terms_for(key: str, terms: tuple[Term, ...] | None = None) -> tuple[str, ...]:
    """The words people use for the selection ``key`` (for search by those words)."""
    pool = load_terms() if terms is None else terms
    return tuple(dict.fromkeys(t.term for t in pool if t.offence and t.offence == key))
