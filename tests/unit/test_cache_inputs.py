"""Every cache and answer book is keyed on every reference file the model reads
(``REFERENCE_FILES``): an edit to any of them means no cache, never a figure, title or note the
files no longer say. Found in review: a recording event's title edited in ``events.csv`` still
showed, old, in a force's detail opened from the detail cache."""

from __future__ import annotations

import ast
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.model import detail_cache as dc
from tui.model import opening_cache as oc
from tui.model.catalogue import find_dataset
from tui.model.dataset import load_dataset
from tui.model.detail import force_detail
from tui.model.opening_cache import REFERENCE_FILES, code_fingerprint, file_sha256
from tui.model.selection import pick_offence
from tui.model.totals import find_force
from tui.paths import bundled_data_dir

MODEL = Path(oc.__file__).resolve().parent


@pytest.fixture
def reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the bundled reference files that the caches' key is read from."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in REFERENCE_FILES:
        shutil.copy(bundled_data_dir() / name, folder / name)
    monkeypatch.setattr(oc, "bundled_data_dir", lambda: folder)
    code_fingerprint.cache_clear()
    yield folder
    code_fingerprint.cache_clear()


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_an_edit_to_any_declared_input_changes_the_key(reference: Path, name: str) -> None:
    before = code_fingerprint()
    code_fingerprint.cache_clear()
    assert code_fingerprint() == before  # nothing edited: the same key
    path = reference / name
    path.write_bytes(path.read_bytes().replace(b"e", b"E", 1))  # one letter of one title
    code_fingerprint.cache_clear()
    assert code_fingerprint() != before


def test_the_declared_inputs_are_every_reference_file_the_model_names() -> None:
    """Each file of the bundled data folder named in ``tui/model`` (and each dataset's sources
    file in the catalogue) is declared; the datasets' own files are keyed by their SHA-256."""
    data = bundled_data_dir()
    named = set()
    for path in MODEL.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if (
                    re.fullmatch(r"[\w.-]+\.(csv|json)", node.value)
                    and (data / node.value).is_file()
                ):
                    named.add(node.value)
    catalogue = json.loads((data / "datasets.json").read_text(encoding="utf-8"))
    named |= {entry["sources_file"] for entry in catalogue.values() if "sources_file" in entry}
    assert named - {"datasets.json"} and named <= set(REFERENCE_FILES)
    assert set(REFERENCE_FILES) <= {p.name for p in data.iterdir()}


def test_a_cached_detail_is_not_shown_after_its_events_change(
    reference: Path, tmp_path: Path
) -> None:
    """Devon & Cornwall's detail names the 2013/14 event; once ``events.csv`` says otherwise, the
    detail cache has no entry for it (the detail is computed again, with the new title)."""
    ds = load_dataset("homeoffice")
    detail = force_detail(ds, find_force(ds, "Devon & Cornwall"), pick_offence(ds, "86"))
    assert any(e.year == 2013 for e in detail.events)
    info = find_dataset("homeoffice")
    cache = tmp_path / "cache"
    dc.save_detail(detail, info.path, file_sha256(info.path), False, cache)
    assert dc.load_detail(info, "86", "Devon & Cornwall", cache) is not None
    events = reference / "events.csv"
    text = events.read_text(encoding="utf-8")
    assert "National Statistics designation" in text
    events.write_text(text.replace("National Statistics designation", "badge"), encoding="utf-8")
    code_fingerprint.cache_clear()
    assert dc.load_detail(info, "86", "Devon & Cornwall", cache) is None
