"""Offences in a dataset: listing, searching, and resolving what a user typed to a selection.

A selection is one offence code, an offence group, an offence subgroup, or all offences summed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tui.formatting import echo
from tui.model.data.errors import UnknownOffenceError
from tui.model.data.offence_terms import matching_terms
from tui.model.data.search import STRONG, near_misses, rank

SelectionKind = Literal["all", "code", "group", "subgroup"]


@dataclass(frozen=True)
class OffenceInfo:
    """One offence code as it appears in a dataset."""

    code: str
    description: str
    """The description in the latest year the code appears (wording changes over time)."""
    group: str
    subgroup: str
    first_year: int | None
    last_year: int | None

    @property
    def search_texts(self) -> tuple[str, ...]:
        """Texts the offence can be found by: description first, then code, group and subgroup."""
        return (self.description, self.code, self.group, self.subgroup)


@dataclass(frozen=True)
class OffenceSelection:
    """Which offences a view counts."""

    kind: SelectionKind
    value: str
    """The code, group or subgroup name; "" for all offences."""
    label: str
    """A label that names the selection in full, e.g. ``"code 86: Obscene publications etc"``."""
    note: str = field(default="", compare=False)
    """Why the view shows this rather than what it was to show (the dataset's default offence is
    not among its offences), said in the status line; empty otherwise."""

    @property
    def key(self) -> str:
        """A compact token that :func:`resolve_offence` turns back into this selection."""
        if self.kind == "all":
            return "all"
        if self.kind == "code":
            return self.value
        return f"{self.kind}:{self.value}"


ALL_OFFENCES = OffenceSelection("all", "", "all offences")


def select_code(info: OffenceInfo) -> OffenceSelection:
    """The selection of one offence code."""
    return OffenceSelection("code", info.code, f"code {info.code}: {info.description}")


def select_group(group: str) -> OffenceSelection:
    """The selection of an offence group."""
    return OffenceSelection("group", group, f"group: {group}")


def select_subgroup(subgroup: str) -> OffenceSelection:
    """The selection of an offence subgroup."""
    return OffenceSelection("subgroup", subgroup, f"subgroup: {subgroup}")


@dataclass(frozen=True)
class OffenceChoice:
    """One entry of the offence picker: a selection with the text it is found by."""

    selection: OffenceSelection
    texts: tuple[str, ...]
    positions: tuple[int, ...] = ()
    """Matched positions in ``selection.label`` for highlighting."""
    term: str = ""
    """The word people use that found it ("IIOC" for code 86), when one did."""


def offence_choices(offences: tuple[OffenceInfo, ...]) -> list[OffenceChoice]:
    """Every selection a dataset offers: all offences, each group, each subgroup, each code."""
    choices = []
    if not any(o.code == "all" for o in offences):
        # Datasets with a stated total (code "all") offer that instead of a sum.
        choices.append(OffenceChoice(ALL_OFFENCES, (ALL_OFFENCES.label, "all", "total")))
    groups = sorted({o.group for o in offences if o.group})
    subgroups = sorted({o.subgroup for o in offences if o.subgroup} - set(groups))
    for info in offences:
        sel = select_code(info)
        choices.append(OffenceChoice(sel, (sel.label, info.code, info.description)))
    for g in groups:
        sel = select_group(g)
        choices.append(OffenceChoice(sel, (sel.label, g)))
    for s in subgroups:
        sel = select_subgroup(s)
        choices.append(OffenceChoice(sel, (sel.label, s)))
    return choices


_BREADTH = {"all": 0, "group": 1, "subgroup": 2, "code": 3}


def search_offences(offences: tuple[OffenceInfo, ...], query: str) -> list[OffenceChoice]:
    """Fuzzy search the selections, best first; an empty query lists them all in order."""
    choices = offence_choices(offences)
    if not query.strip():
        return choices
    # The words researchers use first ("indecent images", "IIOC" → code 86), as the sourced
    # table of terms says (tui.model.data.offence_terms).
    by_key = {c.selection.key: c for c in choices}
    named: list[OffenceChoice] = []
    for t in matching_terms(query):
        found = by_key.get(t.offence)
        if found is not None and all(n.selection != found.selection for n in named):
            named.append(OffenceChoice(found.selection, found.texts, (), t.term))
    taken = {n.selection for n in named}
    hits = rank(query, ((c, c.texts) for c in choices))
    if named:  # scattered letters ("indecent" in "causing death by careless or inconsiderate…")
        hits = [h for h in hits if h.tier >= STRONG]
    # Within a kind of match, broader selections first: "sexual" offers the group "Sexual
    # offences" above code 88A "Sexual grooming".
    hits.sort(key=lambda h: (-h.tier, _BREADTH[h.item.selection.kind]))
    return named + [
        OffenceChoice(h.item.selection, h.item.texts, h.positions if h.field == 0 else ())
        for h in hits
        if h.item.selection not in taken
    ]


def resolve_offence(offences: tuple[OffenceInfo, ...], text: str) -> OffenceSelection:
    """Resolve an offence as a user types it.

    Accepted, in this order: ``all``; an exact code (``86``, ``8N``); ``group:NAME`` or
    ``subgroup:NAME``; an exact description, group or subgroup; then text found in exactly one
    code's description.

    Raises:
        UnknownOffenceError: nothing matched, or several offences did (with suggestions).
    """
    query = " ".join(text.split())
    if not query:
        raise UnknownOffenceError("no offence given")
    low = query.lower()
    by_code = {o.code.lower(): o for o in offences}
    if low in by_code:
        return select_code(by_code[low])
    if low in {"all", "all offences", "*"}:
        return ALL_OFFENCES
    groups = {o.group.lower(): o.group for o in offences if o.group}
    subgroups = {o.subgroup.lower(): o.subgroup for o in offences if o.subgroup}
    for prefix, table, make in (
        ("group:", groups, select_group),
        ("subgroup:", subgroups, select_subgroup),
    ):
        if low.startswith(prefix):
            name = low[len(prefix) :].strip()
            if name in table:
                return make(table[name])
            raise UnknownOffenceError(
                f"unknown offence {prefix[:-1]} {echo(query[len(prefix) :].strip())}",
                tuple(sorted(table.values()))[:8],
            )
    for info in offences:
        if info.description.lower() == low:
            return select_code(info)
    if low in groups:
        return select_group(groups[low])
    if low in subgroups:
        return select_subgroup(subgroups[low])
    hits = rank(query, ((o, (o.description,)) for o in offences))
    close = [h for h in hits if h.score >= 700]
    if len(close) == 1:
        return select_code(close[0].item)
    suggestions = tuple(f"{h.item.code} ({h.item.description})" for h in (close or hits)[:6])
    if close:
        raise UnknownOffenceError(f"{echo(query)} matches several offences", suggestions)
    # A typo ("burglery"): the groups, subgroups and offences it misspells come first.
    named = [(f"group:{g}", (g,)) for g in sorted(set(groups.values()))]
    named += [(f"subgroup:{g}", (g,)) for g in sorted(set(subgroups.values()))]
    named += [(f"{o.code} ({o.description})", (o.description,)) for o in offences]
    meant = tuple(near_misses(query, named, limit=6))
    raise UnknownOffenceError(f"unknown offence {echo(query)}", meant or suggestions)
