"""``ox serve`` on the command line: safe by default, a clear word without the extra, and the
lookups never load the web server (issue 23)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.web import access
from tui.web.server import OxServer

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[OxServer]:
    """Servers ``ox serve`` would have started (their ``serve`` recorded, not run)."""
    servers: list[OxServer] = []
    monkeypatch.setattr(OxServer, "serve", lambda self, debug=False: servers.append(self))
    return servers


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_a_host_other_than_this_machine_is_refused_naming_the_risk(
    host: str, started: list[OxServer]
) -> None:
    code, _, err = run("serve", "--host", host)
    assert code == 2 and not started
    assert "anyone who can reach" in err and "--public" in err and "ssh -L" in err


def test_by_default_it_listens_on_loopback_read_only_without_a_token(
    started: list[OxServer],
) -> None:
    code, _, err = run("serve")
    assert (code, err) == (0, "")
    (server,) = started
    assert (server.host, server.port, server.max_sessions, server.token) == (
        "127.0.0.1",
        8000,
        4,
        None,
    )
    assert server.app_argv[1:5] == ("-m", "tui.web.session_app", "--dataset", "homeoffice")
    assert "--allow-import" not in server.app_argv
    assert "homeoffice" in server.title  # the page's title names the dataset
    assert "read-only" in server.banner and "ssh -L 8000:localhost:8000" in server.banner


def test_public_prints_a_link_with_a_random_token(started: list[OxServer]) -> None:
    code, _, _ = run("serve", "--host", "0.0.0.0", "--public", "--port", "9000", "--allow-import")
    assert code == 0
    (server,) = started
    assert server.token and len(server.token) >= 32
    assert f":9000/?token={server.token}" in server.banner
    assert "--allow-import" in server.app_argv and "imports and dataset removal are ON" in (
        server.banner
    )
    run("serve", "--public")
    assert started[1].token != server.token  # a new token each time


def test_public_url_is_the_link_printed(started: list[OxServer]) -> None:
    run("serve", "--public-url", "https://ox.example.org/explorer/", "--max-sessions", "2")
    (server,) = started
    assert "https://ox.example.org/explorer/" in server.banner and server.max_sessions == 2


@pytest.mark.parametrize(
    "argv",
    [("--port", "0"), ("--port", "70000"), ("--max-sessions", "0"), ("--max-sessions", "x")],
)
def test_bad_numbers_are_usage_errors(argv: tuple[str, ...], started: list[OxServer]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run("serve", *argv)
    assert exit_.value.code == 2 and not started


def test_an_unknown_dataset_is_refused_before_serving(started: list[OxServer]) -> None:
    code, _, err = run("serve", "--dataset", "nosuch")
    assert code == 2 and "nosuch" in err and not started


def test_without_the_web_extra_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tui.web.server", None)  # as if aiohttp were missing
    code, _, err = run("serve")
    assert code == 2
    assert "pip install 'offence-explorer[web]'" in err


# That the lookups never load the web server (aiohttp, textual-serve, tui.web.server) is checked
# in the process that runs them to check they import no Textual:
# tests/unit/test_import_hygiene.py, test_cli_lookups_do_not_import_textual.


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.5.6.7", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("app.localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("localhost.example.org", False),
        ("", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert access.is_loopback(host) is loopback


def test_host_and_origin_checks() -> None:
    assert access.host_allowed("localhost:9999")  # a tunnel to another port
    assert access.host_allowed("127.0.0.1:8000") and access.host_allowed("[::1]:8000")
    assert not access.host_allowed("evil.example:8000")  # DNS rebinding
    assert not access.host_allowed(None)
    assert access.host_allowed("ox.example.org", "https://ox.example.org/explorer/")
    assert access.origin_allowed("http://localhost:9999", "localhost:9999")
    assert not access.origin_allowed("http://evil.example", "localhost:8000")
    assert not access.origin_allowed("http://localhost:8001", "localhost:8000")
    assert not access.origin_allowed("null", "localhost:8000")
    assert access.origin_allowed(None, "localhost:8000")  # not a browser's page
    proxy = "https://ox.example.org/explorer/"  # a proxy that rewrites Host
    assert access.origin_allowed("https://ox.example.org", "127.0.0.1:8000", proxy)
    assert not access.origin_allowed("http://ox.example.org", "127.0.0.1:8000", proxy)
    assert access.token_matches("abc", "abc") and not access.token_matches("abd", "abc")
    assert not access.token_matches(None, "abc")
