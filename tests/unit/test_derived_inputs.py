"""The derived-data store is keyed on every input it came from (``REFERENCE_FILES``, the data
file, ``SCHEMA_VERSION``, Polars): an edit to any of them means the stored entry is not used,
never a figure, title or note the files no longer say. Found in review: a recording event's title
edited in ``events.csv`` still showed, old, in a force's detail opened from the detail cache."""

from __future__ import annotations

import ast
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.model.data.catalogue import find_dataset
from tui.model.data.dataset import load_dataset
from tui.model.store import derived_build, derived_store
from tui.model.store.derived_store import REFERENCE_FILES
from tui.paths import bundled_data_dir

MODEL = Path(derived_store.__file__).resolve().parent
FORCE = "Devon & Cornwall"
"""Its detail names the 2013/14 event ("National Statistics designation", events.csv)."""


@pytest.fixture(scope="module")
def built() -> tuple[dict[str, object], dict[str, object]]:
    ds = load_dataset("homeoffice")
    return derived_store.current_key(ds.info), derived_build.entries(ds, (FORCE,))


@pytest.fixture(scope="module")
def packed(
    built: tuple[dict[str, object], dict[str, object]], tmp_path_factory: pytest.TempPathFactory
) -> bytes:
    """The bytes of the store's file made from the bundled reference files, as
    ``derived_build.write`` writes them (once: mostly gzip, about 0.07 s of CPU each)."""
    path = tmp_path_factory.mktemp("derived") / "store.json.gz"
    assert derived_build.write(path, *built)
    return path.read_bytes()


@pytest.fixture
def reference(packed: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the bundled reference files the key is read from, and a file of the store made
    from them (the only one read)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in REFERENCE_FILES:
        shutil.copy(bundled_data_dir() / name, folder / name)
    monkeypatch.setattr(derived_store, "bundled_data_dir", lambda: folder)
    path = tmp_path / "store.json.gz"
    path.write_bytes(packed)  # this test's own copy
    monkeypatch.setattr(derived_store, "_candidates", lambda _info: [path])
    derived_store.code_key.cache_clear()
    yield folder
    derived_store.code_key.cache_clear()


def _shown() -> list[object]:
    return [
        derived_store.opening_table("homeoffice", None, False),
        derived_store.answer(find_dataset("homeoffice"), FORCE, None),
        derived_store.stored_detail("homeoffice", None, FORCE),
    ]


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_an_edit_to_any_declared_input_means_no_stored_answer(reference: Path, name: str) -> None:
    assert all(_shown())  # nothing edited: every entry is used
    path = reference / name
    path.write_bytes(path.read_bytes().replace(b"e", b"E", 1))  # one letter of one title
    derived_store.code_key.cache_clear()
    assert _shown() == [None, None, None]


def test_the_stale_event_title_is_not_shown(reference: Path) -> None:
    stored = derived_store.stored_detail("homeoffice", None, FORCE)
    assert stored is not None
    assert any("National Statistics designation" in e.title for e in stored.detail.events)
    events = reference / "events.csv"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("National Statistics designation", "badge"), encoding="utf-8")
    derived_store.code_key.cache_clear()
    assert derived_store.stored_detail("homeoffice", None, FORCE) is None


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


def test_the_key_holds_no_code_bytes() -> None:
    """A comment or docstring edit in ``tui/model`` needs no rebuild: the key is the schema
    version, the Polars version and the reference files, nothing read from a ``.py`` file."""
    assert set(derived_store.code_key()) == {"schema", "polars", *REFERENCE_FILES}
