"""The search box of the Forces view: filters on every keystroke; Esc clears it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, Label


def placeholder(word: str) -> str:
    """The empty search box's text: what to type to find a ``word`` (a force)."""
    return f"type to find a {word} (name, alias{', ONS code' if word == 'force' else ''})"


class SearchInput(Input):
    """The input itself, with Esc to clear and Down/Enter to leave it."""

    on_query: Callable[[str], None] | None = None
    """Called with the new text as soon as it changes, in the same event as the keystroke, so the
    filtered table is painted in the same frame as the typed letter (a ``Changed`` message would
    arrive one frame later)."""

    def _watch_value(self, value: str) -> None:
        # Textual's Input sets its virtual size (the text's width) on every change, and the virtual
        # size is a layout reactive: each keystroke re-laid the whole screen (~10 ms of a
        # keystroke, issue 11). The box has a fixed size (see app.tcss), so the new width is only
        # stored, for sideways scrolling of a long text; the value's own repaint draws it.
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def watch_value(self, value: str) -> None:
        if self.on_query is not None:
            self.on_query(value)

    async def _on_key(self, event: events.Key) -> None:
        # "/" opens a search; typed at the start of an empty box it is that, not a letter: the
        # Forces view opens with the keys in its box, and "/kent" found nothing.
        if event.character == "/" and not self.value:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    # Priority bindings: handled as the key arrives, so the keys typed after ↓ reach the table
    # (↓ then "v" typed at once once typed "v" into the box).
    BINDINGS = [
        Binding("escape", "clear_or_leave", "Clear search", id="search-clear", priority=True),
        Binding("down", "leave", "To table", show=False, id="search-leave", priority=True),
    ]

    when_left: Callable[[], None] | None = None
    """Called (at once) when the user leaves the box for the table; else :class:`Left` is
    posted."""

    @dataclass
    class Left(Message):
        """The user left the search box for the table."""

    def action_clear_or_leave(self) -> None:
        """Clear the text; if it is already empty, go to the table."""
        if self.value:
            self.value = ""
        else:
            self.action_leave()

    def action_leave(self) -> None:
        """Go to the table."""
        if self.when_left is not None:
            self.when_left()
        else:
            self.post_message(self.Left())


class SearchBar(Horizontal):
    """A one-line search box: ``/`` then what to find."""

    @dataclass
    class Submitted(Message):
        """Enter was pressed in the search box."""

        query: str

    def __init__(
        self,
        *,
        on_query: Callable[[str], None] | None = None,
        when_left: Callable[[], None] | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(id=id)
        self._on_query, self._when_left = on_query, when_left

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        box = SearchInput(placeholder=placeholder("force"), id="search-input")
        box.on_query = self._on_query
        box.when_left = self._when_left
        yield box

    def name_rows(self, word: str) -> None:
        """Say what a row is ("council area" for Scotland's, which have no ONS codes here)."""
        self.input.placeholder = placeholder(word)

    @property
    def input(self) -> SearchInput:
        """The input widget."""
        return self.query_one(SearchInput)

    @property
    def value(self) -> str:
        """The current search text."""
        return self.input.value

    def clear(self) -> None:
        """Empty the search box."""
        self.input.value = ""

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()  # the owner hears of changes through ``on_query``

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))
