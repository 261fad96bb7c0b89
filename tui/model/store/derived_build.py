"""Computing a dataset's file of the derived-data store (see :mod:`tui.model.store.derived_store`).

Every value is computed by the code a question runs: ``ox show``'s series
(:func:`tui.model.figures.series.force_series`), the Forces table
(:func:`tui.model.figures.force_table.force_table`) and a force's detail view
(:func:`tui.model.figures.detail.force_detail`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Collection
from pathlib import Path

from tui.atomic_file import write_atomic
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.errors import ModelError
from tui.model.figures.detail import force_detail
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.figures.series import force_series
from tui.model.figures.totals import find_force, total_force, total_specs
from tui.model.store import derived_store
from tui.model.store.derived_store import ERRORS, MAX_BYTES, decode, encode, entry
from tui.model.store.old_caches import remove_old_caches
from tui.paths import user_cache_dir

MAX_STORED_FORCES = 300
"""A dataset with more forces or bodies than this gets no file: the police areas of the UK, their
totals and the national bodies are about 60, and each costs a pass over the figures (an import of
25,000 unknown names would spend minutes on it; the questions compute instead)."""


def entries(ds: Dataset, only: Collection[str] | None = None) -> dict[str, object]:
    """Everything the store keeps of ``ds``, by entry name, in the order a reader wants them (see
    :mod:`tui.model.store.derived_store`): what resolves a question, the opening tables, the
    answers, the details (of the forces named in ``only``, when given: a sample, for a check)."""
    totals = total_specs(ds)
    forces = [ds.reference.force(name) for name in ds.forces]
    forces += [total_force(ds, spec) for spec in totals if spec.members]
    if only is not None:
        forces = [force for force in forces if force.name in only]
    default = pick_offence(ds, None)
    selections = []
    for typed in derived_store.OFFENCES_BOOKED:
        try:
            selections.append(pick_offence(ds, typed))
        except ModelError:
            continue
    found: dict[str, object] = {
        "default": default.key,  # (first: the opening table reads it alone, before the lookup)
        "lookup": {
            "forces": tuple(ds.forces),
            "totals": tuple((t.name, tuple(t.members)) for t in totals),
            "offences": tuple(ds.offences),
            "has_quarters": ds.has_quarters,
            "has_sources": ds.has_sources,
        },
    }
    listed: dict[str, None] = {}
    for selection in dict.fromkeys(selections):
        for national in (False, True):
            table = force_table(ds, selection, national)
            found[entry("opening", selection.key, str(national))] = table
            if selection == default:
                rows = (*table.rows, *table.totals)
                listed.update(
                    (r.force.name, None) for r in rows if only is None or r.force.name in only
                )
    for selection in dict.fromkeys(selections):
        for force in forces:
            try:
                series = force_series(ds, force, selection)
            except ModelError:
                continue  # the full path says why
            found[entry("answer", selection.key, force.name)] = series
    for name in listed:
        try:
            found[entry("detail", name)] = force_detail(ds, find_force(ds, name), default)
        except ModelError:
            continue  # the view computes it and says why
    return found


def write(path: Path, key: dict[str, object], content: dict[str, object]) -> bool:
    """Write a file (atomic; the same bytes for the same content): a header line (the key, and
    each entry's name and SHA-256), then one line per entry, in order. Nothing is written when a
    value would not read back equal or the whole is larger than :data:`MAX_BYTES`. Returns False
    when nothing was written (no file is still correct)."""
    try:
        lines, digests = [], []
        for name, value in content.items():
            body = json.dumps(encode(value), separators=(",", ":"), ensure_ascii=False).encode()
            if decode(json.loads(body)) != value:
                return False
            lines.append(body)
            digests.append([name, hashlib.sha256(body).hexdigest()])
        head = json.dumps({"key": key, "entries": digests}, ensure_ascii=False).encode()
        data = b"\n".join([head, *lines]) + b"\n"
        if len(data) > MAX_BYTES:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, gzip.compress(data, compresslevel=9, mtime=0), sync=False)
    except ERRORS:
        return False
    return True


def write_file(ds: Dataset, path: Path | None = None) -> bool:
    """Write ``ds``'s file (default: in the user's cache folder); False when it cannot be made or
    written, or the dataset has more than :data:`MAX_STORED_FORCES` forces (the store is an
    optimisation: without it, the questions compute)."""
    if len(ds.forces) > MAX_STORED_FORCES or not ds.file_sha256:
        return False
    try:
        info = ds.info
        sources = derived_store.file_sha256(info.sources_path) if info.sources_path else ""
        content = entries(ds)
    except (OSError, ModelError):
        return False
    key = derived_store.make_key(info, ds.file_sha256, sources)
    return write(path or derived_store.user_file(ds.name), key, content)


def keep(ds: Dataset) -> bool:
    """The loader's step, once per dataset: write ``ds``'s file in the user's cache folder unless
    a current one exists (shipped, or written before). True when one exists afterwards; False
    when it cannot be made (the questions compute, and say what is wrong). First, the caches that
    versions before the store left in the user's cache folder are removed (none after the first)."""
    try:
        remove_old_caches(user_cache_dir())
        return derived_store.is_current(ds.info) or write_file(ds)
    except Exception:  # noqa: BLE001 - an optimisation never fails a load or an import
        return False


def write_file_of(name: str) -> bool:
    """Load dataset ``name`` and write its file in the user's cache folder (after an import);
    False when it cannot be loaded or written, which costs only speed."""
    try:
        return keep(load_dataset(name))
    except ModelError:
        return False


def differences(ds: Dataset, path: Path, only: Collection[str] | None = None) -> list[str]:
    """What the file at ``path`` (made for ``ds``) says that the model does not compute now: each
    entry of ``ds`` (of the forces in ``only``, when given) computed again and compared, by name.
    Empty when the file holds exactly what the model computes."""
    key = derived_store.current_key(ds.info)
    try:
        stored = derived_store.entries_of(path, key, None)
    except ERRORS as exc:
        return [f"{path.name}: not current ({exc})"]
    found = []
    for name, value in entries(ds, only).items():
        if name not in stored:
            found.append(f"{path.name}: {name} is missing")
        elif derived_store.pick(stored, name) != value:
            found.append(f"{path.name}: {name} is not what the model computes now")
    return found
