"""Which layout a table is in: which column of the header gives which field of a figure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tui.model.importing.problems import NAME, DatasetImportError, Problem

HOMEOFFICE = "homeoffice"
NSPCC = "nspcc"
GENERIC = "generic"

LAYOUT_LABELS = {
    HOMEOFFICE: "Home Office open data table (one row per force, quarter and offence)",
    NSPCC: "NSPCC FOI figures (one row per stated figure, with its source)",
    GENERIC: "generic table (columns mapped by name)",
}

FIELDS = (
    "force",
    "year",
    "period",
    "quarter",
    "offence_code",
    "offence",
    "offence_group",
    "offence_subgroup",
    "count",
)
"""Fields a column can be mapped to with ``--map FIELD=COLUMN``."""

FIELD_ALIASES = {
    "code": "offence_code",
    "description": "offence",
    "offence_description": "offence",
    "group": "offence_group",
    "subgroup": "offence_subgroup",
    "financial_year": "year",
    "force_name": "force",
}

# The Home Office's own headers, by field. Releases spell them "Financial Year", "Financial_Year",
# "Financial.Year" or "financial year": they are compared after normalising (see `normalise`).
HOMEOFFICE_COLUMNS = {
    "year": "Financial Year",
    "quarter": "Financial Quarter",
    "force": "Force Name",
    "offence": "Offence Description",
    "offence_group": "Offence Group",
    "offence_subgroup": "Offence Subgroup",
    "offence_code": "Offence Code",
    "count": "Number of Offences",
}
HOMEOFFICE_REQUIRED = ("year", "force", "count")

NSPCC_COLUMNS = {
    "release": "release",
    "period": "financial_year",
    "force": "force",
    "nation": "nation",
    "offence_code": "offence",
    "count": "count",
    "source_url": "source_url",
    "quote": "quote",
}
NSPCC_REQUIRED = ("release", "period", "force", "nation", "offence_code", "count")

# Other headers a generic table may use for a field, most specific first. A table is taken as
# generic without --map only when force, a year or period, and a count are all found this way.
SYNONYMS = {
    "force": ("force name", "force", "police force", "police force area", "pfa", "force area"),
    "year": ("financial year", "fy"),
    "period": ("period", "year"),
    "quarter": ("financial quarter", "quarter", "qtr"),
    "offence_code": ("offence code", "code", "home office code", "ho code"),
    "offence": ("offence description", "offence", "offence name", "description", "offence type"),
    "offence_group": ("offence group", "group"),
    "offence_subgroup": ("offence subgroup", "offence sub group", "subgroup"),
    "count": ("number of offences", "count", "offences", "number of crimes", "crimes", "value"),
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(header: str | None) -> str:
    """A header in a comparable form: ``"Financial.Year"`` → ``"financial year"``."""
    return _NON_ALNUM.sub(" ", (header or "").lower()).strip()


@dataclass(frozen=True)
class Layout:
    """A recognised layout and where each field is in the header."""

    name: str
    columns: Mapping[str, int]
    """Field → index of its column in the header."""
    header: tuple[str, ...]
    auto: tuple[str, ...] = field(default=())
    """Generic layout: fields found by their header rather than given with --map."""

    @property
    def label(self) -> str:
        """The layout in words."""
        return LAYOUT_LABELS[self.name]

    def column(self, name: str) -> str:
        """The header (as written) of the column that gives field ``name``."""
        return self.header[self.columns[name]]

    @property
    def unused(self) -> tuple[str, ...]:
        """Headers of the columns no field is read from."""
        used = set(self.columns.values())
        return tuple(h for i, h in enumerate(self.header) if h and i not in used)

    @property
    def mapping(self) -> tuple[tuple[str, str], ...]:
        """(field, header) pairs in column order."""
        pairs = sorted(self.columns.items(), key=lambda kv: kv[1])
        return tuple((name, self.header[index]) for name, index in pairs)


def parse_mapping(
    items: Sequence[str] | Mapping[str, str] | None, source: str = "--map"
) -> dict[str, str]:
    """Read ``FIELD=COLUMN`` items (as given with ``--map``) into a field → column dict.

    Raises:
        DatasetImportError: an item has no ``=``, names an unknown field, or repeats a field.
    """
    if items is None:
        return {}
    if isinstance(items, str):  # one FIELD=COLUMN given on its own
        items = [items]
    pairs = (
        list(items.items())
        if isinstance(items, Mapping)
        else [_split(item, source) for item in items]
    )
    mapping: dict[str, str] = {}
    for raw_field, column in pairs:
        name = normalise(raw_field).replace(" ", "_")
        name = FIELD_ALIASES.get(name, name)
        if name not in FIELDS:
            raise _bad_map(
                source, f"unknown field '{raw_field}'", f"use one of: {', '.join(FIELDS)}"
            )
        if name in mapping:
            raise _bad_map(source, f"field '{name}' is mapped twice", "map each field once")
        if not column.strip():
            raise _bad_map(source, f"no column given for field '{name}'", f"write {name}=COLUMN")
        mapping[name] = column.strip()
    if "year" in mapping and "period" in mapping:
        raise _bad_map(
            source,
            "both year and period are mapped",
            "map year= for financial years, or period= for other periods, not both",
        )
    return mapping


def _split(item: str, source: str) -> tuple[str, str]:
    if "=" not in item:
        raise _bad_map(
            source, f"'{item}' is not FIELD=COLUMN", "write e.g. --map count='Number of crimes'"
        )
    name, column = item.split("=", 1)
    return name, column


def _bad_map(source: str, message: str, fix: str) -> DatasetImportError:
    return DatasetImportError(source, [Problem(source, message, fix)], kind=NAME)


def _find(header: Sequence[str], wanted: str) -> int | None:
    """Index of the column whose normalised header is ``wanted`` (the first one), if any."""
    for index, cell in enumerate(header):
        if normalise(cell) == wanted:
            return index
    return None


def detect_layout(
    header: Sequence[str | None], mapping: Mapping[str, str] | None = None
) -> Layout | None:
    """The layout whose columns this header row has, or ``None``.

    Rules, in order:

    1. A mapping given (``--map``): the generic layout, if every mapped column is in the header
       (compared after normalising); other fields are then found by their usual headers.
    2. NSPCC: ``release, financial_year, force, nation, offence, count`` are all there.
    3. Home Office: ``Financial Year``, ``Force Name`` and ``Number of Offences``, plus
       ``Offence Code`` or ``Offence Description`` (group, subgroup and quarter are optional).
    4. Generic by name: a force, a financial year or period, and a count found by common headers
       (``Force``, ``Financial year``, ``Count``...), and the table does not look like rule 2 or 3.
    """
    cells = tuple((c or "").strip() for c in header)
    if sum(1 for c in cells if c) < 2:
        return None
    if mapping:
        return _mapped(cells, mapping)
    nspcc = {f: _find(cells, normalise(h)) for f, h in NSPCC_COLUMNS.items()}
    if all(nspcc[f] is not None for f in NSPCC_REQUIRED):
        return Layout(NSPCC, {f: i for f, i in nspcc.items() if i is not None}, cells)
    home = {f: _find(cells, normalise(h)) for f, h in HOMEOFFICE_COLUMNS.items()}
    has_offence = home["offence_code"] is not None or home["offence"] is not None
    if all(home[f] is not None for f in HOMEOFFICE_REQUIRED) and has_offence:
        return Layout(HOMEOFFICE, {f: i for f, i in home.items() if i is not None}, cells)
    found = _by_synonyms(cells, set())
    if "force" in found and "count" in found and ("year" in found or "period" in found):
        return Layout(GENERIC, found, cells, auto=tuple(found))
    return None


def _by_synonyms(cells: tuple[str, ...], taken: set[int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for name, names in SYNONYMS.items():
        if name == "period" and "year" in found:
            continue
        for wanted in names:
            index = _find(cells, wanted)
            if index is not None and index not in taken:
                found[name] = index
                taken.add(index)
                break
    return found


def _mapped(cells: tuple[str, ...], mapping: Mapping[str, str]) -> Layout | None:
    columns: dict[str, int] = {}
    for name, wanted in mapping.items():
        index = next((i for i, c in enumerate(cells) if c == wanted), None)
        if index is None:
            index = _find(cells, normalise(wanted))
        if index is None:
            return None
        columns[name] = index
    taken = set(columns.values())
    extra = {
        f: i
        for f, i in _by_synonyms(cells, set(taken)).items()
        if f not in columns
        and not (f in ("year", "period") and ({"year", "period"} & columns.keys()))
    }
    columns.update(extra)
    return Layout(GENERIC, columns, cells, auto=tuple(extra))


def explain_no_layout(
    header: Sequence[str | None], mapping: Mapping[str, str] | None
) -> tuple[str, str]:
    """Why no layout fits this header, and what would fix it: (message, fix)."""
    cells = [(c or "").strip() for c in header]
    shown = ", ".join(f"'{c}'" for c in cells if c) or "none"
    if mapping:
        absent = [
            f"{f}='{c}'"
            for f, c in mapping.items()
            if c not in cells and _find(cells, normalise(c)) is None
        ]
        return (
            f"the mapped column(s) {', '.join(absent)} are not in the header; "
            f"columns found: {shown}",
            "map fields to columns that exist, e.g. --map count='<a column above>'",
        )
    if len([c for c in cells if c]) == 1 and any(cells[0].count(d) >= 2 for d in ":^~#!"):
        return (
            f"only one column was found ('{cells[0][:60]}')",
            "the file may use a delimiter other than comma, semicolon, tab or |; save it as CSV "
            "with commas",
        )
    home = [h for f, h in HOMEOFFICE_COLUMNS.items() if _find(cells, normalise(h)) is not None]
    if len(home) >= 3:
        lacking = [
            HOMEOFFICE_COLUMNS[f]
            for f in HOMEOFFICE_REQUIRED
            if _find(cells, normalise(HOMEOFFICE_COLUMNS[f])) is None
        ]
        if _find(cells, "offence code") is None and _find(cells, "offence description") is None:
            lacking.append("Offence Code (or Offence Description)")
        return (
            f"this looks like a Home Office table but lacks: {', '.join(lacking)}; "
            f"columns found: {shown}",
            "add the missing column(s), or map the fields with --map FIELD=COLUMN",
        )
    expected_home = ", ".join(HOMEOFFICE_COLUMNS.values())
    expected_nspcc = ", ".join(h for f, h in NSPCC_COLUMNS.items() if f in NSPCC_REQUIRED)
    return (
        f"no recognisable layout; columns found: {shown}; expected the Home Office columns "
        f"({expected_home}) or the NSPCC columns ({expected_nspcc})",
        "map the columns yourself, e.g. --map force=Force --map year='Financial year' "
        "--map count=Crimes (fields: " + ", ".join(FIELDS) + ")",
    )
