"""Codes a later release counts inside another code (code 90 within code 81 from 2021/22), for the
release diff (:mod:`tui.model.findings.diff_codes`).

Where one dataset has such a code in a year and the other has no figure for it at all but has the
code it is counted in, the code's figures are never "removed" with no word of why:

- compared code by code, or when the code it is counted in is outside the selection: a ``moved``
  row of its own, whose change is what the code takes from (adds to) the comparison;
- when the code it is counted in is in the selection too (all offences; group or subgroup
  "Possession of weapons offences"): compared within the selection's total, with the codes in
  both, since the other dataset's total counts its figures inside that code. A second row for the
  same force and year reading "0 → removed" would misread as a loss.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from tui.model.data.years import fy_label

MERGED = (
    (
        "90",
        "81",
        "the release of 23 Apr 2026 has no code 90 ('Other knives offences') from 2021/22 and "
        "names code 81 'Other firearms, knives and offensive weapon offences' (PROVENANCE.md of "
        "homeoffice-prc, file 7)",
    ),
)
"""Codes merged into another by a later release: (code, the code it is counted in, source)."""

Codes = dict[tuple[int, str], tuple[str, str, str]]
"""(year, code) → (group, subgroup, description) of one dataset."""

GONE, NEW, SAME, OUT, IN = "gone", "new", "same", "out", "in"
"""Parts of a cell, as :mod:`tui.model.findings.diff_codes` names them."""


@dataclass(frozen=True)
class Folded:
    """A merged code in one year of one selection: what it became and why."""

    code: str
    into: str
    source: str
    in_a: bool
    """True when dataset A has the code (B counts it in ``into``)."""
    within: bool
    """True when ``into`` is in the selection too: compared within its total."""

    def note(self) -> str:
        """The note of the cell it is compared in (its moved row, or the total's row)."""
        side, other = ("A", "B") if self.in_a else ("B", "A")
        text = f"code {self.code} in {side} is counted in code {self.into} in {other}"
        text += f" ({self.source})"
        if self.within:
            return f"{text}: compared within the total"
        verb = "takes from" if self.in_a else "adds to"
        return f"{text}; the change is what it {verb} the comparison"


def fold_merged(
    parts: dict[tuple[int, str], str],
    lone: dict[tuple[int, str], list[str]],
    codes: tuple[Codes, Codes],
    values: tuple[str, str],
    member: Callable[[tuple[str, str, str], str, str], bool],
) -> dict[tuple[int, str], Folded]:
    """Give each merged code with no figure in the other dataset its part: ``same`` (with the codes
    in both) when the code it is counted in is in the other's selection, else ``out`` / ``in``
    (moved). ``parts`` and ``lone`` (codes with no figure at all in the other) are updated.

    Args:
        parts: (year, code) → part, as :func:`~tui.model.findings.diff_codes.plan_selection`
            found them (``gone``: in A only; ``new``: in B only).
        lone: (year, part) → codes with no figure in the other dataset that year.
        codes: the code tables of A and B.
        values: the selection's value in A and in B (a group's name in each).
        member: whether a code (with its info) is in the selection of the given value.

    Returns:
        (year, code) → what became of it.
    """
    folded: dict[tuple[int, str], Folded] = {}
    for code, into, source in MERGED:
        for (year, found), part in list(parts.items()):
            if found != code or part not in (GONE, NEW):
                continue
            other, value = (codes[1], values[1]) if part == GONE else (codes[0], values[0])
            info = other.get((year, into))
            if info is None:
                continue
            lone[(year, part)].remove(code)
            if not lone[(year, part)]:
                del lone[(year, part)]
            within = member(info, into, value)
            parts[(year, code)] = SAME if within else OUT if part == GONE else IN
            folded[(year, code)] = Folded(code, into, source, part == GONE, within)
    return folded


def folded_summary(folded: dict[tuple[int, str], Folded], name_a: str, name_b: str) -> list[str]:
    """One line per merged code, for the report's notes and the diff view's status: which dataset
    counts it in which code, in which years, and how it is compared."""
    years: dict[tuple[str, str, bool, bool], list[int]] = defaultdict(list)
    for (year, _), f in folded.items():
        years[(f.code, f.into, f.in_a, f.within)].append(year)
    lines = []
    for (code, into, in_a, within), found in sorted(years.items()):
        has, counts = (name_a, name_b) if in_a else (name_b, name_a)
        span = fy_label(min(found)) + (f" to {fy_label(max(found))}" if len(found) > 1 else "")
        how = (
            f"its figures are compared within the total (in {counts} they are in code {into}'s), "
            "not as a row of their own"
            if within
            else "its figures are a moved row"
        )
        lines.append(f"Code {code} in {has} is counted in code {into} in {counts} ({span}): {how}")
    return lines
