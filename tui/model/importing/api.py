"""The import API the CLI and the TUI call: preview a file, import it as a dataset, remove one."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from tui.model.data import schema as S
from tui.model.data.catalogue import bundled_datasets
from tui.model.data.errors import DatasetError
from tui.model.data.measure import LAYOUT_MEASURES
from tui.model.data.reference import load_reference
from tui.model.importing import store as st
from tui.model.importing.cleaning import Cleaned, clean_tables, empty_frame, period_labels
from tui.model.importing.declared_measure import check_declared
from tui.model.importing.layouts import HOMEOFFICE, LAYOUT_LABELS, NSPCC, parse_mapping
from tui.model.importing.leftovers import files_of
from tui.model.importing.problems import NAME, DatasetImportError, Problem, summarise_warnings
from tui.model.importing.readers import ROW, RawTable, ReadResult, read_file
from tui.model.importing.results import ImportPreview, ImportResult, RemovedDataset
from tui.model.importing.sheet_skipping import (
    Skipped,
    damaged_sheets,
    foreign_tables,
    skip_damaged,
)
from tui.model.importing.sniff import SPREADSHEETS
from tui.model.importing.write_errors import write_failed
from tui.model.store.derived_store import forget
from tui.paths import bundled_data_dir, imported_datasets_dir

MappingArg = Mapping[str, str] | Sequence[str] | None
"""A column mapping: field → column, or ``FIELD=COLUMN`` strings as typed after ``--map``."""

_MEASURES = {
    HOMEOFFICE: (
        "Offences recorded by the police (notifiable offences), in the Home Office open data "
        "table layout"
    ),
    NSPCC: "Child abuse image offences recorded by police, as stated in NSPCC FOI releases",
}
_HOMEOFFICE_URL = "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables"


def default_name(path: str | os.PathLike[str]) -> str:
    """The dataset name an import uses when none is given: the file name, lowercased and tidied."""
    return st.default_name(path)


def bundled_names() -> set[str]:
    """Names of the bundled datasets (an import can never take or remove one)."""
    try:
        return {info.name for info in bundled_datasets()} | set(st.RESERVED)
    except DatasetError:
        return set(st.RESERVED)


class _Analysis:
    """A file read and cleaned: what both a preview and an import need."""

    def __init__(
        self,
        path: Path,
        sheet: str | None,
        mapping: dict[str, str],
        name: str,
        release: str,
        strict: bool = False,
    ) -> None:
        self.path = path
        if not path.exists():
            self.read = ReadResult(file=path.name)
            self.read.problem(f"there is no file {path}", "check the path")
        elif path.is_dir():
            self.read = ReadResult(file=path.name)
            self.read.problem(
                f"{path} is a folder, not a file",
                "give the path of a CSV, XLSX, ODS or Parquet file",
            )
        else:
            self.read = read_file(path, sheet=sheet, mapping=mapping)
        # Every sheet of a workbook is read: a bad or foreign one is skipped unless strict.
        lenient = sheet is None and self.read.format in SPREADSHEETS and not strict
        skipped: list[Skipped] = []
        if lenient:
            damaged = damaged_sheets(self.read.problems, self.read.tables)
            skipped += skip_damaged(self.read, damaged, lambda s: len(damaged[s]))
        if sheet is None and self.read.format in SPREADSHEETS:
            skipped += foreign_tables(self.read, strict)
        self.cleaned = self._clean(self.read.tables, name, release)
        if lenient and self.cleaned.problem_total and len(self.read.tables) > 1:
            # Which sheets are bad on their own (not, say, a year found in two sheets)?
            alone = {t.sheet: self._clean([t], name, release) for t in self.read.tables}
            problems = [p for cleaned in alone.values() for p in cleaned.problems]
            damaged = damaged_sheets(problems, self.read.tables)
            if damaged:
                totals = {s: alone[s].problem_total for s in damaged}
                skipped += skip_damaged(self.read, damaged, totals.__getitem__)
                self.cleaned = self._clean(self.read.tables, name, release)
        self.read.skipped.extend(s.sheet for s in skipped)
        self.read.warnings.extend(s.warning for s in skipped)
        sheets = {t.sheet: i for i, t in enumerate(self.read.tables)}
        found = [*self.read.problems, *self.cleaned.problems]
        # File order: sheet by sheet, then row by row (problems without a row first).
        found.sort(key=lambda p: (sheets.get(p.sheet, -1), p.row or 0))
        self.problems = found
        self.problem_total = self.read.problem_total + self.cleaned.problem_total

    def _clean(self, tables: list[RawTable], name: str, release: str) -> Cleaned:
        if self.read.problem_total or not tables:
            return Cleaned(empty_frame())
        reference = load_reference(bundled_data_dir())
        return clean_tables(
            tables, file=self.path.name, name=name, release=release, reference=reference
        )

    @property
    def layout(self) -> str:
        return self.read.tables[0].layout.name if self.read.tables else ""

    def preview(self, max_rows: int) -> ImportPreview:
        read = self.read
        first = read.tables[0] if read.tables else None
        rows: tuple[tuple[str, ...], ...] = ()
        if first is not None:
            cells = first.frame.drop(ROW).head(max(0, max_rows))
            rows = tuple(
                tuple("" if v is None else str(v) for v in row) for row in cells.iter_rows()
            )
        frame = self.cleaned.frame
        good = not self.problem_total and frame.height > 0
        financial, other = period_labels(frame) if good else ((), ())
        return ImportPreview(
            path=str(self.path),
            format=read.format,
            encoding=read.encoding,
            delimiter=read.delimiter,
            sheets_read=tuple(t.sheet for t in read.tables if t.sheet is not None),
            sheets_skipped=tuple(read.skipped),
            layout=self.layout,
            layout_label=LAYOUT_LABELS.get(self.layout, ""),
            mapping=first.layout.mapping if first else (),
            header_row=first.header_row if first else None,
            columns=first.layout.header if first else read.found_header,
            rows=rows,
            total_rows=self.cleaned.rows_read,
            figures=frame.height if good else 0,
            years=financial + other,
            other_periods=other,
            forces=frame.get_column(S.FORCE).n_unique() if good else 0,
            cleaning=tuple(read.notes + self.cleaned.notes),
            warnings=summarise_warnings(read.warnings + self.cleaned.warnings),
            problems=tuple(self.problems),
            problem_count=self.problem_total,
        )


def preview_file(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    mapping: MappingArg = None,
    max_rows: int = 10,
    strict: bool = False,
) -> ImportPreview:
    """Read and check a file without writing anything: what an import would do, and any problems.

    Never raises for a bad file (or a bad mapping): the preview then lists the problems.

    Args:
        path: a CSV, Parquet, XLSX, XLS or ODS file.
        sheet: read only this sheet of a workbook (default: every sheet that holds a table).
        mapping: columns for the generic layout, field → column (or ``FIELD=COLUMN`` strings).
        max_rows: how many data rows to include as they are written in the file.
        strict: a damaged or foreign sheet among good ones is a problem, not a skipped sheet.
    """
    target = Path(path).expanduser()
    try:
        analysis = _Analysis(target, sheet, parse_mapping(mapping), "preview", "", strict)
        return analysis.preview(max_rows)
    except DatasetImportError as exc:
        return ImportPreview(
            path=str(target), format="", problems=exc.problems, problem_count=exc.total
        )
    except Exception as exc:  # noqa: BLE001 - a preview reports, it never raises for a bad file
        problem = Problem(
            target.name,
            f"the file could not be read ({type(exc).__name__}: {exc})",
            "check that it is a table",
        )
        return ImportPreview(path=str(target), format="", problems=(problem,), problem_count=1)


def import_file(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    replace: bool = False,
    sheet: str | None = None,
    mapping: MappingArg = None,
    store: Path | None = None,
    dry_run: bool = False,
    max_rows: int = 10,
    strict: bool = False,
    measure: str | None = None,
) -> ImportResult:
    """Import a file as a dataset that every view can open with its name.

    Args:
        path: a CSV, Parquet, XLSX, XLS or ODS file.
        name: the dataset's name (default: from the file name, see :func:`default_name`).
        replace: replace a dataset of the same name instead of failing.
        sheet: read only this sheet of a workbook.
        mapping: columns for the generic layout, field → column (or ``FIELD=COLUMN`` strings).
        store: the imported-datasets folder (default: the user's).
        dry_run: check everything (name included) and write nothing.
        max_rows: how many data rows the result's preview holds.
        strict: refuse the file when one of its sheets is damaged or holds another layout
            (by default such a sheet is skipped with a warning naming it).
        measure: what the file counts (``homeoffice``), for a table imported with a column
            mapping; checked against its codes and forces (see
            :mod:`tui.model.importing.declared_measure`) so ``ox diff`` can compare it.

    Raises:
        DatasetImportError: the file cannot be imported (``kind == "file"``, with every problem
            located by file, sheet, row and column, and ``preview`` telling how it was read), the
            name is invalid or taken (``"name"``), or the folder cannot be written (``"store"``).
            Nothing is written in any of these cases.
    """
    target = Path(path).expanduser()
    fields = parse_mapping(mapping)
    chosen = st.check_name(name if name is not None else default_name(target), bundled_names())
    folder = store or imported_datasets_dir()
    if not replace and st.exists(folder, chosen):
        raise st.taken(chosen)
    imported_at = datetime.now(timezone.utc).replace(microsecond=0)
    release = f"not stated (imported {imported_at.date().isoformat()})"
    analysis = _Analysis(target, sheet, fields, chosen, release, strict)
    preview = analysis.preview(max_rows)
    if analysis.problem_total:
        error = DatasetImportError(target.name, analysis.problems, total=analysis.problem_total)
        error.preview = preview
        raise error
    frame = analysis.cleaned.frame
    measure_id = check_declared(measure, analysis.read.tables[0].layout, frame, target.name)
    checksum = _sha256(target)
    manifest = _manifest(
        chosen, target, analysis, frame, imported_at.isoformat(), checksum, preview
    )
    if measure_id:
        manifest["measure_id"] = measure_id
        manifest["notes"] = f"{manifest['notes']} Measure declared on import: {measure_id}."
    if dry_run:
        parquet, meta = files_of(folder, chosen)
        replaced = st.exists(folder, chosen)
    else:
        try:
            parquet, meta, replaced = st.write_dataset(
                folder, chosen, frame, manifest, replace=replace
            )
        except pl.exceptions.PolarsError as exc:  # Polars reports a full disk this way
            raise write_failed(folder, exc) from exc
        forget(chosen)  # its answers were of the file replaced (never used: not its hash)
    return ImportResult(
        name=chosen,
        rows=frame.height,
        years=preview.years,
        other_periods=preview.other_periods,
        forces=preview.forces,
        layout=analysis.layout,
        layout_label=LAYOUT_LABELS[analysis.layout],
        format=analysis.read.format,
        path=str(parquet),
        manifest=str(meta),
        replaced=replaced,
        source_file=str(target.resolve()),
        checksum=checksum,
        cleaning=preview.cleaning,
        warnings=preview.warnings,
        written=not dry_run,
        preview=preview,
    )


def remove_dataset(name: str, *, store: Path | None = None) -> RemovedDataset:
    """Remove an imported dataset (its manifest first, then its data file).

    Raises:
        DatasetImportError: ``name`` is a bundled dataset, or its files cannot be deleted.
        UnknownDatasetError: no imported dataset has that name.
    """
    key = name.strip().lower()
    if key in bundled_names():
        problem = Problem(
            key,
            f"'{key}' is a bundled dataset and cannot be removed",
            "only imported datasets can be removed (see 'ox datasets')",
        )
        raise DatasetImportError(key, [problem], kind=NAME)
    removed = st.remove_files(store or imported_datasets_dir(), key)
    forget(key)
    return removed


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return f"sha256:{digest.hexdigest()}"


def _manifest(
    name: str,
    path: Path,
    analysis: _Analysis,
    frame: pl.DataFrame,
    imported_at: str,
    checksum: str,
    preview: ImportPreview,
) -> dict[str, object]:
    """The manifest: what ``tui.model.data.dataset`` lists and shows for an imported dataset."""
    layout = analysis.layout
    file = path.name
    if layout == HOMEOFFICE:
        title = f"Home Office police recorded crime by force (imported from {file})"
        licence = (
            "Home Office open data tables are published under the Open Government Licence v3.0; "
            "check the licence of this particular file"
        )
    elif layout == NSPCC:
        title = f"NSPCC FOI figures (imported from {file})"
        licence = "Figures quoted from public pages, each with its source (see source_url)"
    else:
        title = f"{file} (imported)"
        licence = "As stated by the file's source (not checked on import)"
    count_column = analysis.read.tables[0].layout.column("count")
    measure = _MEASURES.get(layout) or f"Counts from the column '{count_column}' of {file}"
    releases = sorted(
        r
        for r in frame.get_column(S.RELEASE).unique().to_list()
        if r and not r.startswith("non-NSPCC")
    )
    release = (
        (f"{releases[0]} to {releases[-1]}" if len(releases) > 1 else releases[0])
        if releases
        else ""
    )
    codes = set(frame.get_column(S.OFFENCE_CODE).unique().to_list())
    notes = [f"Imported from {file} ({preview.format}, {layout} layout)."]
    notes += [f"{note}." for note in preview.cleaning]
    notes += [f"Warning: {warning}." for warning in preview.warnings]
    return {
        "name": name,
        "file": f"{name}.parquet",  # the store writes the name of the file it made
        "title": title,
        "measure": measure,
        "source": f"File {file} imported by the user on {imported_at[:10]}",
        "source_url": _HOMEOFFICE_URL if layout == HOMEOFFICE else "",
        "licence": licence,
        "release": release,
        "default_offence": "86" if "86" in codes else "all",
        "notes": " ".join(notes),
        "imported_at": imported_at,
        "source_file": str(path.resolve()),
        "checksum": checksum,
        "rows": frame.height,
        "years": list(preview.years),
        "forces": preview.forces,
        "layout": layout,
        "measure_id": LAYOUT_MEASURES.get(layout, ""),
        "format": preview.format,
        "sheets": list(preview.sheets_read),
    }
