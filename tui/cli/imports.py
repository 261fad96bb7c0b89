"""``ox import FILE`` and ``ox datasets remove NAME``: bring your own data from the command line.

No Polars here: the model reads, checks and writes; this module only prints what it reports.
Everything printed goes through :func:`~tui.formatting.safe_text`: cells, sheet and file names,
warnings and problems come from the file, so a terminal escape in them is shown as ``\\x1b``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import IO

from tui.formatting import safe_text
from tui.model.data.catalogue import imported_datasets, unreadable_manifest
from tui.model.data.errors import UnknownDatasetError
from tui.model.importing.api import bundled_names, import_file
from tui.model.importing.api import remove_dataset as remove
from tui.model.importing.leftovers import files_of
from tui.model.importing.problems import FILE, STORE, DatasetImportError
from tui.model.importing.results import ImportPreview, describe_years
from tui.model.importing.store import default_name
from tui.model.store.derived_build import write_file_of
from tui.paths import imported_datasets_dir

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PREVIEW_ROWS = 5
_CELL = 22


def _say(stream: IO[str], text: str) -> None:
    """Write one line (or several, for a report), with control characters made visible."""
    stream.write(safe_text(text) + "\n")


def _cell(text: str, width: int = _CELL) -> str:
    """A preview cell on one line, escapes visible, cut to ``width`` characters."""
    shown = safe_text(text.strip()).replace("\n", "\\n")
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def _print_preview(preview: object, out: IO[str]) -> None:
    """How the file was read: format, layout, columns, first rows, cleaning."""
    assert isinstance(preview, ImportPreview)
    details = [preview.format or "unrecognised format"]
    if preview.encoding:
        details.append(preview.encoding)
    if preview.delimiter:
        details.append(f"{preview.delimiter}-separated")
    _say(out, f"Read {Path(preview.path).name}: {', '.join(details)}")
    if preview.sheets_read or preview.sheets_skipped:
        read = ", ".join(preview.sheets_read) or "none"
        skipped = "; ".join(f"{s.name} ({s.reason})" for s in preview.sheets_skipped)
        _say(out, f"Sheets read: {read}" + (f"; skipped: {skipped}" if skipped else ""))
    if not preview.layout:
        return
    _say(out, f"Layout: {preview.layout} - {preview.layout_label}")
    _say(out, "Columns: " + ", ".join(f"{column} -> {field}" for field, column in preview.mapping))
    _say(out, f"Header at row {preview.header_row}; {preview.total_rows:,} data rows")
    if preview.rows:
        _say(out, f"First {len(preview.rows)} rows:")
        out.write("  " + " | ".join(_cell(c) for c in preview.columns) + "\n")
        for row in preview.rows:
            out.write("  " + " | ".join(_cell(c) for c in row) + "\n")
    if preview.cleaning:
        _say(out, "Cleaning:")
        for note in preview.cleaning:
            _say(out, f"  - {note}")


def import_command(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ox import FILE [--name N] [--replace] [--map F=COL]... [--sheet S] [--dry-run] ...``.

    Returns:
        0 when imported (or, with --dry-run, when it would be); 2 for a bad file, name or mapping;
        1 when the data folder cannot be written (a full disk); 130 when interrupted (Ctrl+C).
    """
    path = Path(args.file).expanduser()
    if not path.exists():
        _say(err, f"ox: error: no such file: {args.file}")
        return EXIT_USAGE
    if path.is_dir():
        _say(err, f"ox: error: {args.file} is a folder, not a file")
        return EXIT_USAGE
    before = _manifest_signature(args, path)
    try:
        result = import_file(
            path,
            name=args.name,
            replace=args.replace,
            sheet=args.sheet,
            mapping=args.map or None,
            dry_run=args.dry_run,
            max_rows=PREVIEW_ROWS,
            strict=getattr(args, "strict", False),
            measure=getattr(args, "measure", None),
        )
    except KeyboardInterrupt:
        # A write is committed by one rename of the manifest: whether it happened says which.
        _say(err, _interrupted(path, args, before))
        return EXIT_INTERRUPTED
    except DatasetImportError as exc:
        if exc.preview is not None:
            _print_preview(exc.preview, out)
            for warning in getattr(exc.preview, "warnings", ()):
                _say(err, f"ox: warning: {warning}")
        _say(err, f"ox: error: {exc.report()}")
        if exc.kind == FILE:
            err.write("Nothing was imported.\n")
        return EXIT_FAILED if exc.kind == STORE else EXIT_USAGE
    if result.preview is not None:
        _print_preview(result.preview, out)
    for warning in result.warnings:
        _say(err, f"ox: warning: {warning}")
    years = describe_years(result.years, result.other_periods)
    sep = "; " if result.other_periods else ", "
    summary = f"{result.rows:,} rows as dataset {result.name} ({years}{sep}forces {result.forces})"
    if not result.written:
        _say(out, f"Dry run: nothing was written; would import {summary}")
        return EXIT_OK

    try:
        write_file_of(result.name)  # `ox show FORCE -d NAME` answers at once, without Polars
    except KeyboardInterrupt:
        _say(err, f"ox: interrupted after the import: dataset {result.name} is whole")
        return EXIT_INTERRUPTED
    verb = "Replaced" if result.replaced else "Imported"
    _say(out, f"{verb} {summary}; use it with --dataset {result.name}")
    return EXIT_OK


def _manifest_signature(args: argparse.Namespace, path: Path) -> tuple[int, int, int] | None:
    """What the import's commit changes: the manifest's inode, size, time (``None``: none)."""
    name = args.name if args.name is not None else default_name(path)
    try:
        info = os.lstat(files_of(imported_datasets_dir(), name)[1])
    except (OSError, ValueError):
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _interrupted(path: Path, args: argparse.Namespace, before: object) -> str:
    """What Ctrl+C during an import did: nothing, or the whole dataset (never a part)."""
    name = args.name if args.name is not None else default_name(path)
    after = _manifest_signature(args, path)
    if after is not None and after != before:
        return f"ox: interrupted after the import was committed: dataset {name} is whole"
    return f"ox: interrupted before the import was committed: nothing was changed ({name})"


def remove_dataset(
    args: argparse.Namespace, out: IO[str], err: IO[str], stdin: IO[str] | None = None
) -> int:
    """``ox datasets remove NAME [--yes]``: delete an imported dataset, after asking on a terminal.

    Returns:
        0 when removed; 1 when the user said no or the files could not be deleted; 2 for a missing,
        unknown or bundled name, or no --yes when there is no terminal to ask on.
    """
    if not args.name:
        err.write("ox: error: give the name of the dataset to remove: ox datasets remove NAME\n")
        return EXIT_USAGE
    name = args.name.strip().lower()
    if name in bundled_names():
        _say(err, f"ox: error: '{name}' is a bundled dataset and cannot be removed")
        return EXIT_USAGE
    infos, _problems = imported_datasets()
    info = next((i for i in infos if i.name.lower() == name), None)
    damaged = unreadable_manifest(name) if info is None else None
    if info is None and damaged is None:
        names = ", ".join(sorted(i.name for i in infos)) or "none"
        _say(err, f"ox: error: no imported dataset called '{name}' (imported datasets: {names})")
        return EXIT_USAGE
    if not args.yes:
        stream = stdin if stdin is not None else sys.stdin
        if stream is None or not stream.isatty():
            _say(
                err,
                f"ox: error: not removing '{name}' without confirmation; "
                f"run 'ox datasets remove {name} --yes'",
            )
            return EXIT_USAGE
        if info is not None:
            rows = f", {info.rows:,} rows" if info.rows is not None else ""
            what = f"{info.title}{rows}"
        else:
            assert damaged is not None
            what = f"its manifest {damaged.path.name} cannot be read"
        out.write(safe_text(f"Remove the imported dataset '{name}' ({what})? [y/N] "))
        out.flush()
        answer = stream.readline().strip().lower()
        if answer not in ("y", "yes"):
            out.write("Nothing was removed.\n")
            return EXIT_FAILED
    try:
        removed = remove(name)
    except UnknownDatasetError as exc:
        _say(err, f"ox: error: {exc}")
        return EXIT_USAGE
    except DatasetImportError as exc:
        _say(err, f"ox: error: {exc.report()}")
        return EXIT_FAILED if exc.kind == STORE else EXIT_USAGE
    files = ", ".join(Path(f).name for f in removed.files)
    _say(out, f"Removed dataset {removed.name} ({files})")
    return EXIT_OK
