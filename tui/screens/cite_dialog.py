"""The cite dialog: how to cite what is on screen (text, BibTeX or JSON), and the ``ox`` command
that prints the same figures, each copyable over OSC 52.

``K`` opens it on the citation, ``R`` on the command; both keys switch between the two inside it.
The citation is exactly what ``ox cite`` prints for the same selection (the dialog shows that
command too), built by :mod:`tui.model.findings.view_citation` from what the view says it shows
(:meth:`tui.screens.base.ExplorerScreen.shown_view`).
"""

from __future__ import annotations

from typing import Any, Literal

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.formatting import copied, safe_text
from tui.model.data.catalogue import bundled_datasets
from tui.model.findings.citation import FORMATS
from tui.model.findings.view_citation import CiteSheet, cite_sheet, render_sheet
from tui.screens.base import ExplorerScreen
from tui.screens.dialog import Dialog
from tui.widgets.cells import line

Mode = Literal["cite", "reproduce"]
FORMAT_NAMES = {"text": "Text", "bibtex": "BibTeX", "json": "JSON"}


class CiteDialog(Dialog[None]):
    """A view's citation (format switchable) or its reproducing command, copyable."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="cite-close"),
        Binding("f", "next_format", "Next format", id="cite-format"),
        Binding("c", "copy", "Copy", id="cite-copy"),
        Binding("K", "mode('cite')", "Citation", id="cite-show-citation"),
        Binding("R", "mode('reproduce')", "Command", id="cite-show-command"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="cite-down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="cite-up"),
        Binding(
            "w",
            "whole_lines",
            "Lines whole, one row each, scrolled sideways; w again: wrapped at words",
            id="cite-whole",
        ),
        Binding("h,left", "scroll_sideways(-1)", "Left", show=False, id="cite-left"),
        Binding("l,right", "scroll_sideways(1)", "Right", show=False, id="cite-right"),
    ]

    def __init__(self, sheet: CiteSheet, mode: Mode = "cite", fmt: str = "text") -> None:
        super().__init__(id="cite-dialog")
        self.sheet = sheet
        self.mode: Mode = mode
        self.format = fmt
        self.shown = ""
        """What ``c`` copies: the citation in the current format, or the command."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="cite-box"):
            yield Static("", id="cite-tabs", classes="dialog-title")
            yield Static("", id="cite-formats")
            with VerticalScroll(id="cite-scroll"):
                yield Static("", id="cite-body")
            yield Static(
                line(("f format · c copy · w whole · K cite · R command · Esc closes", "dim")),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self._show()

    def _tab(self, mode: Mode, label: str) -> tuple[str, str]:
        return (f" {label} ", "reverse bold" if mode == self.mode else "dim")

    def _show(self) -> None:
        self.query_one("#cite-tabs", Static).update(
            line(self._tab("cite", "Cite (K)"), " ", self._tab("reproduce", "Reproduce (R)"))
        )
        formats = self.query_one("#cite-formats", Static)
        if self.mode == "cite":
            self.shown = render_sheet(self.sheet, self.format)
            parts: list[str | tuple[str, str]] = ["Format (f): "]
            for fmt in FORMATS:
                style = "bold underline" if fmt == self.format else "dim"
                parts += [(FORMAT_NAMES[fmt], style), "  "]
            formats.update(line(*parts))
            body = line(self.shown.rstrip("\n"))
        else:
            self.shown = self.sheet.command
            formats.update(line("The command that prints the figures of this view:"))
            body = self._commands()
        self.query_one("#cite-body", Static).update(body)

    def _commands(self) -> Text:
        sheet = self.sheet
        text = line(
            (sheet.command, "bold"),
            ("\n(add --format csv, json or markdown for a file)\n\n", "dim"),
            "and its citation (ox cite --help for the formats):\n",
        )
        for command in sheet.cite_commands:
            text.append_text(line((command, "bold"), "\n"))
        text.rstrip()
        return text

    def action_mode(self, mode: Mode) -> None:
        """Show the citation or the command."""
        self.mode = mode
        self._show()

    def action_next_format(self) -> None:
        """Cycle the citation's format: text, BibTeX, JSON."""
        self.format = FORMATS[(FORMATS.index(self.format) + 1) % len(FORMATS)]
        if self.mode != "cite":
            self.mode = "cite"
        self._show()

    def action_copy(self) -> None:
        """Copy what is shown (OSC 52: works over SSH in most terminals)."""
        self.app.copy_to_clipboard(self.shown)
        what = f"citation ({FORMAT_NAMES[self.format]})" if self.mode == "cite" else "command"
        self.notify(copied(f"the {what}", web=self.app.is_web), timeout=5)

    def action_scroll(self, step: int) -> None:
        """Scroll a long citation."""
        scroll = self.query_one("#cite-scroll", VerticalScroll)
        (scroll.scroll_down if step > 0 else scroll.scroll_up)()

    def action_whole_lines(self) -> None:
        """Every line whole on one row, the box scrolling sideways; or (again) wrapped at words.
        Wrapped, a web address is never broken across rows: it starts a row, and one wider than
        the box is cut with "…" (issue 20: the gov.uk address was split "…police-recorded-crime-
        ope" / "n-data-tables")."""
        for node in (self.query_one("#cite-scroll"), self.query_one("#cite-body")):
            node.toggle_class("-whole")

    def action_scroll_sideways(self, step: int) -> None:
        """Scroll whole lines left or right."""
        scroll = self.query_one("#cite-scroll", VerticalScroll)
        scroll.scroll_relative(x=step * max(4, scroll.size.width // 2), animate=False)

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)


def open_cite_dialog(app: App[Any], mode: Mode) -> None:
    """Cite (or show the command of) the view on screen; in the dialog, switch to ``mode``."""
    screen = app.screen
    if isinstance(screen, CiteDialog):
        screen.action_mode(mode)
        return
    shown = screen.shown_view() if isinstance(screen, ExplorerScreen) else None
    if shown is None:
        said = screen.nothing_to("cite") if isinstance(screen, ExplorerScreen) else ""
        app.notify(safe_text(said or "Nothing to cite here yet."), timeout=4, markup=False)
        return
    app.push_screen(CiteDialog(cite_sheet(shown, bundled_datasets()), mode))
