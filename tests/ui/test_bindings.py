"""Every binding has an id (so it can be remapped) and keys avoid swallowed ctrl-combinations."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from tests.ui.conftest import settle
from tui import screens, widgets
from tui.app import OffenceApp, make_app
from tui.screens.compare import CompareScreen


def our_classes() -> list[type[DOMNode]]:
    """The app and every screen and widget class defined in ``tui`` (every module imported)."""
    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(info.name)
    found: dict[type[DOMNode], None] = {OffenceApp: None}
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("tui."):
                found[sub] = None
    return list(found)


def all_bindings() -> list[tuple[type[DOMNode], Binding]]:
    """Every binding a class of ours declares itself (not those it inherits)."""
    found = []
    for cls in our_classes():
        for b in cls.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding):
                found.append((cls, b))
    return found


def bound_method(cls: type[DOMNode], action: str) -> Callable[..., object] | None:
    """The method an action string runs when its binding is on ``cls``: ``"app.x"`` on the app,
    ``"screen.x"`` on the screen (any screen of ours that has it), ``"x"`` on ``cls`` itself."""
    namespace, _, name = re.sub(r"\(.*\)$", "", action).rpartition(".")
    method_name = f"action_{name}"
    if namespace == "app":
        return getattr(OffenceApp, method_name, None)
    if namespace == "screen":
        hosts = [c for c in our_classes() if issubclass(c, Screen)]
        hosts += [cls] if issubclass(cls, Screen) else []
        return next((getattr(c, method_name) for c in hosts if hasattr(c, method_name)), None)
    assert namespace == "", f"{cls.__name__}: unknown namespace in {action!r}"
    return getattr(cls, method_name, None)


def test_every_binding_names_an_action_that_exists_with_those_arguments() -> None:
    """A binding whose action is misspelt, or whose arguments the action does not take, does
    nothing (or raises) when its key is pressed; this finds it without pressing anything."""
    wrong = []
    for cls, binding in all_bindings():
        method = bound_method(cls, binding.action)
        if method is None:
            wrong.append(f"{cls.__name__} {binding.key!r}: no action for {binding.action!r}")
            continue
        arguments = re.search(r"\((.*)\)$", binding.action)
        args = ast.literal_eval(f"({arguments.group(1)},)") if arguments else ()
        try:
            inspect.signature(method).bind(None, *args)  # None stands for self
        except TypeError as error:
            wrong.append(f"{cls.__name__} {binding.key!r}: {binding.action!r}: {error}")
    assert wrong == []


def test_every_binding_has_a_unique_id() -> None:
    bindings = all_bindings()
    assert len(bindings) > 40
    missing = [(name, b.key) for name, b in bindings if not b.id]
    assert missing == []
    ids = [b.id for _, b in bindings]
    assert len(ids) == len(set(ids))


def test_no_ctrl_keys_of_our_own() -> None:
    assert [b.key for _, b in all_bindings() if "ctrl+" in b.key] == []


async def test_keymap_from_settings_remaps_a_key(settings_file: Path) -> None:
    settings_file.write_text(json.dumps({"keymap": {"compare": "M"}}), encoding="utf-8")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
