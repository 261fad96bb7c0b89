"""Reading one cell as people write it: counts, financial years, periods, quarters and names."""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.model.data.schema import MAX_COUNT
from tui.model.data.years import fy_label

# Cells that mean "no figure": never read as 0, because a missing figure is not a zero.
MISSING_MARKERS = frozenset({"", "..", "…", "n/a", "na", "-", "–", "—", "[x]", "[c]", "[z]"})
# The Home Office tables write zero as "-00" (documented in the 2017/18 file), so it is a real 0.
HOME_OFFICE_ZERO = "-00"

# Spreadsheet exports use non-breaking and thin spaces as well as ordinary ones.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_INT = re.compile(r"^-?\d+$")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+$")
_WHOLE_FLOAT = re.compile(r"^-?\d+\.0+$")
_DECIMAL = re.compile(r"^-?\d*[.,]\d+$")
_FY = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/\-–—_]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})$", re.IGNORECASE)
_FLOAT_ARTEFACT = re.compile(r"^-?\d+\.\d{10,}$")
_QUARTER = re.compile(r"^(?:q|quarter\s*)?\s*(\d+)(?:\.0+)?$", re.IGNORECASE)

_LIMIT = (
    f"the largest accepted is {MAX_COUNT:,} either way; all police-recorded crime in England and "
    "Wales is under 10 million a year"
)

# Kinds of count cell, reported in the cleaning summary.
NUMBER = "number"
THOUSANDS = "thousands"
WHOLE_FLOAT = "whole_float"
DASH_ZERO = "dash_zero"
MISSING = "missing"
BAD = "bad"


def clean_text(raw: str | None) -> str:
    """Trim a cell and turn any run of spaces (including non-breaking ones) into one space."""
    if raw is None:
        return ""
    return _SPACES.sub(" ", raw).strip()


def mend_float_artefact(text: str) -> str:
    """A code that went through a binary float, written back in its shortest form.

    ``"37.200000000000003"`` → ``"37.2"``: the shortest text that reads back as the same float.
    Only long decimals (ten places or more) are touched, so ``4.10`` stays apart from ``4.1``;
    ``"0.30000000000000004"`` is already the shortest form of its float and is kept.
    """
    if not _FLOAT_ARTEFACT.match(text):
        return text
    shortest = repr(float(text))
    return shortest if len(shortest) < len(text) and "e" not in shortest else text


class Count(NamedTuple):
    """A count cell read: its value (``None`` when missing), its kind, and why it is bad, if so."""

    value: int | None
    kind: str
    error: str = ""


def parse_count(raw: str | None) -> Count:
    """Read a count cell.

    ``"1,234"`` is 1234, ``"-00"`` is 0 (the Home Office's zero), ``"63.0"`` is 63, negative
    numbers are kept (they are genuine adjustments), and ``..``, ``n/a``, ``-`` or an empty cell
    are missing (``None``), never 0. Anything else is bad, with the reason.
    """
    text = clean_text(raw)
    if text.lower() in MISSING_MARKERS:
        return Count(None, MISSING)
    if text == HOME_OFFICE_ZERO:
        return Count(0, DASH_ZERO)
    kind = NUMBER
    digits = text
    if _THOUSANDS.match(text):
        kind, digits = THOUSANDS, text.replace(",", "")
    elif _WHOLE_FLOAT.match(text):
        kind, digits = WHOLE_FLOAT, text.split(".", 1)[0]
    elif not _INT.match(text):
        return Count(None, BAD, _why_not_a_count(text, multiline="\n" in (raw or "").strip()))
    value = int(digits)
    if abs(value) > MAX_COUNT:
        return Count(None, BAD, f"'{_short(text)}' is too large to be a count ({_LIMIT})")
    return Count(value, kind)


def _why_not_a_count(text: str, multiline: bool) -> str:
    shown = _short(text)
    if multiline:
        return 'the cell runs over several lines (a quote (") may be missing its closing quote)'
    if _DECIMAL.match(text):
        return f"'{shown}' is not a whole number"
    if any(c.isalpha() for c in text):
        return f"'{shown}' is text, not a number"
    return f"'{shown}' is not a number"


def _short(text: str, limit: int = 40) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


class Year(NamedTuple):
    """A financial-year cell read: the label (``2017/18``) and start year, or why it is bad."""

    label: str
    start: int | None
    error: str = ""


def is_bare_year(raw: str | None) -> bool:
    """True for a plausible year written alone (``2020``, ``FY2020``): not a financial year."""
    bare = _BARE_YEAR.match(clean_text(raw))
    return bare is not None and 1900 <= int(bare.group(1)) <= 2199


def parse_financial_year(raw: str | None) -> Year:
    """Read a financial year written as ``2017/18``, ``2017-18``, ``2017/2018`` or ``FY2017-18``."""
    text = clean_text(raw)
    if not text:
        return Year("", None, "the year is empty")
    match = _FY.match(text)
    if is_bare_year(text):
        # Never guessed: "2020" may be 2020/21, the year ending in 2020, or a calendar year.
        year = int(text[-4:])
        return Year(
            "",
            None,
            f"'{text}' is a single year, not a financial year: write {fy_label(year)} for April "
            f"{year} to March {year + 1}, or {fy_label(year - 1)} if {year} is the year it ends "
            f"(a bare {year} could also be a calendar year)",
        )
    if not match:
        return Year("", None, f"'{_short(text)}' is not a financial year")
    start, end = int(match.group(1)), match.group(2)
    expected = start + 1
    if (len(end) == 2 and int(end) != expected % 100) or (len(end) == 4 and int(end) != expected):
        return Year(
            "",
            None,
            f"'{text}' is not a financial year (the one starting in {start} is {fy_label(start)})",
        )
    if not 1900 <= start <= 2199:
        return Year("", None, f"'{text}' is not a plausible year")
    return Year(fy_label(start), start)


def parse_period(raw: str | None) -> Year:
    """Read a period: a financial year becomes ``2017/18`` with its start year.

    Any other text (``2013 (calendar year)``, ``2016/17-2020/21``) is kept as written, with no year.
    """
    text = clean_text(raw)
    if not text:
        return Year("", None, "the period is empty")
    year = parse_financial_year(text)
    if not year.error:
        return year
    return Year(text, None)


def parse_quarter(raw: str | None) -> tuple[int | None, str]:
    """Read a quarter written as ``1``-``4``, ``Q1`` or ``Quarter 1``: (quarter, error)."""
    text = clean_text(raw)
    if not text:
        return None, "the quarter is empty"
    match = _QUARTER.match(text)
    if not match or not 1 <= int(match.group(1)) <= 4:
        return None, f"'{_short(text)}' is not a quarter (1 to 4)"
    return int(match.group(1)), ""
