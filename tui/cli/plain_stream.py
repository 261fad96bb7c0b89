"""Output for a terminal or pipe whose encoding cannot hold our characters (``LANG=C`` over SSH,
``PYTHONIOENCODING=ascii``): each character it cannot encode is written as its plain-ASCII
stand-in (``—`` as ``-``, ``▲`` as ``^``, ``†`` as ``r``), as ASCII mode draws it, never a
traceback."""

from __future__ import annotations

import codecs
from typing import IO

from tui.formatting import ascii_char

PROBE = "—▁▲†·…"
"""Characters the lookups print: a stream that cannot encode them all gets the stand-ins."""


class PlainStream:
    """Writes to ``stream`` what its encoding can hold, and ASCII stand-ins for the rest."""

    def __init__(self, stream: IO[str], encoding: str) -> None:
        self.stream = stream
        self.encoding = encoding

    def write(self, text: str) -> int:
        self.stream.write("".join(self._fit(c) for c in text))
        return len(text)

    def _fit(self, char: str) -> str:
        try:
            char.encode(self.encoding)
        except UnicodeEncodeError:
            return ascii_char(char)
        return char

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())


def fitting(stream: IO[str]) -> IO[str]:
    """``stream`` itself when its encoding holds every character we print, else a
    :class:`PlainStream` over it."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return stream
    try:
        codecs.lookup(encoding)
    except LookupError:
        return PlainStream(stream, "ascii")  # type: ignore[return-value]
    try:
        PROBE.encode(encoding)
    except UnicodeEncodeError:
        return PlainStream(stream, encoding)  # type: ignore[return-value]
    return stream
