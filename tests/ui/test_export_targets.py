"""The export dialog replaces only a regular file (issue 19): as root, exporting to ``/dev/null``
and confirming replaced the device with a CSV file. A device, a named pipe, a socket, a folder or a
symbolic link is refused with what it is, at once and after a confirmation; an existing regular
file is named as one in the prompt."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from tests.ui.conftest import assert_running, settle, type_text
from tui.app import OffenceApp


def _device(tmp_path: Path) -> Path:
    """A character device (a copy of /dev/null's node when root may make one, else /dev/null,
    which the dialog must refuse without touching either way)."""
    if os.geteuid() == 0:
        node = tmp_path / "null"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return node
    return Path("/dev/null")


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
    return path


def _link(tmp_path: Path) -> Path:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me\n", encoding="utf-8")
    path = tmp_path / "link.csv"
    path.symlink_to(outside / "precious.txt")
    return path


def _dangling(tmp_path: Path) -> Path:
    path = tmp_path / "dangling.csv"
    path.symlink_to(tmp_path / "made-through-the-link.csv")
    return path


TARGETS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "device": (_device, "is a character device"),
    "fifo": (_fifo, "is a named pipe"),
    "socket": (_socket, "is a socket"),
    "link": (_link, "is a symbolic link"),
    "dangling link": (_dangling, "is a symbolic link"),
}


def _state(path: Path) -> tuple[int, int]:
    info = os.lstat(path)
    return info.st_mode, info.st_ino


async def _export_to(app: OffenceApp, pilot: object, path: Path) -> str:
    """In the open export dialog: the path, Enter, and Enter again (what confirmed the overwrite
    before); what the dialog then says."""
    app.screen.query_one("#export-path").value = str(path)  # type: ignore[attr-defined]
    for _ in range(2):
        await pilot.press("enter")  # type: ignore[attr-defined]
        await settle(pilot)  # type: ignore[arg-type]
    return str(app.screen.query_one("#export-message").render())


async def test_only_a_regular_file_is_replaced(app: OffenceApp, tmp_path: Path) -> None:
    """Each kind of target in turn, in one session and one dialog (a refusal leaves it open, with
    the path typed, for another name)."""
    targets = {kind: make(tmp_path) for kind, (make, _words) in TARGETS.items()}
    before = {kind: _state(target) for kind, target in targets.items()}
    regular = tmp_path / "old.csv"
    regular.write_text("a,b\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "kent")
        await pilot.press("down", "e")
        await settle(pilot)
        for kind, target in targets.items():
            message = await _export_to(app, pilot, target)
            assert TARGETS[kind][1] in message, (kind, message)
            assert "Choose another name" in message
            assert app.screen.id == "export-dialog"  # still open, the path kept
            assert app.screen.query_one("#export-path").value == str(target), kind  # type: ignore[attr-defined]
        message = await _export_to(app, pilot, tmp_path)
        assert "is a folder: add a file name" in message
        # A path with no file name to give a format's extension ("/", "."): choosing another
        # format leaves it as typed. (Found by a key storm: ValueError, and the app ended.)
        box = app.screen.query_one("#export-path", Input)
        for nameless in ("/", "."):
            box.value = nameless
            box.focus()
            await pilot.press("tab", "down", "space")  # to the formats, and the next one
            await settle(pilot)
            assert_running(app, f"another format for {nameless!r}")
            assert box.value == nameless
        box.focus()
        app.screen.query_one("#export-path").value = str(regular)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        message = str(app.screen.query_one("#export-message").render())
        assert "old.csv exists (a regular file of 4 bytes)" in message
        await pilot.press("enter")
        await settle(pilot)
    assert {kind: _state(target) for kind, target in targets.items()} == before
    assert not (tmp_path / "made-through-the-link.csv").exists()
    assert (tmp_path / "elsewhere" / "precious.txt").read_text() == "keep me\n"
    assert stat.S_ISREG(os.lstat(regular).st_mode)
    assert "Kent" in regular.read_text(encoding="utf-8")
