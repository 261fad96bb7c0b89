"""``ox peers FORCE``: the forces most like one force, with the figures that place them.

Rows are the peers, nearest first (``force``, ``peer``, ``rank``, ``distance`` and the figures
used: population, all offences, rate per 100,000 and each offence group's share). The force's own
figures and where it sits among its peers are in the heading; with ``--offence`` the rows are in
order of that offence's rate, the force itself among them (its ``rank`` and ``distance`` empty).
The method is in :mod:`tui.model.findings.peers`.
"""

from __future__ import annotations

import argparse
import re
from typing import IO

from tui.formatting import fmt_count, fmt_rate, safe_text
from tui.model.data.catalogue import DEFAULT_DATASET
from tui.model.data.dataset import load_dataset
from tui.model.data.years import fy_label, parse_year
from tui.model.figures.selection import pick_offence
from tui.model.findings.peer_figures import peers_for, with_offence
from tui.model.findings.peers import PeerFigures, PeerGroup
from tui.output import render
from tui.output.reports import Column, Record, Report


def share_key(group: str) -> str:
    """The record key of an offence group's share, e.g. ``share_robbery``."""
    return "share_" + re.sub(r"[^a-z0-9]+", "_", group.lower()).strip("_")


def _figures(fig: PeerFigures, groups: tuple[str, ...]) -> Record:
    rec: Record = {
        "year": fy_label(fig.year),
        "population": fig.population,
        "population_year": fig.population_year,
        "offences": fig.total,
        "rate_per_100k": fig.rate_per_100k,
    }
    for group in groups:
        rec[share_key(group)] = fig.share(group)
    return rec


def _int(v: object) -> str:
    return fmt_count(v if isinstance(v, int) else None)


def _float(v: object) -> str:
    return fmt_rate(float(v) if isinstance(v, (int, float)) else None)


def _dist(v: object) -> str:
    return f"{v:.2f}" if isinstance(v, float) else "—"


def peers_report(group: PeerGroup, dataset: str) -> Report:
    """The peer group as a report: one record per peer, the force's own figures in the heading."""
    columns = [
        Column("force", "Force", show=False),
        Column("rank", "#", numeric=True),
        Column("peer", "Peer"),
        Column("distance", "Distance", _dist, numeric=True),
        Column("year", "Year", show=False),
        Column("population", "Population", _int, numeric=True),
        Column("population_year", "Pop. year", show=False),
        Column("offences", "All offences", _int, numeric=True),
        Column("rate_per_100k", "Per 100,000", _float, numeric=True),
    ]
    columns += [
        Column(share_key(g), f"% {g}", _float, numeric=True, show=False) for g in group.groups
    ]
    rows: list[tuple[int | None, float | None, PeerFigures]] = [
        (p.rank, p.distance, p.figures) for p in group.peers
    ]
    if group.offence:
        # Ordered by the chosen offence's rate, highest first, with the force itself in its
        # place (its row's "#" says "itself"; nearness is in rank and distance).
        near = {p.figures.force: (p.rank, p.distance) for p in group.peers}
        rows = [(*near.get(f.force, (None, None)), f) for f in group.ordered()]
        columns[1:1] = [Column("place", "By rate", numeric=True)]
        columns[2] = Column("rank", "#", lambda v: "itself" if v is None else str(v), numeric=True)
        columns += [
            Column("offence_count", group.offence, _int, numeric=True),
            Column("offence_per_100k", "Offence per 100k", _float, numeric=True),
        ]
    records: list[Record] = [
        {"force": group.force, "rank": rank, "peer": fig.force, "distance": distance}
        | _figures(fig, group.groups)
        | (
            {
                "place": i,
                "offence": group.offence,
                "offence_count": fig.offence_count,
                "offence_per_100k": fig.offence_rate,
            }
            if group.offence
            else {}
        )
        for i, (rank, distance, fig) in enumerate(rows, start=1)
    ]
    subtitle = [f"Dataset {dataset}; all offences by offence group"]
    notes = [
        "Nearest by population, offences per 100,000 and offence-group shares (README: peers)."
    ]
    fig = group.figures
    if fig is not None:
        subtitle.append(
            f"{group.force}, {fy_label(fig.year)}: population {fig.population:,} "
            f"({fig.population_year}); {fig.total:,} offences; "
            f"{fmt_rate(fig.rate_per_100k)} per 100,000"
        )
        if group.offence and fig.offence_rate is not None:
            subtitle.append(
                f"{group.force}, {group.offence}: {fmt_count(fig.offence_count)} "
                f"({fmt_rate(fig.offence_rate)} per 100,000)"
            )
        pos = group.position()
        if pos is not None and group.peers:
            what = f"{group.offence} per 100,000" if group.offence else "Rate per 100,000"
            subtitle.append(
                f"{what}: {pos[0]} of {pos[1]} (highest first) among itself and its peers"
            )
    if group.offence:
        notes.append(
            f"Peers are listed by {group.offence} per 100,000, highest first ('By rate'); '#' "
            "is still their nearness on all offences."
        )
    warnings = [group.note] if group.note else []
    return Report(f"Forces like {group.force}", columns, records, subtitle, notes, warnings)


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox peers FORCE``; model errors propagate to :func:`tui.cli.main`."""
    if args.count < 1:
        err.write("ox: error: --count must be at least 1\n")
        return 2
    ds = load_dataset(args.dataset or DEFAULT_DATASET)
    year = parse_year(args.year) if args.year is not None else None
    group = peers_for(ds, args.force, year=year, k=args.count)
    if args.offence:
        group = with_offence(ds, group, pick_offence(ds, args.offence))
    report = peers_report(group, ds.name)
    for warning in report.warnings:
        err.write(f"ox: note: {safe_text(warning)}\n")
    render.write(report, args.format, out)
    return 0
