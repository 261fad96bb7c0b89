"""The report of ``ox compare`` and the Compare view's export: two years for every force.

Every row carries the same keys in CSV and JSON, including what keeps a reader from a wrong
conclusion: the quarters a partial force-year covers (``quarters_a`` / ``quarters_b``), the release
each figure comes from (``release_a`` / ``release_b``) and, when those differ and one release states
both years, the like-for-like change within that release.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.formatting import fmt_change, fmt_count, fmt_pct, forces_count
from tui.model.data.names import name_list
from tui.model.data.reference import area_words
from tui.model.data.years import quarters_label
from tui.model.results.comparison_types import CompareRow, Comparison
from tui.model.results.interface import DatasetView
from tui.output.reports import (
    Column,
    Record,
    Report,
    Value,
    _change,
    _count,
    _pct,
    _rank,
    _rank_change,
    dataset_lines,
    membership_notes,
)

CROSS_RELEASE = "†"
"""Marks a change between figures from different releases (tables and Markdown)."""


def _marked_count(which: str) -> Callable[[Record], str]:
    """A count cell showing a partial force-year's quarters: ``"0 (Q2-Q4)"`` (not when the
    year's label already names them: ``"2023/24 Q1"``)."""

    def cell(record: Record) -> str:
        text = _count(record.get(f"count_{which}"))
        quarters = record.get(f"quarters_{which}")
        shown = str(record.get(f"year_{which}", "")).endswith(f" {quarters}")
        if record.get(f"partial_{which}") and not shown:
            return f"{text} ({quarters})"
        return text

    return cell


def _pct_cell(record: Record) -> str:
    text = _pct(record.get("pct_change"))
    if record.get("crosses_releases") and record.get("pct_change") is not None:
        return text + CROSS_RELEASE
    return text


def _opt(value: str) -> Value:
    return value or None


def compare_record(kind: str, r: CompareRow, a: str, b: str) -> Record:
    """One row of a comparison as a flat record (every row has the same keys)."""
    same = r.same_release
    return {
        "kind": kind if kind == "total" or r.force.ranked else "unranked",
        "force": r.force.name,
        "year_a": a,
        "year_b": b,
        "count_a": r.count_a,
        "count_b": r.count_b,
        "change": r.change,
        "pct_change": r.pct_change,
        "rank_a": r.rank_a,
        "rank_b": r.rank_b,
        "rank_change": r.rank_change,
        "quarters_a": _opt(quarters_label(r.quarters_a)),
        "quarters_b": _opt(quarters_label(r.quarters_b)),
        # Partial: the count covers fewer than four quarters (the force's or the year's).
        "partial_a": r.short_a or bool(r.quarters_a),
        "partial_b": r.short_b or bool(r.quarters_b),
        "release_a": _opt(r.release_a),
        "release_b": _opt(r.release_b),
        "crosses_releases": r.crosses_releases,
        "like_for_like_release": same.release if same else None,
        "like_for_like_a": same.count_a if same else None,
        "like_for_like_b": same.count_b if same else None,
        "like_for_like_pct_change": same.pct_change if same else None,
    }


def partial_note(r: CompareRow, cmp: Comparison) -> str:
    """``"Greater Manchester has 2019/20 Q2-Q4 only: no change, % change or rank."``"""
    parts = []
    if r.short_a:
        parts.append(f"{cmp.year_a.fy} {quarters_label(r.quarters_a)}")
    if r.short_b:
        parts.append(f"{cmp.year_b.fy} {quarters_label(r.quarters_b)}")
    return f"{r.force.name} has {' and '.join(parts)} only: no change, % change or rank."


def release_note(r: CompareRow, cmp: Comparison) -> str:
    """Where each figure comes from, and the like-for-like change when one release has both."""
    text = (
        f"{r.force.name}: {cmp.year_a.fy} from the {r.release_a} release, "
        f"{cmp.year_b.fy} from the {r.release_b} release"
    )
    same = r.same_release
    if same is not None and (same.count_a, same.count_b) == (r.count_a, r.count_b):
        text += f"; the {same.release} release states both years with the same figures"
    elif same is not None:
        text += (
            f"; like-for-like ({same.release} release both years): {fmt_count(same.count_a)} → "
            f"{fmt_count(same.count_b)}, {fmt_change(same.change)} ({fmt_pct(same.pct_change)})"
        )
    return text + "."


def rank_note(cmp: Comparison, measure: str = "count") -> str:
    """Which forces the ranks are among (not the same set as a force's detail)."""
    like = (
        f"; like-for-like, ranked by {quarters_label(cmp.quarters)} of each year"
        if cmp.quarters is not None
        else ""
    )
    if measure == "rate":
        unranked = sorted(
            r.force.name
            for r in cmp.rows
            if r.rate_caveat and r.rate_a is not None and r.rate_b is not None
        )
        return (
            f"Rank and Move are among the {forces_count(cmp.rate_ranked_count)} with a rate in "
            f"both years{like}"
            + (f"; not ranked (see the caveat): {name_list(unranked)}." if unranked else ".")
        )
    return (
        f"Rank and Move are among the {forces_count(cmp.ranked_count)} with a complete figure in "
        f"both years{like} (a force's detail ranks every force with a figure in one year)."
    )


def compare_notes(
    ds: DatasetView, cmp: Comparison, rows: Sequence[CompareRow], measure: str = "count"
) -> list[str]:
    """The notes under a comparison, in the order a reader needs them (``measure``: what the
    ranks are by)."""
    a, b = cmp.label_a, cmp.label_b
    notes: list[str] = []
    if cmp.quarters is not None:
        notes.append(f"Like-for-like: both years count {quarters_label(cmp.quarters)} only.")
    elif cmp.unlike_quarters:
        notes.append(
            f"{a} and {b} cover different quarters, so neither a change nor a rank is computed "
            "(a partial year's ranks would sit beside a full year's counts); compare the same "
            "quarters with --like-for-like."
        )
    notes += [partial_note(r, cmp) for r in cmp.short_rows]
    crossing = [r for r in (*cmp.totals, *rows) if r.crosses_releases]
    if crossing:
        notes.append(
            f"{CROSS_RELEASE} The two figures come from different releases (a change between "
            "releases may reflect revised figures, not only a change in offences):"
        )
        notes += [release_note(r, cmp) for r in crossing]
    notes += membership_notes(cmp.offence, cmp.membership)
    if cmp.rate_ranked_count if measure == "rate" else cmp.ranked_count:
        notes.append(rank_note(cmp, measure))
    if cmp.left_out:
        notes.append(
            f"{len(cmp.left_out)} force(s) have no figure for one or both years and are not "
            "ranked (nor is a partial force-year): " + name_list(cmp.left_out)
        )
    if cmp.totals and cmp.totals[0].force.kind == "computed_total":
        notes.append(
            "Totals are sums of the territorial forces (BTP and national fraud bodies excluded)."
        )
    elif cmp.totals:
        notes.append("Totals are as stated by the source (not sums of the forces listed).")
    if ds.info.notes:
        notes.append(ds.info.notes)
    return notes


def compare_report(
    ds: DatasetView,
    cmp: Comparison,
    rows: Sequence[CompareRow] | None = None,
    measure: str = "count",
) -> Report:
    """Two years side by side for every force, totals first (``measure``: what the ranks in the
    notes are by)."""
    a, b = cmp.label_a, cmp.label_b
    columns = [
        Column("kind", "", show=False, long="Row kind"),
        Column("force", area_words(r.force for r in cmp.rows)[0]),
        Column("year_a", "Year A", show=False),
        Column("year_b", "Year B", show=False),
        Column("count_a", a, _count, numeric=True, cell=_marked_count("a"), long=f"Count {a}"),
        Column("count_b", b, _count, numeric=True, cell=_marked_count("b"), long=f"Count {b}"),
        Column("change", "Change", _change, numeric=True, long=f"Change in count {a} to {b}"),
        Column("pct_change", "%", _pct, numeric=True, cell=_pct_cell, long="% change in count"),
        Column("rank_a", f"Rank {a}", _rank, numeric=True, show=False, long=f"Rank {a} by count"),
        Column("rank_b", "Rank", _rank, numeric=True, long=f"Rank {b} by count"),
        Column("rank_change", "Move", _rank_change, numeric=True, long="Move in rank by count"),
        # Added after the original columns, so scripts that read by position keep working.
        Column("quarters_a", f"Quarters {a}", show=False),
        Column("quarters_b", f"Quarters {b}", show=False),
        Column("partial_a", "Partial A", show=False),
        Column("partial_b", "Partial B", show=False),
        Column("release_a", "Release A", show=False),
        Column("release_b", "Release B", show=False),
        Column("crosses_releases", "Crosses releases", show=False),
        Column("like_for_like_release", "Like-for-like release", show=False),
        Column("like_for_like_a", "Like-for-like A", show=False),
        Column("like_for_like_b", "Like-for-like B", show=False),
        Column(
            "like_for_like_pct_change", "Like-for-like %", show=False, long="Like-for-like % change"
        ),
    ]
    body = rows if rows is not None else cmp.rows
    records = [compare_record("total", r, a, b) for r in cmp.totals]
    records += [compare_record("force", r, a, b) for r in body]
    return Report(
        title=f"{a} vs {b}: {cmp.offence.label}",
        columns=columns,
        records=records,
        subtitle=dataset_lines(ds.info),
        notes=compare_notes(ds, cmp, body, measure),
        warnings=list(cmp.warnings),
    )
