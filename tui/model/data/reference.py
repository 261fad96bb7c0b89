"""Reference tables: the forces (ONS code, nation, region, kind, aliases).

Force kinds:

- ``territorial``: the 43 forces of England and Wales, Police Scotland and PSNI, and Scotland's 32
  council areas (the areas Recorded Crime in Scotland counts by; their region is
  :data:`COUNCIL_AREA`). Only these are ranked, totalled and given rates per population.
- ``non_area``: British Transport Police (it has no area).
- ``fraud_body``: Action Fraud, CIFAS and UK Finance, national fraud-reporting bodies.
- ``stated_total``, ``regional_total``, ``combined``: labels that sources such as the NSPCC use for
  totals they state (never sums we compute) and for figures given for several forces at once.
- ``computed_total``: a total this app sums over territorial forces (England and Wales, a nation).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tui.formatting import echo
from tui.model.data.errors import DatasetError, UnknownForceError
from tui.model.data.names import short_force_name
from tui.model.data.search import Hit, fold, near_misses, rank

TERRITORIAL = "territorial"
NON_AREA = "non_area"
FRAUD_BODY = "fraud_body"
STATED_TOTAL = "stated_total"
REGIONAL_TOTAL = "regional_total"
COMBINED = "combined"
COMPUTED_TOTAL = "computed_total"
COUNCIL_AREA = "Council area"
"""The region of Scotland's council areas: territorial, but areas of a council, not of a force."""
KINDS = (TERRITORIAL, NON_AREA, FRAUD_BODY, STATED_TOTAL, REGIONAL_TOTAL, COMBINED, COMPUTED_TOTAL)

KIND_LABELS = {
    TERRITORIAL: "",
    NON_AREA: "no area (not ranked)",
    FRAUD_BODY: "national fraud body (not ranked)",
    STATED_TOTAL: "total as stated",
    REGIONAL_TOTAL: "regional total as stated",
    COMBINED: "several forces combined, as stated",
    COMPUTED_TOTAL: "sum of forces",
}


@dataclass(frozen=True)
class Force:
    """One police force or reporting body."""

    name: str
    """Canonical name (the ONS police force area name where there is one)."""
    ons_code: str
    """ONS PFA code (E23…, W15…, S23…), or "" where none exists."""
    nation: str
    """England, Wales, Scotland, Northern Ireland, or a wider area for national bodies."""
    region: str
    """ONS region (Wales for Welsh forces), or a description for national bodies."""
    kind: str
    """One of :data:`KINDS`."""
    aliases: tuple[str, ...] = ()
    """Other names the force is known by."""

    @property
    def ranked(self) -> bool:
        """True for forces that take part in rankings, totals and rates per population."""
        return self.kind == TERRITORIAL

    @property
    def council_area(self) -> bool:
        """True for a Scottish council area (an area of Recorded Crime in Scotland, not a force)."""
        return self.kind == TERRITORIAL and self.region == COUNCIL_AREA

    @property
    def why_unranked(self) -> str:
        """Why a body takes no rank among forces ("" for a territorial force)."""
        if self.kind == TERRITORIAL:
            return ""
        if self.kind in (STATED_TOTAL, COMPUTED_TOTAL, REGIONAL_TOTAL, COMBINED):
            return "a total of several forces"
        return "no police force area"

    @property
    def place(self) -> str:
        """Region and nation in one short label, e.g. ``"East Midlands"`` or ``"Wales"``."""
        if self.kind == COMPUTED_TOTAL:
            return self.region
        if self.kind != TERRITORIAL:
            return KIND_LABELS[self.kind]
        return self.region or self.nation

    @property
    def display_name(self) -> str:
        """The name in the TUI's tables and legends (see :func:`short_force_name`): PSNI."""
        return short_force_name(self.name, self.aliases)

    @property
    def search_texts(self) -> tuple[str, ...]:
        """Texts the force can be found by: name first, then aliases and ONS code."""
        return (self.name, *self.aliases, self.ons_code)


def area_words(forces: Iterable[Force]) -> tuple[str, str]:
    """What a table's rows are called, singular and plural: "Force", "forces"; or, for a dataset
    by council area (Recorded Crime in Scotland), "Council area", "council areas". The TUI's
    headers, find boxes and help and the CLI's tables and exports all say it this way."""
    if any(f.council_area for f in forces):
        return "Council area", "council areas"
    return "Force", "forces"


@dataclass(frozen=True)
class Reference:
    """The forces, with lookups by name or alias (populations: ``tui.model.data.population``)."""

    forces: dict[str, Force]
    """Canonical name → force."""
    _alias_index: dict[str, str] = field(default_factory=dict, repr=False)

    def canonical_name(self, name: str) -> str | None:
        """Exact (case-insensitive) lookup of a name, alias or ONS code; ``None`` if unknown."""
        return self._alias_index.get(fold(" ".join(name.split())))

    def force(self, name: str) -> Force:
        """The force with this canonical name, or a stand-in for a name we do not know.

        Imported files may hold names that are not in the reference; they are kept (never dropped)
        and treated as unranked bodies.
        """
        known = self.forces.get(name)
        if known is not None:
            return known
        return Force(name=name, ons_code="", nation="", region="unknown force", kind=NON_AREA)

    def search(self, query: str, names: list[str] | None = None) -> list[Hit[Force]]:
        """Fuzzy search over forces (name, aliases, ONS code), best first.

        Args:
            query: what the user typed.
            names: restrict the search to these canonical names (e.g. the forces in a dataset).
        """
        pool = [self.force(n) for n in names] if names is not None else list(self.forces.values())
        return rank(query, ((f, f.search_texts) for f in pool))

    def resolve(
        self, query: str, names: list[str] | None = None, where: str = "this dataset"
    ) -> Force:
        """Resolve what the user typed to exactly one force.

        An exact name, alias or ONS code wins; otherwise a text found inside exactly one force's
        names (so "northam" is Northamptonshire). Anything else raises with suggestions.

        Args:
            query: what the user typed.
            names: the forces to choose from (e.g. those with figures in a dataset).
            where: how to name where ``names`` come from, for the error of a known force that
                has no figures there.

        Raises:
            UnknownForceError: no force matched, or several did, or the force is not in ``names``.
        """
        exact = self.canonical_name(query)
        if exact is not None and (names is None or exact in names):
            return self.forces[exact]
        if exact is not None:
            raise UnknownForceError(f"{exact} has no figures in {where}")
        hits = self.search(query, names)
        if not query.strip():
            raise UnknownForceError("no force given")
        close = [h for h in hits if h.score >= 700]
        if len(close) == 1:
            return close[0].item
        if len(close) > 1:
            raise UnknownForceError(
                f"{echo(query)} matches several forces",
                tuple(h.item.name for h in close[:8]),
            )
        suggestions = [h.item.name for h in hits[:5]]
        pool = [self.force(n) for n in names] if names is not None else list(self.forces.values())
        # Typing mistakes too ("kentt" → Kent), not only letters left out.
        for force in near_misses(query, ((f, f.search_texts) for f in pool)):
            if force.name not in suggestions:
                suggestions.append(force.name)
        raise UnknownForceError(f"unknown force {echo(query)}", tuple(suggestions[:5]))


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise DatasetError(f"cannot read reference file {path}: {exc.strerror or exc}") from exc


@lru_cache(maxsize=4)
def load_reference(data_dir: Path) -> Reference:
    """Load ``forces.csv`` from a data folder (memoised).

    Raises:
        DatasetError: a file is missing or malformed (the message names the file and row).
    """
    forces: dict[str, Force] = {}
    index: dict[str, str] = {}
    path = data_dir / "forces.csv"
    for line, row in enumerate(_read_csv(path), start=2):
        try:
            name = row["force"].strip()
            kind = row["kind"].strip()
            if kind not in KINDS:
                raise DatasetError(f"{path}, row {line}, column kind: unknown kind '{kind}'")
            aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
            force = Force(
                name=name,
                ons_code=row["ons_code"].strip(),
                nation=row["nation"].strip(),
                region=row["region"].strip(),
                kind=kind,
                aliases=aliases,
            )
        except KeyError as exc:
            raise DatasetError(f"{path}: missing column {exc}") from exc
        forces[name] = force
        for text in force.search_texts:
            if text:
                index.setdefault(fold(text), name)
    return Reference(forces=forces, _alias_index=index)
