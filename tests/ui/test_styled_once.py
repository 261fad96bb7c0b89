"""A screen that opens is styled once (``tui/screens/styled_once.py``): the second pass Textual
makes as a new screen shows is skipped, so it must be one that would change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen

from tests.ui.conftest import settle, type_text
from tui.app import OffenceApp
from tui.screens.detail import ForceDetailScreen
from tui.screens.styled_once import SIBLING_PSEUDO_CLASSES

VIEWS = (("kent detail", ("/", "enter")), ("compare", ("escape", "v")), ("map", ("escape", "M")))
"""Views opened from the Forces table, each after closing the one before (keys after typing)."""


def styles_of(screen: Screen[Any]) -> list[tuple[str, dict[str, object]]]:
    """Every node's styles from the stylesheet, and each of its components' (as drawn)."""
    found: list[tuple[str, dict[str, object]]] = []
    for node in screen.walk_children(with_self=True):
        found.append((repr(node), dict(node._css_styles.get_rules())))
        for name, styles in sorted(node._component_styles.items()):
            found.append((f"{node!r} .{name}", dict(styles.get_rules())))
    return found


async def test_each_view_has_the_styles_a_second_pass_would_give_and_no_sibling_rule(
    app: OffenceApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[DOMNode] = []
    real = Stylesheet.update_nodes

    def counted(sheet: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(n for n in nodes if isinstance(n, Screen))
        real(sheet, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        screens: list[Screen[Any]] = [app.screen]
        for name, keys in VIEWS:
            await pilot.press(keys[0])
            await settle(pilot)
            if name == "kent detail":
                await type_text(pilot, "kent")
            await pilot.press(*keys[1:])
            await settle(pilot)
            screens.append(app.screen)
            assert app.screen not in restyled, f"{name}: restyled as a whole as it showed"
            shown = styles_of(app.screen)
            app.stylesheet.update(app.screen)  # the pass that was skipped
            assert styles_of(app.screen) == shown, f"{name}: a second pass changes its styles"
        assert isinstance(screens[1], ForceDetailScreen)
        assert len({type(s) for s in screens}) == len(screens)
        # No rule of the stylesheet (the app's and every Textual widget's it has loaded) depends
        # on a widget's place among its siblings: a second pass could not change a style.
        for rule in app.stylesheet.rules:
            for selector_set in rule.selector_set:
                for selector in selector_set.selectors:
                    assert not selector.pseudo_classes & SIBLING_PSEUDO_CLASSES, rule.css
