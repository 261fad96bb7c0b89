"""Devices, pipes and sockets are refused by what they are, before anything is read or opened.

Before: a ``.csv`` link to ``/dev/zero`` was read whole (MemoryError), ``/dev/urandom`` ran until
killed, a FIFO blocked for ever (Ctrl+C did nothing) and ``ox import <(cat file.csv)`` said the
file was empty (it was opened twice). Each runs in a subprocess with a time limit and a memory cap,
so a hang or a runaway read fails the test instead of blocking the suite.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.importing.conftest import GOOD, run, run_ox_batch, snapshot
from tui.model.importing import api as api_module
from tui.model.importing import store as store_module
from tui.model.importing.api import preview_file
from tui.model.importing.limits import MAX_FILE_BYTES

HO = GOOD / "ho_201718.csv"
Done = subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Done, Path]]:
    """``ox import`` of a link to /dev/zero, one to /dev/urandom and a FIFO, each with a data
    folder of its own, in one process with a time limit and its memory capped (``run_ox_batch``:
    a process each cost about 0.3 s of CPU to start): what -> (the path, what it did, its store)."""
    folder = tmp_path_factory.mktemp("non-regular")
    paths = {}
    for device in ("/dev/zero", "/dev/urandom"):
        link = folder / device.rsplit("/", 1)[1] / "figures.csv"
        link.parent.mkdir()
        link.symlink_to(device)
        paths[device] = link
    fifo = folder / "fifo" / "figures.csv"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    paths["fifo"] = fifo
    commands = {what: (path.parent / "data", ("import", str(path))) for what, path in paths.items()}
    done = run_ox_batch(commands, folder, timeout=30)
    return {
        what: (path, done[what], path.parent / "data" / "datasets") for what, path in paths.items()
    }


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_refused(
    device: str, refused: dict[str, tuple[Path, Done, Path]]
) -> None:
    link, done, store = refused[device]
    assert done.returncode == 2, done.stderr[-2000:]
    assert (
        f"figures.csv: {link} leads to a device (character special file), not a regular file; "
        "refusing to read it" in done.stderr
    )
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert snapshot(store) == {}


def test_a_fifo_is_refused_without_waiting_for_a_writer(
    refused: dict[str, tuple[Path, Done, Path]],
) -> None:
    fifo, done, store = refused["fifo"]
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"{fifo} is a pipe (FIFO), not a regular file; refusing to read it" in done.stderr
    assert "save the data to a file first" in done.stderr
    assert snapshot(store) == {}


def test_process_substitution_is_refused_with_advice_not_called_empty(store: Path) -> None:
    command = f'"{sys.executable}" -m tui import <(cat "{HO}") --name piped'
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert re.search(r"/dev/fd/\d+ leads to a pipe \(FIFO\), not a regular file", done.stderr)
    assert "empty" not in done.stderr
    assert snapshot(store) == {}


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        preview = preview_file(path)
    finally:
        server.close()
    assert not preview.ok
    assert (
        preview.problems[0].message
        == f"{path} is a socket, not a regular file; refusing to read it"
    )


def test_the_preview_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    """The TUI's import screen previews whatever path is typed, in a thread that must end."""
    fifo = tmp_path / "typed.ods"
    os.mkfifo(fifo)
    preview = preview_file(fifo)  # would block for ever if the file were opened
    assert not preview.ok and "is a pipe (FIFO)" in preview.problems[0].message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(HO.read_bytes())
    monkeypatch.setattr("tui.model.importing.source.MAX_FILE_BYTES", 100_000)
    preview = preview_file(big)
    assert not preview.ok
    assert preview.problems[0].message.startswith(
        "the file is 115.6 KiB; files over 97.7 KiB are refused"
    )
    assert MAX_FILE_BYTES == 1 << 30  # what the README states


# Ctrl+C ---------------------------------------------------------------------------------------


def _interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_while_reading_exits_130_with_a_message(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(existing)
    monkeypatch.setattr(api_module, "read_file", _interrupt)
    code, _out, err = run("import", str(HO), "--name", "new")
    assert code == 130
    assert err == "ox: interrupted before the import was committed: nothing was changed (new)\n"
    assert snapshot(existing) == before


def test_ctrl_c_while_writing_leaves_the_store_as_it_was(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(existing)
    monkeypatch.setattr(store_module, "write_parquet", _interrupt)
    code, _out, err = run("import", str(HO), "--name", "kept", "--replace")
    assert code == 130 and "Traceback" not in err
    assert snapshot(existing) == before


def test_sigint_to_a_running_import_exits_cleanly(tmp_path: Path, store: Path) -> None:
    """A real SIGINT (Ctrl+C) while the import runs: the child says when it is inside the
    import, waiting on its input (a condition to wait for, not a sleep), then gets the signal."""
    script = (
        "import sys\n"
        "from tui.cli.main import main\n"
        "sys.stdout.write('ready\\n'); sys.stdout.flush()\n"
        "import tui.model.importing.api as api\n"
        "real = api.read_file\n"
        "def slow(*a, **k):\n"
        "    sys.stdout.write('reading\\n'); sys.stdout.flush()\n"
        "    sys.stdin.readline()\n"
        "    return real(*a, **k)\n"
        "api.read_file = slow\n"
        f"raise SystemExit(main(['import', {str(HO)!r}, '--name', 'sig']))\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        assert child.stdout.readline() == "reading\n"  # inside the import, waiting
        child.send_signal(2)
        _out, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 130, err[-2000:]
    assert "ox: interrupted" in err and "Traceback" not in err
    assert snapshot(store) == {}
