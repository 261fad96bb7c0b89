"""The app is one class: no mixins stubbing each other, every key the app keeps for once the data is
loaded names one of its actions, and every view follows the app's ``view_context`` (set one way)."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.app import App

from tui.app import OffenceApp
from tui.before_data import NEEDS_DATA
from tui.screens.base import ExplorerScreen

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_is_one_class_without_mixins() -> None:
    ours = [c for c in OffenceApp.__mro__ if c.__module__.startswith("tui")]
    assert ours == [OffenceApp]
    assert OffenceApp.__mro__[1] is App


def test_no_stub_raises_not_implemented_in_the_app() -> None:
    for path in (ROOT / "tui").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        raised = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Raise) and "NotImplementedError" in ast.unparse(n)
        ]
        assert raised == [], path.name


def test_every_action_kept_for_the_data_is_an_action_of_the_app() -> None:
    bound = {b.action for b in OffenceApp.BINDINGS}  # type: ignore[union-attr]
    assert set(NEEDS_DATA) <= bound
    for name in NEEDS_DATA:
        assert callable(getattr(OffenceApp, f"action_{name}", None)), name


def test_a_view_takes_a_new_context_and_a_measure_alone_without_a_new_query() -> None:
    """The app sets ``view_context``; a view given one that differs only in the measure shows
    the measure (no query), any other difference is a new context."""
    from dataclasses import replace

    from tui.screens.base import ViewContext

    class View(ExplorerScreen):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[str] = []

        @property
        def closed_early(self) -> bool:
            return False

        def set_context(self, context: ViewContext) -> None:
            self.calls.append("context")
            super().set_context(context)

        def show_measure(self, measure: str) -> None:
            self.calls.append(f"measure {measure}")
            super().show_measure(measure)

    view = View()
    first = ViewContext(data=object(), selection=object())  # type: ignore[arg-type]
    view._context_changed(first)
    view._context_changed(first)  # the same: nothing to do
    view._context_changed(replace(first, measure="rate"))
    view._context_changed(replace(first, measure="rate", ascii_only=True))
    assert view.calls == ["context", "measure rate", "context"]
    assert view.context == replace(first, measure="rate", ascii_only=True)
