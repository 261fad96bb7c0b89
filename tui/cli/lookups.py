"""The CLI's lookup commands: parse what the user typed, ask the model, print a report."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from typing import IO

from tui.cli.show_both import show_both, wants_both
from tui.cli.show_several import show_several
from tui.formatting import echo, safe_text
from tui.model.data.catalogue import DEFAULT_DATASET, imported_datasets, list_datasets
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import ModelError
from tui.model.data.names import name_list
from tui.model.data.offence_terms import Term, matching_terms
from tui.model.data.offences import OffenceInfo
from tui.model.data.search import STRONG, rank
from tui.model.data.years import fy_label, parse_year
from tui.model.figures.comparison import compare_years
from tui.model.figures.selection import counted_years, pick_offence
from tui.model.figures.series import force_quarters, force_series
from tui.model.figures.totals import resolve_force
from tui.model.importing.leftovers import tidy_store
from tui.model.results.compare_order import sort_rows
from tui.output import render
from tui.output.compare_report import honest_compare_report
from tui.output.listings import forces_report, offences_report
from tui.output.reports import Column, Record, Report
from tui.output.show_report import other_periods_records, show_report
from tui.paths import imported_datasets_dir


def _dataset(args: argparse.Namespace) -> Dataset:
    return load_dataset(args.dataset or DEFAULT_DATASET)


def _emit(report: Report, args: argparse.Namespace, out: IO[str], err: IO[str]) -> None:
    for warning in report.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    render.write(report, args.format, out)


def show(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox show FORCE [FORCE …]``: a force's counts by financial year (or quarter)."""
    if len(args.force) > 1:
        return show_several(args, out, err)
    if wants_both(args):
        return show_both(args, out, err)
    ds = _dataset(args)
    force = resolve_force(ds, args.force[0])
    selection = pick_offence(ds, args.offence)
    series = force_series(ds, force, selection)
    quarterly = force_quarters(ds, force, selection) if args.quarters else ()
    if args.quarters and not quarterly:
        err.write(f"ox: note: dataset '{ds.name}' has no quarterly figures; showing years\n")
    report = show_report(ds, series, quarterly)
    if args.all_periods and not quarterly:
        report.records += other_periods_records(series)
        if not any(c.key == "period" for c in report.columns):
            report.columns.insert(2, Column("period", "Period"))
    _emit(report, args, out, err)
    return 0


def compare(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox compare A B``: every force in two years side by side."""
    ds = _dataset(args)
    year_a, year_b = parse_year(args.year_a), parse_year(args.year_b)
    selection = pick_offence(ds, args.offence)
    cmp = compare_years(
        ds,
        year_a,
        year_b,
        selection,
        include_national=args.include_national,
        like_for_like=args.like_for_like,
    )
    rows = sort_rows(cmp.rows, args.sort, not args.ascending, args.measure)
    if args.force:
        # Only the forces asked for (ranks, tests and totals are still the whole comparison's).
        wanted = {resolve_force(ds, query).name for query in args.force}
        missing = wanted - {r.force.name for r in rows}
        if missing:
            err.write(
                f"ox: error: no figures for {name_list(sorted(missing))} in this comparison "
                "(BTP and national bodies need --include-national)\n"
            )
            return 2
        rows = [r for r in rows if r.force.name in wanted]
        events = (e for e in cmp.events if e.scope != "force" or e.force in wanted)
        cmp = replace(cmp, events=tuple(events))
    if args.top is not None:
        if args.top < 1:
            err.write("ox: error: --top must be at least 1\n")
            return 2
        rows = rows[: args.top]
    report = honest_compare_report(ds, cmp, rows, measure=args.measure)
    _emit(report, args, out, err)
    return 0


def forces(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox forces [QUERY]``: list the forces of a dataset, or find some."""
    ds = _dataset(args)
    # The forces with figures in this dataset: every one of them can be looked up with `show`.
    present = (ds.reference.force(name) for name in ds.forces)
    pool = sorted(present, key=lambda f: (f.kind != "territorial", f.name))
    if args.query:
        hits = rank(args.query, ((f, f.search_texts) for f in pool))
        pool = [h.item for h in hits]
        if not pool:
            err.write(f"ox: no force matches {safe_text(echo(args.query))}\n")
            return 2
    _emit(forces_report(ds, pool), args, out, err)
    return 0


def offences(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox offences [QUERY]``: list the offences of a dataset, or find some."""
    ds = _dataset(args)
    pool = list(ds.offences)
    terms = matching_terms(args.query) if args.query else []
    if args.query:
        hits = rank(args.query, ((o, o.search_texts) for o in pool))
        # The words researchers use first ("IIOC" → 86), as the sourced table says; then the
        # descriptions with the query's letters together, and scattered letters only when
        # nothing else matched.
        named = [o for t in terms if t.offence for o in pool if _counted_as(o, t.offence)]
        if named:
            hits = [h for h in hits if h.tier >= STRONG]
        pool = list(dict.fromkeys([*named, *(h.item for h in hits)]))
        if not pool and not terms:
            err.write(f"ox: no offence matches {safe_text(echo(args.query))}\n")
            return 2
    counted = counted_years(ds)
    report = offences_report(ds, pool, ds.folded_labels, counted, ds.uncounted)
    report.notes[:0] = term_notes(terms, ds.offences, counted)
    _emit(report, args, out, err)
    return 0


def term_notes(
    terms: Sequence[Term], offences: Sequence[OffenceInfo], counted: dict[str, tuple[int, int]]
) -> list[str]:
    """One note per term and what it says (a term that means two subgroups is said once, with
    both): the offences it means that this dataset has, each with the years it is counted in."""
    said: dict[tuple[str, str, str, str], list[str]] = {}
    for t in terms:
        said.setdefault((t.term, t.note, t.source_url, t.source), []).append(t.offence)
    notes = []
    for (term, note, url, source), keys in said.items():
        shown = []
        for key in (k for k in keys if k):
            spans = [counted[o.code] for o in offences if _counted_as(o, key) and o.code in counted]
            if not any(_counted_as(o, key) for o in offences):
                continue  # not in this dataset
            years = (
                f" (counted {fy_label(min(a for a, _ in spans))} to "
                f"{fy_label(max(b for _, b in spans))})"
                if spans
                else " (0 in every year)"
            )
            shown.append(f"'{key}'{years}")
        if any(keys) and not shown:
            continue  # every offence it means is missing from this dataset
        arrow = f" → --offence {' or '.join(shown)}" if shown else ""
        notes.append(f"'{term}'{arrow}: {note} Source: {url} ({source})")
    return notes


def _counted_as(info: OffenceInfo, key: str) -> bool:
    """True when the selection ``key`` (a code, ``group:NAME`` or ``subgroup:NAME``) counts
    the offence ``info``."""
    kind, _, name = key.partition(":")
    if kind == "group" and name:
        return info.group == name
    if kind == "subgroup" and name:
        return info.subgroup == name
    return info.code == key


def datasets(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox datasets``: what is available (``ox datasets remove NAME``: :mod:`tui.cli.imports`)."""
    tidy_store(imported_datasets_dir())  # what a killed import left (its lock, a 0-byte file)
    _infos, problems = imported_datasets()
    for problem in problems:
        name = problem.path.stem
        err.write(
            safe_text(
                f"ox: warning: dataset {name!r} is damaged and skipped ({problem.path}: "
                f"{problem.reason}); remove it with 'ox datasets remove {name}'"
            )
            + "\n"
        )
    records: list[Record] = []
    notes: list[str] = []
    for info in list_datasets():
        if info.bundled and info.release_file:
            route = f" {info.route}." if info.route else ""
            notes.append(f"{info.name}: {info.release_file} ({info.release} release).{route}")
        years = ""
        try:
            ds = load_dataset(info)
            if ds.coverage:
                first, last = ds.coverage[0].label, ds.coverage[-1].label
                years = first if first == last else f"{first} to {last}"
            rows: int | None = ds.figures.height + ds.alternates.height
        except ModelError as exc:  # one broken dataset must not hide the others
            years = f"unreadable: {exc}"
            rows = None
        records.append(
            {
                "name": info.name,
                "kind": "bundled" if info.bundled else "imported",
                "title": info.title,
                "years": years,
                "rows": rows,
                "source": info.source_file or info.source,
                "release": info.release,
                "route": info.route,
                "licence": info.licence,
            }
        )
    report = Report(
        "Datasets",
        [
            Column("name", "Name"),
            Column("kind", "Kind"),
            Column("title", "Title"),
            Column("years", "Years"),
            Column("rows", "Rows", lambda v: f"{v:,}" if isinstance(v, int) else "—", numeric=True),
            Column("source", "Source", show=False),
            Column("release", "Release", show=False),
            Column("route", "Route", show=False),
            Column("licence", "Licence", show=False),
        ],
        records,
        notes=[*notes, "Use one with --dataset NAME. Import your own with 'ox import FILE'."],
    )
    _emit(report, args, out, err)
    return 0
