"""``ox serve``: the explorer in a web browser, one app per tab (extra ``offence-explorer[web]``).

Only :func:`run` imports the web server (aiohttp, textual-serve), and only once the options are
known to be safe; without the extra, ``ox serve`` says what to install and exits with status 2.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from typing import IO

from tui.formatting import safe_text
from tui.model.data.catalogue import DEFAULT_DATASET, find_dataset
from tui.web.access import is_loopback, new_token, public_url_of, refusal

INSTALL_HINT = (
    "ox serve needs the web extra (textual-serve and aiohttp): "
    "pip install 'offence-explorer[web]' (in a source tree: pip install '.[web]', or make serve)"
)


def _shown_host(host: str) -> str:
    """A host a browser can use: this machine's name for 'every address' (0.0.0.0, ::)."""
    return socket.gethostname() if host in ("0.0.0.0", "::", "") else host


def banner(args: argparse.Namespace, url: str, dataset: str) -> str:
    """What ``ox serve`` prints when it starts."""
    lines = [
        f"offence-explorer ({dataset}) is served at {url}",
        f"  at most {args.max_sessions} sessions at once (one per browser tab)",
        "  imports and dataset removal are ON (--allow-import)"
        if args.allow_import
        else "  read-only: imports and dataset removal are off (--allow-import turns them on)",
    ]
    if is_loopback(args.host):
        lines.append(
            f"  from another machine: ssh -L {args.port}:localhost:{args.port} THIS-SERVER, "
            f"then open http://localhost:{args.port}/"
        )
    else:
        lines.append(f"  listening on {args.host}: anyone with the link above can open it")
    lines.append("Press Ctrl+C to stop (every session ends with it).")
    return "\n".join(lines)


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Check the options, then serve until Ctrl+C."""
    problem = refusal(args.host, args.public)
    if problem:
        err.write(f"ox serve: {problem}\n")
        return 2
    info = find_dataset(args.dataset or DEFAULT_DATASET)  # unknown: a clear error, exit 2
    try:
        from tui.web.server import OxServer  # the [web] extra, which may not be installed
    except ImportError:
        err.write(f"ox serve: {INSTALL_HINT}\n")
        return 2
    argv = [sys.executable, "-m", "tui.web.session_app", "--dataset", info.name]
    if args.offence:
        argv += ["--offence", args.offence]
    if args.allow_import:
        argv.append("--allow-import")
    argv += ["--parent", str(os.getpid())]
    token = new_token() if args.public else None
    url = public_url_of(_shown_host(args.host), args.port, args.public_url, token)
    server = OxServer(
        argv,
        host=args.host,
        port=args.port,
        max_sessions=args.max_sessions,
        title=safe_text(f"offence-explorer — {info.name}: {info.title}"),
        token=token,
        public_url=args.public_url,
    )
    server.banner = banner(args, url, info.name)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        err.write(f"ox serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}\n")
        return 1
    return 0
