"""``ox`` on a terminal whose encoding cannot hold "—" or "▲" (``LANG=C`` over SSH,
``PYTHONIOENCODING=ascii``): plain-ASCII stand-ins, never a ``UnicodeEncodeError`` traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.plain_stream import fitting


def ascii_terminal(
    argv: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, bytes, bytes]:
    """``ox ARGV`` through its entry point (``tui.launcher.main``, as ``python -m tui``), in this
    process, with stdout and stderr as Python makes them under ``PYTHONIOENCODING=ascii``: (exit
    status, the bytes written to each). An exception (``UnicodeEncodeError``) fails the test."""
    from tui.launcher import main

    streams = [io.BytesIO(), io.BytesIO()]
    for name, raw in zip(("stdout", "stderr"), streams, strict=True):
        wrapper = io.TextIOWrapper(raw, encoding="ascii", errors="strict", write_through=True)
        monkeypatch.setattr(sys, name, wrapper)
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, streams[0].getvalue(), streams[1].getvalue()


def test_an_ascii_terminal_gets_ascii_not_a_traceback_in_a_real_process() -> None:
    """One real process with ``PYTHONIOENCODING=ascii``, as a user's terminal sets it (the other
    commands: in this process with the same streams, below)."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "show", "northamptonshire"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii() and done.stderr.isascii()
    # Northamptonshire code 86: 2016/17 = 248, 2017/18 = 60+61+71+77 = 269 (shared PRC rows)
    lines = done.stdout.decode().splitlines()
    assert any(line.startswith("|2016/17 |  248 |") for line in lines)
    assert any(line.startswith("|2017/18 |  269 |") for line in lines)
    assert "|2012/13 |   52 |     - |" in done.stdout.decode()  # "—" for no change, as "-"


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "northamptonshire"),
        ("compare", "2016/17", "2017/18"),
        ("peers", "kent"),
        ("show", "kentt"),  # an error message with a suggestion
    ],
)
def test_an_ascii_terminal_gets_ascii_not_a_traceback(
    argv: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = ascii_terminal(argv, monkeypatch)
    assert code == (2 if argv[-1] == "kentt" else 0), err
    assert out.isascii() and err.isascii()
    if code == 0:
        assert out.strip(), argv
    else:
        assert err == (
            b"ox: error: unknown force 'kentt'; did you mean: Kent? (list them with 'ox forces')\n"
        )
    if argv == ("show", "northamptonshire"):
        assert b"|2017/18 |  269 |" in out and b"|2012/13 |   52 |     - |" in out


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


@pytest.mark.parametrize(("encoding", "plain"), [("ascii", True), ("utf-8", False)])
def test_the_explorer_opens_in_ascii_mode_on_such_a_terminal(
    monkeypatch: pytest.MonkeyPatch, encoding: str, plain: bool
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
    assert made["plain_terminal"] is plain and made["ascii_only"] is None


async def test_ascii_for_such_a_terminal_is_not_saved_as_a_choice(tmp_path: Path) -> None:
    """ASCII because the terminal could not show more is not the next UTF-8 start's setting;
    ``A`` pressed there is the user's choice, and is."""
    from tests.ui.conftest import settle, wait_for
    from tui.app import make_app
    from tui.config import load_settings

    file = tmp_path / "settings.json"
    app = make_app(settings_file=file, plain_terminal=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.settings.ascii
        await wait_for(pilot, lambda: file.exists(), "the settings saved after the load")
    assert load_settings(file)[0].ascii is False
    app = make_app(settings_file=file, plain_terminal=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "A", "A")  # off, then on again: now chosen
        await settle(pilot)
        assert app.settings.ascii
    assert load_settings(file)[0].ascii is True
