"""A BibTeX entry's ``howpublished`` names the route the dataset's provenance gives (issue 20):
the NSPCC figures are "as stated on public NSPCC and press pages" (data/datasets.json, its
``route``), never "read from a third-party copy of the file", which is the Home Office
releases' route (a copy of the ODS in a third party's repository)."""

from __future__ import annotations

import json
import re

from tests.conftest import run_cli as run
from tui.paths import bundled_data_dir


def _route(name: str) -> str:
    data = json.loads((bundled_data_dir() / "datasets.json").read_text(encoding="utf-8"))
    return str(data[name]["route"])


def _howpublished(dataset: str) -> str:
    code, out, err = run("cite", "--dataset", dataset, "--format", "bibtex")
    assert code == 0, err
    found = re.search(r"howpublished = \{(.*)\},\n", out)
    assert found, out
    return found.group(1)


def test_the_nspcc_route_is_web_pages_not_a_copy_of_a_file() -> None:
    assert _route("nspcc").startswith("Figures as stated on public NSPCC and press pages")
    how = _howpublished("nspcc")
    assert "third-party copy" not in how, how
    assert "figures as stated on public NSPCC and press pages" in how, how


def test_a_home_office_release_still_says_it_came_by_a_copy() -> None:
    assert _route("homeoffice").startswith("Read from a third-party copy of the Home Office file")
    assert "figures read from a third-party copy of the file" in _howpublished("homeoffice")
