"""The ``ox`` / ``offence-explorer`` command: the explorer (TUI) with no command, a lookup with one.

Textual is imported only when the TUI opens, so ``ox show ...`` never pays for it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from tui.cli.main import build_parser
from tui.cli.main import main as run_cli


def run_tui(args: argparse.Namespace) -> int:
    """Open the explorer. Textual is imported only here."""
    from tui.app import make_app

    app = make_app(
        dataset=args.dataset,
        offence=args.offence,
        ascii_only=True if args.ascii else None,
        theme=args.theme,
    )
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ox`` and ``offence-explorer``."""
    args = build_parser().parse_args(argv)
    if args.command is None and not args.version:
        return run_tui(args)
    return run_cli(argv)
