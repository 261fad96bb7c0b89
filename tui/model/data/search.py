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
WHOLE_WORD = 850.0
WORD_PREFIX = 800.0
SUBSTRING = 700.0
SUBSEQUENCE = 400.0
STRONG = SUBSTRING
"""Matches of this tier or better (the query's letters together) push out scattered-letter ones."""


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
    """Higher is better: exact > prefix > whole word > word prefix > substring > scattered
    letters; within a tier, earlier and in a shorter text is better."""
    positions: tuple[int, ...]
    """Indices of the matched characters in the text, for highlighting."""
    tier: float = SUBSEQUENCE
    """The kind of match (one of the tier constants), whatever the small penalties."""


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
        return TextMatch(EXACT, tuple(range(n)), EXACT)
    idx = t.find(q)
    if idx == 0:
        return TextMatch(PREFIX - len(t) / 100, tuple(range(n)), PREFIX)
    if idx > 0:
        # Prefer a whole word ("sexual" in "group: Sexual offences"), then the start of a word
        # ("york" in "North Yorkshire"), then letters inside a word.
        starts = [i for i in _occurrences(t, q) if not t[i - 1].isalnum()]
        whole = [i for i in starts if i + n == len(t) or not t[i + n].isalnum()]
        for tier, at in ((WHOLE_WORD, whole), (WORD_PREFIX, starts)):
            if at:
                start = at[0]
                return TextMatch(
                    tier - start / 10 - len(t) / 100, tuple(range(start, start + n)), tier
                )
        return TextMatch(SUBSTRING - idx / 10 - len(t) / 100, tuple(range(idx, idx + n)), SUBSTRING)
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
    return TextMatch(
        SUBSEQUENCE - gaps * 5 - positions[0] - len(t) / 100, tuple(positions), SUBSEQUENCE
    )


def _occurrences(text: str, query: str) -> list[int]:
    """Every index where ``query`` starts in ``text``."""
    found: list[int] = []
    at = text.find(query)
    while at >= 0:
        found.append(at)
        at = text.find(query, at + 1)
    return found


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
    tier: float = SUBSEQUENCE
    """The kind of its best match (see :class:`TextMatch`)."""


def rank(
    query: str,
    candidates: Iterable[tuple[T, Sequence[str]]],
    *,
    min_score: float = 0.0,
) -> list[Hit[T]]:
    """Rank candidates by their best-matching text, best first; non-matches are dropped.

    When some candidate has the query's letters together (a substring or better), candidates
    that only have them scattered are dropped: "obscene" lists "Obscene publications", not
    "Use of substance or object to endanger life". On a tie within a tier, the candidate given
    first wins (callers list broader choices, such as offence groups, first).

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
                best = Hit(item, score, field, text, m.positions, m.tier)
        if best is not None and best.score >= min_score:
            hits.append(best)
    if any(h.tier >= STRONG for h in hits):
        hits = [h for h in hits if h.tier >= STRONG]
    hits.sort(key=lambda h: (-h.tier, -h.score))
    return hits


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance (with transpositions) between ``a`` and ``b``, or ``limit + 1`` when
    it is more than ``limit`` (so long texts cost little)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def near_misses(
    query: str, candidates: Iterable[tuple[T, Sequence[str]]], limit: int = 5
) -> list[T]:
    """Candidates one or two typing mistakes away from ``query`` ("kentt" → Kent), closest
    first: for "did you mean" when nothing matched. From five letters on, a mistake in the start
    of a word counts too ("norhtamp" → Northamptonshire)."""
    q = fold(" ".join(query.split()))
    allowed = 1 if len(q) < 8 else 2
    if len(q) < 3:
        return []
    scored: list[tuple[int, int, T]] = []
    for order, (item, texts) in enumerate(candidates):
        words = {w for text in texts if text for w in (fold(text), *fold(text).split())}
        if len(q) >= 5:
            words |= {w[: len(q)] for w in words if len(w) > len(q)}
        best = min((edit_distance(q, w, allowed) for w in words), default=allowed + 1)
        if best <= allowed:
            scored.append((best, order, item))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [item for _d, _o, item in scored[:limit]]
