"""What one release revised: every force × financial year × offence whose figure differs between two
datasets of the same measure (e.g. two releases of the Home Office tables).

A cell is the sum over quarters of one force, one financial year and one offence selection (every
offence code on its own by default). How years with different quarters are handled, so a partial
year is never set against a full one silently:

- both datasets have the same quarters for a cell (all four, or the same partial ones): the sums are
  compared; a partial year is labelled with its quarters (``2023/24 Q1``);
- they have different quarters (``2023/24`` Q1 in one, Q1-Q2 in the other): the cell is compared on
  the quarters both have, labelled with them (``2023/24 Q1``), and counted in ``quarters_differ``;
- they share no quarter, or one gives a whole-year figure and the other part of a year: the cell is
  not compared, and counted in ``not_compared``.

A cell with a figure in one dataset only is ``added`` (only in B) or ``removed`` (only in A); a
missing figure ("..", shown "—") counts as no figure. Those in a year both datasets cover are rows
too (a new or retired code); those in years only one covers are counted, not listed.

Each row says what happened (``status``) and names the codes involved (``note``): a revision
(``changed``), a group matched across a change of name (``renamed``), a combined code set against
its parts (``split``), codes that left or joined the selection (``moved``, their own row, apart
from the revision of the codes in both); see :mod:`tui.model.findings.diff_codes`. BTP and the
national fraud bodies (and any name the reference does not know) are left out unless asked, like in
rankings.

The result holds plain Python values only (no Polars), ready for any view or report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import polars as pl

from tui.model.data import schema as S
from tui.model.data.dataset import Dataset
from tui.model.data.errors import UnknownForceError
from tui.model.data.measure import MEASURE_LABELS, measure_id
from tui.model.data.offences import OffenceInfo, OffenceSelection, resolve_offence
from tui.model.data.reference import FRAUD_BODY, NON_AREA
from tui.model.data.years import fy_label, quarters_label
from tui.model.figures.totals import resolve_force
from tui.model.findings.diff_codes import (
    GONE,
    IN,
    NEW,
    OUT,
    SPLIT,
    DiffPlan,
    code_table,
    plan_codes,
    plan_selection,
)
from tui.model.findings.diff_types import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    RENAMED,
    DatasetDiff,
    DiffCell,
    DiffRow,
    MeasureMismatchError,
    measure_problem,
)
from tui.model.findings.diff_types import SPLIT as SPLIT_STATUS
from tui.model.results.types import STATED_TOTAL_CODE

__all__ = [
    "FULL",
    "WHOLE_YEAR",
    "DatasetDiff",
    "DiffCell",
    "DiffRow",
    "MeasureMismatchError",
    "check_same_measure",
    "diff_datasets",
    "resolve_diff_force",
    "resolve_diff_offence",
]
"""The result types and the error live in :mod:`tui.model.findings.diff_types` (no Polars); they are
importable from here as before."""

WHOLE_YEAR = 0
"""The quarter key of a figure given for a whole year (no quarter)."""
FULL = frozenset({1, 2, 3, 4})


def check_same_measure(ds_a: Dataset, ds_b: Dataset) -> str:
    """The measure both datasets count.

    Raises:
        MeasureMismatchError: they count different things, or the measure of one is not known.
    """
    problem = measure_problem(ds_a.info, ds_b.info)
    if problem is not None:
        raise MeasureMismatchError(problem)
    measure = measure_id(ds_a.info)
    assert measure is not None
    return MEASURE_LABELS.get(measure, measure)


def resolve_diff_offence(ds_a: Dataset, ds_b: Dataset, text: str) -> OffenceSelection:
    """An offence as typed, resolved against the offences of both datasets (a code found in one
    only is fine: its cells are then added or removed).

    Raises:
        UnknownOffenceError: it matches nothing in either, or several offences.
    """
    merged: dict[str, OffenceInfo] = {o.code: o for o in ds_a.offences}
    for o in ds_b.offences:
        merged.setdefault(o.code, o)
    selection = resolve_offence(tuple(merged.values()), text)
    if selection.kind == "all" and STATED_TOTAL_CODE in merged:
        return resolve_offence(tuple(merged.values()), STATED_TOTAL_CODE)
    return selection


def resolve_diff_force(ds_a: Dataset, ds_b: Dataset, text: str) -> str:
    """A force as typed, resolved against the forces of B (else of A): its name.

    Raises:
        UnknownForceError: it matches no force of either dataset, or several.
    """
    try:
        force = resolve_force(ds_b, text)
    except UnknownForceError:
        force = resolve_force(ds_a, text)
    if force.name not in set(ds_a.forces) | set(ds_b.forces):
        raise UnknownForceError(
            f"'{force.name}' is a total, not a force: ox diff compares each force's figures "
            "(leave out --force to compare every force)"
        )
    return force.name


def _excluded(ds: Dataset, name: str) -> bool:
    return ds.reference.force(name).kind in (NON_AREA, FRAUD_BODY)


def _missing_if_any_missing(column: str) -> pl.Expr:
    """``column`` (a sum), or null where the sum had a missing part (never a silent undercount)."""
    return (
        pl.when(pl.col("_missing") > 0)
        .then(pl.lit(None, dtype=pl.Int64))
        .otherwise(pl.col(column))
        .alias(column)
    )


def _cells(ds: Dataset, codes: pl.DataFrame, forces: list[str]) -> pl.DataFrame:
    """One row per (force, year, okey, part): its quarters (0: whole year), their counts, the sum.

    ``codes`` (a plan's map, see :mod:`tui.model.findings.diff_codes`) says which codes are compared
    and the key and part each is summed under."""
    frame = ds.figures.filter(pl.col(S.YEAR).is_not_null() & pl.col(S.FORCE).is_in(forces))
    count = pl.col(S.COUNT)
    codes = codes.with_columns(pl.col(S.OFFENCE_CODE).cast(frame.schema[S.OFFENCE_CODE]))
    quarters = (
        frame.join(codes, on=[S.YEAR, S.OFFENCE_CODE], how="inner")
        .select(
            S.FORCE,
            S.YEAR,
            S.COUNT,
            "okey",
            "part",
            q=pl.col(S.QUARTER).cast(pl.Int8).fill_null(WHOLE_YEAR),
        )
        # Several codes in a cell: add them up by quarter first. (One code has one preferred
        # figure per force, period and quarter already, see tui.model.data.schema.)
        .group_by(S.FORCE, S.YEAR, "okey", "part", "q")
        .agg(count.sum(), _missing=count.null_count())
        .with_columns(_missing_if_any_missing(S.COUNT))
    )
    return (
        quarters.sort("q")
        .group_by(S.FORCE, S.YEAR, "okey", "part")
        .agg(qs=pl.col("q"), counts=count, total=count.sum(), _missing=count.null_count())
        .with_columns(_missing_if_any_missing("total"))
        .drop("_missing")
    )


def _total(values: dict[int, int | None], quarters: Iterable[int]) -> int | None:
    total = 0
    for q in quarters:
        v = values[q]
        if v is None:
            return None
        total += v
    return total


def _label(year: int, quarters: frozenset[int]) -> str:
    if quarters in (FULL, frozenset({WHOLE_YEAR})):
        return fy_label(year)
    return f"{fy_label(year)} {quarters_label(tuple(sorted(quarters)))}"


def _common(qa: frozenset[int], qb: frozenset[int]) -> frozenset[int] | None:
    """The quarters on which two cells are compared; ``None`` when they cannot be."""
    whole = frozenset({WHOLE_YEAR})
    if qa == qb:
        return qa
    if {qa, qb} == {whole, FULL}:
        return whole  # a whole-year figure against all four quarters: both sum the year
    if WHOLE_YEAR in qa or WHOLE_YEAR in qb:
        return None
    return (qa & qb) or None


def _describe(qs: frozenset[int]) -> str:
    return "whole year" if WHOLE_YEAR in qs else quarters_label(tuple(sorted(qs)))


def _forces(
    ds_a: Dataset, ds_b: Dataset, include_national: bool, only: Sequence[str] | None
) -> tuple[list[str], list[str]]:
    """The forces compared, and those left out (BTP, fraud bodies) unless asked."""
    names = set(ds_a.forces) | set(ds_b.forces)
    if only:
        return sorted(set(only)), []
    left_out = sorted(n for n in names if _excluded(ds_a, n)) if not include_national else []
    return sorted(names - set(left_out)), left_out


def _plan(
    ds_a: Dataset, ds_b: Dataset, selection: OffenceSelection | None, forces: list[str]
) -> DiffPlan:
    codes_a = code_table(ds_a.figures.filter(pl.col(S.FORCE).is_in(forces)))
    codes_b = code_table(ds_b.figures.filter(pl.col(S.FORCE).is_in(forces)))
    if selection is None:
        return plan_codes(codes_a, codes_b)
    return plan_selection(selection, codes_a, codes_b, ds_a.name, ds_b.name)


def diff_datasets(
    ds_a: Dataset,
    ds_b: Dataset,
    selection: OffenceSelection | None = None,
    *,
    include_national: bool = False,
    forces: Sequence[str] | None = None,
) -> DatasetDiff:
    """Every cell whose figure differs from ``ds_a`` to ``ds_b``, with counts of the rest.

    Args:
        ds_a: the earlier (or reference) dataset.
        ds_b: the later one.
        selection: one offence selection (see :func:`resolve_diff_offence`); ``None`` compares
            every offence code on its own.
        include_national: also compare BTP, the fraud bodies and names the reference does not know.
        forces: only these forces (names as the datasets spell them); BTP and the fraud bodies
            are compared when named here.

    Raises:
        MeasureMismatchError: the datasets count different things (see :func:`check_same_measure`).
    """
    measure = check_same_measure(ds_a, ds_b)
    compared, left_out = _forces(ds_a, ds_b, include_national, forces)
    plan = _plan(ds_a, ds_b, selection, compared)
    joined = _cells(ds_a, plan.map_a, compared).join(
        _cells(ds_b, plan.map_b, compared),
        on=[S.FORCE, S.YEAR, "okey", "part"],
        how="full",
        coalesce=True,
        suffix="_b",
    )
    # Same quarters and the same sum (or both missing): unchanged, counted without leaving Polars.
    # A split code is always listed: its row says how the codes were filed.
    same = (
        pl.col("qs").is_not_null()
        & pl.col("qs_b").is_not_null()
        & (pl.col("qs") == pl.col("qs_b"))
        & pl.col("total").eq_missing(pl.col("total_b"))
        & (pl.col("part") != SPLIT)
    )
    unchanged = int(joined.select(same.sum()).item())
    rest = joined.filter(~same).sort(S.FORCE, S.YEAR, "okey", "part")
    rows: list[DiffRow] = []
    added: list[DiffCell] = []
    removed: list[DiffCell] = []
    one_sided: list[DiffRow] = []
    differ: list[DiffCell] = []
    not_compared: list[DiffCell] = []
    both_years = {c.year for c in ds_a.coverage} & {c.year for c in ds_b.coverage}
    for rec in rest.iter_rows(named=True):
        force, year, offence, part = rec[S.FORCE], int(rec[S.YEAR]), rec["okey"], rec["part"]
        va = dict(zip(rec["qs"], rec["counts"])) if rec["qs"] is not None else None
        vb = dict(zip(rec["qs_b"], rec["counts_b"])) if rec["qs_b"] is not None else None
        note = plan.notes.get((year, offence, part), "")
        if vb is None or va is None:
            values = va if va is not None else vb
            assert values is not None
            qs = frozenset(values)
            value = _total(values, qs)
            label = _label(year, qs)
            quarters = () if WHOLE_YEAR in qs else tuple(sorted(qs))
            if part in (OUT, IN) and value is not None:
                # Moved out (in): what leaving (joining) the selection does to its total.
                a, b, change = (value, None, -value) if part == OUT else (None, value, value)
                rows.append(
                    DiffRow(force, label, offence, a, b, change, year, quarters, MOVED, note)
                )
                continue
            if value == 0 and part in (GONE, NEW) and selection and selection.kind != "code":
                # A code listed with 0 in one release and not counted in the other (see
                # tui.model.data.uncounted): the selection's total is the same; no cell of its own.
                continue
            cell = DiffCell(force, label, offence, value, note)
            (removed if vb is None else added).append(cell)
            if year in both_years:
                status = REMOVED if vb is None else ADDED
                a, b = (value, None) if vb is None else (None, value)
                note = note or _one_side_note(status, ds_a.name, ds_b.name)
                one_sided.append(
                    DiffRow(force, label, offence, a, b, None, year, quarters, status, note)
                )
            continue
        qa, qb = frozenset(va), frozenset(vb)
        common = _common(qa, qb)
        if common is None:
            note = f"{_describe(qa)} in A, {_describe(qb)} in B"
            not_compared.append(DiffCell(force, fy_label(year), offence, None, note))
            continue
        label = _label(year, common)
        whole_vs_quarters = common == frozenset({WHOLE_YEAR}) and qa != qb
        a = _total(va, qa if whole_vs_quarters else common)
        b = _total(vb, qb if whole_vs_quarters else common)
        if qa != qb and not whole_vs_quarters:
            text = f"{_describe(qa)} in A, {_describe(qb)} in B"
            differ.append(DiffCell(force, label, offence, None, text))
        if a == b and part != SPLIT:
            unchanged += 1
        elif a is None or b is None:
            # A figure where the other dataset has it missing: added or removed, not a change.
            (added if a is None else removed).append(
                DiffCell(force, label, offence, b if a is None else a)
            )
        else:
            quarters = () if WHOLE_YEAR in common else tuple(sorted(common))
            renamed = plan.renamed.get((year, offence), "")
            status = SPLIT_STATUS if part == SPLIT else RENAMED if renamed else CHANGED
            if renamed and renamed not in note:
                note = "; ".join(n for n in (renamed, note) if n)
            rows.append(DiffRow(force, label, offence, a, b, b - a, year, quarters, status, note))
    rows.sort(key=lambda r: (-abs(r.change or 0), r.force, r.start_year, r.offence, r.status))
    one_sided.sort(key=lambda r: (r.status, r.force, r.start_year, r.offence))
    return DatasetDiff(
        dataset_a=ds_a.name,
        dataset_b=ds_b.name,
        measure=measure,
        offence="every offence code" if selection is None else selection.label,
        rows=tuple(rows + one_sided),
        unchanged=unchanged,
        added=tuple(added),
        removed=tuple(removed),
        quarters_differ=tuple(differ),
        not_compared=tuple(not_compared),
        left_out=tuple(left_out),
        years_a=tuple(c.label for c in ds_a.coverage),
        years_b=tuple(c.label for c in ds_b.coverage),
        forces=tuple(forces or ()),
        folded=tuple(plan.folded),
    )


def _one_side_note(status: str, name_a: str, name_b: str) -> str:
    if status == ADDED:
        return f"no figure in {name_a} for this year"
    return f"no figure in {name_b} for this year"
