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
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.formatting import safe_text
from tui.screens.dialog import Dialog
from tui.widgets.cells import line
from tui.widgets.option_list import SafeOptionList

T = TypeVar("T")


@dataclass(frozen=True)
class Choice(Generic[T]):
    """One entry of a picker."""

    label: Text
    value: T
    hint: str = ""
    """Dim text after the label (years covered, a caveat)."""


class PickerInput(Input):
    """The filter box: Up and Down move the list's highlight without leaving the box."""

    BINDINGS = [
        Binding("down", "screen.list_down", "Next", show=False, id="picker-down"),
        Binding("up", "screen.list_up", "Previous", show=False, id="picker-up"),
    ]


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
                yield PickerInput(placeholder=self._placeholder, id="picker-filter")
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
            options.add_option(Option(label))
        if self._shown:
            options.highlighted = highlight

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        assert self._search is not None
        self._fill(self._search(event.value))
        if self._shown:
            self.query_one(OptionList).highlighted = 0
        if self._remark is not None:
            said = self._remark(event.value)
            help_line = line((said, "")) if said else line((self._footer, "dim"))
            self.query_one("#picker-help", Label).update(help_line)

    @on(Input.Submitted, "#picker-filter")
    def _submit_filter(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and self._shown:
            self.dismiss(self._shown[index].value)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index].value)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)

    def action_list_down(self) -> None:
        """Move the highlight down."""
        self.query_one(OptionList).action_cursor_down()

    def action_list_up(self) -> None:
        """Move the highlight up."""
        self.query_one(OptionList).action_cursor_up()
