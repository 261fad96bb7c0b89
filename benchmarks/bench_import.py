"""Import benchmark: the bundled Home Office table written as a Home Office CSV, imported, opened.

Run with ``python benchmarks/bench.py import`` or ``python benchmarks/bench_import.py``. Targets:
the import under 3 s on a 2-core machine, and the imported dataset opening as fast as the bundled
one.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench import stats  # noqa: E402
from tui.model.importing.layouts import HOMEOFFICE_COLUMNS  # noqa: E402

# The Home Office headers the importer knows, with our "period" (e.g. 2017/18) as the year.
HEADERS = {("period" if k == "year" else k): v for k, v in HOMEOFFICE_COLUMNS.items()}


def export_homeoffice_csv(target: Path) -> int:
    """Write the bundled table in the Home Office layout (untimed); return its rows."""
    import polars as pl

    frame = pl.read_parquet(ROOT / "data" / "homeoffice.parquet")
    frame.select([pl.col(c).alias(h) for c, h in HEADERS.items()]).write_csv(target)
    return frame.height


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def run(repeat: int = 5) -> None:
    """Print import and open times (median, worst, best)."""
    from tui.model.data.dataset import load_dataset
    from tui.model.importing.api import import_file, preview_file

    print("Import (ox import of the bundled Home Office table as CSV):")
    previous = os.environ.get("OFFENCE_EXPLORER_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["OFFENCE_EXPLORER_DATA_DIR"] = str(Path(tmp) / "data")
        try:
            source = Path(tmp) / "homeoffice_export.csv"
            rows = export_homeoffice_csv(source)
            print(f"  file: {rows:,} rows, {source.stat().st_size / 1e6:.1f} MB")
            results = []

            def once() -> None:
                results.append(import_file(source, name="bench", replace=True))

            stats("import_file (read, check, clean, write)", _timed(once, repeat))
            assert results[-1].rows == rows, results[-1]
            stats(
                "preview_file (read and check only)", _timed(lambda: preview_file(source), repeat)
            )
            # A quoted cell over two lines needs the records joined; old Mac line endings (CR
            # only) send the file to the careful standard-library reader: the slowest valid case.
            text = source.read_text(encoding="utf-8")
            multiline = Path(tmp) / "homeoffice_multiline.csv"
            first = text.replace("Obscene publications etc", '"Obscene publications\netc"', 1)
            multiline.write_text(first, encoding="utf-8")
            mac = Path(tmp) / "homeoffice_mac.csv"
            mac.write_bytes(text.replace("\n", "\r").encode("utf-8"))
            for label, path in (("a cell over two lines", multiline), ("CR line endings", mac)):
                samples = _timed(lambda p=path: import_file(p, name="bench2", replace=True), 3)
                stats(f"import_file, {label}", samples)
            stats(
                "load_dataset('bench') (imported)",
                _timed(lambda: load_dataset("bench"), repeat * 4),
            )
            stats(
                "load_dataset('homeoffice') (bundled)",
                _timed(lambda: load_dataset("homeoffice"), repeat * 4),
            )
            size = Path(results[-1].path).stat().st_size
            bundled = (ROOT / "data" / "homeoffice.parquet").stat().st_size
            print(f"  parquet size: imported {size / 1e6:.1f} MB, bundled {bundled / 1e6:.1f} MB")
        finally:
            if previous is None:
                os.environ.pop("OFFENCE_EXPLORER_DATA_DIR", None)
            else:
                os.environ["OFFENCE_EXPLORER_DATA_DIR"] = previous


if __name__ == "__main__":
    run()
