"""Check the shipped answer books (data/NAME.answers.json.gz, the derived-data store's files of the
bundled datasets) by content: every entry is computed again by tui/model and compared.

A shipped file is trusted when its key matches (the data, the reference files, SCHEMA_VERSION,
Polars), not on the bytes of tui/model; this check (``make check-books``, run by CI after the
tests) catches a change to what the model computes made without a SCHEMA_VERSION bump. ``make
test`` checks a sample of forces (tests/cli/test_answer_book.py). Exit 1 on any difference.
"""

from __future__ import annotations

import sys

from tui.model.data.catalogue import bundled_datasets
from tui.model.data.dataset import load_dataset
from tui.model.store.derived_build import differences
from tui.model.store.derived_store import shipped_file


def main() -> int:
    found: list[str] = []
    for info in bundled_datasets():
        found += differences(load_dataset(info.name), shipped_file(info))
        print(f"{info.name}: checked", flush=True)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(
            "bump SCHEMA_VERSION (tui/model/store/derived_store.py) and run 'make answers'",
            file=sys.stderr,
        )
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
