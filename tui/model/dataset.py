"""Datasets: what is available (bundled and imported), and loading one into memory.

A loaded :class:`Dataset` holds the figures in the canonical long schema plus what every view needs
to label them honestly: the coverage of each year (so partial years are labelled), the offences, the
forces, and the dataset's source and licence.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from tui.jsonfile import BadJSONFile, file_kind, read_json_file
from tui.model import schema as S
from tui.model.errors import DatasetError, UnknownDatasetError
from tui.model.names import is_data_file_name, is_dataset_name
from tui.model.offences import OffenceInfo
from tui.model.reference import TERRITORIAL, Reference, load_reference
from tui.model.search import rank
from tui.model.years import YearCoverage
from tui.paths import bundled_data_dir, imported_datasets_dir

DEFAULT_DATASET = "homeoffice"


@dataclass(frozen=True)
class DatasetInfo:
    """What a dataset is, where it lives and where its figures come from."""

    name: str
    title: str
    measure: str
    """What is counted, in one sentence."""
    source: str
    source_url: str
    licence: str
    release: str
    default_offence: str
    """The offence selection a view opens on (a code, or ``all``)."""
    notes: str
    path: Path
    bundled: bool
    sources_path: Path | None = None
    """Per-figure provenance (page and quote), where the dataset has it."""
    imported_at: str = ""
    source_file: str = ""
    checksum: str = ""
    rows: int | None = None
    years: tuple[str, ...] = ()
    forces: int | None = None


def _info_from_json(name: str, meta: dict[str, object], folder: Path, bundled: bool) -> DatasetInfo:
    def text(key: str, default: str = "") -> str:
        value = meta.get(key, default)
        return str(value) if value is not None else default

    sources = text("sources_file")
    years = meta.get("years") or ()
    forces = meta.get("forces")
    rows = meta.get("rows")
    return DatasetInfo(
        name=name,
        title=text("title", name),
        measure=text("measure"),
        source=text("source"),
        source_url=text("source_url"),
        licence=text("licence"),
        release=text("release"),
        default_offence=text("default_offence", "all") or "all",
        notes=text("notes"),
        path=folder / text("file", f"{name}.parquet"),
        bundled=bundled,
        sources_path=(folder / sources) if sources else None,
        imported_at=text("imported_at"),
        source_file=text("source_file"),
        checksum=text("checksum"),
        rows=rows if isinstance(rows, int) else None,
        years=tuple(str(y) for y in years) if isinstance(years, (list, tuple)) else (),
        forces=forces if isinstance(forces, int) else None,
    )


def bundled_datasets(data_dir: Path | None = None) -> list[DatasetInfo]:
    """The datasets that ship with the app, from ``datasets.json`` in the bundled data folder.

    Raises:
        DatasetError: the catalogue is missing or not valid JSON.
    """
    folder = data_dir or bundled_data_dir()
    path = folder / "datasets.json"
    try:
        catalogue = read_json_file(path)
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except BadJSONFile as exc:
        raise DatasetError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(catalogue, dict):
        raise DatasetError(f"{path}: not a JSON object")
    return [_info_from_json(name, meta, folder, True) for name, meta in catalogue.items()]


@dataclass(frozen=True)
class CatalogueProblem:
    """An imported dataset whose manifest could not be read (reported, never fatal)."""

    path: Path
    reason: str


def imported_datasets(
    store: Path | None = None,
) -> tuple[list[DatasetInfo], list[CatalogueProblem]]:
    """Datasets the user imported, from their manifests; unusable manifests are reported.

    One bad manifest never hides the others (nor the bundled data): whatever is wrong with it (not
    JSON, nested too deeply, a FIFO or ``/dev/zero``, a data file outside the folder), it is
    listed here as a problem with the reason, and the dataset can still be removed.
    """
    folder = store or imported_datasets_dir()
    infos: list[DatasetInfo] = []
    problems: list[CatalogueProblem] = []
    try:
        manifests = sorted(p for p in folder.iterdir() if p.suffix == ".json")
    except OSError:
        return infos, problems
    for manifest in manifests:
        try:
            infos.append(read_manifest(manifest))
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problems.append(CatalogueProblem(manifest, reason))
    return infos, problems


def read_manifest(manifest: Path) -> DatasetInfo:
    """The dataset a manifest (``NAME.json`` in the store) describes; its name is the file's.

    Raises:
        OSError: it cannot be read.
        ValueError: it is not a regular file of JSON holding an object, its file name is not a
            valid dataset name, or its ``"file"`` is not a plain ``.parquet`` name in the folder.
    """
    name = manifest.stem
    if not is_dataset_name(name):
        raise ValueError(f"{name!r} is not a valid dataset name")
    meta = read_json_file(manifest)
    if not isinstance(meta, dict):
        raise ValueError("not a JSON object")
    data = meta.get("file", f"{name}.parquet")
    if not is_data_file_name(data):
        raise ValueError(
            f'its "file" ({str(data)[:60]!r}) is not the name of a .parquet file in the data folder'
        )
    sources = meta.get("sources_file")
    if sources and not is_data_file_name(sources, ".csv"):
        raise ValueError(f'its "sources_file" ({str(sources)[:60]!r}) is not a file in the folder')
    return _info_from_json(name, meta, manifest.parent, False)


def unreadable_manifest(name: str, store: Path | None = None) -> CatalogueProblem | None:
    """Why the manifest of imported dataset ``name`` cannot be read (``None``: missing or fine)."""
    _infos, problems = imported_datasets(store)
    key = name.strip().lower()
    return next((p for p in problems if p.path.stem.lower() == key), None)


def list_datasets(data_dir: Path | None = None, store: Path | None = None) -> list[DatasetInfo]:
    """Every dataset: bundled first, then imported ones (which cannot shadow a bundled name)."""
    bundled = bundled_datasets(data_dir)
    names = {d.name for d in bundled}
    imported, _problems = imported_datasets(store)
    return bundled + [d for d in imported if d.name not in names]


def find_dataset(name: str, data_dir: Path | None = None, store: Path | None = None) -> DatasetInfo:
    """The dataset called ``name`` (case-insensitive).

    Raises:
        UnknownDatasetError: no dataset has that name (with the names there are).
        DatasetError: the name is an imported dataset whose manifest cannot be read.
    """
    infos = list_datasets(data_dir, store)
    key = name.strip().lower()
    for info in infos:
        if info.name.lower() == key:
            return info
    damaged = unreadable_manifest(key, store)
    if damaged is not None:
        raise DatasetError(
            f"the manifest of the imported dataset '{key}' cannot be read ({damaged.path}: "
            f"{damaged.reason}); remove the dataset with 'ox datasets remove {key}', or import its "
            f"file again with 'ox import FILE --name {key} --replace'"
        )
    hits = rank(name, ((i.name, (i.name,)) for i in infos))
    suggestions = tuple(h.item for h in hits[:5]) or tuple(i.name for i in infos)
    raise UnknownDatasetError(f"unknown dataset '{name}'", suggestions)


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

    @property
    def name(self) -> str:
        """The dataset's name (``homeoffice``, ``nspcc``, or an imported name)."""
        return self.info.name

    @property
    def has_quarters(self) -> bool:
        """True when figures are given by quarter."""
        return any(c.quarters for c in self.coverage)

    def year(self, year: int) -> YearCoverage | None:
        """The coverage of one financial year, or ``None`` when the dataset has no figure for it."""
        for cov in self.coverage:
            if cov.year == year:
                return cov
        return None

    @property
    def full_years(self) -> tuple[YearCoverage, ...]:
        """Years that are not partial, oldest first."""
        return tuple(c for c in self.coverage if not c.partial)


def read_figures(path: Path) -> pl.DataFrame:
    """Read a dataset file in the canonical schema, with a clear error for anything wrong.

    Raises:
        DatasetError: the file is missing, unreadable, or lacks a required column.
    """
    _check_regular(path, "data file")
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DatasetError(f"cannot read data file {path}: {reason}") from exc
    missing = [c for c in S.REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise DatasetError(f"data file {path} lacks column(s): {', '.join(missing)}")
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
    try:
        frame = frame.select(
            [pl.col(name).cast(dtype, strict=True) for name, dtype in S.LONG_SCHEMA.items()]
        )
    except pl.exceptions.PolarsError as exc:
        reason = str(exc).splitlines()[0]
        raise DatasetError(f"data file {path} has a column of the wrong type: {reason}") from exc
    _check_counts(frame, path)
    return frame


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
    """Refuse a count beyond :data:`~tui.model.schema.MAX_COUNT` (say, a Parquet file edited by
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


def _coverage(figures: pl.DataFrame, territorial: list[str]) -> tuple[YearCoverage, ...]:
    per_year = (
        figures.filter(pl.col(S.YEAR).is_not_null())
        .group_by(S.YEAR)
        .agg(
            quarters=pl.col(S.QUARTER).drop_nulls().unique().sort(),
            forces=pl.col(S.FORCE).filter(pl.col(S.FORCE).is_in(territorial)).n_unique(),
        )
        .sort(S.YEAR)
    )
    return tuple(
        YearCoverage(year=int(row[S.YEAR]), quarters=tuple(row["quarters"]), forces=row["forces"])
        for row in per_year.iter_rows(named=True)
    )


def _offences(figures: pl.DataFrame) -> tuple[OffenceInfo, ...]:
    latest = (
        figures.sort(S.YEAR, nulls_last=False)
        .group_by(S.OFFENCE_CODE)
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

    Raises:
        UnknownDatasetError: no dataset has that name.
        DatasetError: its file is missing or unreadable.
    """
    info = dataset if isinstance(dataset, DatasetInfo) else find_dataset(dataset, data_dir, store)
    reference = load_reference(data_dir or bundled_data_dir())
    frame = read_figures(info.path)
    figures = frame.filter(pl.col(S.PREFERRED))
    alternates = frame.filter(~pl.col(S.PREFERRED))
    sources = None
    if info.sources_path is not None and info.sources_path.exists():
        _check_regular(info.sources_path, "sources file")
        try:
            sources = pl.read_csv(
                info.sources_path, schema_overrides={"year": pl.Int16, "count": pl.Int64}
            )
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise DatasetError(f"cannot read sources file {info.sources_path}: {exc}") from exc
    territorial = [f.name for f in reference.forces.values() if f.kind == TERRITORIAL]
    forces = tuple(sorted(figures.get_column(S.FORCE).unique().to_list()))
    return Dataset(
        info=info,
        figures=figures,
        alternates=alternates,
        sources=sources,
        reference=reference,
        coverage=_coverage(figures, territorial),
        offences=_offences(figures),
        forces=forces,
    )
