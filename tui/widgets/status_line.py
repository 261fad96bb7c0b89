"""Status and notes lines cut at a word, never mid-word, with ``…``; ``w`` shows them whole.

At 80×24 the Forces status line ended "~ 15" and the footer "q Qui": a reader could take a cut
word or number for a whole one. Each line of a :class:`StatusLine` is cut at the last " · " (else
the last space) that fits, and ends with "…"; ``w`` in a table (see :class:`Grid`) shows every
line of the view whole, wrapped, and again cuts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static

from tui.widgets.ascii_filter import AsciiFilter

ELLIPSIS = "…"


def fit_words(text: Text, width: int, ellipsis: str = ELLIPSIS) -> Text:
    """``text`` (one line) in ``width`` cells: whole when it fits, else cut after the last whole
    part (" · " separated) or word that fits, with "…" (``ellipsis``) after it."""
    if text.cell_len <= width or width < len(ellipsis) + 1:
        return text
    plain = text.plain
    room = width - len(ellipsis)
    cut = plain.rfind(" · ", 0, room + len(" · "))  # the " · " is dropped: only its start counts
    if cut <= 0:
        cut = plain.rfind(" ", 0, room + 1)
    if cut <= 0:
        cut = room  # one long word: cut it, and say so
    head = text[:cut]
    head.rstrip()
    head.append(ellipsis, style="dim")
    return head


@dataclass(frozen=True)
class TitleParts:
    """A title line that names an offence: ``lead`` (the view: "Compare 2023/24 → 2024/25 · "),
    the ``offence``, then a tail (" · homeoffice · 23 Apr 2026 release"). Cut as one line at
    its last " · ", the offence went first: "Compare 2023/24 → 2024/25 · homeoffice…" at 60
    columns named no offence. See :func:`fit_title`."""

    lead: Text
    offence: Text
    tails: Sequence[Text] = (Text(),)
    """The tail in fewer and fewer words, the last always shown (the dataset's name)."""
    shorter: Sequence[Text] = ()
    """The offence in fewer words (its description without the code), shortest last."""
    tail_last: bool = False
    """Leave the tail out before the offence is cut to "code…" (Compare at 60 columns with two
    partial years' labels: "… Q1-Q3 · code… · homeoffice"); the detail keeps its release."""

    @property
    def text(self) -> Text:
        """The line whole."""
        return self.lead + self.offence + self.tails[0]


def fit_title(title: TitleParts, width: int, ellipsis: str = ELLIPSIS) -> Text:
    """``title`` in ``width`` cells: the offence with the longest tail that fits; else the
    offence said shorter; else the offence cut at a word with "…" before the shortest tail, so
    the offence is named at every width where "code 86: Obscene…" fits; where only "code…"
    would fit beside the tail, the offence without the tail when :attr:`TitleParts.tail_last`."""
    lead, tail = title.lead, title.tails[-1]
    tries = [(title.offence, t) for t in title.tails] + [(o, tail) for o in title.shorter]
    for offence, end in tries:
        if lead.cell_len + offence.cell_len + end.cell_len <= width:
            return lead + offence + end
    shortest = tries[-1][0]
    for end in (tail, Text()) if title.tail_last else (tail,):
        room = width - lead.cell_len - end.cell_len
        if room <= len(ellipsis) + 1:  # no room for the offence
            continue
        # The offence cut at a word ("code 86: Obscene…"); its description, if that leaves
        # only "code…" (Scotland's codes are long: "code g2-indecent-photos-of-children: …").
        offence = fit_words(title.offence, room, ellipsis)
        if len(offence.plain.split()) < 2:
            offence = fit_words(shortest, room, ellipsis)
        if len(offence.plain.split()) >= 2 or not title.tail_last:
            return lead + offence + end
    return fit_words(lead + shortest + tail, width, ellipsis)  # the line cut at a word


def more_follows(text: Text, width: int, ellipsis: str = ELLIPSIS) -> Text:
    """``text`` (one line) with " …" after it, cut at a word to make room: the last line shown
    of a text that goes on."""
    plain = text.plain.rstrip()
    room = width - len(ellipsis) - 1
    if len(plain) > room:
        cut = plain.rfind(" ", 0, room + 1)
        plain = plain[: cut if cut > 0 else room].rstrip()
    head = text[: len(plain)]
    head.append(f" {ellipsis}" if plain else ellipsis, style="dim")
    return head


class StatusLine(Static):
    """A status or notes line (or a few lines): each cut at a word to the width, unless
    :attr:`whole`; at most ``max_lines`` lines, the last saying how many more ``w`` shows."""

    def __init__(
        self,
        content: str | Text = "",
        *,
        max_lines: int = 1,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
        uncut: str = "",
        wrap: bool = False,
    ) -> None:
        super().__init__(content, id=id, classes=classes)
        self.max_lines = max_lines
        self.uncut = uncut
        self.wrap = wrap
        """Wrap the text at words into ``max_lines``, the last cut at a word with "…" (a source
        line ended "via a third-party copy · Open Government", no mark of the cut)."""
        """When set, the text is wrapped at words, and this is shown instead when it does not fit
        in ``max_lines`` (a legend is read whole or not at all: "dots: England…" would name
        another series)."""
        self.whole = False
        """Show every line whole, wrapped (``w``)."""
        self._full = content.copy() if isinstance(content, Text) else Text(content)
        self._title: TitleParts | None = None

    @property
    def full_text(self) -> str:
        """Everything the line holds, uncut."""
        return self._full.plain

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show ``content`` (a ``Text`` or a plain string, never markup)."""
        self._title = None
        self._full = content.copy() if isinstance(content, Text) else Text(str(content))
        super().update(self._full, layout=layout)

    @property
    def title_parts(self) -> TitleParts | None:
        """The first line's parts when it is a title (:meth:`show_titled`), else ``None``."""
        return self._title

    def show_titled(self, title: TitleParts, rest: Text | None = None) -> None:
        """Show ``title`` as the first line, cut by :func:`fit_title` so the offence stays
        named, and ``rest`` (more lines, each starting with a newline) as any other line."""
        self.update(title.text + (rest or Text()))
        self._title = title

    def show_whole(self, whole: bool) -> None:
        """Show every line whole (wrapped), or cut to the width again."""
        self.whole = whole
        self.set_class(whole, "-whole")
        self.refresh(layout=True)

    def render(self) -> Fitted:
        # In ASCII mode "…" would be drawn as "." and read as a full stop: "..." instead.
        ascii_only = any(isinstance(f, AsciiFilter) for f in self.app.get_line_filters())
        fitted = Fitted(self._full, self.max_lines, whole=self.whole, ascii_only=ascii_only)
        fitted.uncut, fitted.wrap, fitted.title = self.uncut, self.wrap, self._title
        return fitted


class Fitted:
    """What a :class:`StatusLine` draws: its text, each line cut at a word to the width it is
    drawn in (unless ``whole``). As a string it is the whole text (what the line holds)."""

    def __init__(self, text: Text, max_lines: int, *, whole: bool, ascii_only: bool) -> None:
        self.text, self.max_lines, self.whole = text, max_lines, whole
        self.ellipsis = "..." if ascii_only else ELLIPSIS
        self.wrap = False
        """Wrapped at words (see :attr:`StatusLine.wrap`)."""
        self.uncut = ""
        """Drawn instead when the text, wrapped at words, does not fit in ``max_lines`` (see
        :attr:`StatusLine.uncut`)."""
        self.title: TitleParts | None = None
        """The first line's parts, cut by :func:`fit_title` (see :meth:`StatusLine.show_titled`)."""

    def __str__(self) -> str:
        return self.text.plain

    def fitted(self, width: int) -> Text:
        """The lines as drawn in ``width`` cells."""
        if self.whole or width <= 0:
            return self.text
        lines = self.text.split("\n", allow_blank=True)
        shown = [fit_words(row, width, self.ellipsis) for row in lines]
        if self.title is not None:
            shown[0] = fit_title(self.title, width, self.ellipsis)
        if len(shown) > self.max_lines:
            more = len(shown) - self.max_lines + 1
            shown = [*shown[: self.max_lines - 1], Text(f"{self.ellipsis} {more} more lines (w)")]
        return Text("\n").join(shown)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if self.uncut and not self.whole and width > 0:
            # Wrapped at words, whole: line by line, else as one paragraph; or not at all.
            words = self.text.plain.split()  # a word wider than the line would be folded
            if all(len(w) <= width for w in words):
                paragraph = Text(" · ").join(self.text.split("\n"))
                for text in (self.text, paragraph):
                    wrapped = text.wrap(console, width)
                    if len(wrapped) <= self.max_lines:
                        yield Text("\n").join(wrapped)
                        return
            yield Text(self.uncut, style="dim")
            return
        if self.wrap and not self.whole and width > 0:
            lines = list(self.text.wrap(console, width))
            if len(lines) > self.max_lines:
                last = lines[self.max_lines - 1]
                lines = [*lines[: self.max_lines - 1], more_follows(last, width, self.ellipsis)]
            yield Text("\n").join(lines)
            return
        yield self.fitted(width)


@runtime_checkable
class CutsText(Protocol):
    """A widget that cuts its text to its width unless told to show it whole (``w``)."""

    whole: bool

    def show_whole(self, whole: bool) -> None: ...


def whole_lines(screen: Widget) -> None:
    """``w``: every status and notes line of ``screen`` whole, or (again) cut at a word; so too
    every other widget of it that cuts its text (the detail's offence names and addresses)."""
    lines = [w for w in screen.walk_children() if isinstance(w, CutsText)]
    whole = not any(s.whole for s in lines)
    for status in lines:
        status.show_whole(whole)


__all__ = ["CutsText", "StatusLine", "TitleParts", "fit_title", "fit_words", "whole_lines"]
