"""The key bar at the foot of every view: Textual's Footer, built without restyling each key, and
showing only the keys that fit whole.

Textual's ``FooterKey`` starts compact and is then bound to the footer's (not compact), so each
key's styles are worked out three times as it mounts; with a dozen keys per view that was ~0.4 s
of the ~2.5 s a force's detail took to open (cProfile: ``FooterKey._watch_compact``). Here each
key is given the footer's value before it mounts, so its styles are worked out once. The keys,
their order and their look are Textual's own.

At 80 columns the last key was cut ("q Qui"): a key that does not fit whole is left out (every
key is in the help, ``?``, and the palette, Ctrl+P).

Textual's footer builds every key again whenever the screen says its bindings may have changed:
each focus change, each screen pushed or popped, each reactive declared with ``bindings=True``.
Most such times the keys shown are the same; here the bar is rebuilt only when what it would
show differs (a journey through Forces, a detail and Compare built 231 keys for 32 shown).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[object, ...], ...]
"""What the bar shows, as :meth:`KeysFooter._shown` describes it."""


class KeysFooter(Footer):
    """Footer whose keys mount already in the footer's compact state, and that shows only the
    keys that fit whole."""

    _composed: Shown | None = None
    """What the keys now mounted show (``None`` before the first build)."""

    def _shown(self) -> Shown:
        """Every active binding as the bar would show it: its key, whether shown, as displayed,
        with its description, action, group, state and tooltip (the palette's key among them)."""
        app = self.app
        return tuple(
            (
                binding.key,
                binding.show,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group,
                binding.tooltip,
                enabled,
                tooltip,
            )
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )

    async def recompose(self) -> None:
        """Build the keys again, unless they would show what they already do (several signals
        can come before one rebuild runs; each asks for one)."""
        if self._composed is not None and self.is_attached and self._shown() == self._composed:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = self._shown()
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
