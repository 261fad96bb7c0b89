"""``ox`` on a terminal whose encoding cannot hold "—" or "▲" (``LANG=C`` over SSH,
``PYTHONIOENCODING=ascii``): plain-ASCII stand-ins, never a ``UnicodeEncodeError`` traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from tui.cli.plain_stream import fitting


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "northamptonshire"),
        ("compare", "2016/17", "2017/18"),
        ("peers", "kent"),
        ("show", "kentt"),  # an error message with a suggestion
    ],
)
def test_an_ascii_terminal_gets_ascii_not_a_traceback(argv: tuple[str, ...]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "tui", *argv], capture_output=True, env=env, timeout=120
    )
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
    assert done.returncode == (2 if argv[-1] == "kentt" else 0), done.stderr
    assert done.stdout.isascii() and done.stderr.isascii()
    if argv == ("show", "northamptonshire"):
        # Northamptonshire code 86: 2016/17 = 248, 2017/18 = 60+61+71+77 = 269 (shared PRC rows)
        lines = done.stdout.decode().splitlines()
        assert any(line.startswith("|2016/17 |  248 |") for line in lines)
        assert any(line.startswith("|2017/18 |  269 |") for line in lines)
        assert "|2012/13 |   52 |     - |" in done.stdout.decode()  # "—" for no change, as "-"


def test_a_stream_that_holds_every_character_is_left_alone() -> None:
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert fitting(utf8) is utf8


def test_latin1_keeps_what_it_can_hold() -> None:
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1")
    out = fitting(latin)
    out.write("é — ▲ £\n")
    out.flush()
    assert raw.getvalue().decode("latin-1") == "é - ^ £\n"


@pytest.mark.parametrize(("encoding", "ascii_mode"), [("ascii", True), ("utf-8", None)])
def test_the_explorer_opens_in_ascii_mode_on_such_a_terminal(
    monkeypatch: pytest.MonkeyPatch, encoding: str, ascii_mode: bool | None
) -> None:
    import tui.app
    from tui import launcher

    made: dict[str, object] = {}

    class Ran:
        return_code = 0

        def run(self) -> None:
            pass

    def make_app(**kwargs: object) -> Ran:
        made.update(kwargs)
        return Ran()

    monkeypatch.setattr(tui.app, "make_app", make_app)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding=encoding))
    assert launcher.run_tui(launcher.NO_ARGUMENTS) == 0
    assert made["ascii_only"] is ascii_mode
