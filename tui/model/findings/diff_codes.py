"""Which offence codes a release diff sets against which: revisions apart from reclassifications.

Two releases of the same measure can file the same offences differently, and a diff that only
matched names would report a reclassification as a revision (or as cells added and removed):

- **split**: a code one release gives as one combined code (``1/4.1/4.10/4.2``, homicide, in the
  2017/18 sheet of an earlier release) and the other as its parts (``1``, ``4.1``, ``4.10``,
  ``4.2``). The parts are added up and set against the combined code, and the row says so.
- **renamed**: an offence group or subgroup that one release names differently ("Miscellaneous
  crimes" in the earlier release, "Miscellaneous crimes against society" later). It is matched by
  the codes it holds: the name is missing from one release, and most of its codes sit there in one
  group (or subgroup) whose name the other release does not use.
- **moved**: a code in the selection in one release and in another group or subgroup in the
  other (4.4, 4.6, 4.8, 4.9 and 37.1 left "Violence with injury" for "Death or serious injury -
  unlawful driving"). Its figures get a row of their own, apart from the revision of the codes in
  the selection in both.

A plan maps each dataset's (year, code) to the key its figures are summed under (``okey``) and a
part: ``""`` (a code on its own), ``"split"``, ``"same"`` (in the selection in both), ``"out"``
(moved out: in A's selection only, elsewhere in B), ``"in"`` (moved in), ``"gone"`` / ``"new"`` (a
code with no figure at all in the other release that year).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import polars as pl

from tui.model.data import schema as S
from tui.model.data.offences import OffenceSelection
from tui.model.findings.diff_merged import MERGED, Codes, fold_merged, folded_summary

SPLIT, SAME, OUT, IN, GONE, NEW = "split", "same", "out", "in", "gone", "new"
"""Parts of a cell (see the module docstring); ``""`` is a code on its own."""

_COLUMN = {"group": S.OFFENCE_GROUP, "subgroup": S.OFFENCE_SUBGROUP}


@dataclass
class DiffPlan:
    """What each dataset's codes are summed under, and what each part's rows say."""

    map_a: pl.DataFrame
    """Columns year, offence_code, okey, part: the codes of A that are compared."""
    map_b: pl.DataFrame
    notes: dict[tuple[int, str, str], str] = field(default_factory=dict)
    """(year, okey, part) → the note of its rows (codes named)."""
    renamed: dict[tuple[int, str], str] = field(default_factory=dict)
    """(year, okey) → how it was renamed, for cells compared across a change of name."""
    folded: list[str] = field(default_factory=list)
    """Codes one dataset counts in another code (:mod:`tui.model.findings.diff_merged`), and how
    they are compared: said with the counts."""


def code_table(frame: pl.DataFrame) -> Codes:
    """(year, code) → (group, subgroup, description), from a dataset's figures."""
    table = frame.group_by(S.YEAR, S.OFFENCE_CODE).agg(
        pl.col(S.OFFENCE_GROUP).first(),
        pl.col(S.OFFENCE_SUBGROUP).first(),
        pl.col(S.OFFENCE).sort().first(),
    )
    return {
        (int(y), c): (g or "", s or "", d or "")
        for y, c, g, s, d in table.iter_rows()
        if y is not None and c is not None
    }


def _codes_by_year(codes: Codes) -> dict[int, set[str]]:
    years: dict[int, set[str]] = defaultdict(set)
    for year, code in codes:
        years[year].add(code)
    return years


def _splits(
    codes_a: Codes, codes_b: Codes
) -> tuple[dict[tuple[int, str], str], dict[tuple[int, str], str]]:
    """Per dataset, (year, part code) → the combined code of the other dataset it is summed into.

    A combined code (``1/4.1/4.10/4.2``) in one release whose parts are codes of the other that
    year, where the other has no combined code and the first has none of the parts."""
    in_a, in_b = _codes_by_year(codes_a), _codes_by_year(codes_b)
    remap_a: dict[tuple[int, str], str] = {}
    remap_b: dict[tuple[int, str], str] = {}
    for year in set(in_a) & set(in_b):
        for mine, theirs, remap in ((in_a, in_b, remap_b), (in_b, in_a, remap_a)):
            for code in mine[year]:
                parts = [p.strip() for p in code.split("/")]
                if len(parts) < 2 or code in theirs[year]:
                    continue
                found = [p for p in parts if p in theirs[year] and p not in mine[year]]
                if found:
                    remap.update({(year, p): code for p in found})
    return remap_a, remap_b


def _split_note(year: int, code: str, remap: dict[tuple[int, str], str], side: str) -> str:
    parts = sorted((p for (y, p), c in remap.items() if y == year and c == code), key=_code_order)
    other = "B" if side == "A" else "A"
    return f"code {code} in {side} is {_plural(parts)} in {other} (added up here)"


def _code_order(code: str) -> tuple[int, str]:
    head = code.split(".")[0].split("/")[0]
    digits = "".join(ch for ch in head if ch.isdigit())
    return (int(digits) if digits else 10**6, code)


def _plural(codes: list[str]) -> str:
    return ("code " if len(codes) == 1 else "codes ") + ", ".join(codes)


def _keyed(codes: Codes, remap: dict[tuple[int, str], str]) -> Codes:
    """The code table with split parts under the combined code they are compared with."""
    keyed: Codes = {}
    for (year, code), info in codes.items():
        keyed.setdefault((year, remap.get((year, code), code)), info)
    return keyed


def matched_name(kind: str, name: str, mine: Codes, theirs: Codes) -> str | None:
    """The name ``theirs`` gives the group or subgroup ``name`` of ``mine`` (matched by the codes
    it holds), when ``theirs`` has no group or subgroup of that name; else ``None``."""
    index = 0 if kind == "group" else 1
    if any(info[index] == name for info in theirs.values()):
        return None
    held = {code for (_, code), info in mine.items() if info[index] == name}
    where = Counter(info[index] for (_, code), info in theirs.items() if code in held)
    if not where:
        return None
    candidate, _ = where.most_common(1)[0]
    mine_names = {info[index] for info in mine.values()}
    theirs_codes = {code for (_, code), info in theirs.items() if info[index] == candidate}
    # A rename, not a move into a group both have: the other name is unknown to ``mine``, and
    # most of the codes it holds are the codes of ``name``.
    if candidate in mine_names or len(theirs_codes & held) * 2 <= len(theirs_codes):
        return None
    return candidate


def _words(text: str) -> str:
    """A description as compared: case and spacing (non-breaking spaces too) do not rename."""
    return " ".join(text.split()).casefold()


def _frame(rows: list[tuple[int, str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={S.YEAR: pl.Int16, S.OFFENCE_CODE: pl.String, "okey": pl.String, "part": pl.String},
        orient="row",
    )


def plan_codes(codes_a: Codes, codes_b: Codes) -> DiffPlan:
    """Every code apart, with split codes set against their parts."""
    remap_a, remap_b = _splits(codes_a, codes_b)
    rows_a = [
        (y, c, remap_a.get((y, c), c), SPLIT if (y, c) in remap_a else "") for y, c in codes_a
    ]
    rows_b = [
        (y, c, remap_b.get((y, c), c), SPLIT if (y, c) in remap_b else "") for y, c in codes_b
    ]
    notes: dict[tuple[int, str, str], str] = {}
    for (year, _), code in remap_b.items():
        notes[(year, code, SPLIT)] = _split_note(year, code, remap_b, "A")
    for (year, _), code in remap_a.items():
        notes[(year, code, SPLIT)] = _split_note(year, code, remap_a, "B")
    rows_a = [(y, c, k, SPLIT if (y, k, SPLIT) in notes else p) for y, c, k, p in rows_a]
    rows_b = [(y, c, k, SPLIT if (y, k, SPLIT) in notes else p) for y, c, k, p in rows_b]
    renamed: dict[tuple[int, str], str] = {}
    for key, (_, _, desc_a) in codes_a.items():
        info_b = codes_b.get(key)
        if info_b is not None and desc_a and info_b[2] and _words(desc_a) != _words(info_b[2]):
            renamed[key] = f"named '{desc_a}' in A, '{info_b[2]}' in B"
    moved_a, moved_b = _merged(codes_a, codes_b, notes, renamed)
    rows_a = [(y, c, k, OUT if (y, c) in moved_a else p) for y, c, k, p in rows_a]
    rows_b = [(y, c, k, IN if (y, c) in moved_b else p) for y, c, k, p in rows_b]
    return DiffPlan(_frame(rows_a), _frame(rows_b), notes, renamed)


def _merged(
    codes_a: Codes,
    codes_b: Codes,
    notes: dict[tuple[int, str, str], str],
    renamed: dict[tuple[int, str], str],
) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """The (year, code) of each dataset counted in another code by the other (:data:`MERGED`);
    their notes are added to ``notes`` and the receiving code's to ``renamed``."""
    in_a, in_b = _codes_by_year(codes_a), _codes_by_year(codes_b)
    moved: tuple[set[tuple[int, str]], set[tuple[int, str]]] = (set(), set())
    for year in set(in_a) & set(in_b):
        for code, into, source in MERGED:
            for mine, theirs, found, side, other, part in (
                (in_a, in_b, moved[0], "A", "B", OUT),
                (in_b, in_a, moved[1], "B", "A", IN),
            ):
                if code in mine[year] and code not in theirs[year] and into in theirs[year]:
                    found.add((year, code))
                    notes[(year, code, part)] = (
                        f"code {code} in {side} is counted in code {into} in {other} ({source}); "
                        f"the change is what it {'takes from' if part == OUT else 'adds to'} "
                        "the comparison"
                    )
                    text = f"code {into} in {other} includes code {code}"
                    renamed[(year, into)] = "; ".join(
                        t for t in (renamed.get((year, into), ""), text) if t
                    )
    return moved


def plan_selection(
    selection: OffenceSelection, codes_a: Codes, codes_b: Codes, name_a: str, name_b: str
) -> DiffPlan:
    """The codes of one selection (a code, a group, a subgroup or all offences) in each dataset,
    renamed groups matched and moved codes apart."""
    # One code is that code in both (its parts are not summed into a combined code).
    remap_a, remap_b = _splits(codes_a, codes_b) if selection.kind != "code" else ({}, {})
    keyed_a, keyed_b = _keyed(codes_a, remap_a), _keyed(codes_b, remap_b)
    value_a = value_b = selection.value
    rename_note = ""
    if selection.kind in _COLUMN:
        other = matched_name(selection.kind, selection.value, keyed_b, keyed_a)
        if other is not None:
            value_a = other
            rename_note = f"called '{other}' in {name_a}"
        other = matched_name(selection.kind, selection.value, keyed_a, keyed_b)
        if other is not None:
            value_b = other
            rename_note = f"called '{other}' in {name_b}"
        if rename_note:
            rename_note += " (matched by the codes it holds)"

    def member(info: tuple[str, str, str], code: str, value: str) -> bool:
        if selection.kind == "group":
            return info[0] == value
        if selection.kind == "subgroup":
            return info[1] == value
        if selection.kind == "code":
            return code == value
        return True

    key = selection.key
    parts: dict[tuple[int, str], str] = {}
    moved: dict[tuple[int, str], list[str]] = defaultdict(list)
    lone: dict[tuple[int, str], list[str]] = defaultdict(list)
    """(year, part) → codes with no figure at all in the other dataset that year."""
    for year_code in set(keyed_a) | set(keyed_b):
        year, code = year_code
        info_a, info_b = keyed_a.get(year_code), keyed_b.get(year_code)
        in_a = info_a is not None and member(info_a, code, value_a)
        in_b = info_b is not None and member(info_b, code, value_b)
        if in_a and in_b:
            parts[year_code] = SAME
        elif in_a:
            parts[year_code] = OUT if info_b is not None else GONE
            (moved if info_b is not None else lone)[(year, parts[year_code])].append(code)
        elif in_b:
            parts[year_code] = IN if info_a is not None else NEW
            (moved if info_a is not None else lone)[(year, parts[year_code])].append(code)
    folded = fold_merged(parts, lone, (keyed_a, keyed_b), (value_a, value_b), member)
    rows_a: list[tuple[int, str, str, str]] = []
    rows_b: list[tuple[int, str, str, str]] = []
    for table, remap, rows, keep in (
        (codes_a, remap_a, rows_a, (SAME, OUT, GONE)),
        (codes_b, remap_b, rows_b, (SAME, IN, NEW)),
    ):
        for year, code in table:
            part = parts.get((year, remap.get((year, code), code)))
            if part in keep:
                rows.append((year, code, key, part))
    notes: dict[tuple[int, str, str], str] = {}
    for (year, part), codes in lone.items():
        codes.sort(key=_code_order)
        other = name_b if part == GONE else name_a
        notes[(year, key, part)] = f"{_plural(codes)}: no figure in {other} this year"
    same_folded: dict[int, list[str]] = defaultdict(list)
    for (year, _), f in sorted(folded.items()):
        if f.within:  # said on the cell of the codes in both
            same_folded[year].append(f.note())
        else:
            notes[(year, key, OUT if f.in_a else IN)] = f.note()
    for (year, part), codes in moved.items():
        codes.sort(key=_code_order)
        index = 0 if selection.kind == "group" else 1
        where = Counter((keyed_b if part == OUT else keyed_a)[(year, c)][index] for c in codes)
        places = " or ".join(f"'{w}'" for w, _ in where.most_common())
        if part == OUT:
            notes[(year, key, OUT)] = (
                f"{_plural(codes)} moved out: in {selection.kind} {places} in {name_b}; "
                f"the change is what leaving takes from the {selection.kind}'s total"
            )
        else:
            notes[(year, key, IN)] = (
                f"{_plural(codes)} moved in: in {selection.kind} {places} in {name_a}; "
                f"the change is what they add to the {selection.kind}'s total"
            )
    same_notes: dict[int, list[str]] = defaultdict(list)
    combined = {(y, c) for remap in (remap_a, remap_b) for (y, _), c in remap.items()}
    split = {
        (year, key)
        for year in {y for y, _ in parts}
        if {(y, c) for (y, c), p in parts.items() if y == year and p == SAME} <= combined
        and any(y == year for y, _ in combined)
    }
    for year in {y for y, _ in parts}:
        if rename_note:
            same_notes[year].append(rename_note)
        same_notes[year] += same_folded.get(year, [])
        for remap, side in ((remap_b, "A"), (remap_a, "B")):
            for joined in sorted({c for (y, _), c in remap.items() if y == year}):
                if parts.get((year, joined)) == SAME:
                    same_notes[year].append(_split_note(year, joined, remap, side))
        for part, word in ((OUT, "moved out"), (IN, "moved in")):
            if (year, part) in moved:
                same_notes[year].append(
                    f"on the codes in both; {_plural(moved[(year, part)])} {word} (own row)"
                )
    for year, texts in same_notes.items():
        notes[(year, key, SAME)] = "; ".join(texts)
    renamed = {(year, key): rename_note for year in same_notes} if rename_note else {}
    for year, _ in split:  # only split codes in both: the cell is a split
        notes[(year, key, SPLIT)] = notes.pop((year, key, SAME), "")
    rows_a = [(y, c, k, SPLIT if p == SAME and (y, k) in split else p) for y, c, k, p in rows_a]
    rows_b = [(y, c, k, SPLIT if p == SAME and (y, k) in split else p) for y, c, k, p in rows_b]
    summary = folded_summary(folded, name_a, name_b)
    return DiffPlan(_frame(rows_a), _frame(rows_b), notes, renamed, summary)
