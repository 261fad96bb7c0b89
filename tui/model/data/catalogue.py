"""The catalogue of datasets: what is available (bundled and imported), read from small JSON files.

Free of Polars, so the views and the start-up path can list datasets without loading any figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tui.formatting import echo
from tui.jsonfile import BadJSONFile, read_json_file
from tui.model.data.errors import DatasetError, UnknownDatasetError
from tui.model.data.names import is_data_file_name, is_dataset_name
from tui.model.data.search import rank
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
    layout: str = ""
    """The layout the importer detected (``homeoffice``, ``nspcc``, ``generic``); "" if bundled."""
    measure_id: str = ""
    """What is counted, as a key two datasets share when they count the same thing (see
    :mod:`tui.model.data.measure`); "" when the catalogue or manifest does not record it."""
    publisher: str = ""
    table_title: str = ""
    """The title of the published table or release the figures come from."""
    release_file: str = ""
    """The publisher's file the figures were built from."""
    licence_name: str = ""
    licence_url: str = ""
    attribution: str = ""
    """The attribution the licence requires, word for word ("" when none is stated)."""
    built: str = ""
    """The date the bundled data files were built (ISO date)."""
    route: str = ""
    """How the figures reached this app when not from the publisher directly (a third-party
    copy of the publisher's file: its repository, path and commit); "" when not recorded."""


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
        layout=text("layout"),
        measure_id=text("measure_id"),
        publisher=text("publisher"),
        table_title=text("table_title"),
        release_file=text("release_file"),
        licence_name=text("licence_name"),
        licence_url=text("licence_url"),
        attribution=text("attribution"),
        built=text("built"),
        route=text("route"),
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


_TEXT_FIELDS = (
    "name",
    "title",
    "measure",
    "source",
    "source_url",
    "licence",
    "release",
    "default_offence",
    "notes",
    "imported_at",
    "source_file",
    "checksum",
    "layout",
    "measure_id",
    "format",
)
_COUNT_FIELDS = ("rows", "forces")
_LIST_FIELDS = ("years", "sheets")


def read_manifest(manifest: Path, name: str | None = None) -> DatasetInfo:
    """The dataset a manifest (``NAME.json`` in the store) describes; its name is the file's
    (or ``name``, for a manifest written under a temporary name and read back before use).

    Raises:
        OSError: it cannot be read.
        ValueError: it is not a regular file of JSON holding an object, its file name is not a
            valid dataset name, it is malformed (no ``"file"``, or a field of the wrong type), or
            its ``"file"`` is not a plain ``.parquet`` name in the folder.
    """
    name = manifest.stem if name is None else name
    if not is_dataset_name(name):
        raise ValueError(f"{name!r} is not a valid dataset name")
    meta = read_json_file(manifest)
    if not isinstance(meta, dict):
        raise ValueError(f"malformed manifest: {type(meta).__name__} where an object belongs")
    _check_shape(meta)
    data = meta["file"]
    if not is_data_file_name(data):
        raise ValueError(
            f'its "file" ({str(data)[:60]!r}) is not the name of a .parquet file in the data folder'
        )
    sources = meta.get("sources_file")
    if sources and not is_data_file_name(sources, ".csv"):
        raise ValueError(f'its "sources_file" ({str(sources)[:60]!r}) is not a file in the folder')
    return _info_from_json(name, meta, manifest.parent, False)


def _check_shape(meta: dict[str, object]) -> None:
    """Refuse a manifest of the wrong shape, naming the field (never blaming its data file).

    Raises:
        ValueError: ``"file"`` is missing, or a field has the wrong type.
    """
    if "file" not in meta:
        raise ValueError('malformed manifest: it has no "file" naming the dataset\'s data')

    def wrong(key: str, what: str) -> ValueError:
        shown = json.dumps(meta[key], ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return ValueError(f'malformed manifest: its "{key}" is {shown}, not {what}')

    for key in _TEXT_FIELDS:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise wrong(key, "text")
    for key in _COUNT_FIELDS:
        value = meta.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise wrong(key, "a whole number")
    for key in _LIST_FIELDS:
        value = meta.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(v, str) for v in value)
        ):
            raise wrong(key, "a list of text")


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
    raise UnknownDatasetError(f"unknown dataset {echo(name)}", suggestions)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def release_tag(info: DatasetInfo) -> str:
    """The release a bundled dataset is, in a few words for a view's title line: its date, the
    route and the end of the publisher's file name (``23 Apr 2026 release, third-party copy of
    …230426.ods``; the whole name is in the source line, ``ox datasets`` and ``ox cite``); ""
    when the catalogue names no publisher's file (the NSPCC figures, an import: their title and
    source say where they come from)."""
    if not info.release_file:
        return ""
    parts = info.release.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        date = f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    else:
        date = info.release or "undated"
    file = info.release_file
    short = file if len(file) <= 12 else "…" + file[-10:]
    copy = copied_by(info)
    route = f"{copy.removeprefix('a ')} of " if copy else ""
    return f"{date} release, {route}{short}"


def copied_by(info: DatasetInfo) -> str:
    """``a third-party copy`` or ``third-party copies`` when the dataset's route says its figures
    were read from such (the Home Office releases, Scotland's); "" for any other route: the NSPCC
    figures are as stated on public pages, never "via a third-party copy"."""
    route = info.route.lower()
    if "third-party copies" in route:
        return "third-party copies"
    return "a third-party copy" if "third-party copy" in route else ""
