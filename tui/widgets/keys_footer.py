"""The key bar at the foot of every view: Textual's Footer, built without restyling each key.

Textual's ``FooterKey`` starts compact and is then bound to the footer's (not compact), so each
key's styles are worked out three times as it mounts; with a dozen keys per view that was ~0.4 s
of the ~2.5 s a force's detail took to open (cProfile: ``FooterKey._watch_compact``). Here each
key is given the footer's value before it mounts, so its styles are worked out once. The keys,
their order and their look are Textual's own.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Footer whose keys mount already in the footer's compact state."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # The palette's key is not bound to the footer (it stays compact): left as it is.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget
