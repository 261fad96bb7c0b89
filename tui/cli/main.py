"""The ``ox`` lookups (``show``, ``compare``, ...): parsing, dispatch and errors.

``tui.launcher`` opens the TUI when no command is given; this package never imports Textual, so
lookups start fast over SSH. The module of the command that runs is imported then
(:func:`handler`), so parsing imports no Polars. A user mistake prints one clear line
on stderr and exits with status 2; an unreadable data file exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import IO, Any

from tui import package_version
from tui.cli import subparsers
from tui.cli.plain_stream import fitting
from tui.formatting import safe_text
from tui.model.data.errors import (
    DatasetError,
    ModelError,
    UnknownDatasetError,
    UnknownForceError,
    UnknownOffenceError,
)

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2

EPILOG = """\
examples:
  ox                                  open the explorer (TUI)
  ox show northamptonshire            code 86 counts by year (Home Office data)
  ox show "Kent" --offence all        all offences
  ox show northants --dataset nspcc   NSPCC FOI figures, with sources
  ox show kent essex "england and wales"   several forces side by side (years as rows)
  ox compare 2016/17 2017/18 --top 10
  ox forces york                      find forces (names, aliases, ONS codes)
  ox map --measure rate --offence all tile map of the 43 forces (England and Wales)
  ox peers northants                  forces like this one (size and offence mix)
  ox offences burglary                find offence codes and groups
  ox datasets                         what data is available
  ox events "greater manchester"      recording events (rule changes, new systems), with sources
  ox table --sort 2022/23             every force, every year (the Forces view)
  ox diff prc201718 homeoffice -o 86  what a newer release revised
  ox cite --force northants -f bibtex how to cite a selection
  ox serve                            the explorer in a web browser (extra: [web])

years: 2017/18, 2017-18 or 2017 (all mean the financial year April 2017 to March 2018)
"""


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line on a usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def _common(parser: argparse.ArgumentParser, fmt: bool = True) -> None:
    parser.add_argument(
        "--dataset",
        "-d",
        default=None,
        metavar="NAME",
        help="dataset to use (default: homeoffice); see 'ox datasets'",
    )
    if fmt:
        parser.add_argument(
            "--format",
            "-f",
            default="table",
            choices=subparsers.TABLE_FORMATS,
            help="output format (default: table)",
        )


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser (exposed for the tests and the README)."""
    parser = _Parser(
        prog="ox",
        description="Explore police-recorded offences by UK police force, year and offence.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    parser.add_argument("--dataset", "-d", default=None, metavar="NAME", help="dataset to open")
    parser.add_argument("--offence", "-o", default=None, help="offence to open on")
    parser.add_argument(
        "--ascii", action="store_true", help="plain-ASCII sparklines and chart markers"
    )
    parser.add_argument("--theme", default=None, help="colour theme, e.g. textual-light")
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    show = sub.add_parser("show", help="a force's counts by financial year")
    show.add_argument(
        "force",
        nargs="+",
        help="force name, alias or ONS code (e.g. 'northam', E23000022); several side by side",
    )
    show.add_argument(
        "--offence", "-o", default=None, help="offence code, text, 'group:NAME' or 'all'"
    )
    show.add_argument("--quarters", "-q", action="store_true", help="by quarter instead of by year")
    show.add_argument(
        "--measure",
        "-m",
        default="count",
        choices=("count", "rate"),
        help="several forces side by side: counts, or rates per 100,000 people (ONS mid-year "
        "estimates); one force shows both",
    )
    show.add_argument(
        "--all-periods",
        action="store_true",
        help="csv/json: also include calendar-year and multi-year figures (year is null)",
    )
    _common(show)

    cmp = sub.add_parser("compare", help="every force in two financial years, side by side")
    cmp.add_argument("year_a", help="first year, e.g. 2016/17")
    cmp.add_argument("year_b", help="second year, e.g. 2017/18")
    cmp.add_argument(
        "--offence", "-o", default=None, help="offence code, text, 'group:NAME' or 'all'"
    )
    cmp.add_argument(
        "--top",
        "-n",
        type=int,
        default=None,
        metavar="N",
        help="only the first N forces in the --sort order",
    )
    cmp.add_argument(
        "--sort",
        "-s",
        default="b",
        choices=("force", "a", "b", "change", "pct", "rank_change", "sig"),
        help="sort forces by this column (default: b, the largest count in year B first, as the "
        "Compare view opens; a %% change on a small count would put the smallest forces on top); "
        "sig: changes beyond chance first, by %%, then the rest",
    )
    cmp.add_argument(
        "--measure",
        "-m",
        default="count",
        choices=("count", "rate"),
        help="show and sort counts, or rates per 100,000 people (ONS mid-year estimates)",
    )
    cmp.add_argument(
        "--force",
        "-F",
        action="append",
        default=None,
        metavar="FORCE",
        help="only this force (repeat for several); ranks stay among all forces",
    )
    cmp.add_argument("--ascending", action="store_true", help="smallest first")
    cmp.add_argument(
        "--like-for-like",
        action="store_true",
        help="compare only the quarters present in both years (for a partial year)",
    )
    cmp.add_argument(
        "--include-national",
        action="store_true",
        help="also list BTP, national fraud bodies and combined figures (never ranked)",
    )
    _common(cmp)

    forces = sub.add_parser("forces", help="list or find forces")
    forces.add_argument("query", nargs="?", default="", help="text to search for (fuzzy)")
    _common(forces)

    offences = sub.add_parser("offences", help="list or find offences")
    offences.add_argument("query", nargs="?", default="", help="text to search for (fuzzy)")
    _common(offences)

    datasets = sub.add_parser("datasets", help="list datasets, or remove an imported one")
    datasets.add_argument("action", nargs="?", choices=("list", "remove"), default="list")
    datasets.add_argument("name", nargs="?", help="dataset to remove")
    datasets.add_argument("--yes", "-y", action="store_true", help="remove without asking")
    datasets.add_argument("--format", "-f", default="table", choices=subparsers.TABLE_FORMATS)

    imp = sub.add_parser("import", help="import a CSV, Parquet, XLSX or ODS file as a dataset")
    imp.add_argument("file", help="the file to import")
    imp.add_argument(
        "--name", "-n", default=None, help="dataset name (default: from the file name)"
    )
    imp.add_argument("--replace", action="store_true", help="replace a dataset of the same name")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="map a column for the generic layout, e.g. --map count='Crimes' (repeatable)",
    )
    imp.add_argument(
        "--measure",
        default=None,
        metavar="MEASURE",
        help="what a file imported with --map counts ('homeoffice'), checked against its codes "
        "and forces, so 'ox diff' can compare it with another release",
    )
    imp.add_argument("--sheet", default=None, help="read only this sheet (XLSX/ODS)")
    imp.add_argument("--dry-run", action="store_true", help="check and preview; write nothing")
    imp.add_argument(
        "--strict",
        action="store_true",
        help="refuse a workbook with a bad sheet (default: skip it)",
    )
    subparsers.add_all(sub)  # the commands in modules of their own
    return parser


def _print_versions(out: IO[str]) -> None:
    from importlib.metadata import PackageNotFoundError, version  # only here: 67 ms on any other

    parts = [f"offence-explorer {package_version()}"]
    for pkg in ("textual", "polars", "plotext", "platformdirs"):
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg} (not installed)")
    out.write(", ".join(parts) + "\n")


HANDLERS = {
    "show": "lookups.show",
    "compare": "lookups.compare",
    "forces": "lookups.forces",
    "offences": "lookups.offences",
    "datasets": "lookups.datasets",
    "import": "imports.import_command",
    "map": "map_command.run",
    "peers": "peers.run",
    "events": "events.run",
    "table": "table.run",
    "diff": "diff.run",
    "cite": "cite.run",
    "serve": "serve.run",
}
"""The function that runs each command, as ``MODULE.FUNCTION`` of ``tui.cli``."""


def handler(name: str) -> Callable[[argparse.Namespace, IO[str], IO[str]], Any]:
    """The function ``MODULE.FUNCTION`` of ``tui.cli``, its module imported now: the CLI's one
    lazy import. Most commands' modules import Polars (0.25-0.35 s) and rich (65 ms), so the
    parser, ``ox --help`` and a stored ``ox show`` (:mod:`tui.cli.quick_show`: no Polars) never
    load them."""
    module, function = name.split(".")
    return getattr(import_module(f"tui.cli.{module}"), function)  # type: ignore[no-any-return]


def run_lookup(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run one lookup command; errors propagate to :func:`main`."""
    if args.command == "show" and handler("quick_show.show_stored")(args, out, err):
        return EXIT_OK  # stored ahead from the same data: no Polars needed
    if args.command == "datasets" and args.action == "remove":
        return int(handler("imports.remove_dataset")(args, out, err))  # (imports: 65-190 ms)
    return int(handler(HANDLERS[args.command])(args, out, err))


def empty_dataset(args: argparse.Namespace) -> str | None:
    """The error for ``--dataset ""`` (it used to mean homeoffice, silently), or ``None``."""
    dataset = getattr(args, "dataset", None)
    if dataset is not None and not dataset.strip(" ,"):
        return "ox: error: --dataset is empty: give a dataset name (list them with 'ox datasets')"
    return None


def _hint(exc: Exception, args: argparse.Namespace) -> str:
    """Where to look up what can be typed, after an unknown force, offence or dataset."""
    dataset = getattr(args, "dataset", None)
    option = f" -d {dataset}" if dataset else ""
    if isinstance(exc, UnknownForceError) and "has no figures" not in exc.message:
        return f" (list them with 'ox forces{option}')"
    if isinstance(exc, UnknownOffenceError):
        return f" (list them with 'ox offences{option}')"
    if isinstance(exc, UnknownDatasetError):
        return " (list them with 'ox datasets')"
    return ""


def main(
    argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Entry point of ``ox`` and ``offence-explorer``.

    Args:
        argv: arguments (default: ``sys.argv[1:]``).
        out: where results go (default: stdout).
        err: where errors and warnings go (default: stderr).

    Returns:
        The exit status: 0 on success, 2 for a user mistake, 1 for an unreadable data file.
    """
    out = out or fitting(sys.stdout)
    err = err or fitting(sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        _print_versions(out)
        return EXIT_OK
    refused = empty_dataset(args)
    if refused:
        err.write(refused + "\n")
        return EXIT_USAGE
    try:
        if args.command is None:
            err.write(
                "ox: no command given (run 'ox' alone to open the explorer; see 'ox --help')\n"
            )
            return EXIT_USAGE
        return run_lookup(args, out, err)
    except DatasetError as exc:
        err.write(f"ox: error: {safe_text(exc)}\n")
        return EXIT_DATA
    except ModelError as exc:
        err.write(f"ox: error: {safe_text(exc)}{_hint(exc, args)}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # `ox compare ... | head`: the reader left; that is not an error.
        try:
            sys.stdout = open("/dev/null", "w")  # noqa: SIM115
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        err.write("ox: interrupted\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
