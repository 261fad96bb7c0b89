"""Writing the answer book of a loaded dataset (see :mod:`tui.model.answer_book`).

Every answer is computed by the code ``ox show`` runs (:func:`tui.model.series.force_series`), for
every force with figures and every computed total the dataset has.
"""

from __future__ import annotations

from pathlib import Path

from tui.model.answer_book import OFFENCES_BOOKED, save_book, user_book
from tui.model.dataset import Dataset
from tui.model.detail_types import ForceSeries
from tui.model.errors import ModelError
from tui.model.opening_cache import file_sha256
from tui.model.selection import pick_offence
from tui.model.series import force_series
from tui.model.totals import total_force, total_specs

MAX_BOOKED_FORCES = 300
"""A dataset with more forces or bodies than this gets no book: the police areas of the UK, their
totals and the national bodies are about 60, and a book costs a pass over the figures per force
(an import of 25,000 unknown names would spend minutes on it; ``ox show`` computes instead)."""


def write_book(ds: Dataset, path: Path | None = None) -> bool:
    """Write the book of ``ds`` (default: in the user's cache folder); False when it cannot be
    made or written, or the dataset has more than :data:`MAX_BOOKED_FORCES` forces (a book is an
    optimisation: without one, ``ox show`` computes)."""
    if len(ds.forces) > MAX_BOOKED_FORCES:
        return False
    try:
        sources_sha256 = (
            file_sha256(ds.info.sources_path) if ds.info.sources_path is not None else ""
        )
    except OSError:
        return False
    totals = total_specs(ds)
    forces = [ds.reference.force(name) for name in ds.forces]
    forces += [total_force(ds, spec) for spec in totals if spec.members]
    answers: dict[str, dict[str, ForceSeries]] = {}
    for typed in OFFENCES_BOOKED:
        try:
            selection = pick_offence(ds, typed)
        except ModelError:
            continue
        by_force = answers.setdefault(selection.key, {})
        for force in forces:
            try:
                by_force[force.name] = force_series(ds, force, selection)
            except ModelError:
                continue  # the full path says why
    return save_book(
        path or user_book(ds.name),
        ds.info,
        ds.file_sha256,
        sources_sha256,
        has_quarters=ds.has_quarters,
        forces=ds.forces,
        totals=totals,
        offences=ds.offences,
        answers=answers,
    )


def write_book_of(name: str) -> bool:
    """Load dataset ``name`` and write its book in the user's cache folder (after an import);
    False when it cannot be loaded or written, which costs only speed."""
    from tui.model.dataset import load_dataset

    try:
        return write_book(load_dataset(name))
    except ModelError:
        return False
