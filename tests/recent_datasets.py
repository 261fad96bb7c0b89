"""One fixture for the conftest files of the non-UI tests (``tests/cli``, ``tests/importing``,
``tests/unit``, ``tests/web``): the loader keeps more datasets at once in the test process.

The loader keeps the last ``RECENT_DATASETS`` (2) datasets it read and gives them again while
their file has the same SHA-256 (``tui/model/data/dataset.py``). ``ox datasets`` loads every
dataset, and these tests switch between the four bundled ones all the time, so at 2 each load
pushed out the one the next test wanted: the Home Office releases (0.3-0.4 s of CPU each) were
read again hundreds of times, about 15 s of these tests' 107 s of CPU. The key is the same (a
replaced or edited file is read again; ``tests/unit/test_dataset_reuse.py`` checks that, and
that only the last few are kept, at the loader's own number)."""

from __future__ import annotations

import pytest

KEPT_IN_TESTS = 6
"""The four bundled datasets and two of a test's own."""


@pytest.fixture(autouse=True)
def more_recent_datasets(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Raise the loader's ``RECENT_DATASETS`` for this test (not for ``test_dataset_reuse``,
    whose subject it is)."""
    if request.module.__name__.endswith("test_dataset_reuse"):
        return
    from tui.model.data import dataset

    monkeypatch.setattr(dataset, "RECENT_DATASETS", KEPT_IN_TESTS)
