"""The key bar at the foot of every view: the keys bound where the focus is, in one widget.

It shows what Textual's ``Footer`` shows, as it shows it: each key that the bindings mark to
show (one per action), dimmed when its action is disabled, and the command palette's key at the
right edge. A key that does not fit whole is left out, and so is every key after it (at 80
columns the last key was cut, "q Qui"); every key is in the help (``?``) and the palette.

One widget draws the whole line. Textual's footer is a container of one widget per key: a dozen
widgets on every view, about half of all the widgets a view has, each styled, laid out and
mounted again whenever a view opened or the keys changed. With the keys drawn as one line,
opening a force's detail and going back costs about a fifth less, Compare or the map about a
third less (issue 22). When the screen says its
bindings may have changed (a focus change, a screen pushed or popped), the bar works out what it
would show and repaints only if that differs.

A click on a key presses it, as on Textual's footer; hovering over a key highlights it and
shows its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class BarKey:
    """One key as the bar shows it."""

    key: str
    """The key pressed when it is clicked (as bound)."""
    display: str
    """The key as shown (``app.get_key_display``)."""
    description: str
    enabled: bool
    tooltip: str


PALETTE_EDGE = "▏"
"""Drawn between the keys and the palette's key (ASCII mode's filter draws it as ``|``)."""


def key_parts(key: BarKey) -> tuple[str, str]:
    """A key as drawn: `` key `` and ``description `` (the key padded on both sides)."""
    return f" {key.display} ", f"{key.description} "


def palette_parts(key: BarKey) -> tuple[str, str]:
    """The palette's key as drawn after the edge, compact as Textual draws it: ``key`` and
    `` description`` (a blank follows)."""
    return key.display, f" {key.description}"


def key_width(key: BarKey) -> int:
    """Cells a key takes."""
    return sum(cell_len(part) for part in key_parts(key))


def palette_width(key: BarKey) -> int:
    """Cells the palette's key takes, with the edge before it and the blank after it."""
    return len(PALETTE_EDGE) + sum(cell_len(part) for part in palette_parts(key)) + 1


def keys_that_fit(keys: tuple[BarKey, ...], width: int) -> int:
    """How many of ``keys``, from the first, fit whole in ``width`` cells."""
    used = 0
    for count, key in enumerate(keys):
        used += key_width(key)
        if used > width:
            return count
    return len(keys)


def bar_keys(screen: Screen[object]) -> tuple[tuple[BarKey, ...], BarKey | None]:
    """The keys ``screen`` shows in its bar (one per action, in binding order) and the palette's
    key (``None`` when the palette is off), from its active bindings, as Textual's footer picks
    them."""
    app = screen.app
    active = screen.active_bindings
    keys: dict[str, BarKey] = {}
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in keys:
            keys[binding.action] = BarKey(
                binding.key, app.get_key_display(binding), binding.description, enabled, tooltip
            )
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tip = active[app.COMMAND_PALETTE_BINDING]
        palette = BarKey(
            binding.key,
            app.get_key_display(binding),
            binding.description,
            enabled,
            binding.tooltip or binding.description,
        )
    return tuple(keys.values()), palette


class KeysBar(Widget, can_focus=False):
    """The keys bound where the focus is, drawn as one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-bar--key",
        "keys-bar--description",
        "keys-bar--disabled",
        "keys-bar--hover",
        "keys-bar--edge",
    }

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[BarKey, ...] = ()
        """Every key the bindings show here, in order (those that fit are drawn)."""
        self.palette: BarKey | None = None
        """The palette's key, drawn at the right edge."""
        self._spans: list[tuple[int, int, BarKey]] = []
        """Where each drawn key is on the line (start, end, key): what a click presses."""
        self._hover: BarKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys, palette = bar_keys(screen)
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    @property
    def shown(self) -> tuple[BarKey, ...]:
        """The keys drawn at the bar's width (the palette's key not among them)."""
        room = self.size.width - (palette_width(self.palette) if self.palette else 0)
        return self.keys[: keys_that_fit(self.keys, room)]

    def render(self) -> Text:
        base = self.rich_style
        key_style = self.get_component_rich_style("keys-bar--key")
        description_style = self.get_component_rich_style("keys-bar--description")
        disabled = self.get_component_rich_style("keys-bar--disabled", partial=True)
        # The hover colour is translucent: blended over the bar (a partial style drops its alpha:
        # white behind light text in the dark theme).
        hover = Style(bgcolor=self.get_component_rich_style("keys-bar--hover").bgcolor)
        blank = Style(bgcolor=base.bgcolor)  # between the keys: no colour but the background
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []

        def add(key: BarKey, parts: tuple[str, str]) -> None:
            key_text, description_text = parts
            start = line.cell_len
            extra = Style.combine(
                [disabled if not key.enabled else Style(), hover if key is self._hover else Style()]
            )
            line.append(key_text, key_style + extra)
            line.append(description_text, description_style + extra)
            self._spans.append((start, line.cell_len, key))

        for key in self.shown:
            add(key, key_parts(key))
        if self.palette is not None:
            width = self.size.width
            line.append(" " * max(0, width - line.cell_len - palette_width(self.palette)), blank)
            line.append(PALETTE_EDGE, self.get_component_rich_style("keys-bar--edge"))
            add(self.palette, palette_parts(self.palette))
            line.append(" ", blank)
        for start, end, _key in self._spans:
            line.stylize_before(base, start, end)
        return line

    def key_at(self, x: int) -> BarKey | None:
        """The key drawn at column ``x`` of the bar, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        if key is not self._hover:
            self._hover = key
            self.tooltip = (key.tooltip or None) if key is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()
