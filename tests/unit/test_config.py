"""Settings file handling: nothing the user had is lost, and each bad field is reported by name."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from tui.config import MAP_FIELDS, SCALAR_FIELDS, Settings, load_settings, save_settings


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


def kept_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".bad*"))


def test_every_field_is_validated() -> None:
    assert {f.name for f in fields(Settings)} == set(SCALAR_FIELDS) | set(MAP_FIELDS)


def test_two_corruptions_in_a_row_keep_both_files(path: Path) -> None:
    path.write_text("{ first", encoding="utf-8")
    settings, first_message = load_settings(path)
    assert settings == Settings()
    path.write_text("{ second", encoding="utf-8")
    _, second_message = load_settings(path)

    aside = kept_aside(path)
    assert [p.read_text(encoding="utf-8") for p in aside] == ["{ first", "{ second"]
    assert not path.exists()
    # Each message names the exact file its content went to.
    assert first_message is not None and second_message is not None
    assert f"kept as {aside[0]}." in first_message
    assert f"kept as {aside[1]}." in second_message


def test_aside_name_is_timestamped(path: Path) -> None:
    path.write_text("[1, 2]", encoding="utf-8")
    _, message = load_settings(path)
    (aside,) = kept_aside(path)
    assert aside.name.startswith("settings.json.bad-20") and "T" in aside.name
    assert message is not None and "does not hold a JSON object" in message


def test_ascii_no_is_reported_and_ascii_stays_off(path: Path) -> None:
    path.write_text(json.dumps({"ascii": "no"}), encoding="utf-8")
    settings, message = load_settings(path)
    assert settings.ascii is False
    assert message is not None
    assert str(path) in message
    assert '"ascii" should be true or false, not "no"' in message


def test_a_valid_field_next_to_a_bad_one_is_kept(path: Path) -> None:
    raw = {
        "theme": "textual-light",
        "view": "grid",
        "include_national": 1,
        "offences": {"homeoffice": "86", "nspcc": 7},
        "keymap": ["compare"],
        "colour": "blue",
    }
    path.write_text(json.dumps(raw), encoding="utf-8")
    settings, message = load_settings(path)
    assert settings == Settings(theme="textual-light", offences={"homeoffice": "86"})
    assert message is not None
    for named in ('"view"', '"grid"', '"include_national"', '"offences"."nspcc"', '"keymap"'):
        assert named in message
    assert 'unknown setting "colour"' in message
    # Reading never rewrites or moves the file.
    assert json.loads(path.read_text(encoding="utf-8")) == raw
    assert kept_aside(path) == []


def test_a_clean_file_loads_without_a_message(path: Path) -> None:
    wanted = Settings(dataset="nspcc", view="compare", ascii=True, keymap={"compare": "m"})
    assert save_settings(wanted, path) is None
    assert load_settings(path) == (wanted, None)
    assert save_settings(wanted, path) is None
    assert kept_aside(path) == []


def test_saving_over_a_file_with_a_bad_field_keeps_the_original(path: Path) -> None:
    original = json.dumps({"ascii": "no", "theme": "textual-light"})
    path.write_text(original, encoding="utf-8")
    settings, _ = load_settings(path)
    message = save_settings(settings, path)

    (aside,) = kept_aside(path)
    assert aside.read_text(encoding="utf-8") == original
    assert message is not None and f"kept as {aside}" in message
    assert load_settings(path) == (Settings(theme="textual-light"), None)


def test_nothing_is_saved_when_a_bad_file_cannot_be_kept(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.write_text("{ corrupt", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.config.os.replace", refuse)
    _, load_message = load_settings(path)
    message = save_settings(Settings(), path)
    assert load_message is not None and "left as is" in load_message
    assert message is not None and message.startswith("Did not save settings")
    assert path.read_text(encoding="utf-8") == "{ corrupt"
    assert kept_aside(path) == []


def test_ascii_on_the_command_line_is_for_that_run(tmp_path: Path) -> None:
    """``ox --ascii`` once must not make every later ``ox`` plain ASCII (the new-user trial: a
    plain ``ox`` at 120×40 opened in ASCII after one ``--ascii``); A is a choice, and is kept."""
    from tui.preferences import Preferences

    file = tmp_path / "settings.json"
    prefs = Preferences.load(file, ascii_only=True)
    assert prefs.settings.ascii
    prefs.save()
    assert not Preferences.load(file).settings.ascii
    prefs = Preferences.load(file, ascii_only=True)
    prefs.change(ascii=False)
    prefs.change(ascii=True)  # A pressed twice: ASCII chosen
    prefs.save()
    assert Preferences.load(file).settings.ascii
    prefs = Preferences.load(file, ascii_only=False)  # saved ASCII, turned off for one run
    assert not prefs.settings.ascii
    prefs.save()
    assert Preferences.load(file).settings.ascii
