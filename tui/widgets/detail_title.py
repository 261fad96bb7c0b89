"""The detail's title: the force, then the offence, the dataset and its release, in which the
dataset and the release's date always stay in view.

At 80×24 the second line, ``code 86: Obscene publications etc  ·  homeoffice · 23 Apr 2026
release, third-party copy of …230426.ods``, was cut at its last " · " that fitted, to
``… · homeoffice…``: the release was off screen (issue 20). Now, where the line does not fit,
the release is said in fewer words first (the file, then the route left out: ``23 Apr 2026
release``), then the offence is cut at a word with "…"; ``w`` shows the line whole, as every
cut line.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.model.data.catalogue import DatasetInfo, release_tag
from tui.model.data.reference import Force
from tui.widgets.ascii_filter import AsciiFilter
from tui.widgets.cells import line
from tui.widgets.status_line import Fitted, StatusLine, TitleParts, fit_title, fit_words


def release_forms(info: DatasetInfo) -> list[str]:
    """The release in fewer and fewer words, each with its date: ``23 Apr 2026 release,
    third-party copy of …230426.ods``, ``…, third-party copy``, ``23 Apr 2026 release``; none
    when the catalogue names no publisher's file (the NSPCC figures, an import)."""
    tag = release_tag(info)
    if not tag:
        return []
    forms = [tag]
    if " of " in tag:
        forms.append(tag.rsplit(" of ", 1)[0])
    forms.append(tag.split(", ", 1)[0])
    return list(dict.fromkeys(forms))


def dataset_tails(dataset: str, info: DatasetInfo) -> list[Text]:
    """What a view's title says after the offence, in fewer and fewer words: `` · homeoffice ·
    `` and each of :func:`release_forms`, then `` · homeoffice`` (as the detail's title, the
    release is said in fewer words, unmarked; a "…" after the name, at the line's end, was
    drawn "homeoffi..." in ASCII mode)."""
    tails = [line(f" · {dataset} · {form}") for form in release_forms(info)]
    return [*tails, line(f" · {dataset}")]


class TitleLines(Fitted):
    """What a :class:`DetailTitle` draws: the head line cut at a word as any status line, then
    the offence with the longest tail (dataset and release) that fits; else the offence said
    shorter (its description without the code), else cut at a word."""

    def __init__(
        self,
        head: Text,
        offence: Text,
        tails: Sequence[Text],
        shorter: Sequence[Text] = (),
        *,
        whole: bool,
        ascii_only: bool,
    ) -> None:
        super().__init__(
            Text("\n").join([head, offence + tails[0]]), 2, whole=whole, ascii_only=ascii_only
        )
        self.head, self.offence, self.tails = head, offence, tails
        self.shorter = shorter
        """The offence in fewer words (its description without the code), shortest last."""

    def fitted(self, width: int) -> Text:
        if self.whole or width <= 0:
            return self.text
        head = fit_words(self.head, width, self.ellipsis)
        title = TitleParts(Text(), self.offence, self.tails, self.shorter)
        return Text("\n").join([head, fit_title(title, width, self.ellipsis)])


class DetailTitle(StatusLine):
    """The detail's two title lines (see the module's docstring)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__("", max_lines=2, id=id, classes=classes)
        self._head = Text()
        self._offence = Text()
        self._tails: list[Text] = [Text()]
        self._shorter: list[Text] = []

    def show_title(self, force: Force, offence: str, dataset: str, info: DatasetInfo) -> None:
        """The force (region, ONS code), then the offence, the dataset and its release."""
        where = " · ".join(p for p in (force.place, force.ons_code) if p)
        self._head = line((force.name, "bold"), f"  {where}")
        self._offence = line((offence, "bold"))
        code, _, description = offence.partition(": ")
        # "code g2-indecent-photos-of-children: Indecent photos of children" (Scotland's)
        self._shorter = [line((description, "bold"))] if code.startswith("code ") else []
        forms = release_forms(info)
        self._tails = [line(f"  ·  {dataset}", f" · {form}") for form in forms] or [
            line(f"  ·  {dataset}")
        ]
        self.update(Text("\n").join([self._head, self._offence + self._tails[0]]))

    def render(self) -> TitleLines:
        ascii_only = any(isinstance(f, AsciiFilter) for f in self.app.get_line_filters())
        return TitleLines(
            self._head,
            self._offence,
            self._tails,
            self._shorter,
            whole=self.whole,
            ascii_only=ascii_only,
        )


__all__ = ["DetailTitle", "TitleLines", "dataset_tails", "release_forms"]
