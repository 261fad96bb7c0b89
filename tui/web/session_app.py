"""The process behind one browser tab: ``python -m tui.web.session_app [--dataset NAME] ...``.

textual-serve starts it with Textual's web driver (``TEXTUAL_DRIVER``) and speaks to it on its
stdin and stdout. It is the explorer itself, with three differences from ``ox``:

- read-only unless the server was started with ``--allow-import``: a served tab cannot import
  a file from, or remove a dataset on, the server's disk;
- it saves no settings (one colleague's choices are not the next one's opening);
- it ends if the server does (Linux: the parent's death signals it), so no app outlives
  ``ox serve``, however the server stopped.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import sys
from collections.abc import Sequence

from tui.app import make_app


def end_with_parent() -> None:
    """Ask Linux to send SIGTERM to this process when its parent (the server) dies."""
    if not sys.platform.startswith("linux"):
        return

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):  # no prctl: the server's shutdown still ends the app
        return


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tui.web.session_app")
    parser.add_argument("--dataset", default=None)
    parser.add_argument("--offence", default=None)
    parser.add_argument("--allow-import", action="store_true")
    parser.add_argument("--parent", type=int, default=None, help="the server's process id")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    end_with_parent()
    if args.parent is not None and os.getppid() != args.parent:
        return 0  # the server died before the signal was asked for

    app = make_app(
        dataset=args.dataset,
        offence=args.offence,
        remember=False,
        read_only=not args.allow_import,
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
