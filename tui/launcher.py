"""The ``ox`` / ``offence-explorer`` command: the explorer (TUI) with no command, a lookup with one.

Textual is imported only when the TUI opens, so ``ox show ...`` never pays for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui.cli.main import build_parser, empty_dataset
from tui.cli.main import main as run_cli
from tui.cli.plain_stream import fitting
from tui.model.importing.leftovers import tidy_store
from tui.paths import imported_datasets_dir

NO_ARGUMENTS = argparse.Namespace(
    command=None, version=False, dataset=None, offence=None, ascii=False, theme=None
)
"""What the parser makes of a bare ``ox`` (a test checks it against :func:`build_parser`)."""


def run_tui(args: argparse.Namespace) -> int:
    """Open the explorer. Textual is imported only here. A terminal whose encoding cannot hold
    "—" or "▁" (``LANG=C``) gets plain-ASCII mode, as ``--ascii`` gives it."""
    from tui.app import make_app  # Textual: 0.32-0.38 s that the lookups (`ox show`) never pay

    tidy_store(imported_datasets_dir())  # what a killed import left (its lock, a 0-byte file)
    app = make_app(
        dataset=args.dataset,
        offence=args.offence,
        ascii_only=True if args.ascii else None,
        theme=args.theme,
        plain_terminal=fitting(sys.stdout) is not sys.stdout,
    )
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ox`` and ``offence-explorer``."""
    if not (sys.argv[1:] if argv is None else argv):
        # A bare ``ox``: the explorer at once, without building the parser of every lookup
        # (which imports each command's module: time the first frame would wait for).
        return run_tui(NO_ARGUMENTS)
    args = build_parser().parse_args(argv)
    if args.command is None and not args.version:
        refused = empty_dataset(args)
        if refused:
            sys.stderr.write(refused + "\n")
            return 2
        return run_tui(args)
    return run_cli(argv)
