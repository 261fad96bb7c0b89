"""Names: the one short display name of a force; what can name an imported dataset, and what a
manifest may name as its data file. Stdlib only.

Every check is a full match: ``re.match`` with ``$`` also accepts a name ending in a newline
(``$`` matches before a trailing ``\\n``), which once let ``'evil\\n'`` through as a dataset that
could then be neither opened nor removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeGuard

SHORT_NAME_WIDTH = 24
"""The longest force name the TUI's tables, legends and panels show whole."""


def short_force_name(name: str, aliases: Sequence[str] = ()) -> str:
    """The one short name a force is shown by in the TUI (Forces, Compare, the map, peers, the
    multi-force chart's legend and table): its name when it is at most 24 characters, else its
    shortest alias ("Police Service of Northern Ireland" → "PSNI"), else its name cut with an
    ellipsis. The detail's title, exports and the CLI give the full name."""
    if len(name) <= SHORT_NAME_WIDTH:
        return name
    short = min(aliases, key=len, default="")
    if short and len(short) <= SHORT_NAME_WIDTH:
        return short
    return name[: SHORT_NAME_WIDTH - 1] + "…"


def name_list(names: Iterable[str]) -> str:
    """Names joined so that each reads whole: "; " between them, since a name may hold a comma
    ("London, City of; Metropolitan Police", never "London, City of, Metropolitan Police", which
    reads as three names)."""
    return "; ".join(names)


NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
"""Lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 long."""

_PLAIN_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")


def is_dataset_name(name: object) -> TypeGuard[str]:
    """True when ``name`` (the whole of it) can name an imported dataset."""
    return isinstance(name, str) and NAME_PATTERN.fullmatch(name) is not None


def is_data_file_name(name: object, suffix: str = ".parquet") -> TypeGuard[str]:
    """True when ``name`` is a plain file name ending in ``suffix``: no folder, no ``..``, no
    control character (what a manifest may name as its data or sources file)."""
    return (
        isinstance(name, str)
        and name.endswith(suffix)
        and _PLAIN_FILE.fullmatch(name) is not None
        and ".." not in name
    )
