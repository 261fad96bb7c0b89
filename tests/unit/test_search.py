"""Fuzzy matching of what users type."""

from __future__ import annotations

from tui.model.data.search import match_text, near_misses, rank


def test_exact_beats_prefix_beats_word_prefix_beats_substring_beats_scattered() -> None:
    exact = match_text("kent", "Kent")
    prefix = match_text("north", "Northumbria")
    word = match_text("york", "North Yorkshire")
    sub = match_text("amp", "Northamptonshire")
    scattered = match_text("nrthmptn", "Northamptonshire")
    assert exact and prefix and word and sub and scattered
    assert exact.score > prefix.score > word.score > sub.score > scattered.score


def test_positions_point_at_the_matched_letters() -> None:
    m = match_text("YORK", "North Yorkshire")
    assert m is not None and m.positions == (6, 7, 8, 9)
    m = match_text("nhm", "Northamptonshire")
    assert m is not None and [("Northamptonshire"[i]) for i in m.positions] == ["N", "h", "m"]


def test_no_match_when_letters_are_missing_or_out_of_order() -> None:
    assert match_text("xyz", "Kent") is None
    assert match_text("tnek", "Kent") is None


def test_rank_prefers_names_and_orders_best_first() -> None:
    hits = rank(
        "york",
        [
            ("North Yorkshire", ["North Yorkshire"]),
            ("Humberside", ["Humberside", "East Yorkshire"]),
            ("Kent", ["Kent"]),
        ],
    )
    assert [h.item for h in hits] == ["North Yorkshire", "Humberside"]
    assert hits[1].matched == "East Yorkshire" and hits[1].field == 1


FORCES = [
    ("Kent", ["Kent"]),
    ("Northamptonshire", ["Northamptonshire", "Northants"]),
    ("Northumbria", ["Northumbria"]),
    ("North Wales", ["North Wales"]),
]


def test_near_misses_take_a_typo_in_the_start_of_a_name() -> None:
    """ "norhtamp" (two letters swapped in the start of Northamptonshire) is a typing mistake as
    "kentt" and "northamptonshier" are; three letters are too few to say."""
    assert near_misses("kentt", FORCES) == ["Kent"]
    assert near_misses("northamptonshier", FORCES) == ["Northamptonshire"]
    assert near_misses("norhtamp", FORCES)[0] == "Northamptonshire"
    assert near_misses("nro", FORCES) == [] and near_misses("zzzz", FORCES) == []
