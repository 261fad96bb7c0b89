"""Both measures of child abuse image offences for one force, side by side and never merged.

The NSPCC's Freedom of Information figures and the Home Office's code 86 ("obscene publications
etc. and protected sexual material") count different things (see ``data/README.md`` and the
README's Methods): each dataset's series is kept in its own column, with one line on why they
differ. For Police Scotland the NSPCC's counterpart is Recorded Crime in Scotland's category
"indecent photos of children", summed over the council areas (the ``Scotland`` row).
"""

from __future__ import annotations

from tui.model.data.catalogue import DatasetInfo, bundled_datasets
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import ModelError, UnknownOffenceError
from tui.model.data.measure import HOMEOFFICE_PRC, NSPCC_FOI, SCOTLAND_RCS, measure_id
from tui.model.data.offences import OffenceSelection
from tui.model.data.years import fy_label
from tui.model.figures.selection import normalise_selection, pick_offence
from tui.model.figures.series import force_series
from tui.model.figures.totals import resolve_force
from tui.model.results.detail_types import MeasurePair, MeasurePairRow

PAIRED_OFFENCE = {
    HOMEOFFICE_PRC: "86",
    NSPCC_FOI: "all",
    SCOTLAND_RCS: "g2-indecent-photos-of-children",
}
"""The offence of each measure that counts child abuse image offences."""
LABELS = {
    HOMEOFFICE_PRC: "Home Office code 86",
    NSPCC_FOI: "NSPCC FOI",
    SCOTLAND_RCS: "Scotland: indecent photos of children",
}
POLICE_SCOTLAND = "Police Scotland"
SCOTLAND_TOTAL = "Scotland"
"""Police Scotland's figures in Recorded Crime in Scotland: the sum of the 32 council areas."""

WHY_THEY_DIFFER = (
    "Different measures, never one series: NSPCC FOI figures are each force's one-off answer to a "
    "Freedom of Information request about child abuse images (never revised); Home Office code 86 "
    "is broader (also adult extreme and obscene material), extracted on other dates and revised "
    "with each release."
)
WHY_SCOTLAND_DIFFERS = (
    "Different measures, never one series: the NSPCC's Police Scotland figures are as its releases "
    "state them (one-off FOI answers or quoted statistics, never revised); Recorded Crime in "
    "Scotland counts crimes recorded under the Scottish Crime Recording Standard category "
    "'indecent photos of children', in the vintage of each file. Where the two agree, the NSPCC "
    "quoted the same statistics."
)


def counterpart_measure(measure: str | None, force_name: str) -> str | None:
    """The other measure a force's paired offence is set beside: Home Office and NSPCC for the
    forces of England and Wales; Recorded Crime in Scotland and NSPCC for Police Scotland."""
    scottish = force_name in (POLICE_SCOTLAND, SCOTLAND_TOTAL)
    if measure == NSPCC_FOI:
        return SCOTLAND_RCS if scottish else HOMEOFFICE_PRC
    if measure == HOMEOFFICE_PRC and not scottish:
        return NSPCC_FOI
    if measure == SCOTLAND_RCS and scottish:
        return NSPCC_FOI
    return None


def name_in(measure: str | None, force_name: str) -> str:
    """The name ``force_name`` has in a dataset of ``measure`` (Police Scotland is the Scotland
    row of Recorded Crime in Scotland, and that row is Police Scotland in the NSPCC's)."""
    if measure == SCOTLAND_RCS and force_name == POLICE_SCOTLAND:
        return SCOTLAND_TOTAL
    if measure != SCOTLAND_RCS and force_name == SCOTLAND_TOTAL:
        return POLICE_SCOTLAND
    return force_name


def _paired_offence(ds: Dataset, measure: str) -> OffenceSelection | None:
    """The child abuse image offence of ``ds`` (its measure's), or ``None`` when ``ds`` has none:
    an import in the Home Office layout without code 86 simply has no pair (it used to stop
    every detail with "unknown offence '86'")."""
    try:
        return normalise_selection(ds, pick_offence(ds, PAIRED_OFFENCE[measure]))
    except UnknownOffenceError:
        return None


def paired_selection(ds: Dataset, selection: OffenceSelection) -> str | None:
    """The measure id when ``selection`` is the child abuse image offence of ``ds``'s measure
    (Home Office code 86, NSPCC total), else ``None`` (also when ``ds`` has no such offence)."""
    measure = measure_id(ds.info)
    if measure not in PAIRED_OFFENCE:
        return None
    wanted = _paired_offence(ds, measure)
    if wanted is None:
        return None
    return measure if normalise_selection(ds, selection).key == wanted.key else None


def counterpart_info(measure: str, force_name: str = "") -> DatasetInfo | None:
    """The bundled dataset of the other measure for ``force_name``."""
    other = counterpart_measure(measure, force_name)
    if other is None:
        return None
    return next((i for i in bundled_datasets() if measure_id(i) == other), None)


def measure_pair(ds_a: Dataset, ds_b: Dataset, force_name: str) -> MeasurePair | None:
    """``force_name``'s paired offence in ``ds_a`` and ``ds_b``, by financial year.

    ``None`` when either dataset is not a paired measure, or the force has no whole-year figure in
    either. Years are those where either has a figure; partial years are left out (a partial year
    is never set beside a whole one).
    """
    measure_a, measure_b = measure_id(ds_a.info), measure_id(ds_b.info)
    if measure_a not in PAIRED_OFFENCE or measure_b not in PAIRED_OFFENCE:
        return None
    if counterpart_measure(measure_a, force_name) != measure_b:
        return None
    counts: list[dict[int, int]] = []
    for ds, measure in ((ds_a, measure_a), (ds_b, measure_b)):
        try:
            force = resolve_force(ds, name_in(measure, force_name))
        except ModelError:
            return None
        offence = _paired_offence(ds, measure)
        if offence is None:
            return None
        series = force_series(ds, force, offence)
        counts.append(
            {
                p.year.year: p.count
                for p in series.points
                if p.count is not None and not p.partial and not p.year.partial
            }
        )
    if not counts[0] or not counts[1]:
        return None
    years = sorted(set(counts[0]) | set(counts[1]))
    return MeasurePair(
        force=force_name,
        dataset_a=ds_a.name,
        label_a=LABELS[measure_a],
        dataset_b=ds_b.name,
        label_b=LABELS[measure_b],
        rows=tuple(
            MeasurePairRow(fy_label(y), y, counts[0].get(y), counts[1].get(y)) for y in years
        ),
        why=WHY_SCOTLAND_DIFFERS if SCOTLAND_RCS in (measure_a, measure_b) else WHY_THEY_DIFFER,
    )


def other_measure(ds: Dataset, force_name: str, selection: OffenceSelection) -> MeasurePair | None:
    """For the detail view: the viewed force in the other measure, when the view shows the paired
    offence and the other dataset has whole-year figures for the force."""
    measure = paired_selection(ds, selection)
    info = counterpart_info(measure, force_name) if measure else None
    if info is None:
        return None
    try:
        other = load_dataset(info)
    except ModelError:
        return None
    return measure_pair(ds, other, force_name)


def pair_force_name(ds: Dataset, query: str) -> str:
    """What the user typed as a force of ``ds``, for a side-by-side: in Recorded Crime in Scotland
    "Police Scotland" (or any of its names) is the Scotland row.

    Raises:
        UnknownForceError: no force of ``ds`` matched.
    """
    try:
        return resolve_force(ds, query).name
    except ModelError:
        if ds.reference.canonical_name(query) == POLICE_SCOTLAND:
            return name_in(measure_id(ds.info), POLICE_SCOTLAND)
        raise
