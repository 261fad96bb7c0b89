"""Monkey test: random key bursts, resizes, loads and restarts typed at the app (issue 19).

Whatever is typed, on whichever screen, at whatever size, the app must never exit with an error.
What the monkey types and how it drives one running app are in ``tests/ui/monkey.py``.

Two tiers:

- ``make test`` replays every sequence that ever crashed the app (``REGRESSIONS``) and a small
  fixed set of random ones (``FIXED_SEED``): cheap, and the same on every run.
- ``make soak`` (``tests/ui/soak.py``) types fresh random sequences for ``SOAK_SECONDS`` (default
  300) from a seed that changes with every commit (``SOAK_SEED``, else the commit hash), and
  prints the keys, size and seed of every crash. A crash it finds becomes a ``REGRESSIONS`` entry.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.hostile_dataset import HOSTILE, write_hostile
from tests.ui.monkey import Monkey, Step, key_count, random_sequence

pytestmark = pytest.mark.paints  # every frame drawn, as on a terminal (tests/conftest.py)

FIXED_SEED = "make-test"
FIXED = [("homeoffice", 0), (HOSTILE, 1), ("nspcc", 2)]
"""The fixed random sequences ``make test`` plays: (dataset, example number of ``FIXED_SEED``)."""


@pytest.fixture
def monkey(
    store: Path, settings_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Monkey]:
    """A monkey at the keyboard, in a temporary folder (export and import start there)."""
    write_hostile(store)
    monkeypatch.chdir(tmp_path)
    m = Monkey(store, settings_file)
    yield m
    m.close()


REGRESSIONS: list[tuple[str, list[Step]]] = [
    # Found by the new-user trial's storm (issue 20's merge): the Cancel button of the import
    # screen called the preview's scroll action with the button event → TypeError.
    ("homeoffice", [("down",), ("I",), ("shift+tab",), ("enter",), ("down",)]),
    # Found by the monkey under load: a detail closed before it was mounted → NoMatches
    # 'SeriesTable' in its on_mount (tests/ui/test_closed_early.py makes it deterministic).
    (
        "nspcc",
        [
            ("shift+tab",),
            (
                *("right", "escape", "full_stop", "pagedown", "super+c", "V", "P", "k", "enter"),
                *("a", "q", "z", "n", "r", "escape", "left_square_bracket", "X", "s", "9"),
                *("left_square_bracket", "end", "enter", "4", "left_square_bracket", "u", "i"),
                *("a", "b", "S", "escape", "9", "1", "left_square_bracket", "R", "space", "w"),
                *("a", "d", "I", "1"),
            ),
        ],
    ),
    # Issue 9: Compare, a force's detail from it, Compare again → DuplicateIds 'compare'.
    ("homeoffice", [("down",), ("v",), ("enter",), ("v",), ("enter",), ("v",)]),
    # Issue 9: the palette's page keys before its list had a size → KeyError: 0 (_move_page).
    ("homeoffice", [("ctrl+p", "z", "pageup"), ("escape", "escape"), ("ctrl+p", "k", "pagedown")]),
    # Found by the monkey: a selection handled after Esc closed the palette → ScreenStackError.
    ("homeoffice", [("enter", "backspace", "ctrl+p", "w", "escape")]),
    # Found by the monkey: a letter after Enter chose a palette command → NoMatches in its worker.
    (
        "homeoffice",
        [
            ("resize", "40", "12"),
            ("space",),
            (
                *("A", "3", "s", "a", "right_square_bracket", "y", "w", "home", "down", "x", "6"),
                *("down", "backspace", "a", "escape", "z", "o", "n", "A", "C", "7", "4", "o", "a"),
                *("a", "ctrl+p", "enter", "a"),
            ),
        ],
    ),
    # Found by the monkey: the palette closed under a running search → NoMatches in its worker.
    (
        "homeoffice",
        [
            (
                "end",
                "9",
                "pagedown",
                "ctrl+p",
                "left",
                "ctrl+c",
                "O",
                "super+c",
                "j",
                "pagedown",
                "b",
            )
        ],
    ),
    # Issue 9: a force whose series is 0 in every year → ZeroDivisionError in plotext.
    (HOSTILE, [("down",), ("o",), tuple("zero"), ("enter",), ("enter",), ("resize", "80", "24")]),
    # Issue 19 (key storms): at 7–9 rows the table's header and totals are taller than the view
    # → IndexError in LineView._refresh_changed (↓ ↓, PgDn, End, after a resize).
    ("homeoffice", [("resize", "80", "8"), ("down",), ("down",), ("pagedown",), ("end",)]),
    (
        "homeoffice",
        [("resize", "80", "7"), ("down", "v"), ("down",), ("end",), ("resize", "80", "9")],
    ),
    # Issue 19: a detail, the map, a tile → DuplicateIds 'detail'; ↓ M Enter M → 'map'.
    ("homeoffice", [("down",), ("enter",), ("M",), ("enter",)]),
    ("homeoffice", [("down",), ("M",), ("enter",), ("M",)]),
    # Issue 19: a picker answered twice (Enter Enter, Enter Esc → ScreenStackError here;
    # InvalidStateError in a storm).
    ("homeoffice", [("down",), ("d",), tuple("nspcc"), ("enter", "enter")]),
    ("homeoffice", [("down",), ("d",), tuple("nspcc"), ("enter", "escape")]),
    # Issue 19: page keys in a picker with no height (80×6) → KeyError: 2 and KeyError: 1.
    ("homeoffice", [("resize", "80", "6"), ("down",), ("v",), ("a",), ("pageup",)]),
    ("homeoffice", [("resize", "80", "6"), ("down",), ("d",), ("down",), ("pagedown",)]),
    # Issue 19: Textual's theme switcher, a letter and PgUp as it opens → KeyError: 0.
    ("nspcc", [("themes", "a", "pageup"), ("escape",), ("themes", "pagedown")]),
    # Issue 20 (tmux storms at 100×30, 20×5, 80×24, 120×40): Enter on a row of the offence
    # picker's list, then Tab and letters typed into its box before the selection was handled →
    # IndexError in Picker._chosen (the index named a row of the list before the letters). The
    # storm's keys; whether they race so here depends on timing: tests/ui/test_picker_selection.py
    # handles a selection after the refill every time.
    (
        "homeoffice",
        [
            ("resize", "100", "30"),
            ("down",),
            ("o",),
            ("tab",),
            ("u", "end", "e", "enter", "u", "tab", "i", "r", "I"),
            (
                *("pagedown", "t", "n", "i", "d", "down", "shift+tab", "y", "home", "f", "i"),
                *("1", "o", "o", "enter", "u", "end", "n", "space", "r", "n", "o", "pagedown"),
                *("escape", "end", "space"),
            ),
        ],
    ),
    # Found by a tmux storm: the ANSI theme over the map of NSPCC (tiles with no figure are drawn
    # in its "ansi_default 50%") → ColorParseError.
    ("nspcc", [("down",), ("M",), ("themes", *"ansi"), ("enter",)]),
]


def by_dataset(entries: list[tuple[str, list[Step]]]) -> list[tuple[str, list[Step]]]:
    """The entries grouped by dataset (one load per dataset), in their order otherwise."""
    order = {name: i for i, (name, _) in reversed(list(enumerate(entries)))}
    return sorted(entries, key=lambda e: order[e[0]])


def test_sequences_that_once_crashed(monkey: Monkey) -> None:
    """Every ``REGRESSIONS`` entry, in one app (an app per entry costs more than its keys)."""
    failures = []
    for dataset, seq in by_dataset(REGRESSIONS):
        try:
            monkey.play(dataset, seq)
        except AssertionError as crash:
            failures.append(str(crash))
    assert not failures, "\n".join(failures)
    assert monkey.played == len(REGRESSIONS)


def fixed_sequence(example: int) -> list[Step]:
    return random_sequence(random.Random(f"{FIXED_SEED}:{example}"))


def test_a_fixed_set_of_random_sequences(monkey: Monkey) -> None:
    """A few sequences of the soak's kind (sizes from 20×5, loads, the theme switcher...)."""
    for dataset, example in FIXED:
        monkey.play(dataset, fixed_sequence(example))
    assert monkey.keys >= sum(key_count(fixed_sequence(e)) for _, e in FIXED) > 0
