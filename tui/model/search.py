"""Fuzzy, case-insensitive matching of what a user types against names, aliases and codes.

Pure Python: it runs on every keystroke in the TUI, over a few dozen forces or a few hundred
offences, so it must be fast and allocation-light rather than clever.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

EXACT = 1000.0
PREFIX = 900.0
WORD_PREFIX = 800.0
SUBSTRING = 700.0
SUBSEQUENCE = 400.0


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case ``text`` one character at a time, so indices still line up with the original.

    Memoised: the same names are folded on every keystroke."""
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class TextMatch:
    """How a query matched one text."""

    score: float
    """Higher is better: exact > prefix > word prefix > substring > scattered letters."""
    positions: tuple[int, ...]
    """Indices of the matched characters in the text, for highlighting."""


def match_text(query: str, text: str) -> TextMatch | None:
    """Match ``query`` against ``text``; ``None`` when not every query character is found in order.

    Args:
        query: what the user typed (case and surrounding spaces ignored).
        text: a name, alias, code or description.
    """
    q = fold(query.strip())
    if not q:
        return TextMatch(0.0, ())
    t = fold(text)
    n = len(q)
    if t == q:
        return TextMatch(EXACT, tuple(range(n)))
    idx = t.find(q)
    if idx == 0:
        return TextMatch(PREFIX - len(t) / 100, tuple(range(n)))
    if idx > 0:
        # Prefer a match at the start of a word ("york" in "North Yorkshire").
        word = t.find(" " + q)
        if word >= 0:
            start = word + 1
            return TextMatch(
                WORD_PREFIX - start / 10 - len(t) / 100, tuple(range(start, start + n))
            )
        if not t[idx - 1].isalnum():
            return TextMatch(WORD_PREFIX - idx / 10 - len(t) / 100, tuple(range(idx, idx + n)))
        return TextMatch(SUBSTRING - idx / 10 - len(t) / 100, tuple(range(idx, idx + n)))
    # Letters in order, with gaps: "nrthmptn" → "Northamptonshire".
    q_nospace = q.replace(" ", "")
    if not q_nospace:
        return None
    positions: list[int] = []
    pos = 0
    for ch in q_nospace:
        found = t.find(ch, pos)
        if found < 0:
            return None
        positions.append(found)
        pos = found + 1
    gaps = positions[-1] - positions[0] + 1 - len(positions)
    return TextMatch(SUBSEQUENCE - gaps * 5 - positions[0] - len(t) / 100, tuple(positions))


@dataclass(frozen=True)
class Hit(Generic[T]):
    """One candidate that matched a query."""

    item: T
    """The candidate itself."""
    score: float
    """Its best score over all its texts."""
    field: int
    """Which of the candidate's texts matched best (0 is the display name)."""
    matched: str
    """That text (an alias or code when ``field`` is not 0)."""
    positions: tuple[int, ...]
    """Matched character positions in ``matched``."""


def rank(
    query: str,
    candidates: Iterable[tuple[T, Sequence[str]]],
    *,
    min_score: float = 0.0,
) -> list[Hit[T]]:
    """Rank candidates by their best-matching text, best first; non-matches are dropped.

    Args:
        query: what the user typed.
        candidates: pairs of (item, texts) where ``texts[0]`` is the display name and the rest
            are aliases, codes and other names it may be found by.
        min_score: drop hits scoring below this.
    """
    hits: list[Hit[T]] = []
    for item, texts in candidates:
        best: Hit[T] | None = None
        for field, text in enumerate(texts):
            if not text:
                continue
            m = match_text(query, text)
            if m is None:
                continue
            # A name match beats an alias match of the same kind.
            score = m.score - (0.5 if field else 0.0)
            if best is None or score > best.score:
                best = Hit(item, score, field, text, m.positions)
        if best is not None and best.score >= min_score:
            hits.append(best)
    hits.sort(key=lambda h: -h.score)
    return hits
