"""A modal list to pick one thing (an offence, a dataset, a year), with optional filtering."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.formatting import safe_text
from tui.screens.dialog import Dialog
from tui.widgets.cells import line
from tui.widgets.in_order_input import InOrderInput
from tui.widgets.option_list import SafeOptionList

T = TypeVar("T")


@dataclass(frozen=True)
class Choice(Generic[T]):
    """One entry of a picker."""

    label: Text
    value: T
    hint: str = ""
    """Dim text after the label (years covered, a caveat)."""


class PickerInput(InOrderInput):
    """The filter box: Up and Down move the list's highlight without leaving the box.

    What a key does to the list is done as the key reaches the box, in order with the keys
    around it: the list is filtered in the same event as the letter (a ``Changed`` message is
    handled later, after a ↓ or Enter typed behind it), and Enter chooses the row highlighted
    then (an ``Input.Submitted`` handled later read a list refilled by the letters typed after
    Enter)."""

    BINDINGS = [
        Binding("down", "screen.list_down", "Next", show=False, id="picker-down"),
        Binding("up", "screen.list_up", "Previous", show=False, id="picker-up"),
    ]

    on_filter: Callable[[str], None] | None = None
    """Called with the new text as soon as it changes."""
    on_submit: Callable[[], None] | None = None
    """Called when Enter is pressed."""

    def watch_value(self, value: str) -> None:
        if self.on_filter is not None:
            self.on_filter(value)

    async def action_submit(self) -> None:
        """Choose the highlighted row (Enter)."""
        if self.on_submit is not None:
            self.on_submit()
        else:
            await super().action_submit()


class ChoiceOption(Option, Generic[T]):
    """A row of the list, carrying its own choice: a selection handled after the list was
    refilled (Enter on a row, then letters typed before Textual handled it) still names the row
    chosen. An index into the list shown then named another row, or none (``IndexError``)."""

    def __init__(self, prompt: Text, choice: Choice[T]) -> None:
        super().__init__(prompt)
        self.choice = choice


class Picker(Dialog[T | None], Generic[T]):
    """Choose one of ``choices`` (Enter), or cancel (Esc). With ``search``, typing filters."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker-cancel"),
        Binding("j", "list_down", "Down", show=False, id="picker-j"),
        Binding("k", "list_up", "Up", show=False, id="picker-k"),
    ]

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice[T]],
        *,
        search: Callable[[str], Sequence[Choice[T]]] | None = None,
        current: T | None = None,
        placeholder: str = "type to filter",
        footer: str = "Enter chooses · Esc cancels",
        picker_id: str = "picker",
        remark: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(id=picker_id)
        self._title = title
        self._choices = list(choices)
        self._search = search
        self._current = current
        self._placeholder = placeholder
        self._footer = footer
        self._remark = remark
        """What to say under the list about the text typed (a term that is no offence code)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(line((self._title, "bold")), classes="dialog-title")
            if self._search is not None:
                box = PickerInput(placeholder=self._placeholder, id="picker-filter")
                box.on_filter, box.on_submit = self._filter, self._submit
                yield box
            yield SafeOptionList(id="picker-list")
            yield Label(line((self._footer, "dim")), classes="dialog-help", id="picker-help")

    def on_mount(self) -> None:
        self._fill(self._choices)
        # The list has no size until laid out: bring the current choice into view after that.
        self.call_after_refresh(self.query_one(OptionList).scroll_to_highlight)
        if self._search is not None:
            self.query_one(PickerInput).focus()
        else:
            self.query_one(OptionList).focus()

    def _fill(self, choices: Sequence[Choice[T]]) -> None:
        self._shown = list(choices)
        options = self.query_one(OptionList)
        options.clear_options()
        highlight = 0
        for i, choice in enumerate(self._shown):
            label = choice.label.copy()
            if choice.hint:
                label.append("  " + safe_text(choice.hint), style="dim")
            if self._current is not None and choice.value == self._current:
                label.append("  ✓", style="bold")
                highlight = i
            options.add_option(ChoiceOption(label, choice))
        if self._shown:
            options.highlighted = highlight

    def _filter(self, text: str) -> None:
        """Show the choices matching ``text`` (as it is typed)."""
        if self._search is None or self._dismissed or not self.is_attached:
            return
        self._fill(self._search(text))
        if self._shown:
            self.query_one(OptionList).highlighted = 0
        if self._remark is not None:
            said = self._remark(text)
            help_line = line((said, "")) if said else line((self._footer, "dim"))
            self.query_one("#picker-help", Label).update(help_line)

    def highlighted_choice(self) -> Choice[T] | None:
        """The choice of the row highlighted now, if any."""
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < options.option_count:
            return None
        option = options.get_option_at_index(index)
        return option.choice if isinstance(option, ChoiceOption) else None

    def _submit(self) -> None:
        """Enter in the box: the highlighted row, if any."""
        choice = self.highlighted_choice()
        if choice is not None:
            self.dismiss(choice.value)

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option)

    def _choose(self, option: Option) -> None:
        """Answer with the row's own choice (whatever the list shows by now)."""
        if isinstance(option, ChoiceOption):
            self.dismiss(option.choice.value)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)

    def action_list_down(self) -> None:
        """Move the highlight down."""
        self.query_one(OptionList).action_cursor_down()

    def action_list_up(self) -> None:
        """Move the highlight up."""
        self.query_one(OptionList).action_cursor_up()
