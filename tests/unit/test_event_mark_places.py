"""Event labels on the detail chart never overwrite each other (issue 20): at 80×24 West
Yorkshire's chart read ``E1–E5 E6–E9│ E11–EE15–E18``, ``E15–E18`` drawn from the right over
``E11–E14``. Positions are plotext's own (checked against its canvas in the UI test)."""

from __future__ import annotations

import pytest

from tui.widgets.event_marks import mark_column, marks_text, place_marks


def spans(placed: tuple[tuple[int, str, str], ...], points: int, canvas: int) -> list[range]:
    out = []
    for x, text, align in placed:
        at = mark_column(x, points, canvas)
        out.append(
            range(at, at + len(text)) if align == "left" else range(at - len(text) + 1, at + 1)
        )
    return out


@pytest.mark.parametrize("canvas", [8, 12, 20, 29, 31, 40, 66, 100])
@pytest.mark.parametrize("points", [5, 14, 53])
def test_labels_keep_apart_and_on_the_canvas(canvas: int, points: int) -> None:
    # Events at every position, at every other, and bunched at the end (as the 2010s are).
    layouts = [
        list(range(1, points + 1)),
        list(range(1, points + 1, 2)),
        [1, 2, 3, points - 3, points - 2, points - 1, points],
    ]
    for xs in layouts:
        xs = sorted({x for x in xs if 1 <= x <= points})
        marks = tuple((x, f"E{n}") for n, x in enumerate(xs, start=1))
        placed = place_marks(marks, points, canvas)
        cells = spans(placed, points, canvas)
        for a, b in zip(cells, cells[1:]):
            assert a.stop < b.start, (placed, cells)  # a blank between two labels
        assert all(r.start >= 0 and r.stop <= canvas for r in cells), (placed, cells)
        if placed:  # every event is in exactly one label, in order
            named = []
            for _, text, _ in placed:
                if "–" in text:
                    first, last = (int(t[1:]) for t in text.split("–"))
                    named += [f"E{n}" for n in range(first, last + 1)]
                else:
                    named += text.split(",")
            assert named == [label for _, label in marks]
        else:  # nothing fits: not even one label for all of them
            assert len(marks_text([label for _, label in marks])) > canvas


def test_the_trial_case_merges_instead_of_overwriting() -> None:
    """West Yorkshire, all offences, 80×24: 14 years on a 29-cell canvas, 18 events."""
    xs = [1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    marks = tuple((x, f"E{n}") for n, x in enumerate(xs, start=1))
    placed = place_marks(marks, 14, 29)
    cells = spans(placed, 14, 29)
    assert all(a.stop < b.start for a, b in zip(cells, cells[1:]))
    assert placed[-1][1].endswith("E18")


def test_labels_of_one_place_stay_in_number_order() -> None:
    """E9 and E10 in one year read "E9,E10" (sorted as text they read "E10,E9")."""
    marks = ((1, "E8"), (6, "E9"), (6, "E10"))
    assert [t for _, t, _ in place_marks(marks, 14, 60)] == ["E8", "E9,E10"]
