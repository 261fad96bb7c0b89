"""Cite and reproduce what a view shows: its citation(s) in any format, and the ``ox`` commands.

A view describes what it shows as a :class:`ShownView` (its
:class:`~tui.model.findings.reproduce.ViewSpec`, the offence label and year labels on screen, the
dataset(s) whose figures it shows); this module turns that into a :class:`CiteSheet`: one citation
per dataset (:mod:`tui.model.findings.citation`), the command that prints the same figures
(:mod:`tui.model.findings.reproduce`) and the ``ox cite`` command that prints the citation. Pure
standard library: the TUI's cite dialog calls it on the UI thread.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from tui.model.data.catalogue import DatasetInfo
from tui.model.findings.citation import Citation, cite, render_citation
from tui.model.findings.reproduce import ViewSpec, command_for


@dataclass(frozen=True)
class ShownView:
    """What a view shows, as far as its citation and its command depend on it."""

    spec: ViewSpec
    offence_label: str
    """The offence selection as the view labels it (``code 86: Obscene publications etc``)."""
    years: tuple[str, ...]
    """The financial years shown, as labelled (``2023/24 Q1`` for a partial year)."""
    datasets: tuple[DatasetInfo, ...]
    """The dataset(s) whose figures are shown: one, or A and B for a diff."""
    dataset_years: tuple[tuple[str, ...], ...] = ()
    """For each dataset, the years it covers, when they differ (a diff); else ``years`` holds."""


@dataclass(frozen=True)
class CiteSheet:
    """A view's citations and the commands that reproduce it."""

    citations: tuple[Citation, ...]
    command: str
    """The ``ox`` command that prints the figures of the view."""
    cite_commands: tuple[str, ...]
    """For each dataset, the ``ox cite`` command that prints its citation."""


def cite_sheet(shown: ShownView, catalogue: Sequence[DatasetInfo]) -> CiteSheet:
    """The citations and commands of a view.

    Args:
        shown: what the view shows.
        catalogue: the bundled datasets (an import in a bundled layout is credited to their
            publisher).

    Raises:
        ValueError: the view's spec has no command (see
            :func:`tui.model.findings.reproduce.command_args`).
    """
    spec = shown.spec
    years = shown.dataset_years or (shown.years,) * len(shown.datasets)
    citations = tuple(
        cite(info, shown.offence_label, forces=spec.forces, years=shown_years, catalogue=catalogue)
        for info, shown_years in zip(shown.datasets, years, strict=True)
    )
    cite_commands = tuple(
        command_for(ViewSpec("cite", info.name, spec.offence, forces=spec.forces, years=spec.years))
        for info in shown.datasets
    )
    return CiteSheet(citations, command_for(spec), cite_commands)


def render_sheet(sheet: CiteSheet, fmt: str) -> str:
    """The citations in ``text``, ``bibtex`` or ``json`` (one object, or a list for a diff), each
    exactly as ``ox cite`` prints it."""
    if fmt == "json" and len(sheet.citations) > 1:
        return json.dumps([asdict(c) for c in sheet.citations], ensure_ascii=False, indent=2) + "\n"
    return "\n".join(render_citation(c, fmt) for c in sheet.citations)
