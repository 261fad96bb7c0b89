"""``ox events [FORCE]``: the recording events that change what a series means, with sources.

Reads ``data/events.csv`` through :mod:`tui.model.data.events`. Without ``--offence`` no dataset is
loaded (though its module imports Polars: ``tui.cli.main`` imports this module only to run it).
"""

from __future__ import annotations

import argparse
from typing import IO

from tui.model.data.catalogue import DEFAULT_DATASET
from tui.model.data.dataset import load_dataset
from tui.model.data.events import Event, events_for, load_events
from tui.model.data.measure import measure_id
from tui.model.data.offences import OffenceInfo, OffenceSelection
from tui.model.data.population import members
from tui.model.data.reference import load_reference
from tui.model.data.years import fy_label
from tui.model.figures.selection import pick_offence
from tui.output import render
from tui.output.reports import Column, Record, Report
from tui.paths import bundled_data_dir


def _year(value: object) -> str:
    return fy_label(value) if isinstance(value, int) else ""


def columns() -> list[Column]:
    """The report's columns (the note is in CSV and JSON, not in tables)."""
    return [
        Column("year", "Year", _year),
        Column("scope", "Scope", show=False),
        Column("force", "Force", lambda v: "national" if v is None else str(v)),
        Column("date", "Date"),
        Column("offences", "Offences", lambda v: str(v).replace(";", "; ")),
        Column("title", "Event"),
        Column("source_url", "Source"),
        Column("note", "Note", show=False),
    ]


def event_record(event: Event) -> Record:
    """One event as a flat report row: keys scope, force (null for a national event), year (the
    financial year's start, an int), date, offences (``all`` or ``;``-separated), title,
    source_url, note."""
    return {
        "scope": event.scope,
        "force": event.force or None,
        "year": event.year,
        "date": event.date,
        "offences": ";".join(event.offences),
        "title": event.title,
        "source_url": event.source_url,
        "note": event.note or None,
    }


def events_report(events: list[Event], where: str, offence: str) -> Report:
    """The events as a report, with what they were filtered by."""
    title = f"Recording events: {where}" + (f", {offence}" if offence else "")
    notes = [
        "Each event changes what a series means across it (a rule, a classification, a records "
        "system); compare figures either side of it with care. Year = financial year affected.",
    ]
    if not events:
        notes.insert(0, "No recorded event matches.")
    return Report(title, columns(), [event_record(e) for e in events], notes=notes)


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox events [FORCE] [--offence X]``: list the events that apply."""
    data_dir = bundled_data_dir()
    force: str | None = None
    where = "all forces"
    in_total: tuple[str, ...] = ()
    if args.force:
        found = load_reference(data_dir).resolve(args.force)
        force, where = found.name, found.name
        in_total = tuple(m for m in members(found.name, data_dir) if m != found.name)
    selection: OffenceSelection | None = None
    catalogue: tuple[OffenceInfo, ...] = ()
    measure: str | None = None
    if args.offence is not None:
        ds = load_dataset(args.dataset or DEFAULT_DATASET)
        selection, catalogue = pick_offence(ds, args.offence), ds.offences
        measure = measure_id(ds.info)
    events = events_for(
        force,
        selection,
        None,
        members=in_total,
        catalogue=catalogue,
        events=load_events(data_dir),
        measure=measure,
    )
    report = events_report(events, where, selection.label if selection else "")
    render.write(report, args.format, out)
    return 0
