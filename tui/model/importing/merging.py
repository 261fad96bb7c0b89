"""Rows giving the same figure: combined codes added up, repeats merged, disagreements reported."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from tui.model.data import schema as S
from tui.model.data.nspcc import HO_CITED_NATIONS, HO_CITED_RELEASE, NSPCC_OFFENCES
from tui.model.importing.problems import Problem
from tui.model.importing.readers import PROBLEM_CAP, ROW, SHEET
from tui.model.importing.results import CleaningNote

KEY = (S.PERIOD, S.QUARTER, S.FORCE, S.OFFENCE_CODE)
"""One figure per period, quarter, force and offence."""


@dataclass
class Found:
    """Problems found (up to a cap) and how many more there are."""

    items: list[Problem] = field(default_factory=list)
    more: int = 0


def merge_duplicates(
    frame: pl.DataFrame,
    *,
    file: str,
    count_columns: dict[str, str],
    unused: list[str] | None = None,
) -> tuple[pl.DataFrame, list[CleaningNote], Found]:
    """Make the figures one per :data:`KEY`.

    - A combined code such as ``1/4.1/4.10/4.2`` (homicide in the 2017/18 Home Office file) comes as
      one row per offence it combines, with nothing to tell them apart: the rows are added up, so
      the code's figure is the total of the offences it stands for, as later releases give it.
    - Rows repeated with the same count are merged into one.
    - Rows with the same key but different counts are a problem: we cannot tell which is right.

    Args:
        frame: cleaned figures with ``__row`` and ``__sheet`` columns.
        file: the file's name, for problem reports.
        count_columns: sheet ("" for none) → header of its count column.
        unused: headers of columns no field was read from (one of them may tell the rows apart).
    """
    notes: list[CleaningNote] = []
    found = Found()
    repeated = pl.len().over(KEY) > 1
    if frame.filter(repeated).height == 0:
        return frame, notes, found
    frame = frame.with_columns(
        _repeated=repeated, _combined=pl.col(S.OFFENCE_CODE).str.contains("/", literal=True)
    )
    single = frame.filter(~pl.col("_repeated"))
    combined = frame.filter(pl.col("_repeated") & pl.col("_combined"))
    others = frame.filter(pl.col("_repeated") & ~pl.col("_combined"))
    merged: list[pl.DataFrame] = [single]
    if combined.height:
        summed = combined.group_by(KEY, maintain_order=True).agg(
            pl.exclude(S.COUNT, *KEY).first(),
            pl.when(pl.col(S.COUNT).is_not_null().any()).then(pl.col(S.COUNT).sum()).alias(S.COUNT),
        )
        merged.append(summed.select(frame.columns))
        for code in combined.get_column(S.OFFENCE_CODE).unique().sort().to_list():
            rows = combined.filter(pl.col(S.OFFENCE_CODE) == code).height
            figures = summed.filter(pl.col(S.OFFENCE_CODE) == code).height
            notes.append(
                CleaningNote(
                    "",
                    f"rows of combined offence code {code} added up ({rows:,} rows into "
                    f"{figures:,} figures, one per force and period)",
                    rows,
                )
            )
    if others.height:
        groups = others.group_by(KEY, maintain_order=True).agg(
            pl.col(ROW), pl.col(S.COUNT), pl.col(SHEET), distinct=pl.col(S.COUNT).n_unique()
        )
        clashes = groups.filter(pl.col("distinct") > 1)
        for row in clashes.head(PROBLEM_CAP).iter_rows(named=True):
            found.items.append(_clash(row, file, count_columns, unused or []))
        found.more = max(0, clashes.height - PROBLEM_CAP)
        same = others.unique(subset=list(KEY), keep="first", maintain_order=True)
        merged.append(same)
        repeats = others.height - same.height
        if repeats and not clashes.height:
            notes.append(CleaningNote("", "repeated rows (same figure twice) merged", repeats))
    out = pl.concat([m.select(frame.columns) for m in merged], how="vertical")
    return out.drop("_repeated", "_combined"), notes, found


def _clash(
    group: dict[str, object], file: str, count_columns: dict[str, str], unused: list[str]
) -> Problem:
    rows = [int(r) for r in group[ROW]]  # type: ignore[attr-defined]
    sheets = [str(s) for s in group[SHEET]]  # type: ignore[attr-defined]
    counts = ["empty" if c is None else f"{c:,}" for c in group[S.COUNT]]  # type: ignore[attr-defined]
    quarter = f" Q{group[S.QUARTER]}" if group[S.QUARTER] is not None else ""
    where = f"{group[S.FORCE]}, {group[S.PERIOD]}{quarter}, offence {group[S.OFFENCE_CODE]}"
    if len(set(sheets)) > 1:
        places = [f"sheet '{s}' row {r}" for s, r in zip(sheets, rows, strict=True)]
    else:
        places = [f"row {r}" for r in rows]
    listed = ", ".join(places[:-1]) + f" and {places[-1]}"
    if len(set(sheets)) == 1:
        listed = "rows " + listed.replace("row ", "")
    sheet = sheets[-1] or None
    fix = "keep one row per force, period, quarter and offence (remove or correct the others)"
    if unused:
        shown = ", ".join(f"'{u}'" for u in unused[:5])
        fix += (
            f"; or, if a column not read ({shown}) tells the rows apart, map it with "
            "--map FIELD=COLUMN"
        )
    return Problem(
        file,
        f"duplicate rows: {listed} all give {where} but with different counts "
        f"({', '.join(counts)})",
        fix,
        sheet,
        rows[-1],
        count_columns.get(sheets[-1]),
    )


def merge_nspcc(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[CleaningNote]]:
    """NSPCC figures: one row per distinct figure, and one preferred figure per cell.

    The same number stated on several pages is one figure (an nspcc.org.uk page is kept as its
    source). Where releases disagree, every figure is kept and the earliest NSPCC release is
    preferred; non-NSPCC cross-checks are never preferred. The 2025 release's England and Wales
    figures are Home Office counts, not FOI answers, so they get the offence ``ho_cited``.
    """
    notes: list[CleaningNote] = []
    cited = (pl.col(S.RELEASE) == HO_CITED_RELEASE) & pl.col("nation").is_in(list(HO_CITED_NATIONS))
    recoded = frame.filter(cited & (pl.col(S.OFFENCE_CODE) == "all")).height
    if recoded:
        notes.append(
            CleaningNote(
                "offence",
                "2025-02 England and Wales figures are Home Office data cited by the NSPCC: kept "
                "under offence ho_cited, apart from the FOI figures",
                recoded,
            )
        )
    frame = frame.with_columns(
        pl.when(cited & (pl.col(S.OFFENCE_CODE) == "all"))
        .then(pl.lit("ho_cited"))
        .otherwise(pl.col(S.OFFENCE_CODE))
        .alias(S.OFFENCE_CODE),
        official=pl.col(S.SOURCE_URL).str.contains("nspcc.org.uk", literal=True).fill_null(False),
        order=pl.int_range(pl.len()),
    )
    key = [S.PERIOD, S.YEAR, S.QUARTER, S.FORCE, S.OFFENCE_CODE, S.RELEASE, S.COUNT]
    figures = (
        frame.sort("official", "order", descending=[True, False])
        .group_by(key, maintain_order=True)
        .agg(
            pl.col(S.SOURCE_URL).first(),
            pl.col(S.QUOTE).first(),
            pl.col("order").min(),
            pl.col(ROW).min(),
            pl.col(SHEET).first(),
        )
    )
    if frame.height > figures.height:
        notes.append(
            CleaningNote(
                "",
                "the same figure stated on several pages merged into one",
                frame.height - figures.height,
            )
        )
    figures = figures.with_columns(
        rank_key=pl.when(pl.col(S.RELEASE).str.starts_with("non-NSPCC"))
        .then(pl.lit("9999"))
        .otherwise(pl.col(S.RELEASE))
    ).sort("rank_key", "order")
    figures = figures.with_columns(
        preferred=pl.int_range(pl.len()).over(S.PERIOD, S.QUARTER, S.FORCE, S.OFFENCE_CODE) == 0
    )
    alternates = figures.filter(~pl.col("preferred")).height
    if alternates:
        notes.append(
            CleaningNote(
                "", "figures that disagree with an earlier release kept as alternatives", alternates
            )
        )
    codes = list(NSPCC_OFFENCES)
    described = figures.with_columns(
        pl.col(S.OFFENCE_CODE)
        .replace_strict(
            old=codes,
            new=[v[0] for v in NSPCC_OFFENCES.values()],
            default=pl.col(S.OFFENCE_CODE),
            return_dtype=pl.String,
        )
        .alias(S.OFFENCE),
        pl.col(S.OFFENCE_CODE)
        .replace_strict(
            old=codes,
            new=[v[1] for v in NSPCC_OFFENCES.values()],
            default=pl.lit("NSPCC FOI"),
            return_dtype=pl.String,
        )
        .alias(S.OFFENCE_GROUP),
        pl.col(S.OFFENCE_CODE)
        .replace_strict(
            old=codes,
            new=[v[2] for v in NSPCC_OFFENCES.values()],
            default=pl.lit("NSPCC FOI"),
            return_dtype=pl.String,
        )
        .alias(S.OFFENCE_SUBGROUP),
    )
    return described.drop("rank_key", "order"), notes
