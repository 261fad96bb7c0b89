"""Resolving what the user typed to a force and an offence of a dataset, from its names alone
(no Polars).

:func:`tui.model.figures.totals.resolve_force` and :func:`tui.model.figures.selection.pick_offence`
ask this with a loaded dataset's forces, totals and offences; the
derived-data store (:mod:`tui.model.store.derived_store`) asks it with the same lists, kept beside
the answers, so a question is resolved the same way before Polars is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.model.data.errors import UnknownOffenceError
from tui.model.data.offences import (
    ALL_OFFENCES,
    OffenceInfo,
    OffenceSelection,
    resolve_offence,
)
from tui.model.data.reference import COMPUTED_TOTAL, Force, Reference
from tui.model.results.types import STATED_TOTAL_CODE, TotalSpec


def total_force(reference: Reference, spec: TotalSpec) -> Force:
    """The force a totals row stands for: a stated total's own entry, or a computed total."""
    if not spec.members:
        return reference.force(spec.name)
    return Force(
        name=spec.name,
        ons_code="",
        nation=spec.name,
        region=f"sum of {len(spec.members)} {_members_word(reference, spec)}",
        kind=COMPUTED_TOTAL,
    )


def _members_word(reference: Reference, spec: TotalSpec) -> str:
    """What a computed total sums: forces, or (Recorded Crime in Scotland) council areas."""
    if spec.members and all(reference.force(m).council_area for m in spec.members):
        return "council areas"
    return "forces"


def resolve_among(
    reference: Reference,
    forces: Sequence[str],
    totals: Sequence[TotalSpec],
    dataset: str,
    query: str,
) -> Force:
    """Resolve ``query`` to one of ``forces`` (the canonical names with figures in dataset
    ``dataset``), or to one of its computed ``totals`` written in full (``england and wales``,
    ``England & Wales``, ``wales``).

    Raises:
        UnknownForceError: no force matched, several did, or the force has no figures here.
    """
    key = " ".join(query.lower().replace("&", " and ").split())
    for spec in totals:
        if spec.members and spec.name.lower() == key:
            return total_force(reference, spec)
    return reference.resolve(query, list(forces), where=f"dataset '{dataset}'")


def normalised(offences: Sequence[OffenceInfo], selection: OffenceSelection) -> OffenceSelection:
    """Map "all offences" to the stated total in datasets that have one (e.g. ``nspcc``)."""
    if selection.kind == "all" and any(o.code == STATED_TOTAL_CODE for o in offences):
        return resolve_offence(tuple(offences), STATED_TOTAL_CODE)
    return selection


def pick_offence_among(
    offences: Sequence[OffenceInfo], default_offence: str, text: str | None
) -> OffenceSelection:
    """Resolve an offence as typed among ``offences`` (``None``: ``default_offence``, or all
    offences when that is not one of them).

    Raises:
        UnknownOffenceError: nothing or several offences matched.
    """
    if text is None:
        try:
            return normalised(offences, resolve_offence(tuple(offences), default_offence))
        except (LookupError, UnknownOffenceError):  # said: the status line gives the note
            note = f"its default offence ({default_offence}) is not in this dataset: all offences"
            return replace(normalised(offences, ALL_OFFENCES), note=note)
    return normalised(offences, resolve_offence(tuple(offences), text))
