"""The key bar at the foot of every view: Textual's Footer, built without restyling each key, and
showing only the keys that fit whole.

Textual's ``FooterKey`` starts compact and is then bound to the footer's (not compact), so each
key's styles are worked out three times as it mounts; with a dozen keys per view that was ~0.4 s
of the ~2.5 s a force's detail took to open (cProfile: ``FooterKey._watch_compact``). Here each
key is given the footer's value before it mounts, so its styles are worked out once. The keys,
their order and their look are Textual's own.

At 80 columns the last key was cut ("q Qui"): a key that does not fit whole is left out (every
key is in the help, ``?``, and the palette, Ctrl+P).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Footer whose keys mount already in the footer's compact state, and that shows only the
    keys that fit whole."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # The palette's key is not bound to the footer (it stays compact): left as it is.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        """Another width: every key back, then those that do not fit whole left out again."""
        for key in self.query(FooterKey):
            key.display = True
        self.call_after_refresh(self._fit)

    def _fit(self, tries: int = 20) -> None:
        keys = list(self.query(FooterKey))
        if any(not k.region for k in keys if k.display) and tries > 0:
            # Keys just mounted (a recompose when the bindings change) are not laid out yet:
            # their regions are empty and would all seem to fit. Fit them once they are.
            self.call_after_refresh(self._fit, tries - 1)
            return
        palette = [k for k in keys if k.has_class("-command-palette")]
        edge = min((k.region.x for k in palette if k.region), default=self.region.right)
        for key in keys:
            if key not in palette and key.region.right > edge:
                key.display = False
