"""``make soak``: the monkey types fresh random sequences at the app for a given time.

    SOAK_SECONDS  how long to type (default 300)
    SOAK_SEED     the seed (default: the commit hash, so each commit types other keys)
    SOAK_EXAMPLE  play only this sequence of the seed (to reproduce a crash)

Every sequence is drawn from ``random.Random(f"{seed}:{n}")``: the seed and the sequence number
give the same keys anywhere. After a crash the monkey starts a fresh app and types on, so one run
finds every kind of crash it can; each kind is printed once, with its first sequence (ready to
paste into ``REGRESSIONS`` in ``tests/ui/test_monkey.py``), size and seed. Exits 1 on any crash.
The app runs in a temporary folder with its own settings, datasets and cache, as in the tests.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.ui.monkey import Crash

DEFAULT_SECONDS = 300.0
SPECIAL = ("resize", "load", "themes", "restart", "+", "paste")


def default_seed() -> str:
    """The commit's hash (short), else the time."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return str(int(time.time()))


def isolate(folder: Path) -> None:
    """Settings, datasets and caches in ``folder``; exports and imports start there too."""
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"OFFENCE_EXPLORER_{name}_DIR"] = str(folder / name.lower())
    os.environ.pop("NO_COLOR", None)
    os.chdir(folder)


def main() -> int:
    seconds = float(os.environ.get("SOAK_SECONDS") or DEFAULT_SECONDS)
    seed = os.environ.get("SOAK_SEED") or default_seed()
    only = os.environ.get("SOAK_EXAMPLE")
    print(f"soak: seed {seed}, {seconds:.0f} s. Reproduce: make soak SOAK_SEED={seed}", flush=True)
    with tempfile.TemporaryDirectory(prefix="ox-soak-") as tmp:
        isolate(Path(tmp))
        return soak(seed, seconds, int(only) if only else None)


def soak(seed: str, seconds: float, only: int | None) -> int:
    from textual.app import App

    from tests.ui.hostile_dataset import write_hostile
    from tests.ui.monkey import DATASETS, Crash, Monkey, random_sequence
    from tests.ui.mouse import MOUSE

    # Textual prints each crash's traceback with every local when the app ends (pages each):
    # the report below prints the lines that matter.
    App._print_error_renderables = lambda self: None  # type: ignore[method-assign]

    store = Path(os.environ["OFFENCE_EXPLORER_DATA_DIR"]) / "datasets"
    write_hostile(store)
    monkey = Monkey(store, Path(os.environ["OFFENCE_EXPLORER_CONFIG_DIR"]) / "settings.json")
    crashes: dict[str, tuple[int, Crash]] = {}
    seen: Counter[str] = Counter()
    messages: dict[str, set[str]] = {}
    kinds: Counter[str] = Counter()
    heights: list[int] = []
    widths: list[int] = []
    start = time.monotonic()
    examples = [only] if only is not None else None
    n = -1
    while True:
        n += 1
        if examples is not None:
            if n >= len(examples):
                break
            number = examples[n]
        else:
            number = n
            if time.monotonic() - start > seconds:
                break
        dataset = DATASETS[(number // 8) % len(DATASETS)]  # a few sequences per load
        seq = random_sequence(random.Random(f"{seed}:{number}"))
        for step in seq:
            kinds[step[0] if step[0] in (*SPECIAL, *MOUSE) else "keys"] += 1
            if step[0] == "resize":
                widths.append(int(step[1]))
                heights.append(int(step[2]))
        try:
            monkey.play(dataset, seq)
        except Crash as crash:
            seen[crash.signature] += 1
            messages.setdefault(crash.signature, set()).add(str(crash.error).split(";")[0][:90])
            if crash.signature not in crashes:
                crashes[crash.signature] = (number, crash)
                report(seed, number, crash)
        except Exception as failure:  # noqa: BLE001 - raised outside the app (its reset): go on
            seen[f"reset: {type(failure).__name__}"] += 1
            print(f"sequence {number}: reset failed: {type(failure).__name__}: {failure}")
            monkey.loop.run_until_complete(monkey._stop())  # a fresh app for the next one
    monkey.close()
    elapsed = time.monotonic() - start
    print(
        f"\nsoak: seed {seed}: {monkey.played} sequences, {monkey.keys} keys in {elapsed:.0f} s; "
        f"steps {dict(kinds)}; sizes {min(widths, default=0)}-{max(widths, default=0)} x "
        f"{min(heights, default=0)}-{max(heights, default=0)} "
        f"({sum(h <= 9 for h in heights)} resizes to 9 rows or fewer)"
    )
    if not crashes and not seen:
        print("soak: no crash")
        return 0
    print(f"soak: {len(crashes)} kind(s) of crash, {sum(seen.values())} crashing sequence(s):")
    for signature, count in seen.most_common():
        first = crashes.get(signature)
        where = f" (first: sequence {first[0]})" if first else ""
        print(f"  {count} × {signature}{where}")
        for message in sorted(messages.get(signature, ())):
            print(f"      {message}")
    return 1


def report(seed: str, number: int, crash: Crash) -> None:
    """One crash, as the keys, size and seed that reproduce it, and where it was raised."""
    error = crash.error
    frames = traceback.extract_tb(error.__traceback__)[-4:] if error is not None else []
    where = "".join(f"\n    {f.filename}:{f.lineno} in {f.name}: {f.line}" for f in frames)
    print(
        f"\nCRASH {crash.signature}\n"
        f"  sequence {number} of seed {seed} on {crash.dataset}, at {crash.size}\n"
        f"  {type(error).__name__}: {error}{where}\n"
        f"  REGRESSIONS entry: ({crash.dataset!r}, {crash.steps!r}),\n"
        f"  reproduce: make soak SOAK_SEED={seed} SOAK_EXAMPLE={number}",
        flush=True,
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
