"""Loading a dataset into memory.

A loaded :class:`Dataset` holds the figures in the canonical long schema plus what every view needs
to label them honestly: the coverage of each year (so partial years are labelled), the offences, the
forces, and the dataset's source and licence.
"""

from __future__ import annotations

import io
import stat
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from tui.jsonfile import file_kind
from tui.model.data import schema as S
from tui.model.data.catalogue import DEFAULT_DATASET, DatasetInfo, find_dataset
from tui.model.data.errors import DatasetError
from tui.model.data.offences import OffenceInfo
from tui.model.data.reference import TERRITORIAL, Reference, load_reference
from tui.model.data.uncounted import Uncounted, drop_uncounted
from tui.model.data.years import YearCoverage
from tui.model.store.derived_store import file_sha256
from tui.paths import bundled_data_dir


@dataclass(frozen=True, eq=False)
class Dataset:
    """A dataset loaded in memory, ready for queries."""

    info: DatasetInfo
    figures: pl.DataFrame
    """Preferred figures only: exactly one per (period, quarter, force, offence)."""
    alternates: pl.DataFrame
    """Other figures for the same cells (e.g. a later NSPCC release that disagrees)."""
    sources: pl.DataFrame | None
    """Every stated figure with its page and quote, where the dataset has them."""
    reference: Reference
    coverage: tuple[YearCoverage, ...]
    """Financial years present, oldest first."""
    offences: tuple[OffenceInfo, ...]
    forces: tuple[str, ...]
    """Canonical names of every force or body with a figure, sorted."""
    file_sha256: str = ""
    """SHA-256 of the data file as it was read (keys the derived-data store)."""
    folded_labels: tuple[tuple[str, str], ...] = ()
    """Group/subgroup labels shown under another spelling: (as in the source, as shown), for
    labels that differ only in case or spacing from the latest year's (see :func:`fold_labels`)."""
    uncounted: tuple[Uncounted, ...] = ()
    """Codes' years listed with 0 but not counted, left out of ``figures`` (see that module)."""

    @property
    def name(self) -> str:
        """The dataset's name (``homeoffice``, ``nspcc``, or an imported name)."""
        return self.info.name

    @property
    def has_sources(self) -> bool:
        """True when every figure carries its own source page (NSPCC)."""
        return self.sources is not None

    @property
    def has_quarters(self) -> bool:
        """True when figures are given by quarter."""
        return any(c.quarters for c in self.coverage)

    def year(self, year: int) -> YearCoverage | None:
        """The coverage of one financial year, or ``None`` when the dataset has no figure for it."""
        return next((cov for cov in self.coverage if cov.year == year), None)

    @property
    def full_years(self) -> tuple[YearCoverage, ...]:
        """Years that are not partial, oldest first."""
        return tuple(c for c in self.coverage if not c.partial)


def read_figures(path: Path) -> pl.DataFrame:
    """Read a dataset file in the canonical schema, with a clear error for anything wrong.

    The file is read once into memory, then column by column, each column turned into the type it
    is held in (text as categories) before the next is decoded: the peak memory of a load is the
    frame plus one column, not the frame with every text column as strings (issue 11).

    Raises:
        DatasetError: the file is missing, unreadable, or lacks a required column.
    """
    _check_regular(path, "data file")
    try:
        data = path.read_bytes()  # one read: every column comes from the same version of the file
        stored = pl.read_parquet_schema(io.BytesIO(data))
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise DatasetError(f"cannot read data file {path}: {_reason(exc)}") from exc
    missing = [c for c in S.REQUIRED_COLUMNS if c not in stored]
    if missing:
        raise DatasetError(f"data file {path} lacks column(s): {', '.join(missing)}")
    columns: list[pl.Series] = []
    for name, dtype in S.LONG_SCHEMA.items():
        if name not in stored:
            continue
        try:
            column = pl.read_parquet(io.BytesIO(data), columns=[name])
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise DatasetError(f"cannot read data file {path}: {_reason(exc)}") from exc
        columns.append(_typed(column, name, dtype, path))
    frame = pl.DataFrame(columns)
    defaults: dict[str, pl.Expr] = {
        S.DATASET: pl.lit(path.stem),
        S.QUARTER: pl.lit(None),
        S.OFFENCE_GROUP: pl.lit(""),
        S.OFFENCE_SUBGROUP: pl.lit(""),
        S.RELEASE: pl.lit(""),
        S.SOURCE_URL: pl.lit(None),
        S.QUOTE: pl.lit(None),
        S.PREFERRED: pl.lit(True),
    }
    frame = frame.with_columns(
        [expr.alias(col) for col, expr in defaults.items() if col not in frame.columns]
    )
    frame = frame.select(
        [_typed(frame.select(name), name, dtype, path) for name, dtype in S.LONG_SCHEMA.items()]
    )
    _check_counts(frame, path)
    return frame


def _reason(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _typed(column: pl.DataFrame, name: str, dtype: pl.DataType, path: Path) -> pl.Series:
    """The one column of ``column`` in its loaded type (see :func:`_loaded`).

    Raises:
        DatasetError: the column has a type that cannot be read as ``dtype``.
    """
    try:
        return column.select(_loaded(name, dtype, column.schema)).to_series()
    except pl.exceptions.PolarsError as exc:
        reason = str(exc).splitlines()[0]
        raise DatasetError(f"data file {path} has a column of the wrong type: {reason}") from exc


def _loaded(name: str, dtype: pl.DataType, schema: pl.Schema) -> pl.Expr:
    """Column ``name`` in the type it is held in memory: text columns as ``Categorical``.

    A few hundred distinct labels repeated over a quarter of a million rows: as categories the
    frame takes a quarter of the memory (55 MB -> 13 MB for the Home Office table). A file written
    with categorical columns is read as it is. Polars 2 sorts categories by their text, and compares
    them with text, so queries read the same; ``.str`` methods and joins with a text column need a
    cast to ``pl.String`` first.
    """
    expr = pl.col(name)
    if dtype != pl.String():
        return expr.cast(dtype, strict=True)
    if schema.get(name) == pl.Categorical():
        return expr
    return expr.cast(pl.String(), strict=True).cast(pl.Categorical())


def _check_regular(path: Path, what: str) -> None:
    """Refuse to read a FIFO (which would block forever) or a device as a data file.

    Raises:
        DatasetError: the file is missing or not a regular file.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        reason = "is missing" if isinstance(exc, FileNotFoundError) else f"cannot be read ({exc})"
        raise DatasetError(f"{what} {path} {reason}") from exc
    if not stat.S_ISREG(mode):
        raise DatasetError(f"{what} {path} is not a regular file ({file_kind(mode)}); not read")


def _check_counts(frame: pl.DataFrame, path: Path) -> None:
    """Refuse a count beyond :data:`~tui.model.data.schema.MAX_COUNT` (say, a Parquet file edited by
    hand), so that no sum of counts can ever wrap around.

    Raises:
        DatasetError: naming the file, the row (1 = the first row of data) and the figure.
    """
    count = pl.col(S.COUNT)
    beyond = (
        frame.with_row_index("__row", offset=1)
        .filter((count > S.MAX_COUNT) | (count < -S.MAX_COUNT))
        .head(1)
    )
    if beyond.height:
        row = beyond.row(0, named=True)
        raise DatasetError(
            f"data file {path}, row {row['__row']:,}, column '{S.COUNT}': the count "
            f"{row[S.COUNT]:,} ({row[S.FORCE]!s:.40}, {row[S.PERIOD]!s:.20}, offence "
            f"{row[S.OFFENCE_CODE]!s:.20}) is beyond the largest plausible count "
            f"({S.MAX_COUNT:,} either way); import the source file again"
        )


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def fold_labels(
    figures: pl.DataFrame, alternates: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, tuple[tuple[str, str], ...]]:
    """Make group and subgroup labels that differ only in case or spacing one label.

    The source spells a subgroup differently in some years ("Fraud: action fraud" in 2017/18,
    "Fraud: Action Fraud" in the others); a selection by label would miss those years. Each label
    is shown as spelt in the latest year it appears in. A display normalisation only: counts and
    codes are untouched. Returns the frames and the (as in the source, as shown) pairs folded.
    """
    maps: dict[str, dict[str, str]] = {}
    for column in (S.OFFENCE_GROUP, S.OFFENCE_SUBGROUP):
        latest: dict[str, tuple[int, str]] = {}
        labels: set[str] = set()
        for frame in (figures, alternates):
            if frame.is_empty():
                continue
            spellings = (
                frame.lazy()
                .select(column, S.YEAR)
                .filter(pl.col(column).is_not_null())
                .group_by(column)
                .agg(pl.col(S.YEAR).max())
                .collect()
            )
            for label, year in spellings.iter_rows():
                labels.add(label)
                key = _label_key(label)
                rank = (-1 if year is None else int(year), label)
                if key not in latest or rank > latest[key]:
                    latest[key] = rank
        folded = {label: latest[_label_key(label)][1] for label in labels}
        maps[column] = {label: shown for label, shown in folded.items() if label != shown}
    if not any(maps.values()):
        return figures, alternates, ()

    def fold(frame: pl.DataFrame) -> pl.DataFrame:
        if frame.is_empty():
            return frame
        columns = []
        for column, mapping in maps.items():
            expr = pl.col(column)
            for label, shown in mapping.items():
                expr = pl.when(pl.col(column) == label).then(pl.lit(shown)).otherwise(expr)
            columns.append(expr.alias(column))
        return frame.with_columns(columns)

    pairs = sorted({pair for mapping in maps.values() for pair in mapping.items()})
    return fold(figures), fold(alternates), tuple(pairs)


def _coverage(figures: pl.DataFrame, territorial: list[str]) -> tuple[YearCoverage, ...]:
    per_year = (
        figures.lazy()
        .filter(pl.col(S.YEAR).is_not_null())
        .select(S.YEAR, S.QUARTER, S.FORCE)
        .unique()  # a few thousand rows before the lists are built (issue 11)
        .group_by(S.YEAR)
        .agg(
            quarters=pl.col(S.QUARTER).drop_nulls().unique().sort(),
            forces=pl.col(S.FORCE).filter(pl.col(S.FORCE).is_in(territorial)).n_unique(),
        )
        .sort(S.YEAR)
        .collect()
    )
    return tuple(
        YearCoverage(year=int(row[S.YEAR]), quarters=tuple(row["quarters"]), forces=row["forces"])
        for row in per_year.iter_rows(named=True)
    )


def _offences(figures: pl.DataFrame) -> tuple[OffenceInfo, ...]:
    # One row per (code, year) first (a few thousand rows, not a quarter of a million), then the
    # latest year's wording per code.
    per_year = figures.group_by(S.OFFENCE_CODE, S.YEAR).agg(
        pl.col(S.OFFENCE).last(), pl.col(S.OFFENCE_GROUP).last(), pl.col(S.OFFENCE_SUBGROUP).last()
    )
    latest = (
        per_year.sort(S.YEAR, S.OFFENCE_CODE, nulls_last=False)
        .group_by(S.OFFENCE_CODE, maintain_order=True)
        .agg(
            pl.col(S.OFFENCE).last(),
            pl.col(S.OFFENCE_GROUP).last(),
            pl.col(S.OFFENCE_SUBGROUP).last(),
            first_year=pl.col(S.YEAR).min(),
            last_year=pl.col(S.YEAR).max(),
        )
        .sort(S.OFFENCE_GROUP, S.OFFENCE_CODE)
    )
    return tuple(
        OffenceInfo(
            code=row[S.OFFENCE_CODE],
            description=row[S.OFFENCE] or "",
            group=row[S.OFFENCE_GROUP] or "",
            subgroup=row[S.OFFENCE_SUBGROUP] or "",
            first_year=row["first_year"],
            last_year=row["last_year"],
        )
        for row in latest.iter_rows(named=True)
    )


def load_dataset(
    dataset: str | DatasetInfo = DEFAULT_DATASET,
    *,
    data_dir: Path | None = None,
    store: Path | None = None,
) -> Dataset:
    """Load a dataset by name or info.

    Args:
        dataset: a dataset name (see :func:`list_datasets`) or its info.
        data_dir: the bundled data folder (default: the installed one).
        store: the imported-datasets folder (default: the user's).

    The last ``RECENT_DATASETS`` datasets loaded are kept and given again while their file has the
    same SHA-256 (and their sources file the same size and time), so switching back is instant;
    a replaced or edited file is read again.

    Raises:
        UnknownDatasetError: no dataset has that name.
        DatasetError: its file is missing or unreadable.
    """
    info = dataset if isinstance(dataset, DatasetInfo) else find_dataset(dataset, data_dir, store)
    reference_dir = data_dir or bundled_data_dir()
    try:
        # Hashed before reading: if the file changes in between, the hash never matches again
        # and what the derived-data store keeps of it is never used (never the other way round).
        sha256 = file_sha256(info.path)
    except OSError:
        sha256 = ""
    key = (info, sha256, _file_signature(info.sources_path), reference_dir)
    with _RECENT_LOCK:
        if sha256 and key in _RECENT:
            _RECENT.move_to_end(key)
            return _RECENT[key]
    loaded = _read_dataset(info, load_reference(reference_dir), sha256)
    if sha256:
        with _RECENT_LOCK:
            _RECENT[key] = loaded
            while len(_RECENT) > RECENT_DATASETS:
                _RECENT.popitem(last=False)
    return loaded


RECENT_DATASETS = 2
"""How many loaded datasets are kept for a reload (switching back with ``d`` is then instant)."""

_RECENT: OrderedDict[tuple[object, ...], Dataset] = OrderedDict()
_RECENT_LOCK = threading.Lock()


def _file_signature(path: Path | None) -> tuple[int, int, int] | None:
    """What changes when a file is replaced or edited (inode, size, modification time)."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _read_dataset(info: DatasetInfo, reference: Reference, sha256: str) -> Dataset:
    """Read a dataset's figures (and sources) into memory."""
    frame = read_figures(info.path)
    alternates = frame.filter(~pl.col(S.PREFERRED))
    frame = frame.filter(pl.col(S.PREFERRED))  # years, quarters and forces: before the drop
    territorial = [f.name for f in reference.forces.values() if f.kind == TERRITORIAL]
    coverage = _coverage(frame, territorial)
    forces = tuple(sorted(frame.get_column(S.FORCE).unique().to_list()))
    frame, uncounted = drop_uncounted(frame)
    figures, alternates, folded = fold_labels(frame, alternates)
    sources = None
    if info.sources_path is not None and info.sources_path.exists():
        _check_regular(info.sources_path, "sources file")
        try:
            sources = pl.read_csv(
                info.sources_path, schema_overrides={"year": pl.Int16, "count": pl.Int64}
            )
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise DatasetError(f"cannot read sources file {info.sources_path}: {exc}") from exc
    return Dataset(
        info=info,
        figures=figures,
        alternates=alternates,
        sources=sources,
        reference=reference,
        coverage=coverage,
        offences=_offences(figures),
        forces=forces,
        file_sha256=sha256,
        folded_labels=folded,
        uncounted=uncounted,
    )
