"""Every runnable ``ox …`` example in the README runs from a clean clone (issue 20: examples
named files that are not in the checkout, and failed for a new user).

The examples are read from the README's ``sh`` blocks, so a new one is tested as soon as it is
written. An example that needs a file the user brings (their own ``foi.csv``) is listed in
:data:`NEEDS_A_FILE` with the reason, and the test checks that the file is indeed not one the
checkout has, so the list cannot hide an example that should run.
"""

from __future__ import annotations

import functools
import io
import re
import shlex
from pathlib import Path

import pytest

from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

NEEDS_A_FILE = {
    "ox import prc-pfa-mar2013-onwards-tables-191023.ods": "the user's download from gov.uk",
    "ox import foi.csv": "the user's own FOI answers",
    "ox import newer.ods": "a release the user downloads later",
    "ox import newer.parquet": "a release the user downloads later",
    "ox import file.xlsx": "any file of the user's",
}
"""Examples (by their start) that import a file the user brings: not in the checkout."""
AFTER_AN_IMPORT = {
    "ox datasets remove foi2024": "ox import foi.csv",
}
"""Examples that use what an example above imported (by their start → that example's start)."""
SERVES = {
    "ox serve": "a server that runs until Ctrl+C: tests/web start it in-process and end it",
}
"""Examples that run until stopped: tested elsewhere, never here."""


def readme_examples() -> list[str]:
    """The ``ox`` command lines of the README's ``sh`` blocks, comments removed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        block = re.sub(r"\\\n\s*", " ", block)  # a command continued on the next line
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command.startswith("ox "):
                found.append(command)
    return found


def _marked(command: str, marks: dict[str, str]) -> str | None:
    return next((m for m in marks if command.startswith(m)), None)


def test_the_readme_has_examples() -> None:
    assert len(readme_examples()) >= 30


def test_examples_marked_as_needing_a_file_name_one_the_checkout_lacks() -> None:
    tracked = {p.name for p in ROOT.rglob("*") if ".venv" not in p.parts and ".git" not in p.parts}
    for command in readme_examples():
        mark = _marked(command, NEEDS_A_FILE)
        if mark is not None:
            name = shlex.split(command)[2]
            assert name not in tracked, f"{name} is in the checkout: run '{command}'"
        after = _marked(command, AFTER_AN_IMPORT)
        if after is not None:
            assert any(c.startswith(AFTER_AN_IMPORT[after]) for c in readme_examples())


RUNNABLE = [
    c
    for c in readme_examples()
    if _marked(c, NEEDS_A_FILE) is None
    and _marked(c, AFTER_AN_IMPORT) is None
    and _marked(c, SERVES) is None
]


@functools.lru_cache(maxsize=None)
def ran(command: str) -> tuple[int, str, str]:
    """``command`` run (status, stdout, stderr): once per module, its output read by every test
    that reads it (the like-for-like examples are also run as examples)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(shlex.split(command)[1:], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", RUNNABLE)
def test_example_runs(command: str) -> None:
    code, out, err = ran(command)
    assert code == 0, f"{command}\n{err}"
    assert out.strip(), command


def test_like_for_like_examples_compare_a_partial_year() -> None:
    """``ox compare 2022/23 2023/24 --like-for-like`` compared two whole years of the default
    dataset (the 2026 release has 2023/24 whole): the option did nothing there. An example of
    it compares a partial year with the same quarters of the other."""
    examples = [c for c in readme_examples() if "--like-for-like" in c]
    assert examples
    for command in examples:
        code, out, err = ran(command)
        assert code == 0, err
        heading = out.splitlines()[0]
        assert re.search(r"Q\d.* (vs|to) .*Q\d", heading), f"{command}: {heading}"  # compare, map
