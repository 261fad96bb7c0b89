"""How numbers and text look on screen and in exports: shared by the CLI and the TUI.

Headless and pure (no Polars, no Textual), so the CLI and the TUI show the very same strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MISSING = "—"
"""Shown for a missing figure. Never 0: zero is a real count."""

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_.-~=+*#"

POPULATION_NOTE = (
    "per 100,000 people (ONS mid-year estimate of the year the financial year starts in)"
)
"""What a rate per 100,000 people is, in the words every view uses (see
:mod:`tui.model.stats.rates`)."""
CAVEAT_LEGEND = "‡ City of London: tiny resident population, rate not comparable or ranked"
"""A rate's caveat in one short line, for a table's legend."""
CAVEAT_MARK = "‡"
"""Marks a rate that carries a caveat (City of London); the legend gives the caveat."""
CAVEAT_MARK_ASCII = "#"
""":data:`CAVEAT_MARK` in plain-ASCII mode."""
PARTIAL_MARK = "ᵖ"
"""Marks a count that covers fewer quarters than its year (a partial force-year)."""
PARTIAL_MARK_ASCII = "p"
""":data:`PARTIAL_MARK` in plain-ASCII mode."""


def partial_mark(ascii_only: bool) -> str:
    """The marker after a count that covers fewer quarters than its year (a partial force-year);
    a legend line says what it means."""
    return PARTIAL_MARK_ASCII if ascii_only else PARTIAL_MARK


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

FORMAT_CONTROLS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
"""Invisible format characters (Unicode Cf), line and paragraph separators, as a regex class body.

Bidi overrides and isolates (U+202A-202E, U+2066-2069) reorder what follows them, so a name
holding one can make a row read differently from what it is; zero-width characters hide text."""
_FORMAT = re.compile(f"[{FORMAT_CONTROLS}]")


def _escape_format(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe_text(text: object) -> str:
    """Text from data, made safe to print: control characters (terminal escapes) become visible
    ``\\xNN`` sequences, and invisible format characters (bidi overrides such as U+202E,
    zero-width spaces) visible ``\\u202e`` ones. Markup is not interpreted anywhere we print, so
    brackets stay literal."""
    s = "" if text is None else str(text)
    s = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)
    return s if s.isascii() else _FORMAT.sub(lambda m: _escape_format(m.group()), s)


ECHO_LIMIT = 80
"""How many characters of something the user typed (or a file held) a message repeats."""


def echo(text: object, limit: int = ECHO_LIMIT) -> str:
    """Text the user gave, in quotes, cut short for a message: a 100,000-character name is shown
    as its first ``limit`` characters and how long it was (``'zzz…' (100,000 characters)``)."""
    s = "" if text is None else str(text)
    if len(s) <= limit:
        return f"'{s}'"
    return f"'{s[: limit - 1]}…' ({len(s):,} characters)"


def forces_count(n: int) -> str:
    """``1`` → ``"1 force"``, ``43`` → ``"43 forces"``: the chart of one marked force was
    titled "1 forces"."""
    return f"{n:,} force" if n == 1 else f"{n:,} forces"


def fmt_count(value: int | None) -> str:
    """``1234`` → ``"1,234"``; ``None`` → ``"—"``."""
    return MISSING if value is None else f"{value:,}"


def fmt_change(value: int | None) -> str:
    """``21`` → ``"+21"``, ``-80`` → ``"-80"``, ``0`` → ``"0"``, ``None`` → ``"—"``."""
    if value is None:
        return MISSING
    return f"{value:+,}" if value else "0"


def fmt_pct(value: float | None) -> str:
    """``22.686`` → ``"+22.7%"``; ``None`` → ``"—"``."""
    if value is None:
        return MISSING
    if round(value, 1) == 0:
        return "0.0%"
    return f"{value:+.1f}%"


def fmt_rate(value: float | None) -> str:
    """A rate per 100,000 with one decimal."""
    return MISSING if value is None else f"{value:,.1f}"


def fmt_rank(value: int | None, of: int | None = None) -> str:
    """``3`` → ``"3"`` (or ``"3 of 43"``)."""
    if value is None:
        return MISSING
    return f"{value} of {of}" if of else str(value)


def fmt_rank_change(value: int | None) -> str:
    """Places moved: ``+3`` is up three places."""
    if value is None:
        return MISSING
    return f"▲{value}" if value > 0 else (f"▼{-value}" if value < 0 else "=")


def sparkline(values: Sequence[int | float | None], ascii_only: bool = False) -> str:
    """A one-line trend: one character per value, scaled from the series' min to its max.

    Missing values are a space, so a gap is visible and never looks like a low count.
    """
    blocks = SPARK_ASCII if ascii_only else SPARK_BLOCKS
    present = [v for v in values if v is not None]
    if not present:
        return " " * len(values)
    lo, hi = min(present), max(present)
    span = hi - lo
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif span == 0:
            out.append(blocks[len(blocks) // 2])
        else:
            out.append(blocks[min(len(blocks) - 1, int((v - lo) / span * (len(blocks) - 1) + 0.5))])
    return "".join(out)


def bar(value: float | None, scale: float, width: int, ascii_only: bool = False) -> str:
    """A small horizontal bar for a signed value: ``scale`` maps to ``width`` cells."""
    if value is None or scale <= 0 or width <= 0:
        return ""
    cells = min(width, max(0, round(abs(value) / scale * width)))
    if cells == 0 and value != 0:
        cells = 1
    return ("#" if ascii_only else "█") * cells


_ASCII_FOR = {
    **dict.fromkeys("—–‒−‐‑", "-"),
    **dict.fromkeys("·∙", "-"),
    **dict.fromkeys("•●◦", "*"),
    **dict.fromkeys("⏎↵", ">"),
    **dict.fromkeys("…", "."),
    **dict.fromkeys("‘’‚′", "'"),
    **dict.fromkeys("“”„″", '"'),
    **dict.fromkeys("→▸▶►❯›»", ">"),
    **dict.fromkeys("←◂◀◄❮‹«", "<"),
    **dict.fromkeys("↑▲△", "^"),
    **dict.fromkeys("↓▼▽", "v"),
    **dict.fromkeys("↔", "-"),
    **dict.fromkeys("■□◆◇▪▫", "#"),
    **dict.fromkeys("○◯", "o"),
    **dict.fromkeys("✓✔", "*"),
    **dict.fromkeys("×✕✗", "x"),
    # The marks the views draw in ASCII themselves: a legend or note that says "‡" or "†"
    # reaches the screen through the ASCII filter, which read "+ City of London: …" beside rows
    # marked "#" (and "+" is a sign beside a change).
    "†": "r",  # RELEASE_MARK_ASCII
    "‡": "#",  # CAVEAT_MARK_ASCII
    **dict.fromkeys("≈∼", "~"),
    "⚠": "!",  # "? partial year: no change computed" read as a question
    "≤": "<",
    "≥": ">",
    "▏": "|",
    "▕": "|",
    "▔": "-",
    "▁": "_",
    "░": ":",
    "\u00a0": " ",
    "\u2800": " ",
}


def ascii_char(char: str) -> str:
    """One printable ASCII character for a character of one cell (plain-ASCII mode): box-drawing
    lines become ``- | +``, arrows ``> < ^ v``, a dash ``-``, braille dots ``.``, blocks ``#``,
    accented letters their base letter (``é`` → ``e``), anything else ``?``."""
    if " " <= char <= "~":
        return char
    known = _ASCII_FOR.get(char)
    if known is not None:
        return known
    code = ord(char)
    if 0x2500 <= code <= 0x257F:  # box drawing: its name says which way its lines go
        name = unicodedata.name(char, "")
        across = any(w in name for w in ("HORIZONTAL", "LEFT", "RIGHT"))
        down = any(w in name for w in ("VERTICAL", "UP", "DOWN"))
        if "DIAGONAL" in name:
            return (
                "X" if "CROSS" in name else ("/" if "UPPER RIGHT TO LOWER LEFT" in name else "\\")
            )
        return "+" if across == down else ("-" if across else "|")
    if 0x2800 <= code <= 0x28FF:  # braille dots (plotext's lines)
        return "."
    if 0x2580 <= code <= 0x259F or 0x25A0 <= code <= 0x25FF:  # blocks and geometric shapes
        return "#"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if " " <= c <= "~")
    return base[:1] or "?"


def copied(what: str, *, web: bool) -> str:
    """What a copy says. In a terminal it goes by OSC 52, which tmux and some terminals drop
    unseen, so that is said; in a browser a download follows (``sharing.also_download``)."""
    if web:
        return f"Sent {what} to the clipboard."
    return (
        f"Sent {what} to the terminal's clipboard (OSC 52; if nothing pastes, the terminal or "
        "tmux ignores it)."
    )
