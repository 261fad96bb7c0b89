"""Whether a value read back from the derived-data store has the types its dataclass declares
(standard library only): a file that parses but holds, say, text where a count belongs is not
used."""

from __future__ import annotations

import types
import typing
from dataclasses import fields, is_dataclass
from functools import lru_cache
from typing import Any

Names = tuple[tuple[str, type], ...]


@lru_cache(maxsize=64)
def _hints(kind: type, names: Names) -> dict[str, Any]:
    return typing.get_type_hints(kind, localns=dict(names))


def well_typed(value: object, hint: Any = None, names: Names = ()) -> bool:
    """True when ``value`` matches ``hint`` (default: its own dataclass's field types): frozen
    dataclasses, ``X | None``, ``tuple[X, ...]``, fixed tuples, ``Literal`` and plain types.
    ``names`` are the types a module names only for type checkers (``(("Event", Event),)``)."""
    if hint is None:
        hint = type(value)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(well_typed(value, a, names) for a in args)
    if origin is typing.Literal:
        return value in args
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(well_typed(v, args[0], names) for v in value)
        return len(args) == len(value) and all(well_typed(v, a, names) for v, a in zip(value, args))
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type) and is_dataclass(hint):
        if type(value) is not hint:
            return False
        hints = _hints(hint, names)
        return all(well_typed(getattr(value, f.name), hints[f.name], names) for f in fields(hint))
    return isinstance(hint, type) and isinstance(value, hint)
