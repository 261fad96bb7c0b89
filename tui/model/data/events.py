"""Recording events: things that change what a series means, each with its source.

Pure (standard library only). The table is ``data/events.csv``, one row per event:

- ``scope``: ``national`` (every force) or ``force`` (one force, named in ``force``);
- ``force``: the canonical force name for a force event, empty for a national one;
- ``year``: the start year of the financial year the event falls in or first affects
  (2014 = 2014/15);
- ``date``: ISO date, possibly partial (``2014``, ``2014-11``, ``2014-11-18``); with a month it
  must lie in ``year`` (April to March);
- ``offences``: ``all``, or ``;``-separated offence codes (``8Q``), ``group:NAME`` and
  ``subgroup:NAME`` tokens, as ``ox --offence`` accepts them;
- ``title``, ``source_url`` (http or https: where the event is stated) and ``note`` (what it does
  to the figures).

An event applies to a view when its force, offences and year all match (:func:`events_for`):

- a national event applies to every force and total; a force event to that force, and to totals
  that include it (the caller passes the total's members);
- ``all`` applies to every offence selection; a code applies to itself, its group and subgroup,
  and to all offences; a group or subgroup token applies to the offences inside it (the caller
  passes the dataset's offence catalogue so codes can be placed in groups).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

from tui.model.data.errors import DatasetError
from tui.model.data.measure import SCOTLAND_RCS
from tui.model.data.offences import OffenceInfo, OffenceSelection
from tui.model.data.reference import FRAUD_BODY, NON_AREA, TERRITORIAL
from tui.paths import bundled_data_dir

EVENTS_FILE = "events.csv"
COLUMNS = ("scope", "force", "year", "date", "offences", "title", "source_url", "note")
SCOPES = ("national", "force")
FIRST_YEAR = 2002
"""The earliest year an event may have (the National Crime Recording Standard, April 2002)."""
LAST_YEAR = 2030

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z./]*$")


@dataclass(frozen=True)
class Event:
    """One recording event."""

    scope: str
    """``national`` or ``force``."""
    force: str
    """Canonical force name; "" for a national event."""
    year: int
    """Start year of the financial year it falls in (2014 = 2014/15)."""
    date: str
    """ISO date, possibly partial."""
    offences: tuple[str, ...]
    """``("all",)`` or codes and ``group:``/``subgroup:`` tokens."""
    title: str
    source_url: str
    note: str = ""

    @property
    def all_offences(self) -> bool:
        """True when the event concerns every offence."""
        return self.offences == ("all",)


def _fail(path: Path, line: int, column: str, message: str) -> DatasetError:
    return DatasetError(f"{path}, row {line}, column {column}: {message}")


def _checked_date(path: Path, line: int, text: str, year: int) -> str:
    match = _DATE.match(text)
    if not match:
        raise _fail(
            path, line, "date", f"'{text}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    y, m, d = (int(g) if g else None for g in match.groups())
    assert y is not None
    try:
        Date(y, m or 1, d or 1)
    except ValueError as exc:
        raise _fail(path, line, "date", f"'{text}': {exc}") from None
    if m is not None and (y if m >= 4 else y - 1) != year:
        raise _fail(
            path, line, "date", f"'{text}' is not in financial year {year}/{year % 100 + 1:02d}"
        )
    return text


def _offences(path: Path, line: int, text: str) -> tuple[str, ...]:
    tokens = tuple(t.strip() for t in text.split(";") if t.strip())
    if not tokens:
        raise _fail(path, line, "offences", "empty (write 'all' or codes separated by ';')")
    if "all" in tokens:
        if tokens != ("all",):
            raise _fail(path, line, "offences", "'all' cannot be combined with other offences")
        return tokens
    for token in tokens:
        kind, _, name = token.partition(":")
        if name and kind in ("group", "subgroup") and name.strip():
            continue
        if not _CODE.match(token):
            raise _fail(
                path, line, "offences", f"'{token}' is not a code, group:NAME or subgroup:NAME"
            )
    return tokens


def _force_names(path: Path) -> set[str]:
    """Canonical names of the forces and bodies an event may name (not totals or labels)."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return {
                row["force"].strip()
                for row in csv.DictReader(fh)
                if row.get("kind", "").strip() in (TERRITORIAL, NON_AREA, FRAUD_BODY)
            }
    except (OSError, KeyError) as exc:
        raise DatasetError(f"cannot read the force names in {path}: {exc}") from exc


@lru_cache(maxsize=4)
def load_events(data_dir: Path | None = None) -> tuple[Event, ...]:
    """Load and check ``events.csv`` (memoised), ordered by year, date and title.

    Raises:
        DatasetError: the file is missing or a row breaks the schema (names file, row, column).
    """
    folder = data_dir or bundled_data_dir()
    path = folder / EVENTS_FILE
    known = _force_names(folder / "forces.csv")
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise DatasetError(f"{path}: columns must be {', '.join(COLUMNS)}")
            rows = list(reader)
    except OSError as exc:
        raise DatasetError(f"cannot read events file {path}: {exc.strerror or exc}") from exc
    events: list[Event] = []
    for line, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DatasetError(f"{path}, row {line}: expected {len(COLUMNS)} cells")
        scope, force = row["scope"].strip(), row["force"].strip()
        if scope not in SCOPES:
            raise _fail(path, line, "scope", f"'{scope}' is not national or force")
        if scope == "national" and force:
            raise _fail(path, line, "force", "a national event names no force")
        if scope == "force" and force not in known:
            raise _fail(path, line, "force", f"'{force}' is not a canonical force name")
        try:
            year = int(row["year"])
        except ValueError:
            raise _fail(path, line, "year", f"'{row['year']}' is not a year") from None
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise _fail(path, line, "year", f"{year} is outside {FIRST_YEAR}..{LAST_YEAR}")
        title, url = row["title"].strip(), row["source_url"].strip()
        if not title:
            raise _fail(path, line, "title", "empty")
        if not _URL.match(url):
            raise _fail(path, line, "source_url", f"'{url}' is not an http(s) address")
        events.append(
            Event(
                scope=scope,
                force=force,
                year=year,
                date=_checked_date(path, line, row["date"].strip(), year),
                offences=_offences(path, line, row["offences"]),
                title=title,
                source_url=url,
                note=row["note"].strip(),
            )
        )
    return tuple(sorted(events, key=lambda e: (e.year, e.date, e.title)))


def _offence_applies(
    event: Event, selection: OffenceSelection | None, catalogue: Sequence[OffenceInfo]
) -> bool:
    if selection is None or selection.kind == "all" or event.all_offences:
        return True
    codes = {t for t in event.offences if ":" not in t}
    groups = {t.partition(":")[2] for t in event.offences if t.startswith("group:")}
    subgroups = {t.partition(":")[2] for t in event.offences if t.startswith("subgroup:")}
    info = {o.code: o for o in catalogue}
    if selection.kind == "code":
        found = info.get(selection.value)
        return selection.value in codes or (
            found is not None and (found.group in groups or found.subgroup in subgroups)
        )
    if selection.kind == "group":
        return (
            selection.value in groups
            or any(info[c].group == selection.value for c in codes if c in info)
            or any(o.group == selection.value and o.subgroup in subgroups for o in catalogue)
        )
    return (
        selection.value in subgroups
        or any(info[c].subgroup == selection.value for c in codes if c in info)
        or any(o.subgroup == selection.value and o.group in groups for o in catalogue)
    )


def events_for(
    force: str | None,
    selection: OffenceSelection | None = None,
    years: Iterable[int] | None = None,
    *,
    members: Collection[str] = (),
    catalogue: Sequence[OffenceInfo] = (),
    events: Sequence[Event] | None = None,
    measure: str | None = None,
) -> list[Event]:
    """The events that apply to a view, in date order.

    The table's events are about police recording in England and Wales (the Home Office's
    counting rules, Action Fraud, HMICFRS inspections), so none applies to a dataset of Recorded
    Crime in Scotland (``measure``), whose recording follows the Scottish Crime Recording Standard.

    Args:
        force: canonical force name, or ``None`` for every force (national and force events).
        selection: the offences shown (``None``: any).
        years: financial-year start years shown (``None``: any).
        members: for a total, the forces it sums; their force events apply to it.
        catalogue: the dataset's offences, to place codes in groups and subgroups.
        events: the events to search (default: the bundled table).
        measure: the measure of the dataset shown (:func:`tui.model.data.measure.measure_id`).
    """
    if measure == SCOTLAND_RCS:
        return []
    table = load_events() if events is None else events
    wanted = None if years is None else set(years)
    return [
        e
        for e in table
        if (e.scope == "national" or force is None or e.force == force or e.force in members)
        and (wanted is None or e.year in wanted)
        and _offence_applies(e, selection, catalogue)
    ]


def events_between(
    force: str | None,
    selection: OffenceSelection | None,
    year_a: int,
    year_b: int,
    *,
    members: Collection[str] = (),
    catalogue: Sequence[OffenceInfo] = (),
    events: Sequence[Event] | None = None,
    measure: str | None = None,
) -> list[Event]:
    """Events in or between two financial years (both included): what a comparison of
    ``year_a`` with ``year_b`` should mention. Arguments as for :func:`events_for`."""
    low, high = min(year_a, year_b), max(year_a, year_b)
    return events_for(
        force,
        selection,
        range(low, high + 1),
        members=members,
        catalogue=catalogue,
        events=events,
        measure=measure,
    )
