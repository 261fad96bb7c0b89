"""The parsers of the ``ox`` commands that live in modules of their own (``map``, ``peers``,
``events``, ``table``, ``diff``, ``cite``, ``serve``), apart from the modules that run them.

Building the parser (``ox --help``, and every command) imports only this; the module that runs a
command is imported when it runs (:func:`tui.cli.main.handler`), with its Polars.
"""

from __future__ import annotations

import argparse
from typing import Any

TABLE_FORMATS = ("table", "csv", "json", "markdown")
CITATION_FORMATS = ("text", "bibtex", "json")
MAP_MEASURES = ("count", "rate", "change")
FORCE_SORT_KEYS = ("force", "place", "change", "pct", "rank")
"""The choices of the model and output modules that run the commands (``render.FORMATS``,
``citation.FORMATS``, ``tilemap.MEASURES``, ``ordering.FORCE_SORT_KEYS``; a test checks they
agree): importing those here put 11 ms before the explorer's first frame, and rich on ``--help``."""


def add_table_format(parser: argparse.ArgumentParser) -> None:
    """``--format/-f`` for a command that prints a table (text, Markdown, JSON or CSV)."""
    parser.add_argument(
        "--format",
        "-f",
        default="table",
        choices=TABLE_FORMATS,
        help="output format (default: table)",
    )


def add_all(sub: Any) -> None:
    """Add each command of a module of its own to the ``ox`` subparsers ``sub``."""
    for add in (add_map, add_peers, add_events, add_table, add_diff, add_cite, add_serve):
        add(sub)


def add_map(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``map`` to the ``ox`` subcommands."""
    p = sub.add_parser("map", help="tile map of the 43 forces of England and Wales")
    p.add_argument(
        "--measure",
        "-m",
        default="count",
        choices=MAP_MEASURES,
        help="count, rate per 100,000 people, or %% change between two years (default: count)",
    )
    p.add_argument("--year", "-y", default=None, help="financial year for a count or a rate")
    p.add_argument(
        "--years", nargs=2, default=None, metavar=("A", "B"), help="the two years of a change"
    )
    p.add_argument(
        "--like-for-like",
        action="store_true",
        help="for a change: compare only the quarters present in both years (for a partial "
        "year), as ox compare --like-for-like",
    )
    p.add_argument(
        "--offence", "-o", default=None, help="offence code, text, 'group:NAME' or 'all'"
    )
    p.add_argument("--bins", type=int, default=5, help="number of quantile bins, 1-9 (default 5)")
    p.add_argument("--dataset", "-d", default=None, metavar="NAME", help="dataset to use")
    p.add_argument(
        "--format",
        "-f",
        default="text",
        choices=("text", "table", "markdown", "json", "csv"),
        help="text: the tile map (default); table or markdown: one row per force, with the "
        "map's notes; json, csv: one record per tile",
    )
    p.add_argument(
        "--ascii", dest="map_ascii", action="store_true", help="plain ASCII ('-' for no figure)"
    )


def add_peers(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``peers`` to the ``ox`` subcommands."""
    p = sub.add_parser("peers", help="forces like this one (size, offence level and offence mix)")
    p.add_argument("force", help="force name, alias or ONS code (e.g. 'northants')")
    p.add_argument(
        "--year", "-y", default=None, help="financial year (default: latest with populations)"
    )
    p.add_argument("--count", "-k", type=int, default=7, help="how many peers (default 7)")
    p.add_argument(
        "--offence",
        "-o",
        default=None,
        help="order the peers by this offence's rate per 100,000 (code, text, 'group:NAME'); "
        "who is near still comes from all offences",
    )
    p.add_argument(
        "--dataset", "-d", default=None, metavar="NAME", help="dataset (default: homeoffice)"
    )
    p.add_argument(
        "--format",
        "-f",
        default="table",
        choices=TABLE_FORMATS,
        help="output format (default: table)",
    )


EVENTS_HELP = "recording events (rule changes, new systems) that change what a series means"


def add_events(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``events`` command to the ``ox`` parser's subcommands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "events", help=EVENTS_HELP, description=EVENTS_HELP
    )
    parser.add_argument(
        "force",
        nargs="?",
        default=None,
        help="only national events and this force's (name, alias or ONS code); default: all",
    )
    parser.add_argument(
        "--offence",
        "-o",
        default=None,
        help="only events that concern this offence (code, text, 'group:NAME' or 'all')",
    )
    parser.add_argument(
        "--dataset",
        "-d",
        default=None,
        metavar="NAME",
        help="dataset whose offences --offence is looked up in (default: homeoffice)",
    )
    add_table_format(parser)
    return parser


def add_table(sub: Any) -> argparse.ArgumentParser:
    """Add the ``table`` subcommand to the ``ox`` subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "table",
        help="every force's count for every year (the Forces view)",
        description=(
            "Every force's count for every financial year, with the latest change, totals first "
            "(the Forces view). Partial years are labelled (2023/24 Q1) and never used for a "
            "change."
        ),
    )
    parser.add_argument("query", nargs="?", default="", help="only forces matching this (fuzzy)")
    parser.add_argument(
        "--offence", "-o", default=None, help="offence code, text, 'group:NAME' or 'all'"
    )
    parser.add_argument(
        "--sort",
        "-s",
        default=None,
        metavar="KEY",
        help=(
            f"{', '.join(FORCE_SORT_KEYS)}, or a year such as 2022/23 "
            "(default: the latest year of the change, largest first; with a search, the best "
            "match first)"
        ),
    )
    parser.add_argument("--ascending", action="store_true", help="smallest first")
    parser.add_argument(
        "--measure",
        "-m",
        default="count",
        choices=("count", "rate"),
        help=(
            "show and sort counts, or rates per 100,000 people (ONS mid-year estimates; the "
            "Forces view's m); CSV and JSON carry the counts too"
        ),
    )
    parser.add_argument(
        "--include-national",
        action="store_true",
        help="also list BTP, national fraud bodies and combined figures (never ranked)",
    )
    parser.add_argument(
        "--dataset", "-d", default=None, metavar="NAME", help="dataset (default: homeoffice)"
    )
    parser.add_argument(
        "--format", "-f", default="table", choices=TABLE_FORMATS, help="output format"
    )
    return parser


def add_diff(sub: Any) -> argparse.ArgumentParser:
    """Add the ``diff`` subcommand to the ``ox`` subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "diff",
        help="what changed between two datasets of the same measure (e.g. two releases)",
        description=(
            "Every force x financial year x offence whose figure differs between DATASET_A and "
            "DATASET_B (sums over quarters), largest change first, with counts of unchanged, "
            "added and removed cells. Each row says what happened (changed, renamed, split, "
            "moved, added, removed) and names the codes involved. Both must count the same "
            "thing: NSPCC FOI figures and Home Office recorded crime are never diffed."
        ),
    )
    parser.add_argument("dataset_a", help="the earlier dataset, e.g. an imported older release")
    parser.add_argument("dataset_b", help="the later dataset, e.g. homeoffice")
    parser.add_argument(
        "--offence",
        "-o",
        default=None,
        help="one offence selection (code, text, 'group:NAME', 'all'); default: every code apart",
    )
    parser.add_argument(
        "--force",
        action="append",
        default=[],
        metavar="FORCE",
        help="only this force's rows (repeatable; a few letters will do: 'northants')",
    )
    parser.add_argument(
        "--top", "-n", type=int, default=None, metavar="N", help="only the N largest changes"
    )
    parser.add_argument(
        "--include-national",
        action="store_true",
        help="also compare BTP, the national fraud bodies and unknown names",
    )
    add_table_format(parser)
    return parser


def add_cite(sub: Any) -> argparse.ArgumentParser:
    """Add the ``cite`` subcommand to the ``ox`` subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "cite",
        help="a citation for a selection: source, release, licence and attribution",
        description=(
            "Print a citation for the figures of a selection: publisher, table title, release "
            "date, URL, licence and its required attribution, the offence, forces and years, "
            "and when the data were built or imported (file and checksum for imports)."
        ),
    )
    parser.add_argument(
        "--dataset", "-d", default=None, metavar="NAME", help="dataset (default: homeoffice)"
    )
    parser.add_argument(
        "--offence", "-o", default=None, help="offence code, text, 'group:NAME' or 'all'"
    )
    parser.add_argument(
        "--force",
        action="append",
        default=[],
        metavar="FORCE",
        help="a force shown (repeatable; default: every force)",
    )
    parser.add_argument(
        "--years",
        "-y",
        default=None,
        metavar="YEARS",
        help="years shown: 2017/18, 2016/17..2022/23 or 2016/17,2017/18 (default: all)",
    )
    parser.add_argument(
        "--format",
        "-f",
        default="text",
        choices=CITATION_FORMATS,
        help="output format (default: text)",
    )
    return parser


def _number(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


def add_serve(sub: Any) -> argparse.ArgumentParser:
    """Add the ``serve`` subcommand to the ``ox`` subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="the explorer in a web browser (needs: pip install 'offence-explorer[web]')",
        description=(
            "Serve the explorer to web browsers: each tab gets its own explorer. Listens on this "
            "machine only (127.0.0.1) unless --public is given; reach it from elsewhere with an "
            "SSH tunnel: ssh -L 8000:localhost:8000 SERVER, then open http://localhost:8000. "
            "Served sessions are read-only (no imports, no dataset removal) unless "
            "--allow-import, and save no settings."
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=_number(1, 65535), default=8000, help="port to listen on (default: 8000)"
    )
    parser.add_argument(
        "--max-sessions",
        type=_number(1, 1000),
        default=4,
        metavar="N",
        help="at most N explorers at once, one per browser tab (default: 4; each takes about "
        "130 MB of RAM)",
    )
    parser.add_argument("--dataset", "-d", default=None, metavar="NAME", help="dataset to open")
    parser.add_argument("--offence", "-o", default=None, help="offence to open on")
    parser.add_argument(
        "--public",
        action="store_true",
        help="allow a --host other than this machine; the page then needs a random token "
        "(printed in its URL)",
    )
    parser.add_argument(
        "--public-url",
        default=None,
        metavar="URL",
        help="the URL browsers use to reach the server, if not http://HOST:PORT/ (a proxy; the "
        "page itself uses relative URLs, so a tunnel to another port needs nothing)",
    )
    parser.add_argument(
        "--allow-import",
        action="store_true",
        help="let served sessions import files and remove datasets on this machine's disk",
    )
    return parser
