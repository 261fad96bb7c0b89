"""Who may use a served explorer: pure checks on the bind address, the token and the headers.

Loopback by default: anyone who can reach the port can start the app (and, with imports allowed,
read files on the server), so a non-loopback address needs ``--public`` and then a token.
On loopback a browser tab on some other site could still talk to the port, so the page and the
websocket also check the ``Host`` header (against DNS rebinding) and the websocket its
``Origin`` (against another site's script opening it).
"""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, as given to ``--host``) is this machine only."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refusal(host: str, public: bool) -> str | None:
    """Why ``ox serve --host HOST`` must not start, or ``None`` when it may."""
    if is_loopback(host) or public:
        return None
    return (
        f"refusing to listen on {host}: anyone who can reach that address could start the "
        "explorer (a process on this machine per browser tab). Reach it from elsewhere through "
        "an SSH tunnel (ssh -L 8000:localhost:8000 THIS-SERVER), or add --public to serve it "
        "there behind a random token"
    )


def new_token() -> str:
    """A random token for ``--public`` (as Jupyter does): 32 characters, URL-safe."""
    return secrets.token_urlsafe(24)


def token_matches(given: str | None, token: str) -> bool:
    """Whether ``given`` is the token (compared in constant time)."""
    return given is not None and secrets.compare_digest(given.encode(), token.encode())


def _hostname(netloc: str) -> str:
    """``netloc`` (``host:port``, ``[::1]:8000``) without its port, in lower case."""
    return (urlsplit(f"//{netloc}").hostname or "").lower()


def host_allowed(host_header: str | None, extra: str | None = None) -> bool:
    """Whether a request's ``Host`` names this machine (any port: a tunnel may change it) or the
    host of ``--public-url`` (``extra``)."""
    if not host_header:
        return False
    name = _hostname(host_header)
    if extra and name == (urlsplit(extra).hostname or "").lower():
        return True
    return is_loopback(name)


def origin_allowed(
    origin: str | None, host_header: str | None, public_url: str | None = None
) -> bool:
    """Whether a websocket's ``Origin`` is the page's own: the same host and port as ``Host``, or
    (behind a proxy, which may rewrite ``Host``) the scheme, host and port of ``--public-url``.

    A request with no ``Origin`` is not from a browser's page (a browser always sends one on a
    websocket), so it is allowed: such a client can reach the port anyway.
    """
    if origin is None:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https"):
        return False
    if public_url:
        public = urlsplit(public_url)
        if (parts.scheme, parts.netloc.lower()) == (public.scheme, public.netloc.lower()):
            return True
    return bool(host_header) and parts.netloc.lower() == (host_header or "").lower()


def public_url_of(host: str, port: int, public_url: str | None, token: str | None) -> str:
    """The URL the server prints: ``--public-url`` (or ``http://HOST:PORT/``), with the token."""
    if public_url:
        base = public_url if public_url.endswith("/") else public_url + "/"
    else:
        shown = f"[{host}]" if ":" in host else host
        base = f"http://{shown}:{port}/"
    return f"{base}?token={token}" if token else base
